import SQLKit

/// Anonymous submissions (a receipt code, kept as its digest), the submitter's internal review, commitments from
/// accepted asks (responsible body, milestones), files, and followers: subscriptions tied to one submission.
struct ExtendSubmissions: AgoraMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        let bytes = sql.dialect.name == "postgresql" ? "BYTEA" : "BLOB"
        for statement in [
            "ALTER TABLE submissions ADD COLUMN receipt_digest TEXT",
            "CREATE UNIQUE INDEX submissions_receipt ON submissions (receipt_digest)",
            "ALTER TABLE submissions ADD COLUMN review_state TEXT",
            "ALTER TABLE submissions ADD COLUMN review_requested_on TEXT",
            "ALTER TABLE submission_asks ADD COLUMN responsible_body TEXT",
            "ALTER TABLE submission_asks ADD COLUMN milestones TEXT NOT NULL DEFAULT '[]'",
            """
            CREATE TABLE submission_files (
                id TEXT PRIMARY KEY, submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, data \(bytes) NOT NULL,
                added_by TEXT NOT NULL, added_at TEXT NOT NULL)
            """,
            "CREATE INDEX submission_files_submission ON submission_files (submission_id, added_at)",
            // A follower's subscription: the body's own lists and fan-out leave these out.
            "ALTER TABLE subscriptions ADD COLUMN submission_id TEXT",
            "ALTER TABLE subscriptions ADD COLUMN person_id TEXT",
            "CREATE INDEX subscriptions_submission ON subscriptions (submission_id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on sql: any SQLDatabase) async throws {
        for statement in [
            "DROP INDEX subscriptions_submission", "ALTER TABLE subscriptions DROP COLUMN person_id",
            "ALTER TABLE subscriptions DROP COLUMN submission_id", "DROP TABLE submission_files",
            "ALTER TABLE submission_asks DROP COLUMN milestones", "ALTER TABLE submission_asks DROP COLUMN responsible_body",
            "ALTER TABLE submissions DROP COLUMN review_requested_on", "ALTER TABLE submissions DROP COLUMN review_state",
            "DROP INDEX submissions_receipt", "ALTER TABLE submissions DROP COLUMN receipt_digest",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }
}

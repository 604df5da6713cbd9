import SQLKit

/// Photos and recordings of reports, in the store itself: a backup holds them, PostgreSQL serves them to every
/// server of an installation, and they go with their report. Only metadata-free copies are written (`Media.check`).
struct CreateReportAttachments: AgoraMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        let bytes = sql.dialect.name == "postgresql" ? "BYTEA" : "BLOB"
        try await sql.raw(
            SQLQueryString(
                """
                CREATE TABLE report_attachments (
                    id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
                    data \(unsafeRaw: bytes) NOT NULL, added_by TEXT NOT NULL, added_at TEXT NOT NULL)
                """)
        ).run()
        try await sql.raw("CREATE INDEX report_attachments_report ON report_attachments (report_id, added_at)").run()
    }

    func revert(on sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE report_attachments").run()
    }
}

/// Public holidays (the working-day clock), submissions to bodies with their asks and history.
struct CreateAccountability: SQLMigration {
    var up: [String] {
        [
            "CREATE TABLE holidays (country TEXT NOT NULL, day TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (country, day))",
            """
            CREATE TABLE submissions (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, kind TEXT NOT NULL,
                title TEXT NOT NULL, summary TEXT NOT NULL, area_code TEXT NOT NULL, topic TEXT NOT NULL, submitter_person TEXT,
                submitter_name TEXT NOT NULL, organisation TEXT, protected BOOLEAN NOT NULL, classification TEXT NOT NULL, state TEXT NOT NULL,
                country TEXT NOT NULL, received_on TEXT NOT NULL, acknowledged_on TEXT, answered_on TEXT, extension_days BIGINT NOT NULL,
                paused TEXT NOT NULL, paused_since TEXT, transferred_to TEXT, flag TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX submissions_body ON submissions (body_code, state)",
            """
            CREATE TABLE submission_asks (
                submission_id TEXT NOT NULL REFERENCES submissions(id) DEFERRABLE INITIALLY DEFERRED, n BIGINT NOT NULL, text TEXT NOT NULL,
                answer TEXT, reason TEXT, published BOOLEAN NOT NULL, progress BIGINT NOT NULL, due_on TEXT, PRIMARY KEY (submission_id, n))
            """,
            """
            CREATE TABLE submission_events (
                submission_id TEXT NOT NULL REFERENCES submissions(id) DEFERRABLE INITIALLY DEFERRED, seq BIGINT NOT NULL, at TEXT NOT NULL,
                kind TEXT NOT NULL, note TEXT, actor TEXT NOT NULL, PRIMARY KEY (submission_id, seq))
            """,
        ]
    }
    var down: [String] { ["DROP TABLE submission_events", "DROP TABLE submission_asks", "DROP TABLE submissions", "DROP TABLE holidays"] }
}

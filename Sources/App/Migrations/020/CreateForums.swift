/// Dialogue forums a body convenes, and their sessions with who took part.
struct CreateForums: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE forums (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL,
                mandate TEXT NOT NULL, topics TEXT NOT NULL, areas TEXT NOT NULL, partners TEXT NOT NULL, standing BOOLEAN NOT NULL,
                targets TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE forum_sessions (
                id TEXT PRIMARY KEY, forum_id TEXT NOT NULL REFERENCES forums(id) DEFERRABLE INITIALLY DEFERRED, held_on TEXT NOT NULL,
                participants TEXT NOT NULL, agenda TEXT NOT NULL, resolutions TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            "CREATE INDEX forum_sessions_forum ON forum_sessions (forum_id, held_on)",
        ]
    }
    var down: [String] { ["DROP TABLE forum_sessions", "DROP TABLE forums"] }
}

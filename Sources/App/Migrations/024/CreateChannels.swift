/// Channels for monitors: the channel each report came by, gateway messages kept by their id (a replay is answered
/// again, never stored twice), and reporters' phone numbers as keyed hashes (recognised without being kept in clear).
struct CreateChannels: SQLMigration {
    var up: [String] {
        [
            "ALTER TABLE reports ADD COLUMN channel TEXT NOT NULL DEFAULT 'web'",
            """
            CREATE TABLE inbound_messages (
                gateway TEXT NOT NULL, message_id TEXT NOT NULL, received_at TEXT NOT NULL, sender_key TEXT NOT NULL, report_id TEXT,
                reply TEXT NOT NULL, PRIMARY KEY (gateway, message_id))
            """,
            "ALTER TABLE reporters ADD COLUMN phone_key TEXT",
            "CREATE INDEX reporters_phone ON reporters (phone_key)",
        ]
    }
    var down: [String] {
        [
            "DROP INDEX reporters_phone", "ALTER TABLE reporters DROP COLUMN phone_key", "DROP TABLE inbound_messages",
            "ALTER TABLE reports DROP COLUMN channel",
        ]
    }
}

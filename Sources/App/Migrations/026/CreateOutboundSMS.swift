/// Replies that go out through a gateway's SMS API (Africa's Talking), retried until sent. The number is sealed with
/// the installation's vault, bound to the row, and erased once the message is sent or given up on.
struct CreateOutboundSMS: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE outbound_sms (
                id TEXT PRIMARY KEY, gateway TEXT NOT NULL, to_sealed TEXT, message TEXT NOT NULL, created_at TEXT NOT NULL,
                status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT NOT NULL, detail TEXT, sent_at TEXT)
            """,
            "CREATE INDEX outbound_sms_due ON outbound_sms (status, next_at)",
        ]
    }
    var down: [String] { ["DROP INDEX outbound_sms_due", "DROP TABLE outbound_sms"] }
}

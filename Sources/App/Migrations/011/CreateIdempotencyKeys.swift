/// Answers already given to creating requests, by the caller's `Idempotency-Key`, for a day: a client that
/// retries after a lost answer gets the first answer again instead of creating a second record.
/// `location` is written in the transaction that creates the record, so a request whose answer was lost in a
/// crash is still known as done; `status` and `body` follow once the answer is made.
struct CreateIdempotencyKeys: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE idempotency_keys (
                caller TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                location TEXT,
                status BIGINT,
                content_type TEXT,
                body TEXT,
                created_at TEXT NOT NULL,
                PRIMARY KEY (caller, key)
            )
            """,
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
        ]
    }
    var down: [String] { ["DROP TABLE idempotency_keys"] }
}

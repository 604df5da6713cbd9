/// Federation between installations (docs/FEDERATION.md): the peers and their public keys, the data-sharing
/// agreements, the signed outbox drained to NATS, what was received (one row per record, with its provenance;
/// one per event, for idempotence) and what was quarantined.
struct CreateFederation: SQLMigration {
    var up: [String] {
        [
            "CREATE TABLE federation_peers (id TEXT PRIMARY KEY, name TEXT NOT NULL, public_key TEXT NOT NULL, added_at TEXT NOT NULL)",
            """
            CREATE TABLE sharing_agreements (
                id TEXT PRIMARY KEY, origin TEXT NOT NULL, recipient TEXT NOT NULL, state TEXT NOT NULL, document TEXT NOT NULL,
                updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE federation_outbox (
                event_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, signature TEXT NOT NULL,
                record_type TEXT NOT NULL, record_id TEXT NOT NULL, shared_id TEXT NOT NULL, created_at TEXT NOT NULL,
                published_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT)
            """,
            "CREATE INDEX federation_outbox_pending ON federation_outbox (published_at, event_id)",
            """
            CREATE TABLE federation_events (
                origin TEXT NOT NULL, event_id TEXT NOT NULL, kind TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (origin, event_id))
            """,
            """
            CREATE TABLE federation_records (
                origin TEXT NOT NULL, record_type TEXT NOT NULL, shared_id TEXT NOT NULL, agreement_id TEXT NOT NULL, kind TEXT NOT NULL,
                country TEXT NOT NULL, level TEXT NOT NULL, payload TEXT NOT NULL, last_event TEXT NOT NULL, first_received_at TEXT NOT NULL,
                received_at TEXT NOT NULL, agreement_ended_on TEXT, purge_after TEXT, PRIMARY KEY (origin, record_type, shared_id))
            """,
            """
            CREATE TABLE federation_quarantine (
                id TEXT PRIMARY KEY, sender TEXT, subject TEXT NOT NULL, reason TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL)
            """,
        ]
    }
    var down: [String] {
        [
            "DROP TABLE federation_quarantine", "DROP TABLE federation_records", "DROP TABLE federation_events",
            "DROP INDEX federation_outbox_pending",
            "DROP TABLE federation_outbox", "DROP TABLE sharing_agreements", "DROP TABLE federation_peers",
        ]
    }
}

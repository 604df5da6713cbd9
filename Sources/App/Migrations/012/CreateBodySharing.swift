/// Sharing partnerships: a body lets another read its `restricted` records (directional, unlike
/// `body_partners`). Before this, a CSO network of a higher level read every state body's restricted
/// records inside its jurisdiction because "above" ignored the sector; now it reads them only where shared.
struct CreateBodySharing: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE body_sharing (
                body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                reader_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                PRIMARY KEY (body_code, reader_code)
            )
            """,
            "UPDATE agora_meta SET value = value + 1 WHERE key = 'body_revision'",
        ]
    }
    var down: [String] { ["DROP TABLE body_sharing"] }
}

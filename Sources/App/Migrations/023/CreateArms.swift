import SQLKit

/// The small-arms register (weapons with their histories, ammunition lots), collection campaigns, destructions, tracing
/// requests, the signed yearly reports; DDR programmes, participants (identity sealed, keyed hashes beside them),
/// their stages and entitlements.
struct CreateArms: AgoraMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        for statement in up(bytes: sql.dialect.name == "postgresql" ? "BYTEA" : "BLOB") { try await sql.raw(SQLQueryString(statement)).run() }
    }

    func revert(on sql: any SQLDatabase) async throws {
        for statement in down { try await sql.raw(SQLQueryString(statement)).run() }
    }

    func up(bytes: String) -> [String] {
        [
            """
            CREATE TABLE weapons (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, classification TEXT NOT NULL,
                store TEXT, type TEXT NOT NULL, status TEXT NOT NULL, marks TEXT NOT NULL, serial_key TEXT NOT NULL, altered BOOLEAN NOT NULL,
                unmarked BOOLEAN NOT NULL, incident_id TEXT, area_code TEXT, campaign_id TEXT, registered_on TEXT NOT NULL, created_by TEXT NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX weapons_serial ON weapons (serial_key)",
            "CREATE INDEX weapons_body ON weapons (body_code, status)",
            """
            CREATE TABLE weapon_events (
                weapon_id TEXT NOT NULL REFERENCES weapons(id) DEFERRABLE INITIALLY DEFERRED, seq BIGINT NOT NULL, on_date TEXT NOT NULL,
                at TEXT NOT NULL, kind TEXT NOT NULL, status TEXT, body_code TEXT, details TEXT NOT NULL, actor TEXT NOT NULL,
                PRIMARY KEY (weapon_id, seq))
            """,
            """
            CREATE TABLE ammunition_lots (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, classification TEXT NOT NULL,
                lot TEXT NOT NULL, headstamp TEXT, calibre TEXT, quantity BIGINT NOT NULL, status TEXT NOT NULL, store TEXT,
                created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE arms_campaigns (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL,
                areas TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, incentives TEXT, points TEXT NOT NULL, ddr_programme TEXT,
                created_by TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE arms_destructions (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, on_date TEXT NOT NULL,
                method TEXT NOT NULL, place TEXT NOT NULL, witnesses TEXT NOT NULL, certificate TEXT, summary TEXT NOT NULL, weapons BIGINT NOT NULL,
                rounds BIGINT NOT NULL, by_type TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE arms_destruction_items (
                destruction_id TEXT NOT NULL REFERENCES arms_destructions(id) DEFERRABLE INITIALLY DEFERRED, weapon_id TEXT NOT NULL,
                PRIMARY KEY (destruction_id, weapon_id))
            """,
            """
            CREATE TABLE tracing_requests (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, classification TEXT NOT NULL,
                direction TEXT NOT NULL, counterpart TEXT NOT NULL, weapon_id TEXT, marks TEXT NOT NULL, type TEXT NOT NULL, circumstances TEXT NOT NULL,
                state TEXT NOT NULL, outcome TEXT, answer TEXT, sent_on TEXT, due_on TEXT, answered_on TEXT, created_by TEXT NOT NULL,
                created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE tracing_events (
                request_id TEXT NOT NULL, seq BIGINT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, note TEXT, actor TEXT NOT NULL,
                PRIMARY KEY (request_id, seq))
            """,
            """
            CREATE TABLE arms_reports (
                body_code TEXT NOT NULL, year BIGINT NOT NULL, figures TEXT NOT NULL, digest TEXT NOT NULL, signed_by TEXT NOT NULL,
                signed_at TEXT NOT NULL, PRIMARY KEY (body_code, year))
            """,
            """
            CREATE TABLE arms_photos (
                id TEXT PRIMARY KEY, record_type TEXT NOT NULL, record_id TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL,
                sha256 TEXT NOT NULL, data \(bytes) NOT NULL, added_by TEXT NOT NULL, added_at TEXT NOT NULL)
            """,
            "CREATE INDEX arms_photos_record ON arms_photos (record_type, record_id)",
            """
            CREATE TABLE ddr_programmes (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL,
                area_code TEXT NOT NULL, starts_on TEXT NOT NULL, child_protection TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE ddr_participants (
                id TEXT PRIMARY KEY, programme_id TEXT NOT NULL REFERENCES ddr_programmes(id) DEFERRABLE INITIALLY DEFERRED,
                body_code TEXT NOT NULL, pseudonym TEXT NOT NULL UNIQUE, category TEXT NOT NULL, sex TEXT NOT NULL, age_group TEXT NOT NULL,
                area_code TEXT NOT NULL, faction TEXT, stage TEXT NOT NULL, furthest TEXT NOT NULL, identity TEXT NOT NULL, referred_on TEXT,
                registered_on TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX ddr_participants_programme ON ddr_participants (programme_id, stage)",
            "CREATE TABLE ddr_identity_keys (match_key TEXT NOT NULL, participant_id TEXT NOT NULL, PRIMARY KEY (match_key, participant_id))",
            """
            CREATE TABLE ddr_events (
                participant_id TEXT NOT NULL, seq BIGINT NOT NULL, on_date TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, stage TEXT,
                details TEXT NOT NULL, actor TEXT NOT NULL, PRIMARY KEY (participant_id, seq))
            """,
            """
            CREATE TABLE ddr_payments (
                id TEXT PRIMARY KEY, participant_id TEXT NOT NULL REFERENCES ddr_participants(id) DEFERRABLE INITIALLY DEFERRED,
                tranche TEXT NOT NULL, amount_minor BIGINT NOT NULL, currency TEXT NOT NULL, paid_on TEXT NOT NULL, channel TEXT NOT NULL,
                acknowledged BOOLEAN NOT NULL, second_payment BOOLEAN NOT NULL, reason TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
        ]
    }
    var down: [String] {
        [
            "DROP TABLE ddr_payments", "DROP TABLE ddr_events", "DROP TABLE ddr_identity_keys", "DROP TABLE ddr_participants",
            "DROP TABLE ddr_programmes", "DROP TABLE arms_photos", "DROP TABLE arms_reports", "DROP TABLE tracing_events",
            "DROP TABLE tracing_requests",
            "DROP TABLE arms_destruction_items", "DROP TABLE arms_destructions", "DROP TABLE arms_campaigns", "DROP TABLE ammunition_lots",
            "DROP TABLE weapon_events", "DROP TABLE weapons",
        ]
    }
}

/// The org-id.guide register of identifier lists, organisations' identifiers and profiles, bodies' accreditation
/// schemes, applications and accreditations with their histories, complaints, and nominations.
struct CreateAccreditation: SQLMigration {
    var up: [String] {
        [
            "CREATE TABLE org_schemes (code TEXT PRIMARY KEY, name TEXT NOT NULL, coverage TEXT NOT NULL, deprecated BOOLEAN NOT NULL)",
            """
            CREATE TABLE organisation_identifiers (
                organisation_code TEXT NOT NULL REFERENCES organisations(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                scheme TEXT NOT NULL, id TEXT NOT NULL, match_key TEXT NOT NULL UNIQUE, PRIMARY KEY (organisation_code, scheme, id))
            """,
            "ALTER TABLE organisations ADD COLUMN profile TEXT NOT NULL DEFAULT '{}'",
            """
            CREATE TABLE accreditation_schemes (
                body_code TEXT PRIMARY KEY REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, definition TEXT NOT NULL,
                updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE accreditation_applications (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
                organisation_code TEXT NOT NULL REFERENCES organisations(code) DEFERRABLE INITIALLY DEFERRED, category TEXT NOT NULL,
                state TEXT NOT NULL, statement TEXT NOT NULL, assessments TEXT NOT NULL, decision TEXT, deferred_to TEXT, decided_on TEXT,
                accreditation_id TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX accreditation_applications_org ON accreditation_applications (organisation_code, body_code)",
            """
            CREATE TABLE accreditations (
                id TEXT PRIMARY KEY, body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
                organisation_code TEXT NOT NULL REFERENCES organisations(code) DEFERRABLE INITIALLY DEFERRED, category TEXT NOT NULL,
                status TEXT NOT NULL, granted_on TEXT NOT NULL, valid_until TEXT NOT NULL, obligations TEXT NOT NULL, hearing_until TEXT,
                suspended_until TEXT, grounds TEXT, automatic BOOLEAN NOT NULL, application_id TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX accreditations_org ON accreditations (organisation_code, status)",
            "CREATE INDEX accreditations_body ON accreditations (body_code, status)",
            """
            CREATE TABLE accreditation_events (
                record_id TEXT NOT NULL, seq BIGINT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, note TEXT, actor TEXT NOT NULL,
                PRIMARY KEY (record_id, seq))
            """,
            """
            CREATE TABLE accreditation_complaints (
                id TEXT PRIMARY KEY, accreditation_id TEXT NOT NULL REFERENCES accreditations(id) DEFERRABLE INITIALLY DEFERRED,
                text TEXT NOT NULL, evidence TEXT NOT NULL, complainant_person TEXT, received_on TEXT NOT NULL, due_on TEXT NOT NULL,
                state TEXT NOT NULL, outcome TEXT, decided_on TEXT)
            """,
            """
            CREATE TABLE nominations (
                id TEXT PRIMARY KEY, organisation_code TEXT NOT NULL REFERENCES organisations(code) DEFERRABLE INITIALLY DEFERRED,
                body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED, forum_id TEXT, name TEXT NOT NULL,
                categories TEXT NOT NULL, state TEXT NOT NULL, term_until TEXT, member_id TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL)
            """,
        ]
    }
    var down: [String] {
        [
            "DROP TABLE nominations", "DROP TABLE accreditation_complaints", "DROP TABLE accreditation_events", "DROP TABLE accreditations",
            "DROP TABLE accreditation_applications", "DROP TABLE accreditation_schemes", "ALTER TABLE organisations DROP COLUMN profile",
            "DROP TABLE organisation_identifiers", "DROP TABLE org_schemes",
        ]
    }
}

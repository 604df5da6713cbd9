/// Organisations, bodies (with jurisdiction, mandate topics and partners) and body members.
struct CreateInstitutions: SQLMigration {
    let up = [
        """
        CREATE TABLE organisations (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country_code TEXT REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            website TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE bodies (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            names TEXT NOT NULL DEFAULT '{}',
            level TEXT NOT NULL,
            kind TEXT NOT NULL,
            organisation_code TEXT REFERENCES organisations(code) DEFERRABLE INITIALLY DEFERRED,
            parent_code TEXT REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            legal_basis TEXT,
            description TEXT,
            website TEXT,
            worldwide BOOLEAN NOT NULL DEFAULT FALSE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX bodies_parent ON bodies (parent_code)",
        "CREATE INDEX bodies_level ON bodies (level)",
        """
        CREATE TABLE body_jurisdictions (
            body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            area_code TEXT NOT NULL REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            PRIMARY KEY (body_code, area_code)
        )
        """,
        "CREATE INDEX body_jurisdictions_area ON body_jurisdictions (area_code)",
        """
        CREATE TABLE body_topics (
            body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            topic TEXT NOT NULL,
            PRIMARY KEY (body_code, topic)
        )
        """,
        """
        CREATE TABLE body_partners (
            body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            partner_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            PRIMARY KEY (body_code, partner_code)
        )
        """,
        """
        CREATE TABLE body_members (
            id TEXT PRIMARY KEY,
            body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            organisation_code TEXT REFERENCES organisations(code) DEFERRABLE INITIALLY DEFERRED,
            categories TEXT NOT NULL,
            role TEXT,
            since TEXT,
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX body_members_body ON body_members (body_code)",
    ]
    let down = [
        "DROP TABLE body_members", "DROP TABLE body_partners", "DROP TABLE body_topics",
        "DROP TABLE body_jurisdictions", "DROP TABLE bodies", "DROP TABLE organisations",
    ]
}

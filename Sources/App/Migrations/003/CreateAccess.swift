/// People and their roles per body, sign-in sessions, API tokens, the audit trail, protected
/// reporters, and the first classified records (documents) with their need-to-know grants.
struct CreateAccess: SQLMigration {
    let up = [
        "INSERT INTO agora_meta (key, value) VALUES ('body_revision', 0)",
        """
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            installation_admin BOOLEAN NOT NULL DEFAULT FALSE,
            disabled BOOLEAN NOT NULL DEFAULT FALSE,
            failed_sign_ins BIGINT NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE role_grants (
            person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            role TEXT NOT NULL,
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (person_id, body_code, role)
        )
        """,
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            expires_at TEXT,
            last_used_at TEXT,
            revoked_at TEXT
        )
        """,
        "CREATE INDEX api_tokens_person ON api_tokens (person_id)",
        """
        CREATE TABLE audit_head (
            id BIGINT PRIMARY KEY,
            seq BIGINT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')",
        """
        CREATE TABLE audit_log (
            seq BIGINT PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            record_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_log_record ON audit_log (record_type, record_id)",
        """
        CREATE TABLE reporters (
            id TEXT PRIMARY KEY,
            pseudonym TEXT NOT NULL UNIQUE,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            contact_sealed TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            summary TEXT NOT NULL,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            classification TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX documents_body ON documents (body_code)",
        """
        CREATE TABLE record_grants (
            record_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            grantee_kind TEXT NOT NULL,
            grantee TEXT NOT NULL,
            PRIMARY KEY (record_type, record_id, grantee_kind, grantee)
        )
        """,
    ]
    let down = [
        "DROP TABLE record_grants", "DROP TABLE documents", "DROP TABLE reporters", "DROP TABLE audit_log",
        "DROP TABLE audit_head", "DROP TABLE api_tokens", "DROP TABLE sessions", "DROP TABLE role_grants", "DROP TABLE people",
        "DELETE FROM agora_meta WHERE key = 'body_revision'",
    ]
}

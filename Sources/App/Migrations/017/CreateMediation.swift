/// Mediation cases and their sessions, agreements with their commitment trees and implementation scores, and
/// alleged violations. Lists of parties, notes and evidence are JSON text: they are read with their record, never
/// searched on their own.
struct CreateMediation: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE mediation_cases (
                id TEXT PRIMARY KEY, title TEXT NOT NULL,
                body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
                track TEXT NOT NULL, mode TEXT NOT NULL, topic TEXT NOT NULL, areas TEXT NOT NULL, incidents TEXT NOT NULL,
                parties TEXT NOT NULL, mediators TEXT NOT NULL, state TEXT NOT NULL, classification TEXT NOT NULL,
                response_case TEXT, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX mediation_cases_body ON mediation_cases (body_code, state)",
            """
            CREATE TABLE mediation_events (
                case_id TEXT NOT NULL REFERENCES mediation_cases(id) DEFERRABLE INITIALLY DEFERRED, seq BIGINT NOT NULL,
                at TEXT NOT NULL, kind TEXT NOT NULL, from_state TEXT, to_state TEXT, reason TEXT, actor TEXT NOT NULL,
                PRIMARY KEY (case_id, seq))
            """,
            """
            CREATE TABLE mediation_sessions (
                id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES mediation_cases(id) DEFERRABLE INITIALLY DEFERRED,
                held_on TEXT NOT NULL, area_code TEXT NOT NULL, format TEXT NOT NULL, attendance TEXT NOT NULL, notes TEXT NOT NULL,
                outcomes TEXT NOT NULL, next_steps TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL)
            """,
            "CREATE INDEX mediation_sessions_case ON mediation_sessions (case_id, held_on)",
            """
            CREATE TABLE agreements (
                id TEXT PRIMARY KEY, pax_id BIGINT UNIQUE, title TEXT NOT NULL, signed_on TEXT NOT NULL, status TEXT NOT NULL,
                stage TEXT NOT NULL, parties TEXT NOT NULL, third_parties TEXT NOT NULL, country TEXT NOT NULL, region TEXT NOT NULL,
                themes TEXT NOT NULL, body_code TEXT, case_id TEXT, classification TEXT NOT NULL, version BIGINT NOT NULL,
                text TEXT NOT NULL, signatories TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX agreements_case ON agreements (case_id)",
            """
            CREATE TABLE agreement_versions (
                agreement_id TEXT NOT NULL REFERENCES agreements(id) DEFERRABLE INITIALLY DEFERRED, version BIGINT NOT NULL,
                text TEXT NOT NULL, signatories TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (agreement_id, version))
            """,
            """
            CREATE TABLE stipulations (
                agreement_id TEXT NOT NULL REFERENCES agreements(id) DEFERRABLE INITIALLY DEFERRED, code TEXT NOT NULL,
                position BIGINT NOT NULL, theme TEXT NOT NULL, sub_theme TEXT NOT NULL, text TEXT NOT NULL, responsible TEXT NOT NULL,
                due_on TEXT, depends_on TEXT NOT NULL, verification TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (agreement_id, code))
            """,
            """
            CREATE TABLE implementation_scores (
                id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL REFERENCES agreements(id) DEFERRABLE INITIALLY DEFERRED,
                stipulation TEXT NOT NULL, period TEXT NOT NULL, score BIGINT NOT NULL, evidence TEXT NOT NULL, note TEXT NOT NULL,
                scored_by TEXT NOT NULL, reviewed_by TEXT, reviewer_score BIGINT, published BOOLEAN NOT NULL,
                created_at TEXT NOT NULL, published_at TEXT, UNIQUE (agreement_id, stipulation, period))
            """,
            """
            CREATE TABLE agreement_stalls (
                agreement_id TEXT NOT NULL, stipulation TEXT NOT NULL, reason TEXT NOT NULL, since TEXT NOT NULL,
                flagged_at TEXT NOT NULL, PRIMARY KEY (agreement_id, stipulation, reason, since))
            """,
            """
            CREATE TABLE agreement_violations (
                id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL REFERENCES agreements(id) DEFERRABLE INITIALLY DEFERRED,
                stipulation TEXT, source TEXT NOT NULL, alleged_party TEXT, occurred_on TEXT NOT NULL, area_code TEXT NOT NULL,
                description TEXT NOT NULL, incidents TEXT NOT NULL, state TEXT NOT NULL, finding TEXT, found_party TEXT,
                found_stipulation TEXT, steps TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)
            """,
            "CREATE INDEX agreement_violations_agreement ON agreement_violations (agreement_id)",
        ]
    }
    var down: [String] {
        [
            "DROP TABLE agreement_violations", "DROP TABLE agreement_stalls", "DROP TABLE implementation_scores", "DROP TABLE stipulations",
            "DROP TABLE agreement_versions", "DROP TABLE agreements", "DROP TABLE mediation_sessions", "DROP TABLE mediation_events",
            "DROP TABLE mediation_cases",
        ]
    }
}

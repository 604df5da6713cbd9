/// Indicator frameworks, reports from the ground, and incidents: what the installation believes happened.
struct CreateEarlyWarning: SQLMigration {
    let up = [
        """
        CREATE TABLE frameworks (
            code TEXT PRIMARY KEY,
            document TEXT NOT NULL,
            active BOOLEAN NOT NULL DEFAULT FALSE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE indicators (
            framework_code TEXT NOT NULL REFERENCES frameworks(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            code TEXT NOT NULL,
            sector_code TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            weight DOUBLE PRECISION NOT NULL,
            topics TEXT NOT NULL,
            PRIMARY KEY (framework_code, code)
        )
        """,
        """
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            classification TEXT NOT NULL,
            title TEXT NOT NULL,
            event_type TEXT,
            occurred_on TEXT NOT NULL,
            time_precision BIGINT NOT NULL,
            area_code TEXT REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            area_path TEXT NOT NULL,
            lat DOUBLE PRECISION,
            lon DOUBLE PRECISION,
            geo_precision BIGINT,
            fatalities BIGINT NOT NULL DEFAULT 0,
            injured BIGINT NOT NULL DEFAULT 0,
            displaced BIGINT NOT NULL DEFAULT 0,
            actors TEXT NOT NULL DEFAULT '[]',
            description TEXT NOT NULL DEFAULT '',
            text_public BOOLEAN NOT NULL DEFAULT FALSE,
            source_name TEXT NOT NULL,
            source_event_id TEXT UNIQUE,
            sources BIGINT NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX incidents_occurred ON incidents (occurred_on)",
        "CREATE INDEX incidents_area ON incidents (area_code)",
        """
        CREATE TABLE incident_indicators (
            incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            indicator_code TEXT NOT NULL,
            PRIMARY KEY (incident_id, indicator_code)
        )
        """,
        """
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            classification TEXT NOT NULL,
            status TEXT NOT NULL,
            event_type TEXT,
            description TEXT NOT NULL,
            text_public BOOLEAN NOT NULL DEFAULT FALSE,
            occurred_on TEXT NOT NULL,
            occurred_at TEXT,
            time_precision BIGINT NOT NULL,
            area_code TEXT NOT NULL REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            area_path TEXT NOT NULL,
            lat DOUBLE PRECISION,
            lon DOUBLE PRECISION,
            geo_precision BIGINT,
            actors TEXT NOT NULL DEFAULT '[]',
            fatalities BIGINT,
            injured BIGINT,
            displaced BIGINT,
            property_damaged BOOLEAN,
            source_kind TEXT NOT NULL,
            reporter_id TEXT REFERENCES reporters(id) DEFERRABLE INITIALLY DEFERRED,
            source_reference TEXT,
            submitted_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            reviewed_by TEXT,
            reviewed_at TEXT,
            review_reason TEXT,
            incident_id TEXT REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
            duplicate_of TEXT REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED
        )
        """,
        "CREATE INDEX reports_status_created ON reports (status, created_at)",
        "CREATE INDEX reports_occurred ON reports (occurred_on)",
        "CREATE INDEX reports_incident ON reports (incident_id)",
        """
        CREATE TABLE report_indicators (
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            indicator_code TEXT NOT NULL,
            PRIMARY KEY (report_id, indicator_code)
        )
        """,
    ]
    let down = [
        "DROP TABLE report_indicators", "DROP TABLE reports", "DROP TABLE incident_indicators", "DROP TABLE incidents",
        "DROP TABLE indicators", "DROP TABLE frameworks",
    ]
}

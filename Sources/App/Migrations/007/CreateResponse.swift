/// From warning to response: installation settings, risk cells, alerts, response cases with their
/// actions and history, the bodies a record is shared with, and the notification outbox.
struct CreateResponse: SQLMigration {
    let up = [
        "INSERT INTO agora_meta (key, value) VALUES ('risk_revision', 0)",
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE risk_cells (
            area_code TEXT NOT NULL,
            period_kind TEXT NOT NULL,
            period_index BIGINT NOT NULL,
            incidents BIGINT NOT NULL,
            fatalities BIGINT NOT NULL,
            threat DOUBLE PRECISION NOT NULL,
            peace DOUBLE PRECISION NOT NULL,
            harm DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (area_code, period_kind, period_index)
        )
        """,
        """
        CREATE TABLE record_parties (
            record_type TEXT NOT NULL,
            record_id TEXT NOT NULL,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            role TEXT NOT NULL,
            PRIMARY KEY (record_type, record_id, body_code)
        )
        """,
        """
        CREATE TABLE alerts (
            id TEXT PRIMARY KEY,
            identifier TEXT NOT NULL UNIQUE,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            classification TEXT NOT NULL,
            state TEXT NOT NULL,
            msg_type TEXT NOT NULL,
            refers_to TEXT REFERENCES alerts(id) DEFERRABLE INITIALLY DEFERRED,
            case_id TEXT,
            draft TEXT NOT NULL,
            area_code TEXT NOT NULL REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            area_path TEXT NOT NULL,
            severity TEXT NOT NULL,
            headline TEXT NOT NULL,
            risk TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            sent_at TEXT,
            issued_by TEXT,
            reason TEXT,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX alerts_state_area ON alerts (state, area_code)",
        """
        CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            alert_id TEXT NOT NULL UNIQUE REFERENCES alerts(id) DEFERRABLE INITIALLY DEFERRED,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            first_body TEXT NOT NULL,
            classification TEXT NOT NULL,
            status TEXT NOT NULL,
            area_code TEXT NOT NULL,
            area_path TEXT NOT NULL,
            severity TEXT NOT NULL,
            topics TEXT NOT NULL,
            chain TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            ack_due TEXT,
            acknowledged_at TEXT,
            acknowledged_by TEXT,
            first_action_at TEXT,
            closed_at TEXT,
            outcome TEXT,
            summary TEXT,
            escalations BIGINT NOT NULL DEFAULT 0,
            deadline_escalations BIGINT NOT NULL DEFAULT 0,
            cross_border BOOLEAN NOT NULL DEFAULT FALSE,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX cases_status_due ON cases (status, ack_due)",
        "CREATE INDEX cases_body ON cases (body_code)",
        """
        CREATE TABLE case_actions (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            body_code TEXT NOT NULL,
            kind TEXT NOT NULL,
            description TEXT NOT NULL,
            responsible TEXT NOT NULL,
            due_at TEXT NOT NULL,
            status TEXT NOT NULL,
            result TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            done_at TEXT,
            overdue_escalated BOOLEAN NOT NULL DEFAULT FALSE
        )
        """,
        "CREATE INDEX case_actions_due ON case_actions (status, due_at)",
        """
        CREATE TABLE case_events (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            seq BIGINT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            from_body TEXT,
            to_body TEXT,
            reason TEXT,
            note TEXT,
            actor TEXT NOT NULL
        )
        """,
        "CREATE INDEX case_events_case ON case_events (case_id, seq)",
        """
        CREATE TABLE subscriptions (
            id TEXT PRIMARY KEY,
            body_code TEXT NOT NULL REFERENCES bodies(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            channel TEXT NOT NULL,
            target TEXT NOT NULL,
            secret_sealed TEXT,
            events TEXT NOT NULL,
            active BOOLEAN NOT NULL DEFAULT TRUE,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE outbox (
            id TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            event TEXT NOT NULL,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts BIGINT NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            created_at TEXT NOT NULL,
            delivered_at TEXT
        )
        """,
        "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
        """
        CREATE TABLE deliveries (
            id TEXT PRIMARY KEY,
            outbox_id TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            attempt BIGINT NOT NULL,
            at TEXT NOT NULL,
            ok BOOLEAN NOT NULL,
            detail TEXT NOT NULL,
            duration_ms BIGINT NOT NULL
        )
        """,
        "CREATE INDEX deliveries_outbox ON deliveries (outbox_id)",
    ]
    let down = [
        "DROP TABLE deliveries", "DROP TABLE outbox", "DROP TABLE subscriptions", "DROP TABLE case_events", "DROP TABLE case_actions",
        "DROP TABLE cases", "DROP TABLE alerts", "DROP TABLE record_parties", "DROP TABLE risk_cells", "DROP TABLE settings",
        "DELETE FROM agora_meta WHERE key = 'risk_revision'",
    ]
}

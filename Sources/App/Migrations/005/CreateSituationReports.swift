/// Periodic narrative reports per area, and the incidents each discusses.
struct CreateSituationReports: SQLMigration {
    let up = [
        """
        CREATE TABLE situation_reports (
            id TEXT PRIMARY KEY,
            body_code TEXT NOT NULL REFERENCES bodies(code) DEFERRABLE INITIALLY DEFERRED,
            classification TEXT NOT NULL,
            area_code TEXT NOT NULL REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            period TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            title TEXT NOT NULL,
            narrative TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX situation_reports_area ON situation_reports (area_code, period_start)",
        """
        CREATE TABLE situation_report_incidents (
            situation_report_id TEXT NOT NULL REFERENCES situation_reports(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            incident_id TEXT NOT NULL REFERENCES incidents(id) DEFERRABLE INITIALLY DEFERRED,
            PRIMARY KEY (situation_report_id, incident_id)
        )
        """,
    ]
    let down = ["DROP TABLE situation_report_incidents", "DROP TABLE situation_reports"]
}

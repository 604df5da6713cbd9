import SQLKit

/// A revision counter for what incident answers are read from, moved by the store itself: triggers on incidents, their
/// indicators, the reports linked to them and record grants, so that no write path (import, verification, federation
/// take-up, a hand-run SQL fix) can change an incident list without it. The answer caches key on it (`AnswerCache`).
/// SQLite has row triggers only; PostgreSQL counts whole statements for the bulk tables (an import of a million
/// incidents moves it a few thousand times, not a million) and rows only where a condition picks the few that matter.
struct AddIncidentRevision: AgoraMigration {
    static let bump = "UPDATE agora_meta SET value = value + 1 WHERE key = 'incident_revision'"
    /// Reports count only when they are, or were, linked to an incident: a filed report changes no incident list.
    static let linkedReport = "NEW.incident_id IS NOT NULL OR OLD.incident_id IS NOT NULL"
    static let grantOfAnswer = "record_type IN ('incident', 'report')"

    func prepare(on sql: any SQLDatabase) async throws {
        try await sql.raw("INSERT INTO agora_meta (key, value) VALUES ('incident_revision', 0)").run()
        for statement in sql.dialect.name == "sqlite" ? Self.sqlite : Self.postgres {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on sql: any SQLDatabase) async throws {
        for statement in sql.dialect.name == "sqlite" ? Self.sqliteDown : Self.postgresDown {
            try await sql.raw(SQLQueryString(statement)).run()
        }
        try await sql.raw("DELETE FROM agora_meta WHERE key = 'incident_revision'").run()
    }

    /// (name, event, table, condition)
    static let sqliteTriggers: [(String, String, String, String?)] = [
        ("incidents_rev_ins", "INSERT", "incidents", nil), ("incidents_rev_upd", "UPDATE", "incidents", nil),
        ("incidents_rev_del", "DELETE", "incidents", nil),
        ("incident_indicators_rev_ins", "INSERT", "incident_indicators", nil),
        ("incident_indicators_rev_upd", "UPDATE", "incident_indicators", nil),
        ("incident_indicators_rev_del", "DELETE", "incident_indicators", nil),
        ("reports_rev_ins", "INSERT", "reports", "NEW.incident_id IS NOT NULL"),
        ("reports_rev_upd", "UPDATE OF incident_id, classification, body_code", "reports", linkedReport),
        ("reports_rev_del", "DELETE", "reports", "OLD.incident_id IS NOT NULL"),
        ("record_grants_rev_ins", "INSERT", "record_grants", "NEW." + grantOfAnswer),
        ("record_grants_rev_upd", "UPDATE", "record_grants", "NEW.\(grantOfAnswer) OR OLD.\(grantOfAnswer)"),
        ("record_grants_rev_del", "DELETE", "record_grants", "OLD." + grantOfAnswer),
    ]

    static var sqlite: [String] {
        sqliteTriggers.map { name, event, table, when in
            "CREATE TRIGGER \(name) AFTER \(event) ON \(table) FOR EACH ROW\(when.map { " WHEN \($0)" } ?? "") BEGIN \(bump); END"
        }
    }
    static var sqliteDown: [String] { sqliteTriggers.map { "DROP TRIGGER \($0.0)" } }

    static let postgres = [
        "CREATE FUNCTION agora_incident_revision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \(bump); RETURN NULL; END $$",
        "CREATE TRIGGER incidents_rev AFTER INSERT OR UPDATE OR DELETE ON incidents FOR EACH STATEMENT EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER incident_indicators_rev AFTER INSERT OR UPDATE OR DELETE ON incident_indicators FOR EACH STATEMENT EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER reports_rev_ins AFTER INSERT ON reports FOR EACH ROW WHEN (NEW.incident_id IS NOT NULL) EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER reports_rev_upd AFTER UPDATE OF incident_id, classification, body_code ON reports FOR EACH ROW WHEN (\(linkedReport)) EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER reports_rev_del AFTER DELETE ON reports FOR EACH ROW WHEN (OLD.incident_id IS NOT NULL) EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER record_grants_rev_ins AFTER INSERT ON record_grants FOR EACH ROW WHEN (NEW.\(grantOfAnswer)) EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER record_grants_rev_upd AFTER UPDATE ON record_grants FOR EACH ROW WHEN (NEW.\(grantOfAnswer) OR OLD.\(grantOfAnswer)) EXECUTE FUNCTION agora_incident_revision()",
        "CREATE TRIGGER record_grants_rev_del AFTER DELETE ON record_grants FOR EACH ROW WHEN (OLD.\(grantOfAnswer)) EXECUTE FUNCTION agora_incident_revision()",
    ]
    static let postgresDown = [
        "DROP TRIGGER incidents_rev ON incidents", "DROP TRIGGER incident_indicators_rev ON incident_indicators",
        "DROP TRIGGER reports_rev_ins ON reports", "DROP TRIGGER reports_rev_upd ON reports", "DROP TRIGGER reports_rev_del ON reports",
        "DROP TRIGGER record_grants_rev_ins ON record_grants", "DROP TRIGGER record_grants_rev_upd ON record_grants",
        "DROP TRIGGER record_grants_rev_del ON record_grants", "DROP FUNCTION agora_incident_revision()",
    ]
}

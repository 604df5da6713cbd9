import SQLKit

/// Two more revision counters moved by the store itself (as migration 032's): `directory_revision` by every write to
/// a body or what its record shows (jurisdiction, topics, partners, sharing, members), `forecast_revision` by every
/// write to forecasts or their models. The body directory and the forecasts are answered from memory until they move
/// (`AnswerCache`). Whole tables, no conditions: both change rarely and in small numbers.
struct AddDirectoryAndForecastRevisions: AgoraMigration {
    static let counters = [
        RevisionTriggers(
            key: "directory_revision", function: "agora_directory_revision",
            tables: ["bodies", "body_jurisdictions", "body_topics", "body_partners", "body_sharing", "body_members"]),
        RevisionTriggers(key: "forecast_revision", function: "agora_forecast_revision", tables: ["forecasts", "forecast_models"]),
    ]

    func prepare(on sql: any SQLDatabase) async throws {
        for c in Self.counters {
            for statement in c.up(sqlite: sql.dialect.name == "sqlite") { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    func revert(on sql: any SQLDatabase) async throws {
        for c in Self.counters {
            for statement in c.down(sqlite: sql.dialect.name == "sqlite") { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }
}

/// A counter in `agora_meta` moved by any insert, update or delete on some tables: a row trigger each on SQLite (it
/// has no other kind), one statement trigger per table on PostgreSQL.
struct RevisionTriggers: Sendable {
    var key: String
    var function: String
    var tables: [String]

    private var bump: String { "UPDATE agora_meta SET value = value + 1 WHERE key = '\(key)'" }
    private static let events = [("ins", "INSERT"), ("upd", "UPDATE"), ("del", "DELETE")]

    func up(sqlite: Bool) -> [String] {
        let start = "INSERT INTO agora_meta (key, value) VALUES ('\(key)', 0)"
        if sqlite {
            return [start]
                + tables.flatMap { t in
                    Self.events.map { "CREATE TRIGGER \(t)_\(key)_\($0.0) AFTER \($0.1) ON \(t) FOR EACH ROW BEGIN \(bump); END" }
                }
        }
        return [start, "CREATE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \(bump); RETURN NULL; END $$"]
            + tables.map { "CREATE TRIGGER \($0)_\(key) AFTER INSERT OR UPDATE OR DELETE ON \($0) FOR EACH STATEMENT EXECUTE FUNCTION \(function)()" }
    }

    func down(sqlite: Bool) -> [String] {
        let triggers =
            sqlite
            ? tables.flatMap { t in Self.events.map { "DROP TRIGGER \(t)_\(key)_\($0.0)" } }
            : tables.map { "DROP TRIGGER \($0)_\(key) ON \($0)" } + ["DROP FUNCTION \(function)()"]
        return triggers + ["DELETE FROM agora_meta WHERE key = '\(key)'"]
    }
}

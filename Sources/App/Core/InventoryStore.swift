import Foundation
import SQLKit
import Vapor

/// What a store holds, for backups and restores: its migration level, the rows of its main tables, an
/// integrity check, and SQLite's online copy.
struct InventoryStore: Sendable {
    let sql: any SQLDatabase

    static let tables = ["areas", "bodies", "people", "reports", "incidents", "alerts", "cases", "documents", "reporters", "audit_log"]

    /// How many migrations the store has had.
    func migrationLevel() async throws -> Int {
        try await MigrationStore(sql: sql).level()
    }

    func counts() async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in Self.tables { out[t] = try await count(t) }
        return out
    }

    /// Rows of one table (unclassified tables only: classified ones are counted through their scope).
    func count(_ table: String) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Whether the schema is in place: the table the last migration made answers.
    func ready() async throws {
        _ = try await sql.select().column(SQLLiteral.numeric("1")).from("body_sharing").limit(1).all()
    }

    func notifications(status: String) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("outbox").where("status", .equal, status)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    func auditHead() async throws -> Int {
        try await sql.select().column("seq").from("audit_head").where("id", .equal, 1).first(decodingColumn: "seq", as: Int.self) ?? 0
    }

    /// SQLite's own check of every page and index, then the migration level. Throws on anything amiss.
    func check() async throws -> Int {
        let verdict = try await sql.raw("PRAGMA integrity_check").first(decodingColumn: "integrity_check", as: String.self)
        guard verdict == "ok" else { throw ValidationError("the file fails SQLite's integrity check: \(verdict ?? "no answer")") }
        return try await migrationLevel()
    }

    /// A consistent, compacted copy while others go on writing (one read transaction, on a reader).
    func copy(to file: URL) async throws {
        let reader = (sql as? GRDBSQLDatabase)?.reader ?? sql
        try await reader.raw("VACUUM INTO \(bind: file.path)").run()
    }

    static func describe(_ counts: [String: Int]) -> String {
        tables.compactMap { t in counts[t].map { "\($0) \(t)" } }.joined(separator: ", ")
    }

    /// Opens another SQLite file beside the application's store, read only, for the length of `body`.
    static func open<T: Sendable>(_ file: URL, app: Application, _ body: @Sendable (InventoryStore) async throws -> T) async throws -> T {
        let store: SQLiteStore
        do {
            store = try SQLiteStore(file: file, readOnly: true)
        } catch {
            throw ValidationError("cannot open \(file.path): \(String(describing: error))")
        }
        defer { try? store.close() }
        do {
            return try await body(InventoryStore(sql: store.database(logger: app.logger, on: app.eventLoopGroup.any())))
        } catch let e as ValidationError {
            throw e
        } catch {
            throw ValidationError("\(file.path) is not an Agora store: \(String(describing: error))")
        }
    }
}

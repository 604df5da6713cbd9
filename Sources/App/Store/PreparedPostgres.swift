import Foundation
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit
import SQLKit

/// SQLKit on PostgreSQL, with each connection's statements prepared once and reused: PostgresKit sends every
/// query as an unnamed statement, which the server parses and plans again each time.
///
/// A statement is prepared under a name per text and parameter types, with the values bound exactly as
/// PostgresKit binds them, so the server sees the same types either way; values that PostgresKit encodes
/// through its slow path (arrays, JSON) take PostgresKit's own unnamed path.
struct PreparingPostgresDatabase: SQLDatabase, PostgresDatabase {
    let base: any PostgresDatabase
    let statements: PreparedStatements

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { nil }
    var dialect: any SQLDialect { PostgresDialect() }

    /// PostgresKit's path. Its query log (which prints binds, and binds may be confidential) stays off.
    private var unnamed: any SQLDatabase { base.sql(queryLogLevel: nil) }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (text, binds) = serialize(query)
        guard PreparedStatements.mayPrepare(text), let bindings = PreparedStatements.bindings(binds) else {
            return try await unnamed.execute(sql: query, onRow)
        }
        let logger = self.logger
        try await base.withConnection { conn in
            conn.eventLoop.makeFutureWithTask {
                guard let name = self.statements.name(text, bindings, on: conn) else {
                    return try await conn.sql(queryLogLevel: nil).execute(sql: query, onRow)
                }
                do {
                    try await NamedStatement.$current.withValue(.init(name: name, sql: text)) {
                        for try await row in try await conn.execute(NamedStatement(bindings: bindings.values), logger: logger) { onRow(row.sql()) }
                    }
                } catch let error as PSQLError {
                    self.statements.failed(text, bindings, on: conn, error)
                    throw error
                }
            }
        }.get()
    }

    func send(_ request: any PostgresRequest, logger: Logger) -> EventLoopFuture<Void> { base.send(request, logger: logger) }

    func withConnection<T>(_ closure: @escaping (PostgresConnection) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection(closure)
    }
}

/// PostgresNIO names a prepared statement by its type; this type takes its name and text from the task running it.
private struct NamedStatement: PostgresPreparedStatement {
    struct Text: Sendable {
        var name, sql: String
    }
    @TaskLocal static var current = Text(name: "", sql: "")
    static var name: String { current.name }
    static var sql: String { current.sql }

    let bindings: PostgresBindings
    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// The names of the statements prepared on each connection.
final class PreparedStatements: Sendable {
    /// Per connection; beyond this a text runs unnamed (texts with long `IN` lists are many and rarely repeat).
    static let perConnection = 400

    private struct Prepared: @unchecked Sendable {
        weak var connection: PostgresConnection?
        var names: [String: String] = [:]
    }
    private struct State {
        var connections: [ObjectIdentifier: Prepared] = [:]
        var next = 0
    }
    private let state = NIOLockedValueBox(State())

    /// Statements that may be prepared (not DDL, not transaction control).
    static func mayPrepare(_ text: String) -> Bool {
        let head = text.prefix(7).uppercased()
        return ["SELECT ", "INSERT ", "UPDATE ", "DELETE ", "WITH "].contains(where: head.hasPrefix)
    }

    /// The values bound as PostgresKit's fast path binds them; nil if one needs its slow path.
    static func bindings(_ binds: [any Encodable & Sendable]) -> Bound? {
        var out = Bound(values: PostgresBindings(capacity: binds.count), types: "")
        for b in binds {
            if isNil(b) {
                out.values.appendNull()
                out.types += "0,"
            } else if let v = b as? any PostgresThrowingDynamicTypeEncodable {
                guard (try? out.values.append(v, context: .default)) != nil else { return nil }
                out.types += "\(v.psqlType.rawValue),"
            } else {
                return nil
            }
        }
        return out
    }

    /// Values, and their types as the statement will be prepared with them.
    struct Bound {
        var values: PostgresBindings
        var types: String
    }

    /// Opens the existential, as PostgresKit does, so that a bound `nil` is seen as one.
    private static func isNil<T: Encodable>(_ value: T) -> Bool { (value as Any?) == nil }

    private static func key(_ text: String, _ bound: Bound) -> String { text + "\u{0}" + bound.types }

    /// The statement's name on this connection, new if need be; nil when the connection holds its share already.
    func name(_ text: String, _ bindings: Bound, on conn: PostgresConnection) -> String? {
        let id = ObjectIdentifier(conn)
        let key = Self.key(text, bindings)
        return state.withLockedValue { s in
            if s.connections[id]?.connection !== conn { s.connections[id] = Prepared(connection: conn) }
            if let name = s.connections[id]?.names[key] { return name }
            guard (s.connections[id]?.names.count ?? 0) < Self.perConnection else { return nil }
            s.next += 1
            let name = "agora_\(s.next)"
            s.connections[id]?.names[key] = name
            return name
        }
    }

    /// After an error that may have come from preparing (an unknown table, a changed result type), the next use
    /// prepares again under a new name: the connection keeps a failed preparation's error under the old one.
    func failed(_ text: String, _ bindings: Bound, on conn: PostgresConnection, _ error: PSQLError) {
        let sqlState = error.serverInfo?[.sqlState] ?? ""
        guard sqlState.hasPrefix("42") || sqlState.hasPrefix("0A") || sqlState.hasPrefix("26") || error.serverInfo == nil else { return }
        let id = ObjectIdentifier(conn)
        _ = state.withLockedValue { $0.connections[id]?.names.removeValue(forKey: Self.key(text, bindings)) }
    }

    /// Statements prepared on open connections (for tests).
    var count: Int { state.withLockedValue { $0.connections.values.filter { $0.connection != nil }.reduce(0) { $0 + $1.names.count } } }
}

import Foundation
import GRDB
import Logging
import NIOCore
import SQLKit

/// SQLKit over a GRDB connection pool: the stores keep one query builder for both engines, and SQLite gets
/// what SQLiteNIO lacked (docs/decisions/002-sqlite-through-grdb.md) — statements prepared once per connection
/// and reused, rows read in place on the connection's thread (no hop to an event loop per row), several readers
/// beside the one writer.
///
/// Routing: a statement outside a write transaction runs on a reader when SQLite says it only reads, and
/// otherwise on the writer, after this process's other writers (`SQLiteStore.lock`). Inside a write
/// transaction (`route == .writer`) everything runs on the writer connection, which holds the transaction
/// open between statements (`allowsUnsafeTransactions`): the store code in between is async.
struct GRDBSQLDatabase: SQLDatabase {
    enum Route: Sendable { case autocommit, writer, reader }

    let store: SQLiteStore
    let route: Route
    let logger: Logger
    let eventLoop: any EventLoop

    var dialect: any SQLDialect { AgoraSQLiteDialect() }

    /// The same database, its statements always on a reader (a backup's `VACUUM INTO` reads only).
    var reader: GRDBSQLDatabase { GRDBSQLDatabase(store: store, route: .reader, logger: logger, eventLoop: eventLoop) }

    func execute(sql query: any SQLKit.SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLKit.SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (text, binds) = serialize(query)
        let arguments = StatementArguments(try binds.map(SQLiteValues.encode))
        logger.debug("\(text)")
        switch route {
        case .writer:
            try await store.pool.writeWithoutTransaction { db in try Self.run(db, text, arguments, onRow) }
        case .reader:
            try await store.pool.unsafeRead { db in try Self.run(db, text, arguments, onRow) }
        case .autocommit:
            let done = try await store.pool.unsafeRead { db -> Bool in
                let statement = try Self.prepare(db, text)
                guard statement.isReadonly else { return false }
                try Self.step(statement, arguments, onRow)
                return true
            }
            if done { return }
            try await store.lock.exclusively {
                try await store.pool.writeWithoutTransaction { db in try Self.run(db, text, arguments, onRow) }
            }
        }
    }

    private static func run(_ db: Database, _ text: String, _ arguments: StatementArguments, _ onRow: (any SQLRow) -> Void) throws {
        try step(try prepare(db, text), arguments, onRow)
    }

    /// Cached per connection, except schema changes and very long texts (bulk statements of a one-off shape):
    /// the cache has no bound of its own.
    static func prepare(_ db: Database, _ text: String) throws -> Statement {
        if text.utf8.count > 8192 || text.hasPrefix("CREATE") || text.hasPrefix("DROP") || text.hasPrefix("ALTER") {
            return try db.makeStatement(sql: text)
        }
        return try db.cachedStatement(sql: text)
    }

    private static func step(_ statement: Statement, _ arguments: StatementArguments, _ onRow: (any SQLRow) -> Void) throws {
        try statement.setArguments(arguments)
        let names = ColumnNames(statement.columnNames)
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            onRow(SQLiteSQLRow(columns: names, values: Array(row.databaseValues)))
        }
    }
}

/// A statement's column names, shared by all of its rows.
final class ColumnNames: Sendable {
    let names: [String]
    init(_ names: [String]) { self.names = names }

    /// A row has a handful of columns: a scan beats hashing the name.
    func index(of column: String) -> Int? { names.firstIndex(of: column) }
}

struct SQLiteSQLRow: SQLRow {
    let columns: ColumnNames
    let values: [DatabaseValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let i = columns.index(of: column) else { return true }
        return values[i].isNull
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let i = columns.index(of: column) else {
            throw DecodingError.keyNotFound(SnakeCaseKeys.Key(stringValue: column), .init(codingPath: [], debugDescription: "no column '\(column)'"))
        }
        return try SQLiteValues.decode(D.self, from: values[i])
    }
}

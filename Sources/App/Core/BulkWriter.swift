import AgoraCore
import Foundation
import GRDB
import GRDBSQLite
import PostgresKit
import SQLKit

/// One value of a bulk row. Plain values, so rows are built without an `Encodable` existential each.
enum BulkValue: Sendable {
    case text(String)
    case int(Int)
    case double(Double)
    case null

    init(_ s: String?) { self = s.map(BulkValue.text) ?? .null }
    init(_ i: Int?) { self = i.map(BulkValue.int) ?? .null }
    init(_ d: Double?) { self = d.map(BulkValue.double) ?? .null }
}

/// Many rows into one table, in the caller's transaction, by each engine's fast path: on SQLite,
/// statements of as many rows as the bound-value limit allows, bound straight to SQLiteData (SQLKit's
/// serialiser and `Encodable` binding took a third of an import); on PostgreSQL, `COPY … FROM STDIN`.
/// Table and column names are the program's own, never input.
struct BulkWriter {
    let sql: any SQLDatabase

    /// `rows` is flat: `columns.count` values per row.
    func insert(into table: String, columns: [String], rows: [BulkValue]) async throws {
        let width = columns.count
        precondition(width > 0 && rows.count % width == 0)
        guard !rows.isEmpty else { return }
        if let lite = sql as? GRDBSQLDatabase, lite.route != .reader {
            // SQLite's limit is 32,766 bound values per statement; a few hundred rows already amortise the step.
            // One prepared statement for the full chunks, reused, all on the writer in one hop.
            let perStatement = max(1, min(500, 32_000 / width))
            let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
            let full = head + Array(repeating: tuple, count: perStatement).joined(separator: ",")
            let load: @Sendable (GRDB.Database) throws -> Void = { db in
                // Values are bound straight from the rows with sqlite3_bind_*: building GRDB's StatementArguments
                // (a boxed value per field) was an eighth of an import (perf).
                let statement = try db.cachedStatement(sql: full)
                var start = 0
                while start < rows.count {
                    let n = min(perStatement, (rows.count - start) / width)
                    let chunk = rows[start..<(start + n * width)]
                    if n == perStatement {
                        try Self.step(statement.sqliteStatement, chunk, db: db, sql: full)
                    } else {
                        let last = try db.makeStatement(sql: head + Array(repeating: tuple, count: n).joined(separator: ","))
                        try Self.step(last.sqliteStatement, chunk, db: db, sql: "INSERT INTO \(table) …")
                    }
                    start += n * width
                }
            }
            // In the caller's transaction; alone, in one of its own (all rows or none).
            if lite.route == .writer {
                try await lite.store.pool.writeWithoutTransaction(load)
            } else {
                try await lite.store.lock.exclusively { try await lite.store.pool.write(load) }
            }
        } else if let pg = sql as? any PostgresDatabase, sql.dialect.name == "postgresql" {
            let logger = sql.logger
            try await pg.withConnection { conn in
                conn.eventLoop.makeFutureWithTask {
                    try await conn.copyFrom(table: table, columns: columns, logger: logger) { writer in
                        var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
                        for (i, v) in rows.enumerated() {
                            v.copyText(into: &buffer)
                            buffer.writeInteger((i + 1) % width == 0 ? UInt8(0x0A) : UInt8(0x09))
                            if buffer.readableBytes > 1 << 20 {
                                try await writer.write(buffer)
                                buffer.clear()
                            }
                        }
                        if buffer.readableBytes > 0 { try await writer.write(buffer) }
                    }
                }
            }.get()
        } else {
            throw ValidationFailure(field: "database", "bulk loads run inside a write transaction on SQLite or PostgreSQL ('\(sql.dialect.name)')")
        }
    }
}

extension BulkWriter {
    /// Binds one statement's values, runs it, and leaves it reset with no bindings.
    fileprivate static func step(_ statement: SQLiteStatement, _ values: ArraySlice<BulkValue>, db: GRDB.Database, sql: String) throws {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        var i: Int32 = 1
        for v in values {
            let rc = v.bind(statement, at: i)
            guard rc == SQLITE_OK else { throw failure(rc, db, sql) }
            i += 1
        }
        let rc = sqlite3_step(statement)
        guard rc == SQLITE_DONE else { throw failure(rc, db, sql) }
    }

    private static func failure(_ rc: Int32, _ db: GRDB.Database, _ sql: String) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: rc), message: db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }, sql: sql)
    }
}

/// SQLite copies a bound text at once (the Swift string's buffer lives only for the call).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension BulkValue {
    func bind(_ statement: SQLiteStatement, at index: Int32) -> Int32 {
        switch self {
        case .text(let s): sqlite3_bind_text(statement, index, s, Int32(s.utf8.count), transient)
        case .int(let i): sqlite3_bind_int64(statement, index, Int64(i))
        case .double(let d): sqlite3_bind_double(statement, index, d)
        case .null: sqlite3_bind_null(statement, index)
        }
    }

    /// PostgreSQL's COPY text format: `\N` for NULL; backslash, tab, newline and carriage return escaped.
    func copyText(into buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("\\N")
        case .int(let i): buffer.writeString(String(i))
        case .double(let d): buffer.writeString(d.isFinite ? String(d) : "NaN")
        case .text(let s):
            for b in s.utf8 {
                switch b {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(b)
                }
            }
        }
    }
}

extension BulkWriter {
    /// Runs a large load with the table's secondary indexes dropped and built again after it, in the
    /// caller's transaction: one sort per index instead of millions of scattered inserts into it
    /// (SQLite only: its DDL is transactional and readers keep their snapshot; on PostgreSQL dropping an
    /// index would lock readers out for the whole load, and `COPY` keeps index upkeep cheaper anyway).
    /// A bigger page cache for the load keeps the remaining index pages from being re-read from disk.
    func withDeferredIndexes<T>(on table: String, when wanted: Bool, _ body: () async throws -> T) async throws -> T {
        guard wanted, sql.dialect.name == "sqlite" else { return try await body() }
        let indexes = try await sql.raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table) AND sql IS NOT NULL")
            .all(decoding: StoredIndex.self)
        try await sql.raw("PRAGMA cache_size = -262144").run()
        for i in indexes { try await sql.raw("DROP INDEX \(ident: i.name)").run() }
        do {
            let result = try await body()
            for i in indexes { try await sql.raw(SQLQueryString(stringLiteral: i.sql)).run() }
            try await sql.raw("PRAGMA cache_size = -2000").run()
            return result
        } catch {
            try? await sql.raw("PRAGMA cache_size = -2000").run()  // the transaction rolls the indexes back
            throw error
        }
    }
}

private struct StoredIndex: Decodable {
    var name: String
    var sql: String
}

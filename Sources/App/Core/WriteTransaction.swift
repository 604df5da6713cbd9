import GRDB
import PostgresKit
import SQLKit
import Vapor

/// The one way the app opens a write transaction.
///
/// SQLite: `BEGIN` is deferred, so two transactions that each read and then write both start as
/// readers; when one commits, the other can no longer become a writer (`SQLITE_BUSY_SNAPSHOT`, which a
/// busy handler cannot wait out) and the request answered 500. Here writers of this process queue on
/// one lock and then `BEGIN IMMEDIATE` on GRDB's writer connection, which takes SQLite's write lock before
/// the first read: one writer at a time, as SQLite allows anyway, the readers free meanwhile, and another
/// process (a CLI import while serving) waited for by the busy handler. PostgreSQL: a plain transaction
/// on one pooled connection; row locks (`audit_head`) order the writers.
enum WriteTransaction {
    static func run<T: Sendable>(
        _ store: SQLStore, logger: Logger, on eventLoop: any EventLoop,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        switch store {
        case .sqlite(let lite): try await sqlite(lite, logger: logger, on: eventLoop, body)
        case .postgres(let pg): try await postgres(pg, logger: logger, body)
        }
    }

    private static func sqlite<T: Sendable>(
        _ store: SQLiteStore, logger: Logger, on eventLoop: any EventLoop,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let asked = ContinuousClock.now
        return try await store.lock.exclusively {
            let held = ContinuousClock.now
            AgoraMetrics.writeWait.record(held - asked)
            defer { AgoraMetrics.writeHold.record(ContinuousClock.now - held) }
            try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
            do {
                let r = try await body(GRDBSQLDatabase(store: store, route: .writer, logger: logger, eventLoop: eventLoop))
                try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
                return r
            } catch {
                try? await store.pool.writeWithoutTransaction { db in if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") } }
                throw error
            }
        }
    }

    private static func postgres<T: Sendable>(
        _ pg: PostgresStore, logger: Logger,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        let conn = try await pg.pool.requestConnection(logger: logger).get()
        defer { pg.pool.releaseConnection(conn, logger: logger) }
        // Also a PostgresDatabase, so that the bulk path can reach the connection for COPY.
        let sql = pg.on(conn)
        try await sql.raw("BEGIN").run()
        do {
            let r = try await body(sql)
            try await sql.raw("COMMIT").run()
            return r
        } catch {
            try? await sql.raw("ROLLBACK").run()
            throw error
        }
    }
}

extension Application {
    /// A write transaction on the application's store (see `WriteTransaction`).
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await WriteTransaction.run(store, logger: logger, on: eventLoopGroup.any(), body)
    }
}

extension Request {
    /// A write transaction on the request's store (see `WriteTransaction`). The request's `Idempotency-Key`, if it
    /// sent one, is claimed in its first write transaction: the change and the used key commit together.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let store = application.store
        guard let claim = idempotencyClaim, !claim.claimed else { return try await WriteTransaction.run(store, logger: logger, on: eventLoop, body) }
        claim.claimed = true
        do {
            return try await WriteTransaction.run(store, logger: logger, on: eventLoop) { tx in
                try await IdempotencyStore(sql: tx).claim(claim)
                return try await body(tx)
            }
        } catch {
            claim.claimed = false
            throw error
        }
    }
}

import FluentKit
import SQLKit
import Vapor

/// The one way the app opens a write transaction.
///
/// SQLite: `BEGIN` is deferred, so two transactions that each read and then write both start as
/// readers; when one commits, the other can no longer become a writer (`SQLITE_BUSY_SNAPSHOT`, which a
/// busy handler cannot wait out) and the request answered 500. Here writers of this process queue on
/// one lock and then `BEGIN IMMEDIATE`, which takes SQLite's write lock before the first read: one
/// writer at a time, as SQLite allows anyway, the pool's other connection free for reads (also those a
/// transaction makes outside itself), and another process (a CLI import while serving) waited for by
/// the busy handler. PostgreSQL: a plain transaction; row locks (`audit_head`) order the writers.
actor StoreWriter {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ db: any Database, _ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let sql = db as? any SQLDatabase else { throw AuditError(description: "the store does not speak SQL") }
        // The drivers run the body in tasks of their own (through event-loop futures), which do not inherit
        // task-locals: carry the audit key across.
        let key = AuditKeys.current
        if sql.dialect.name != "sqlite" {
            return try await db.transaction { tx in try await AuditKeys.$bound.withValue(key) { try await body(tx.sql) } }
        }
        let asked = ContinuousClock.now
        await acquire()
        let held = ContinuousClock.now
        AgoraMetrics.writeWait.record(held - asked)
        defer { AgoraMetrics.writeHold.record(ContinuousClock.now - held) }
        do {
            let result = try await db.withConnection { conn in
                let c = conn.sql
                try await c.raw("BEGIN IMMEDIATE").run()
                do {
                    let r = try await AuditKeys.$bound.withValue(key) { try await body(c) }
                    try await c.raw("COMMIT").run()
                    return r
                } catch {
                    try? await c.raw("ROLLBACK").run()
                    throw error
                }
            }
            release()
            return result
        } catch {
            release()
            throw error
        }
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

extension Application {
    private struct StoreWriterKey: StorageKey { typealias Value = StoreWriter }

    var storeWriter: StoreWriter { shared(StoreWriterKey.self) { StoreWriter() } }

    /// A write transaction on the application's store (see `StoreWriter`).
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await storeWriter.run(db, body)
    }
}

extension Request {
    /// A write transaction on the request's store (see `StoreWriter`). The request's `Idempotency-Key`, if it
    /// sent one, is claimed in its first write transaction: the change and the used key commit together.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let claim = idempotencyClaim, !claim.claimed else { return try await application.storeWriter.run(db, body) }
        claim.claimed = true
        do {
            return try await application.storeWriter.run(db) { tx in
                try await IdempotencyStore(sql: tx).claim(claim)
                return try await body(tx)
            }
        } catch {
            claim.claimed = false
            throw error
        }
    }
}

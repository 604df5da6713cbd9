@preconcurrency import AsyncKit
import Foundation
import GRDB
import Logging
import NIOCore
import PostgresKit
import SQLKit
import Vapor

/// The embedded store: one SQLite file through a GRDB pool (WAL, readers beside one writer).
final class SQLiteStore: Sendable {
    let pool: any DatabaseWriter
    /// This process's writers, one at a time: SQLite allows one, and queueing here is cheaper than on its lock.
    let lock = WriteLock()

    /// `readOnly`: another file looked at (a backup being checked), never written.
    init(file: URL, readOnly: Bool = false, readers: Int = 8) throws {
        var config = Configuration()
        config.busyMode = .callback(SQLiteStore.waitForLock)
        config.allowsUnsafeTransactions = true  // transactions span several async statements (see GRDBSQLDatabase)
        config.maximumReaderCount = readers
        config.readonly = readOnly
        config.prepareDatabase { db in
            // The log is synced at every commit: an acknowledged report survives a power cut, not only a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        pool = readOnly ? try DatabaseQueue(path: file.path, configuration: config) : try DatabasePool(path: file.path, configuration: config)
    }

    /// Another process holds the lock (an import or `agora federation load` while serving): look again after 1 ms, then
    /// every 5 ms, for 30 s in all. SQLite's own timeout sleeps up to 100 ms between looks, and a writer that takes the
    /// lock many times a second is then almost always found holding it: the server's writes waited 1–4 s at a time
    /// (measured, docs/FEDERATION.md), though the lock was free between the other's transactions. Every millisecond
    /// cost a fifth of a core across the benchmark's ten contending processes; every 5 ms finds the gaps as well.
    static let waitForLock: Database.BusyCallback = { tries in
        guard tries < 6_000 else { return false }
        usleep(tries < 1 ? 1_000 : 5_000)
        return true
    }

    func database(logger: Logger, on eventLoop: any EventLoop) -> GRDBSQLDatabase {
        GRDBSQLDatabase(store: self, route: .autocommit, logger: logger, eventLoop: eventLoop)
    }

    func close() throws {
        if let pool = pool as? DatabasePool { try pool.close() } else if let queue = pool as? DatabaseQueue { try queue.close() }
    }
}

/// A FIFO lock for async code.
actor WriteLock {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }

    nonisolated func exclusively<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let r = try await body()
            await release()
            return r
        } catch {
            await release()
            throw error
        }
    }
}

/// The server store: a pool of connections, and the statements prepared on each.
struct PostgresStore: Sendable {
    let prepares: Bool
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    let statements = PreparedStatements()

    /// Binds may be confidential: the driver's own query log (which prints them) stays off.
    func database(logger: Logger) -> any SQLDatabase { on(pool.database(logger: logger)) }

    /// The pool, or one connection of it (a transaction's): also a PostgresDatabase, so that bulk loads can COPY.
    func on(_ base: any PostgresDatabase) -> any SQLDatabase {
        prepares ? PreparingPostgresDatabase(base: base, statements: statements) : base.sql(queryLogLevel: nil)
    }
}

/// The application's store, whichever engine holds it.
enum SQLStore: Sendable {
    case sqlite(SQLiteStore)
    case postgres(PostgresStore)

    static func open(_ settings: AgoraSettings, eventLoopGroup: any EventLoopGroup, logger: Logger) throws -> SQLStore {
        if let url = settings.databaseURL {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ValidationError("AGORA_DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite store)")
            }
            var config = try SQLPostgresConfiguration(url: url)
            if let schema = settings.databaseSchema { config.searchPath = [schema] }
            // Two connections per event loop: a slow export does not hold up everything else on its loop.
            return .postgres(
                PostgresStore(
                    prepares: settings.preparesStatements,
                    pool: EventLoopGroupConnectionPool(
                        source: PostgresConnectionSource(sqlConfiguration: config),
                        maxConnectionsPerEventLoop: 2, logger: logger, on: eventLoopGroup)))
        }
        try FileManager.default.createDirectory(at: settings.dataDirectory, withIntermediateDirectories: true)
        return .sqlite(try SQLiteStore(file: settings.sqliteFile))
    }

    func sql(logger: Logger, on eventLoop: any EventLoop) -> any SQLDatabase {
        switch self {
        case .sqlite(let s): s.database(logger: logger, on: eventLoop)
        // Binds may be confidential: the driver's own query log (which prints them) stays off.
        case .postgres(let pg): pg.database(logger: logger)
        }
    }

    func shutdown() async {
        switch self {
        case .sqlite(let s): try? s.close()
        case .postgres(let pg): try? await pg.pool.shutdownAsync()
        }
    }
}

extension Application {
    private struct SQLStoreKey: StorageKey { typealias Value = SQLStore }

    /// Set by `configure` (`useStore`); closed when the application shuts down.
    var store: SQLStore {
        guard let s = storage[SQLStoreKey.self] else { fatalError("configure() opens the store before anything uses it") }
        return s
    }

    func useStore(_ store: SQLStore) {
        storage[SQLStoreKey.self] = store
        lifecycle.use(StoreCloser(store: store))
    }

    private struct StoreCloser: LifecycleHandler {
        let store: SQLStore
        func shutdownAsync(_ application: Application) async { await store.shutdown() }
    }
}

import Foundation
import GRDB
import SQLKit
import Testing

@testable import App

@Suite struct StoreSetupTests {
    /// The embedded store runs in WAL mode with foreign keys enforced.
    @Test func sqliteIsInWALModeWithForeignKeysOn() async throws {
        try await TestInstallation.run(.sqlite) { app in
            let mode = try await app.sql.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let fk = try await app.sql.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self)
            #expect(fk == 1)
            #expect(app.agora.sqliteFile.lastPathComponent == "agora.sqlite")
        }
    }

    /// Another process holding the write lock (an import while serving) is waited for, looked at again every few
    /// milliseconds, and given up on after 30 s; the server's write then goes through, not an error.
    @Test func aWriteWaitsForAnotherProcessHoldingTheLock() async throws {
        try await TestInstallation.run(.sqlite) { app in
            let other = try SQLiteStore(file: app.agora.sqliteFile)
            let holding = Task.detached {
                try other.pool.write { db in
                    try db.execute(sql: "CREATE TABLE lock_probe_other (x INTEGER)")
                    Thread.sleep(forTimeInterval: 0.3)
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            let started = ContinuousClock.now
            try await app.write { try await $0.raw("CREATE TABLE lock_probe_server (x INTEGER)").run() }
            #expect(ContinuousClock.now - started > .milliseconds(100), "it waited for the other's transaction")
            try await holding.value
            try other.close()
            #expect(SQLiteStore.waitForLock(0) && SQLiteStore.waitForLock(5_999))
            #expect(!SQLiteStore.waitForLock(6_000))
        }
    }

    /// The schema refuses rows that break the tree even if a code path forgot to check them.
    @Test(arguments: Engine.available)
    func foreignKeysHoldOnEveryEngine(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            await #expect(throws: (any Error).self) {
                try await app.write { tx in
                    try await (tx).raw(
                        """
                        INSERT INTO areas (code, name, level, parent_code, country_code, created_at, updated_at)
                        VALUES ('X1', 'Orphan', 'admin1', 'NOWHERE', 'NOWHERE', 't', 't')
                        """
                    ).run()
                }
            }
        }
    }

    /// Migrations revert cleanly and apply again: the numbered list is whole.
    @Test(arguments: Engine.available)
    func migrationsRevertAndReapply(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Migrator.revertAll(app)
            try await Migrator.migrate(app)
            let n = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("areas").first(
                decodingColumn: "n", as: Int.self)
            #expect(n == 0)
        }
    }
}

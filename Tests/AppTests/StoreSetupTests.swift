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

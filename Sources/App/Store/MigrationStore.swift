import Foundation
import SQLKit
import Vapor

/// Which migrations a store has had: `agora_migrations`, one row per number. Stores made while Agora ran on
/// Fluent recorded them in `_fluent_migrations` by type name; those are taken over once.
struct MigrationStore: Sendable {
    let sql: any SQLDatabase

    func prepareTable() async throws {
        try await sql.raw("CREATE TABLE IF NOT EXISTS agora_migrations (number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            .run()
    }

    func applied() async throws -> [Int] {
        try await sql.select().column("number").from("agora_migrations").orderBy("number").all(decodingColumn: "number", as: Int.self)
    }

    func record(_ number: Int, name: String) async throws {
        try await sql.insert(into: "agora_migrations").columns("number", "name", "applied_at")
            .values(SQLBind(number), SQLBind(name), SQLBind(Timestamp.now())).run()
    }

    func forget(_ number: Int) async throws {
        try await sql.delete(from: "agora_migrations").where("number", .equal, number).run()
    }

    /// Type names Fluent recorded ("App.CreateMeta"), or none when the store never had Fluent.
    func fluentNames() async throws -> [String] {
        guard try await exists("_fluent_migrations") else { return [] }
        return try await sql.select().column("name").from("_fluent_migrations").all(decodingColumn: "name", as: String.self)
    }

    /// How many migrations the store has had, whichever way they were recorded (a backup may predate this table).
    func level() async throws -> Int {
        if try await exists("agora_migrations") { return try await applied().count }
        return try await fluentNames().count
    }

    private func exists(_ table: String) async throws -> Bool {
        if sql.dialect.name == "sqlite" {
            return try await sql.raw("SELECT 1 AS one FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)").first() != nil
        }
        return try await sql.raw("SELECT to_regclass(\(bind: table))::text AS t").first(decodingColumn: "t", as: String?.self).flatMap { $0 } != nil
    }
}

/// Runs what is missing, in order, each migration in its own write transaction with its record.
enum Migrator {
    static func migrate(_ app: Application) async throws {
        try await MigrationStore(sql: app.sql).prepareTable()
        try await adoptFluentRecords(app)
        let done = Set(try await MigrationStore(sql: app.sql).applied())
        for (i, m) in AgoraMigrations.all.enumerated() where !done.contains(i + 1) {
            try await app.write { tx in
                try await m.prepare(on: tx)
                try await MigrationStore(sql: tx).record(i + 1, name: m.name)
            }
            app.logger.info("migrated", metadata: ["number": .stringConvertible(i + 1), "name": .string(m.name)])
        }
        // Phone keys need the installation key, which a migration does not hold: reporters registered before get theirs now.
        if let n = AgoraMigrations.all.firstIndex(where: { $0 is CreateChannels }), !done.contains(n + 1), let vault = try? app.vault {
            let keyed = try await app.write { try await ReporterStore(sql: $0).backfillPhoneKeys(vault: vault) }
            if keyed > 0 { app.logger.info("phone keys made", metadata: ["reporters": .stringConvertible(keyed)]) }
        }
    }

    /// Reverts every migration, last first (tests, and a developer starting over).
    static func revertAll(_ app: Application) async throws {
        let done = try await MigrationStore(sql: app.sql).applied()
        for number in done.reversed() where number <= AgoraMigrations.all.count {
            try await app.write { tx in
                try await AgoraMigrations.all[number - 1].revert(on: tx)
                try await MigrationStore(sql: tx).forget(number)
            }
        }
    }

    private static func adoptFluentRecords(_ app: Application) async throws {
        let store = MigrationStore(sql: app.sql)
        guard try await store.applied().isEmpty else { return }
        let fluent = Set(try await store.fluentNames().map { $0.split(separator: ".").last.map(String.init) ?? $0 })
        guard !fluent.isEmpty else { return }
        try await app.write { tx in
            for (i, m) in AgoraMigrations.all.enumerated() where fluent.contains(m.name) {
                try await MigrationStore(sql: tx).record(i + 1, name: m.name)
            }
        }
    }
}

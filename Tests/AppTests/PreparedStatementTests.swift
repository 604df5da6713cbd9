import Foundation
import PostgresKit
import SQLKit
import Testing
import Vapor

@testable import App

/// PostgreSQL's statements are prepared once per connection and give the same answers as unnamed ones.
@Suite struct PreparedStatementTests {
    static func postgres(_ app: Application) throws -> PostgresStore {
        guard case .postgres(let pg) = app.store else { throw Skip() }
        return pg
    }
    struct Skip: Error {}

    @Test(.enabled(if: Engine.available.contains(.postgres)))
    func scalarsRoundTripThroughPreparedStatements() async throws {
        let prepared: (inout AgoraSettings) -> Void = { $0.preparesStatements = true }  // off by default (decision 003)
        try await TestInstallation.run(.postgres, settings: prepared) { app in
            let pg = try Self.postgres(app)
            let sql = app.sql
            try await sql.raw("CREATE TABLE prep_probe (n BIGINT NOT NULL, t TEXT, d DOUBLE PRECISION, b BOOLEAN)").run()
            let before = pg.statements.count
            let texts = ["plain", "quote ' and \" ,", "Kaduna – Zaria ✓", "", "\\N"]
            for n in 0..<20 {
                let t: String? = n % 6 == 5 ? nil : texts[n % texts.count]
                try await sql.insert(into: "prep_probe").columns("n", "t", "d", "b")
                    .values(SQLBind(n), SQLBind(t), SQLBind(Double(n) / 3), SQLBind(n % 2 == 0)).run()
            }
            #expect(pg.statements.count > before, "the repeated insert was prepared")
            for n in 0..<20 {
                let r = try #require(
                    try await sql.select().columns("n", "t", "d", "b").from("prep_probe").where("n", .equal, n).where("b", .equal, n % 2 == 0)
                        .first())
                #expect(try r.decode(column: "t", as: String?.self) == (n % 6 == 5 ? nil : texts[n % texts.count]))
                #expect(try r.decode(column: "d", as: Double.self) == Double(n) / 3)
            }
            // A bound nil goes untyped, as PostgresKit sends it, and the server types it from the text.
            #expect(try await sql.raw("SELECT 1 AS one WHERE \(bind: String?.none) IS NULL").all().count == 1)
            // A statement that fails leaves the connection usable.
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT 1 / \(bind: 0) AS boom").all() }
            #expect(try await sql.raw("SELECT count(*) AS c FROM prep_probe WHERE n < \(bind: 100)").first()?.decode(column: "c", as: Int.self) == 20)
            // A table made after a statement on it failed to prepare: the next use prepares again.
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT x FROM prep_later WHERE x = \(bind: 1)").all() }
            try await sql.raw("CREATE TABLE prep_later (x BIGINT)").run()
            try await sql.raw("INSERT INTO prep_later (x) VALUES (1)").run()
            for _ in 0..<4 { #expect(try await sql.raw("SELECT x FROM prep_later WHERE x = \(bind: 1)").all().count == 1) }
            // Inside a write transaction, and rolled back with it.
            for (n, t) in [(1, "tx"), (2, "tx2")] {
                try await app.write { tx in try await tx.raw("UPDATE prep_probe SET t = \(bind: t) WHERE n = \(bind: n)").run() }
            }
            await #expect(throws: (any Error).self) {
                try await app.write { tx in
                    try await tx.raw("UPDATE prep_probe SET t = \(bind: "gone") WHERE n = \(bind: 3)").run()
                    throw Skip()
                }
            }
            let changed = try await sql.raw("SELECT n, t FROM prep_probe WHERE t LIKE 'tx%' OR t = 'gone' ORDER BY n").all()
            #expect(try changed.map { try $0.decode(column: "t", as: String.self) } == ["tx", "tx2"])
            try await sql.raw("DROP TABLE prep_later").run()
            try await sql.raw("DROP TABLE prep_probe").run()
        }
    }
}

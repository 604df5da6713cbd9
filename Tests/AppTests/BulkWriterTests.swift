import Foundation
import SQLKit
import Testing

@testable import App

/// The bulk path (multi-row statements on SQLite, COPY on PostgreSQL) stores exactly what it was given.
@Suite struct BulkWriterTests {
    @Test(arguments: Engine.available)
    func rowsRoundTripWithAwkwardText(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let sql = app.sql
            try await sql.raw("CREATE TABLE bulk_probe (n BIGINT NOT NULL, t TEXT, d DOUBLE PRECISION)").run()
            let awkward = [
                "plain", "tab\there", "new\nline", "back\\slash", "\\N", "carriage\rreturn", "quote \" and ' and ,", "Kaduna – Zaria ✓", "",
            ]
            var rows: [BulkValue] = []
            for n in 0..<1_234 {  // more than one statement's worth on SQLite, one COPY on PostgreSQL
                rows += [.int(n), n % 10 == 9 ? .null : .text(awkward[n % awkward.count]), n % 7 == 0 ? .null : .double(Double(n) / 8)]
            }
            let written = rows
            try await app.write { tx in
                try await BulkWriter(sql: tx).insert(into: "bulk_probe", columns: ["n", "t", "d"], rows: written)
            }
            let back = try await sql.raw("SELECT n, t, d FROM bulk_probe ORDER BY n").all()
            #expect(back.count == 1_234)
            for r in back {
                let n = try r.decode(column: "n", as: Int.self)
                let t = try r.decode(column: "t", as: String?.self)
                let d = try r.decode(column: "d", as: Double?.self)
                #expect(t == (n % 10 == 9 ? nil : awkward[n % awkward.count]), "row \(n)")
                #expect(d == (n % 7 == 0 ? nil : Double(n) / 8), "row \(n)")
            }
            // A failing load inside a transaction leaves nothing behind.
            await #expect(throws: (any Error).self) {
                try await app.write { tx in
                    try await BulkWriter(sql: tx).insert(
                        into: "bulk_probe", columns: ["n", "t", "d"], rows: [.int(5000), .text("x"), .null, .null, .text("y"), .null])
                }
            }
            #expect(try await sql.raw("SELECT n FROM bulk_probe WHERE n = 5000").all().isEmpty)
            try await sql.raw("DROP TABLE bulk_probe").run()
        }
    }
}

/// Writes that arrive together share one transaction; one that fails is rolled back alone.
@Suite struct GroupCommitTests {
    struct Refused: Error, Equatable { var n: Int }

    @Test(arguments: Engine.available)
    func concurrentWritesShareCommitsAndFailAlone(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await app.sql.raw("CREATE TABLE commit_probe (n BIGINT PRIMARY KEY)").run()
            let group = GroupCommit(maxBatch: 8) { body in try await app.write(body) }
            let outcomes = await withTaskGroup(of: (Int, Result<Int, Refused>).self) { tasks in
                for n in 0..<60 {
                    tasks.addTask {
                        do {
                            let v = try await group.run { sql in
                                try await sql.raw("INSERT INTO commit_probe (n) VALUES (\(bind: n))").run()
                                if n % 7 == 3 { throw Refused(n: n) }  // after its write: the savepoint must undo it
                                return n * 10
                            }
                            return (n, .success(v))
                        } catch let e as Refused { return (n, .failure(e)) } catch { return (n, .failure(Refused(n: -1))) }
                    }
                }
                var all: [Int: Result<Int, Refused>] = [:]
                for await (n, r) in tasks { all[n] = r }
                return all
            }
            for n in 0..<60 {
                #expect(outcomes[n] == (n % 7 == 3 ? .failure(Refused(n: n)) : .success(n * 10)), "job \(n)")
            }
            let stored = try await app.sql.raw("SELECT n FROM commit_probe ORDER BY n").all().map { try $0.decode(column: "n", as: Int.self) }
            #expect(stored == (0..<60).filter { $0 % 7 != 3 })
            try await app.sql.raw("DROP TABLE commit_probe").run()
        }
    }
}

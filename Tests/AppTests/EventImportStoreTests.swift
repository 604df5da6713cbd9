@testable import App
import AgoraCore
import Foundation
import SQLKit
import Testing

/// The real ACLED Kenya and UCDP Nigeria files, into the store, on every engine.
@Suite struct EventImportStoreTests {
    @Test(arguments: Engine.available)
    func realEventDataImportsOnceWithAreasResolved(engine: Engine) async throws {
        guard let shared = TestInstallation.sharedData,
              FileManager.default.fileExists(atPath: shared.appendingPathComponent("conflict_events").path) else {
            print("skipped: ../shared/data/conflict_events is absent"); return
        }
        try await TestInstallation.run(engine, demo: true) { app in
            try await DemoInstallation.seed(app)
            let gazetteer = try await app.gazetteer.current(AreaStore(sql: app.sql))
            for (file, body, rows) in [("acled_kenya_2016-2021.csv", "KE-CEWERU", 2557), ("ucdp_ged_nigeria_1990-2019_hdx_hxl.csv", "NG-IPCR", 4603)] {
                let data = try Data(contentsOf: shared.appendingPathComponent("conflict_events/" + file))
                let importer = EventImporter(body: body, classification: .internal, actor: "test")
                let first = try await importer.run(data, db: app.db, gazetteer: gazetteer)
                #expect(first.rows == rows)
                #expect(first.imported + first.rejected.count == rows, "\(file): every row imported or rejected with a reason")
                #expect(first.rejected.allSatisfy { $0.field.hasPrefix("line ") && !$0.message.isEmpty })
                #expect(first.resolvedBelowCountry >= 0.95, "\(file): \(first.resolvedBelowCountry) resolved below country level")
                let second = try await importer.run(data, db: app.db, gazetteer: gazetteer)
                #expect(second.imported == 0)
                #expect(second.duplicates == first.imported)
                print("\(file) on \(engine): \(first.imported) imported, \(first.rejected.count) rejected, \(Int(first.resolvedBelowCountry * 1000) / 10)% below country")
            }
            // Borno is where UCDP's Nigeria events concentrate.
            let borno = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents")
                .where("area_path", .like, "%/NG008/%").first(decodingColumn: "n", as: Int.self) ?? 0
            #expect(borno >= 2000)
            // Imported events are searchable by their notes and places.
            let scope = AccessPolicy.scope(for: .person(id: "x", installationAdmin: true, roles: []), in: try await BodyStore(sql: app.sql).tree())
            let hits = try await IncidentStore(sql: app.sql).list(scope, .init(text: "Maiduguri"), page: PageRequest(limit: 500))
            #expect(hits.count > 100)
            // A file that fails leaves nothing: an unknown owning body stops the whole import.
            let before = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents").first(decodingColumn: "n", as: Int.self)
            let data = try Data(contentsOf: shared.appendingPathComponent("conflict_events/acled_kenya_2016-2021.csv"))
            await #expect(throws: ValidationFailure.self) {
                _ = try await EventImporter(body: "NO-SUCH-BODY", classification: .internal, actor: "test").run(data, db: app.db, gazetteer: gazetteer)
            }
            let after = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents").first(decodingColumn: "n", as: Int.self)
            #expect(before == after)
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing

@testable import App

/// The real ACLED Kenya and UCDP Nigeria files, into the store, on every engine.
@Suite struct EventImportStoreTests {
    @Test(arguments: Engine.available)
    func realEventDataImportsOnceWithAreasResolved(engine: Engine) async throws {
        guard let shared = TestInstallation.sharedData,
            FileManager.default.fileExists(atPath: shared.appendingPathComponent("conflict_events").path)
        else {
            print("skipped: ../shared/data/conflict_events is absent")
            return
        }
        try await TestInstallation.run(engine, demo: true) { app in
            try await DemoInstallation.seed(app)
            let gazetteer = try await app.gazetteer.current(AreaStore(sql: app.sql))
            let indexes = try await Self.indexes(app.sql)
            for (file, body, rows) in [("acled_kenya_2016-2021.csv", "KE-CEWERU", 2557), ("ucdp_ged_nigeria_1990-2019_hdx_hxl.csv", "NG-IPCR", 4603)]
            {
                let data = try Data(contentsOf: shared.appendingPathComponent("conflict_events/" + file))
                // Small files take the large-load path too (indexes built after the load), so both paths are tested.
                var importer = EventImporter(body: body, classification: .internal, actor: "test")
                importer.deferIndexesFrom = 1
                let first = try await importer.run(data, app: app, gazetteer: gazetteer)
                #expect(first.rows == rows)
                #expect(first.imported + first.rejected.count == rows, "\(file): every row imported or rejected with a reason")
                #expect(first.rejected.allSatisfy { $0.field.hasPrefix("line ") && !$0.message.isEmpty })
                #expect(first.resolvedBelowCountry >= 0.95, "\(file): \(first.resolvedBelowCountry) resolved below country level")
                let second = try await importer.run(data, app: app, gazetteer: gazetteer)
                #expect(second.imported == 0)
                #expect(second.duplicates == first.imported)
                print(
                    "\(file) on \(engine): \(first.imported) imported, \(first.rejected.count) rejected, \(Int(first.resolvedBelowCountry * 1000) / 10)% below country"
                )
            }
            // Borno is where UCDP's Nigeria events concentrate.
            let borno =
                try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents")
                .where("area_path", .like, "%/NG008/%").first(decodingColumn: "n", as: Int.self) ?? 0
            #expect(borno >= 2000)
            #expect(try await Self.indexes(app.sql) == indexes, "the indexes dropped for the load are back")
            // Newest first, and the cursor walks every incident of an area once, whether the area filter
            // uses its index or not (the plan chosen for a broad area).
            let admin = AccessPolicy.scope(for: .person(id: "x", installationAdmin: true, roles: []), in: try await BodyStore(sql: app.sql).tree())
            let kenya =
                try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents")
                .where("area_path", .like, "/KEN/%").first(decodingColumn: "n", as: Int.self) ?? 0
            #expect(kenya > 2000)
            var walks: [[String]] = []
            for broad in [false, true] {
                var filter = IncidentStore.Filter(area: "KEN")
                filter.areaPrefix = try await AreaStore(sql: app.sql).pathText("KEN")
                filter.areaIsBroad = broad
                var seen: [IncidentRow] = []
                var page = PageRequest(limit: 400)
                while true {
                    let rows = try await IncidentStore(sql: app.sql).list(admin, filter, page: page)
                    seen += rows.prefix(page.limit)
                    guard rows.count > page.limit, let last = seen.last else { break }
                    page.after = "\(last.occurredOn)|\(last.id)"
                }
                #expect(seen.count == kenya)
                #expect(Set(seen.map(\.id)).count == seen.count)
                #expect(zip(seen, seen.dropFirst()).allSatisfy { ($0.occurredOn, $0.id) > ($1.occurredOn, $1.id) })
                walks.append(seen.map(\.id))
            }
            #expect(walks[0] == walks[1])
            // Imported events are searchable by their notes and places.
            let scope = admin
            let hits = try await IncidentStore(sql: app.sql).list(scope, .init(text: "Maiduguri"), page: PageRequest(limit: 500))
            #expect(hits.count > 100)
            // A file that fails leaves nothing: an unknown owning body stops the whole import.
            let before = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents").first(
                decodingColumn: "n", as: Int.self)
            let data = try Data(contentsOf: shared.appendingPathComponent("conflict_events/acled_kenya_2016-2021.csv"))
            await #expect(throws: ValidationFailure.self) {
                _ = try await EventImporter(body: "NO-SUCH-BODY", classification: .internal, actor: "test").run(data, app: app, gazetteer: gazetteer)
            }
            let after = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents").first(
                decodingColumn: "n", as: Int.self)
            #expect(before == after)
        }
    }

    /// Index names and definitions on the incident tables, on either engine.
    static func indexes(_ sql: any SQLDatabase) async throws -> [String] {
        let q: SQLQueryString =
            sql.dialect.name == "sqlite"
            ? "SELECT name || ':' || coalesce(sql, '') AS d FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('incidents', 'incident_indicators')"
            : "SELECT indexname || ':' || indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('incidents', 'incident_indicators')"
        return try await sql.raw(q).all().map { try $0.decode(column: "d", as: String.self) }.sorted()
    }
}

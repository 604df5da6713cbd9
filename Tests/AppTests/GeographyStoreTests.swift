import AgoraCore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App

/// The area tree in the store, on every engine: imports, all-or-nothing failures, lookup, neighbours.
@Suite struct GeographyStoreTests {
    static func boundary(_ name: String) -> URL? {
        guard let url = TestInstallation.sharedData?.appendingPathComponent("boundaries/\(name)"),
            FileManager.default.fileExists(atPath: url.path)
        else {
            print("skipped: ../shared/data/boundaries/\(name) is absent")
            return nil
        }
        return url
    }

    static func countries() -> [AreaDraft] {
        Country.all.map { AreaDraft(code: $0.alpha3, name: $0.name, level: .country, parent: nil, centroid: $0.centroid) }
    }

    @Test(arguments: Engine.available)
    func realBoundariesImportAndPointsLandInTheRightArea(engine: Engine) async throws {
        guard let nga = Self.boundary("nga_admin1_ocha_cod_20161215.geojson"),
            let ken = Self.boundary("ken_admin1_counties_osm_simplified.geojson"),
            let world = Self.boundary("ne_110m_admin0_countries_v4.1.0.geojson")
        else { return }
        try await TestInstallation.run(engine) { app in
            _ = try await AreaImport.apply(Self.countries(), on: app, actor: "test")
            for file in [world, nga, ken] {
                let drafts = try AreaImport.drafts(file: file, format: nil, mapping: BoundaryMapping(), countries: [])
                _ = try await AreaImport.apply(drafts, on: app, actor: "test")
            }
            let tester = try app.testing()
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas/lookup?lat=11.8311&lon=13.1510")  // Maiduguri
                #expect(res.status == .ok)
                let o = try object(res)
                #expect((o["area"] as? [String: Any])?["code"] as? String == "NG008")
                #expect((o["path"] as? [[String: Any]])?.map { $0["code"] as? String } == ["NGA", "NG008"])
            }
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas/lookup?lat=-1.2864&lon=36.8172")  // Nairobi, city centre
                #expect((try object(res)["area"] as? [String: Any])?["code"] as? String == "KE047")
            }
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas/lookup?lat=-30&lon=-20")  // South Atlantic
                #expect(res.status == .ok)
                #expect(try object(res)["area"] == nil)
            }
            // Busia county borders Uganda: a neighbour across the border, computed from the shapes.
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas/KE040/neighbours")
                let n = try array(res)
                let uganda = n.first { ($0["area"] as? [String: Any])?["code"] as? String == "UGA" }
                #expect(uganda?["crossBorder"] as? Bool == true)
                #expect(n.contains { ($0["area"] as? [String: Any])?["code"] as? String == "KE039" })  // Bungoma
                #expect(!n.contains { ($0["area"] as? [String: Any])?["code"] as? String == "KEN" })
            }
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas/NG008?geometry=true")
                let o = try object(res)
                #expect(o["country"] as? String == "NGA")
                #expect((o["geometry"] as? [String: Any])?["type"] as? String == "MultiPolygon")
                #expect((o["bbox"] as? [Double])?.count == 4)
            }
        }
    }

    @Test(arguments: Engine.available)
    func aFailedImportLeavesTheStoreAsItWas(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            _ = try await AreaImport.apply([AreaDraft(code: "GHA", name: "Ghana", level: .country, parent: nil)], on: app, actor: "test")
            let revision = try await AreaStore(sql: app.sql).revision()
            let bad = [
                AreaDraft(code: "GH12", name: "Upper East", level: .admin1, parent: "GHA"),
                AreaDraft(code: "GH1201", name: "Bawku Municipal", level: .admin2, parent: "GH12"),
                AreaDraft(code: "GH9901", name: "Nowhere", level: .admin2, parent: "GH99"),  // unknown parent
            ]
            await #expect(throws: ValidationFailure.self) { try await AreaImport.apply(bad, on: app, actor: "test") }
            let count = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("areas").first(
                decodingColumn: "n", as: Int.self)
            #expect(count == 1)
            #expect(try await AreaStore(sql: app.sql).revision() == revision)

            // A file with one broken polygon: nothing from it lands.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agora-geo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("two.geojson")
            try #"""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"admin1Pcod":"GH12","admin1Name":"Upper East","admin0Pcod":"GH"},"geometry":{"type":"Polygon","coordinates":[[[-1,10],[0,10],[0,11],[-1,10]]]}},
             {"type":"Feature","properties":{"admin1Pcod":"GH08","admin1Name":"Northern","admin0Pcod":"GH"},"geometry":{"type":"Polygon","coordinates":[[[-1,9],[0,9],[0,10]]]}}
            ]}
            """#.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try AreaImport.drafts(file: file, format: nil, mapping: BoundaryMapping(), countries: [])
                Issue.record("a broken polygon was accepted")
            } catch let f as ValidationFailure {
                #expect(f.issues.first?.field == "two.geojson: features[1].geometry.coordinates[0]")
            }
        }
    }

    @Test(arguments: Engine.available)
    func aCycleThroughTheAPIIsRefusedAndNothingChanges(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            _ = try await AreaImport.apply(
                try BoundaryProfiles.drafts(fromPcodeCSV: DemoData.builtInAreas, countries: [])
                    .filter { $0.code.hasPrefix("GH") } + [AreaDraft(code: "GHA", name: "Ghana", level: .country, parent: nil)], on: app,
                actor: "test")
            let tester = try app.testing()
            // Admin1 under its own admin2.
            do {
                let res = try await tester.sendRequest(.PATCH, "/api/v1/areas/GH12", headers: .admin, body: json(#"{"parent":"GH1201"}"#))
                #expect(res.status == .unprocessableEntity)
                let o = try object(res)
                #expect(o["error"] as? String == "validation")
                let issues = o["issues"] as? [[String: Any]] ?? []
                #expect(issues.contains { ($0["message"] as? String)?.contains("cycle") == true })
            }
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas/GH12")
                #expect(try object(res)["parent"] as? String == "GHA")
            }
        }
    }

    @Test(arguments: Engine.available)
    func pagesFollowEachOtherWithoutGapsOrRepeats(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            _ = try await AreaImport.apply(Self.countries(), on: app, actor: "test")
            let tester = try app.testing()
            var seen: [String] = []
            var cursor: String? = nil
            repeat {
                let path = "/api/v1/areas?level=country&limit=37" + (cursor.map { "&cursor=\($0)" } ?? "")
                cursor = nil
                do {
                    let res = try await tester.sendRequest(.GET, path)
                    let o = try object(res)
                    seen += (o["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                    cursor = o["nextCursor"] as? String
                }
            } while cursor != nil
            #expect(seen.count == Country.all.count)
            #expect(Set(seen).count == seen.count)
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas?cursor=garbage!")
                #expect(res.status == .badRequest)
                #expect(try object(res)["field"] as? String == "cursor")
            }
            do {
                let res = try await tester.sendRequest(.GET, "/api/v1/areas?q=ghan")
                let codes = (try object(res)["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                #expect(codes == ["AFG", "GHA"])  // Afghanistan, Ghana
            }
        }
    }
}

import Foundation
import Testing

@testable import AgoraCore

@Suite struct GeographyTests {
    static func drafts(_ file: String) throws -> [AreaDraft]? {
        guard let url = SharedData.file("boundaries/" + file) else { return nil }
        return try BoundaryProfiles.drafts(from: GeoJSON.features(from: Data(contentsOf: url)), mapping: BoundaryMapping())
    }

    static func gazetteer(_ drafts: [AreaDraft]) -> Gazetteer {
        Gazetteer(drafts.map { Gazetteer.Entry(code: $0.code, level: $0.level, geometry: $0.geometry!) })
    }

    @Test func maiduguriLiesInBorno() throws {
        guard let states = try Self.drafts("nga_admin1_ocha_cod_20161215.geojson") else { return }
        #expect(states.count == 37)
        #expect(states.allSatisfy { $0.parent == "NGA" && $0.level == .admin1 })
        let g = Self.gazetteer(states)
        #expect(g.areas(containing: GeoPoint(lat: 11.8311, lon: 13.1510)).first?.code == "NG008")
        #expect(g.areas(containing: GeoPoint(lat: 6.5244, lon: 3.3792)).first?.code == "NG025")  // Lagos
        #expect(g.areas(containing: GeoPoint(lat: 0, lon: 0)).isEmpty)  // Gulf of Guinea
    }

    @Test func nairobiCentreLiesInNairobiCounty() throws {
        guard let counties = try Self.drafts("ken_admin1_counties_osm_simplified.geojson") else { return }
        #expect(counties.count == 47)
        let nairobi = counties.first { $0.code == "KE047" }
        #expect(nairobi?.name == "Nairobi")
        let g = Self.gazetteer(counties)
        #expect(g.areas(containing: GeoPoint(lat: -1.2864, lon: 36.8172)).map(\.code) == ["KE047"])
        #expect(g.areas(containing: GeoPoint(lat: -4.0435, lon: 39.6682)).first?.code == "KE001")  // Mombasa
    }

    @Test func countriesFromNaturalEarthUseADM0WhenISOIsMissing() throws {
        guard let countries = try Self.drafts("ne_110m_admin0_countries_v4.1.0.geojson") else { return }
        #expect(countries.count == 177)
        let codes = Set(countries.map(\.code))
        #expect(codes.contains("KEN") && codes.contains("NOR") && codes.contains("SOL"))  // SOL: Somaliland
        #expect(!codes.contains("-99"))
        #expect(countries.first { $0.code == "CIV" }?.names["fr"] != nil)
        let g = Self.gazetteer(countries)
        #expect(g.areas(containing: GeoPoint(lat: -1.2864, lon: 36.8172)).first?.code == "KEN")
    }

    @Test func neighboursCrossBorders() throws {
        guard let counties = try Self.drafts("ken_admin1_counties_osm_simplified.geojson"),
            let countries = try Self.drafts("ne_110m_admin0_countries_v4.1.0.geojson")
        else { return }
        let shapes = (counties + countries).map { d in
            Neighbours.Shape(code: d.code, geometry: d.geometry!, lineage: Set([d.code] + (d.parent.map { [$0] } ?? [])))
        }
        let clock = ContinuousClock()
        var pairs: [(String, String)] = []
        let took = clock.measure { pairs = Neighbours.pairs(shapes, tolerance: 0.05) }
        print("neighbours of \(shapes.count) shapes in \(took)")
        let set = Set(pairs.map { "\($0.0)|\($0.1)" })
        #expect(set.contains("KE022|KE047"))  // Nairobi – Kiambu
        #expect(set.contains("KE040|UGA"))  // Busia county – Uganda
        #expect(set.contains("KEN|UGA"))
        #expect(set.contains("KE023|SSD") || set.contains("KE023|UGA"))  // Turkana
        #expect(!set.contains("KE047|KEN"))  // a county does not neighbour its own country
        #expect(!set.contains("KE001|KE047"))  // Mombasa is far from Nairobi
        #expect(!set.contains("KE040|TZA"))
    }
}

@Suite struct PlacementTests {
    @Test func aPointThatFindsOnlyTheCountryAsksForTheDistrict() {
        let coarse = Placement.of(area: "GHA", level: .country, how: .point, countryName: "Ghana", lowerAreasWithoutShapes: true)
        #expect(coarse.needsDistrict && coarse.reason!.contains("Ghana"))
        #expect(!Placement.of(area: "GHA", level: .country, how: .given, countryName: "Ghana", lowerAreasWithoutShapes: true).needsDistrict)
        #expect(!Placement.of(area: "NG032", level: .admin1, how: .point, countryName: "Nigeria", lowerAreasWithoutShapes: true).needsDistrict)
        #expect(!Placement.of(area: "TUV", level: .country, how: .point, countryName: "Tuvalu", lowerAreasWithoutShapes: false).needsDistrict)
    }

    @Test func districtsAreOfferedNearestFirst() {
        let bawku = GeoPoint(lat: 11.06, lon: -0.24)
        let items: [(String, GeoPoint?)] = [
            ("Accra", GeoPoint(lat: 5.6, lon: -0.19)), ("No centroid B", nil), ("Bawku West", GeoPoint(lat: 10.9, lon: -0.5)),
            ("No centroid A", nil), ("Tamale", GeoPoint(lat: 9.4, lon: -0.85)),
        ]
        let sorted = Placement.nearestFirst(items, to: bawku, centroid: { $0.1 }, name: { $0.0 }).map(\.0)
        #expect(sorted == ["Bawku West", "Tamale", "Accra", "No centroid A", "No centroid B"])
    }
}

@Suite struct ClusterTests {
    @Test func nearbyPointsBecomeOneClusterWithTheirCount() {
        let maiduguri = (0..<5).map { GeoPoint(lat: 11.83 + Double($0) * 0.001, lon: 13.15) }
        let jos = [GeoPoint(lat: 9.9, lon: 8.89)]
        let c = Clusters.grid(maiduguri + jos, cells: 20)
        #expect(c.map(\.count) == [5, 1])
        #expect(abs(c[0].center.lat - 11.832) < 0.0001 && c[0].center.lon == 13.15)
        #expect(Clusters.grid([]).isEmpty)
        #expect(Clusters.grid([GeoPoint(lat: 1, lon: 1), GeoPoint(lat: 1, lon: 1)]).map(\.count) == [2])
    }
}

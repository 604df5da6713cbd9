import AgoraCore
import SQLKit

/// One area as the whole-tree readers need it (the import's area index, the risk snapshot, the generator).
struct AreaTreeRow: Decodable, Sendable {
    var code, name, level, countryCode: String
    var parentCode: String?
    var centroidLat, centroidLon, minLat, maxLat, minLon, maxLon: Double?
}

extension AreaStore {
    /// Every area, unscoped (the geography is public), in code order: the event generator draws areas by position,
    /// so an unordered read made "the same seed" give different events on different SQLite builds.
    func tree() async throws -> [AreaTreeRow] {
        try await sql.select().columns(
            "code", "name", "level", "country_code", "parent_code", "centroid_lat", "centroid_lon",
            "min_lat", "max_lat", "min_lon", "max_lon"
        ).from("areas").orderBy("code").all(decoding: AreaTreeRow.self, with: Self.decoder)
    }

    /// Every pair of areas that share a border, as stored (each pair once or both ways).
    func neighbourPairs() async throws -> [(String, String)] {
        try await sql.select().columns("area_code", "neighbour_code").from("area_neighbours").all().map {
            (try $0.decode(column: "area_code", as: String.self), try $0.decode(column: "neighbour_code", as: String.self))
        }
    }
}

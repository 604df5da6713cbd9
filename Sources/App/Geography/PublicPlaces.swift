import AgoraCore
import SQLKit

/// Where a public answer may say something happened: the record's area path coarsened to admin2
/// (`Coarsening.publicPoint`), so an anonymous caller never gets a village or a house.
struct PublicPlaces: Sendable {
    private var areas: [String: (level: AreaLevel, centroid: GeoPoint?)] = [:]

    /// Loads the areas of these `/country/admin1/…/` paths.
    static func load(_ sql: any SQLDatabase, paths: [String]) async throws -> PublicPlaces {
        var out = PublicPlaces()
        let codes = Array(Set(paths.flatMap { $0.split(separator: "/").map(String.init) }))
        for chunk in codes.chunked(400) {
            for a in try await AreaStore(sql: sql).list(.init(codes: Array(chunk)), page: PageRequest(limit: PageRequest.maxLimit)) {
                let c = a.centroidLat.flatMap { lat in a.centroidLon.map { GeoPoint(lat: lat, lon: $0) } }
                out.areas[a.code] = (AreaLevel(rawValue: a.level) ?? .community, c)
            }
        }
        return out
    }

    /// The area to name and the point to show for a record at this path.
    func place(_ path: String) -> (area: String?, point: GeoPoint?) {
        let deepestFirst = path.split(separator: "/").map(String.init).reversed().compactMap { code in
            areas[code].map { (code: code, level: $0.level, centroid: $0.centroid) }
        }
        let area = deepestFirst.first { $0.level <= .admin2 }?.code
        return (area, Coarsening.publicPoint(nil, path: deepestFirst, precision: .admin2))
    }
}

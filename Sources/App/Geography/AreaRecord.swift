import AgoraCore
import Foundation
import Vapor

/// One row of `areas`, without its geometry (which is read only when asked for).
struct AreaRecord: Codable, Sendable {
    var code: String
    var name: String
    var names: String
    var level: String
    var parentCode: String?
    var countryCode: String
    var centroidLat: Double?
    var centroidLon: Double?
    var minLon: Double?
    var minLat: Double?
    var maxLon: Double?
    var maxLat: Double?
    var source: String?
    var createdAt: String
    var updatedAt: String

    static let columns = [
        "code", "name", "names", "level", "parent_code", "country_code", "centroid_lat", "centroid_lon",
        "min_lon", "min_lat", "max_lon", "max_lat", "source", "created_at", "updated_at",
    ]
    static let selected = ColumnList(columns)
}

/// An area as the API shows it.
struct AreaView: Content {
    struct Centroid: Content {
        var lat: Double
        var lon: Double
    }
    var code: String
    var name: String
    var names: [String: String]
    var level: String
    var parent: String?
    var country: String
    var centroid: Centroid?
    /// `[minLon, minLat, maxLon, maxLat]`, as GeoJSON's bbox.
    var bbox: [Double]?
    var hasGeometry: Bool
    var source: String?
    var createdAt: String
    var updatedAt: String
    /// Only with `?geometry=true`: a GeoJSON MultiPolygon.
    var geometry: JSONValue?

    init(_ r: AreaRecord, geometry: String? = nil) {
        code = r.code
        name = r.name
        names = (try? JSONDecoder().decode([String: String].self, from: Data(r.names.utf8))) ?? [:]
        level = r.level
        parent = r.parentCode
        country = r.countryCode
        if let lat = r.centroidLat, let lon = r.centroidLon { centroid = Centroid(lat: lat, lon: lon) }
        if let a = r.minLon, let b = r.minLat, let c = r.maxLon, let d = r.maxLat { bbox = [a, b, c, d] }
        hasGeometry = bbox != nil
        source = r.source
        createdAt = r.createdAt
        updatedAt = r.updatedAt
        self.geometry = geometry.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }
}

/// A short reference to an area inside other answers.
struct AreaRef: Content {
    var code: String
    var name: String
    var level: String
}

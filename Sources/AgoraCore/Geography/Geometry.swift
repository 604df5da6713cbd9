/// A WGS 84 position. GeoJSON order is longitude first; we name both to avoid swaps.
public struct GeoPoint: Sendable, Equatable, Hashable, Codable {
    public var lat: Double
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    public static func check(lat: Double?, lon: Double?, field: String = "", into issues: inout IssueCollector) {
        let prefix = field.isEmpty ? "" : field + "."
        if let lat, !(lat.isFinite && (-90...90).contains(lat)) { issues.add(prefix + "lat", "latitude \(lat) is outside -90…90") }
        if let lon, !(lon.isFinite && (-180...180).contains(lon)) { issues.add(prefix + "lon", "longitude \(lon) is outside -180…180") }
    }
}

/// An axis-aligned box in degrees.
public struct BoundingBox: Sendable, Equatable, Codable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    public init?(points: some Sequence<GeoPoint>) {
        var box: BoundingBox?
        for p in points {
            if box == nil { box = BoundingBox(minLon: p.lon, minLat: p.lat, maxLon: p.lon, maxLat: p.lat) } else { box!.include(p) }
        }
        guard let box else { return nil }
        self = box
    }

    public mutating func include(_ p: GeoPoint) {
        minLon = Swift.min(minLon, p.lon)
        maxLon = Swift.max(maxLon, p.lon)
        minLat = Swift.min(minLat, p.lat)
        maxLat = Swift.max(maxLat, p.lat)
    }

    public func union(_ o: BoundingBox) -> BoundingBox {
        BoundingBox(
            minLon: Swift.min(minLon, o.minLon), minLat: Swift.min(minLat, o.minLat),
            maxLon: Swift.max(maxLon, o.maxLon), maxLat: Swift.max(maxLat, o.maxLat))
    }

    public func expanded(by d: Double) -> BoundingBox {
        BoundingBox(minLon: minLon - d, minLat: minLat - d, maxLon: maxLon + d, maxLat: maxLat + d)
    }

    public func contains(_ p: GeoPoint) -> Bool {
        p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat
    }

    public func intersects(_ o: BoundingBox) -> Bool {
        minLon <= o.maxLon && o.minLon <= maxLon && minLat <= o.maxLat && o.minLat <= maxLat
    }

    public var area: Double { (maxLon - minLon) * (maxLat - minLat) }
    public var centre: GeoPoint { GeoPoint(lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2) }
}

/// One polygon: an outer ring and any holes, each ring closed (first point == last point).
public struct Polygon: Sendable, Equatable {
    public var rings: [[GeoPoint]]
    public init(rings: [[GeoPoint]]) { self.rings = rings }

    public func contains(_ p: GeoPoint) -> Bool {
        guard let outer = rings.first, Polygon.ring(outer, contains: p) else { return false }
        return !rings.dropFirst().contains { Polygon.ring($0, contains: p) }
    }

    /// Even–odd ray casting towards +longitude.
    static func ring(_ ring: [GeoPoint], contains p: GeoPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i]
            let b = ring[j]
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon
                if p.lon < x { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// Signed planar area of a ring in square degrees (positive when counter-clockwise).
    static func signedArea(_ ring: [GeoPoint]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat
        }
        return sum / 2
    }
}

/// The shape of an area: one or more polygons. A GeoJSON Polygon is held as a MultiPolygon of one.
public struct AreaGeometry: Sendable, Equatable {
    public var polygons: [Polygon]
    public let bbox: BoundingBox

    public init?(polygons: [Polygon]) {
        guard let box = BoundingBox(points: polygons.lazy.flatMap { $0.rings.first ?? [] }) else { return nil }
        self.polygons = polygons
        self.bbox = box
    }

    public func contains(_ p: GeoPoint) -> Bool {
        bbox.contains(p) && polygons.contains { $0.contains(p) }
    }

    /// Area-weighted centroid of the outer rings (planar, in degrees: good enough to place a label
    /// or a marker, and far cheaper than a geodesic one). Falls back to the box centre when the
    /// centroid lands outside the shape (crescents, archipelagos), then to the largest ring's first vertex.
    public var centroid: GeoPoint {
        var cx = 0.0
        var cy = 0.0
        var total = 0.0
        for polygon in polygons {
            guard let ring = polygon.rings.first, ring.count >= 4 else { continue }
            for i in 0..<(ring.count - 1) {
                let a = ring[i]
                let b = ring[i + 1]
                let cross = a.lon * b.lat - b.lon * a.lat
                cx += (a.lon + b.lon) * cross
                cy += (a.lat + b.lat) * cross
                total += cross
            }
        }
        if total != 0 {
            let c = GeoPoint(lat: cy / (3 * total), lon: cx / (3 * total))
            if contains(c) { return c }
        }
        let centre = bbox.centre
        if contains(centre) { return centre }
        let largest = polygons.max { abs(Polygon.signedArea($0.rings[0])) < abs(Polygon.signedArea($1.rings[0])) }
        return largest?.rings.first?.first ?? centre
    }

    /// All boundary segments, holes included.
    public func forEachSegment(_ body: (GeoPoint, GeoPoint) -> Void) {
        for polygon in polygons {
            for ring in polygon.rings where ring.count >= 2 {
                for i in 0..<(ring.count - 1) { body(ring[i], ring[i + 1]) }
            }
        }
    }

    public var vertexCount: Int { polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } } }
}

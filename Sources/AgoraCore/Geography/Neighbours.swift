import Foundation

/// Finds areas whose boundaries touch, within a tolerance, so that risk can spill over borders.
public enum Neighbours {
    public struct Shape: Sendable {
        public var code: String
        public var geometry: AreaGeometry
        /// Codes of this area and its ancestors: an area never neighbours its own ancestor.
        public var lineage: Set<String>
        public init(code: String, geometry: AreaGeometry, lineage: Set<String>) {
            self.code = code
            self.geometry = geometry
            self.lineage = lineage
        }
    }

    /// Unordered pairs (a < b) of areas whose boundaries come within `tolerance` degrees of each other.
    /// Shapes from different sources rarely share vertices exactly, hence the tolerance.
    public static func pairs(_ shapes: [Shape], tolerance: Double) -> [(String, String)] {
        let index = SpatialIndex(shapes.enumerated().map { (box: $0.element.geometry.bbox.expanded(by: tolerance), payload: $0.offset) })
        var out: [(String, String)] = []
        for (i, a) in shapes.enumerated() {
            for j in index.candidates(intersecting: a.geometry.bbox) where j > i {
                let b = shapes[j]
                if a.lineage.contains(b.code) || b.lineage.contains(a.code) { continue }
                if touch(a.geometry, b.geometry, tolerance: tolerance) {
                    out.append(a.code < b.code ? (a.code, b.code) : (b.code, a.code))
                }
            }
        }
        return out.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// True when some vertex of one shape lies within `tolerance` of a boundary segment of the other.
    /// Only the parts inside both (expanded) boxes are compared, which keeps large shapes cheap.
    static func touch(_ a: AreaGeometry, _ b: AreaGeometry, tolerance: Double) -> Bool {
        let overlap = a.bbox.expanded(by: tolerance)
        guard overlap.intersects(b.bbox.expanded(by: tolerance)) else { return false }
        let window = BoundingBox(
            minLon: max(a.bbox.minLon, b.bbox.minLon) - tolerance, minLat: max(a.bbox.minLat, b.bbox.minLat) - tolerance,
            maxLon: min(a.bbox.maxLon, b.bbox.maxLon) + tolerance, maxLat: min(a.bbox.maxLat, b.bbox.maxLat) + tolerance)
        return near(verticesOf: a, segmentsOf: b, window: window, tolerance: tolerance)
            || near(verticesOf: b, segmentsOf: a, window: window, tolerance: tolerance)
    }

    private static func near(verticesOf a: AreaGeometry, segmentsOf b: AreaGeometry, window: BoundingBox, tolerance: Double) -> Bool {
        var segments: [(GeoPoint, GeoPoint)] = []
        b.forEachSegment { p, q in
            let box = BoundingBox(minLon: min(p.lon, q.lon), minLat: min(p.lat, q.lat), maxLon: max(p.lon, q.lon), maxLat: max(p.lat, q.lat))
            if box.intersects(window) { segments.append((p, q)) }
        }
        guard !segments.isEmpty else { return false }
        let segIndex = SpatialIndex(
            segments.enumerated().map { entry in
                let (p, q) = entry.element
                return (
                    box: BoundingBox(minLon: min(p.lon, q.lon), minLat: min(p.lat, q.lat), maxLon: max(p.lon, q.lon), maxLat: max(p.lat, q.lat))
                        .expanded(by: tolerance), payload: entry.offset
                )
            })
        let t2 = tolerance * tolerance
        for polygon in a.polygons {
            for ring in polygon.rings {
                for v in ring where window.contains(v) {
                    for s in segIndex.candidates(containing: v) where distanceSquared(v, segments[s].0, segments[s].1) <= t2 {
                        return true
                    }
                }
            }
        }
        return false
    }

    /// Planar distance in degrees, squared; longitude scaled by cos(latitude) so a tolerance means
    /// about the same on the ground near the equator and in the north.
    static func distanceSquared(_ p: GeoPoint, _ a: GeoPoint, _ b: GeoPoint) -> Double {
        let k = cos(p.lat * .pi / 180)
        let ax = (a.lon - p.lon) * k
        let ay = a.lat - p.lat
        let bx = (b.lon - p.lon) * k
        let by = b.lat - p.lat
        let dx = bx - ax
        let dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 == 0 ? 0 : -(ax * dx + ay * dy) / len2
        t = min(1, max(0, t))
        let x = ax + t * dx
        let y = ay + t * dy
        return x * x + y * y
    }
}

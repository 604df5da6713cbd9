import Foundation

/// Many points on a small map: grouped by a grid over their extent, each group drawn once at its mean position
/// with its count, so 2,000 incidents in Borno read as a few busy places rather than a red blot.
public enum Clusters {
    public struct Cluster: Sendable, Equatable {
        public var center: GeoPoint
        public var count: Int
    }

    /// `cells` columns across the wider side of the points' extent; the busiest clusters first.
    public static func grid(_ points: [GeoPoint], cells: Int = 24) -> [Cluster] {
        guard let first = points.first else { return [] }
        var (minLat, maxLat, minLon, maxLon) = (first.lat, first.lat, first.lon, first.lon)
        for p in points {
            minLat = min(minLat, p.lat)
            maxLat = max(maxLat, p.lat)
            minLon = min(minLon, p.lon)
            maxLon = max(maxLon, p.lon)
        }
        let size = max(maxLat - minLat, maxLon - minLon, 1e-6) / Double(max(1, cells))
        var sums: [[Int]: (lat: Double, lon: Double, n: Int)] = [:]
        for p in points {
            let key = [Int((p.lat - minLat) / size), Int((p.lon - minLon) / size)]
            let s = sums[key] ?? (0, 0, 0)
            sums[key] = (s.lat + p.lat, s.lon + p.lon, s.n + 1)
        }
        return sums.values.map { Cluster(center: GeoPoint(lat: $0.lat / Double($0.n), lon: $0.lon / Double($0.n)), count: $0.n) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.center.lat, $0.center.lon) < ($1.center.lat, $1.center.lon) }
    }
}

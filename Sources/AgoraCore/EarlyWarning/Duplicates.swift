import Foundation

/// Suggests which reports may tell of the same event: close in time, close in space, alike in what
/// they report. A suggestion only: an analyst decides.
public enum Duplicates {
    public struct Candidate: Sendable, Equatable {
        public var id: String
        public var day: String
        public var area: String?
        public var point: GeoPoint?
        public var indicators: Set<String>
        public init(id: String, day: String, area: String?, point: GeoPoint?, indicators: Set<String>) {
            self.id = id
            self.day = day
            self.area = area
            self.point = point
            self.indicators = indicators
        }
    }

    public struct Suggestion: Sendable, Equatable {
        public var id: String
        /// 0…1: how alike.
        public var score: Double
        public var days: Int
        public var kilometres: Double?
        public var sharedIndicators: [String]
    }

    /// Within this many days and kilometres a pair is worth a look.
    public static let maxDays = 3
    public static let maxKilometres = 25.0

    public static func suggest(for r: Candidate, among others: [Candidate]) -> [Suggestion] {
        others.compactMap { o -> Suggestion? in
            guard o.id != r.id, let days = daysBetween(r.day, o.day), days <= maxDays else { return nil }
            var km: Double?
            if let a = r.point, let b = o.point { km = distanceKm(a, b) }
            let sameArea = r.area != nil && r.area == o.area
            guard sameArea || (km.map { $0 <= maxKilometres } ?? false) else { return nil }
            let shared = r.indicators.intersection(o.indicators)
            let union = r.indicators.union(o.indicators)
            let jaccard = union.isEmpty ? 0 : Double(shared.count) / Double(union.count)
            guard jaccard > 0 else { return nil }
            let timeScore = 1 - Double(days) / Double(maxDays + 1)
            let placeScore = km.map { max(0, 1 - $0 / maxKilometres) } ?? 0.5
            let score = (jaccard * 0.5 + timeScore * 0.25 + placeScore * 0.25)
            return Suggestion(
                id: o.id, score: (score * 100).rounded() / 100, days: days, kilometres: km.map { ($0 * 10).rounded() / 10 },
                sharedIndicators: shared.sorted())
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }

    /// Great-circle distance (haversine), kilometres.
    public static func distanceKm(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let r = 6371.0088
        let dLat = (b.lat - a.lat) * .pi / 180
        let dLon = (b.lon - a.lon) * .pi / 180
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * .pi / 180) * cos(b.lat * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    static func daysBetween(_ a: String, _ b: String) -> Int? {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: "UTC")
        guard let x = f.date(from: a), let y = f.date(from: b) else { return nil }
        return Int((abs(x.timeIntervalSince(y)) / 86400).rounded())
    }
}

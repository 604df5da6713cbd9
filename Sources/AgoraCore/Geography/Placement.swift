import Foundation

/// Where a report landed in the area tree, how, and — when it landed coarser than it should — why. A GPS point in
/// Bawku filed as just "Ghana" because no district shapes are stored would mislead every map and count after it;
/// the placement says so, and the form asks for the district instead.
public struct Placement: Codable, Sendable, Equatable {
    public enum How: String, Codable, Sendable {
        /// The area the reporter chose.
        case given
        /// The deepest stored shape containing the point.
        case point
        /// The area chosen, with a point checked against it.
        case givenWithPoint = "given-with-point"
    }

    public var area: String
    public var level: AreaLevel
    public var how: How
    /// Set when a point found only a country although the country has smaller areas (without shapes).
    public var reason: String?

    public init(area: String, level: AreaLevel, how: How, reason: String? = nil) {
        self.area = area
        self.level = level
        self.how = how
        self.reason = reason
    }

    public var needsDistrict: Bool { reason != nil }

    /// The placement of a report: `lowerAreasWithoutShapes` is whether the country of a point-only placement has
    /// areas below it that no shape could find.
    public static func of(area: String, level: AreaLevel, how: How, countryName: String, lowerAreasWithoutShapes: Bool) -> Placement {
        guard how == .point, level == .country, lowerAreasWithoutShapes else { return Placement(area: area, level: level, how: how) }
        return Placement(
            area: area, level: level, how: how,
            reason: "no district or region shapes are stored for \(countryName), so the point found only the country; give `area` (the district)")
    }

    /// Candidates nearest the point first (by centroid); those without a centroid after, by name.
    public static func nearestFirst<T>(_ items: [T], to point: GeoPoint, centroid: (T) -> GeoPoint?, name: (T) -> String) -> [T] {
        func distance(_ c: GeoPoint) -> Double {
            let k = cos(point.lat * .pi / 180)
            let dx = (c.lon - point.lon) * k
            let dy = c.lat - point.lat
            return dx * dx + dy * dy
        }
        return items.sorted { a, b in
            switch (centroid(a), centroid(b)) {
            case (let x?, let y?): return distance(x) < distance(y)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return name(a) < name(b)
            }
        }
    }
}

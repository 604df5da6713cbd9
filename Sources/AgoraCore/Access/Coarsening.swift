/// Where a public output may say something happened: never more precisely than the installation allows.
public enum LocationPrecision: String, Vocabulary {
    public static let noun = "location precision"
    case exact
    case admin2
    case admin1
    case country
}

public enum Coarsening {
    /// The point to publish for a record located at `point` in the area path (deepest area first).
    /// With `admin2` (the default) the record is shown at its admin2 area's centroid; when the record
    /// sits only in a coarser area, at that area's centroid; with no centroid known, not at all.
    public static func publicPoint(
        _ point: GeoPoint?, path: [(code: String, level: AreaLevel, centroid: GeoPoint?)],
        precision: LocationPrecision
    ) -> GeoPoint? {
        let target: AreaLevel
        switch precision {
        case .exact: return point ?? path.first?.centroid
        case .admin2: target = .admin2
        case .admin1: target = .admin1
        case .country: target = .country
        }
        // The deepest area at or above the target level.
        return path.first { $0.level <= target }?.centroid
    }
}

/// Where an area sits in the administrative tree.
public enum AreaLevel: String, Vocabulary, Comparable {
    public static let noun = "area level"
    case country
    case admin1
    case admin2
    case community

    /// 0 for a country, growing downwards.
    public var depth: Int {
        switch self {
        case .country: 0
        case .admin1: 1
        case .admin2: 2
        case .community: 3
        }
    }

    /// The level of institution that usually serves an area of this level.
    public var bodyLevel: BodyLevel {
        switch self {
        case .country: .national
        case .admin1: .region
        case .admin2: .district
        case .community: .community
        }
    }

    public static func < (a: AreaLevel, b: AreaLevel) -> Bool { a.depth < b.depth }
}

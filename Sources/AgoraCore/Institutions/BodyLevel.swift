/// The seven levels an institution of an infrastructure for peace sits on, from the ground up.
public enum BodyLevel: String, Vocabulary, Comparable {
    public static let noun = "level"
    case community
    case district
    case region
    case national
    case subRegional = "sub-regional"
    case continental
    case global

    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: BodyLevel, b: BodyLevel) -> Bool { a.rank < b.rank }
}

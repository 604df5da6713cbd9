import Foundation

/// Whether an indicator signals danger or resilience. CEWARN counts peace initiatives, trade and
/// alliances, not only violence: peace indicators pull risk down.
public enum IndicatorKind: String, Vocabulary {
    public static let noun = "indicator kind"
    case threat
    case peace
}

public struct Indicator: Sendable, Equatable, Codable {
    public var code: String
    /// Names by language tag; "en" is required.
    public var names: [String: String]
    public var kind: IndicatorKind
    /// How much one occurrence weighs in risk, 0…10.
    public var weight: Double
    /// What the indicator concerns, for routing to a body with that mandate.
    public var topics: [Topic]

    public init(code: String, names: [String: String], kind: IndicatorKind, weight: Double, topics: [Topic]) {
        self.code = code
        self.names = names
        self.kind = kind
        self.weight = weight
        self.topics = topics
    }

    public var name: String { names["en"] ?? code }
}

public struct Sector: Sendable, Equatable, Codable {
    public var code: String
    public var names: [String: String]
    public var indicators: [Indicator]
}

/// An installation's indicator framework: sectors of indicators, editable as a JSON file and re-imported.
public struct IndicatorFramework: Sendable, Equatable, Codable {
    public var code: String
    public var names: [String: String]
    public var sectors: [Sector]

    public var indicators: [(sector: String, indicator: Indicator)] {
        sectors.flatMap { s in s.indicators.map { (s.code, $0) } }
    }

    /// Every issue at once: codes, names, weights, duplicates.
    public func validate() throws {
        var issues = IssueCollector()
        Codes.check(code, field: "code", into: &issues)
        if (names["en"] ?? "").isEmpty { issues.add("names.en", "an English name is required") }
        if sectors.isEmpty { issues.add("sectors", "name at least one sector") }
        var seen = Set<String>()
        for (i, s) in sectors.enumerated() {
            Codes.check(s.code, field: "sectors[\(i)].code", into: &issues)
            if (s.names["en"] ?? "").isEmpty { issues.add("sectors[\(i)].names.en", "an English name is required") }
            for (k, ind) in s.indicators.enumerated() {
                let at = "sectors[\(i)].indicators[\(k)]"
                Codes.check(ind.code, field: "\(at).code", into: &issues)
                if !seen.insert(ind.code).inserted { issues.add("\(at).code", "duplicate indicator code '\(ind.code)'") }
                if (ind.names["en"] ?? "").isEmpty { issues.add("\(at).names.en", "an English name is required") }
                if !(0...10).contains(ind.weight) || !ind.weight.isFinite { issues.add("\(at).weight", "must be between 0 and 10") }
            }
        }
        try issues.throwIfAny()
    }

    public static func decode(_ data: Data) throws -> IndicatorFramework {
        do {
            let f = try JSONDecoder().decode(IndicatorFramework.self, from: data)
            try f.validate()
            return f
        } catch let e as DecodingError {
            throw ValidationFailure(field: "file", "is not an indicator framework: \(e)")
        }
    }
}

import Foundation

/// An area's risk this week as counts, for the agreements that carry `risk-aggregate`: the score and its level, the
/// incidents and deaths behind it — no record, no one named. One record per area and week (`KE023|2026-W49`), sent
/// again only when it changed; an area whose score fell back to nothing is sent once as zero, so the hub's map clears.
public enum RiskAggregates {
    public struct Figure: Sendable, Equatable {
        public var area: String
        public var name: String
        public var areaLevel: AreaLevel
        public var score: Double
        public var level: RiskLevel
        public var incidents: Int
        public var fatalities: Int

        public init(area: String, name: String, areaLevel: AreaLevel, score: Double, level: RiskLevel, incidents: Int, fatalities: Int) {
            self.area = area
            self.name = name
            self.areaLevel = areaLevel
            self.score = score
            self.level = level
            self.incidents = incidents
            self.fatalities = fatalities
        }

        /// What decides "changed": the score to a tenth, the level, the counts.
        public var fingerprint: String { "\((score * 10).rounded() / 10)|\(level.rawValue)|\(incidents)|\(fatalities)" }
    }

    public static func id(area: String, period: Period) -> String { "\(area)|\(period.label)" }

    /// The figures to send: every one new or changed since `previous` (id → fingerprint), and a zero for every id of
    /// this period sent before that has no figure now.
    public static func changes(_ figures: [Figure], period: Period, previous: [String: String], names: (String) -> (String, AreaLevel)?)
        -> [Figure]
    {
        var out: [Figure] = []
        var now = Set<String>()
        for f in figures {
            let id = id(area: f.area, period: period)
            now.insert(id)
            if previous[id] != f.fingerprint { out.append(f) }
        }
        let suffix = "|" + period.label
        for id in previous.keys.sorted() where id.hasSuffix(suffix) && !now.contains(id) {
            let area = String(id.dropLast(suffix.count))
            let (name, level) = names(area) ?? (area, .admin1)
            let zero = Figure(area: area, name: name, areaLevel: level, score: 0, level: .low, incidents: 0, fatalities: 0)
            if previous[id] != zero.fingerprint { out.append(zero) }
        }
        return out
    }

    public static func fields(_ f: Figure, period: Period) -> [String: JSONValue] {
        [
            "area": .string(f.area), "name": .string(f.name), "areaLevel": .string(f.areaLevel.rawValue), "period": .string(period.label),
            "score": .number((f.score * 10).rounded() / 10), "riskLevel": .string(f.level.rawValue), "incidents": .number(Double(f.incidents)),
            "fatalities": .number(Double(f.fatalities)),
        ]
    }

    /// A received record read back; nil when it is not one (a field missing or of another kind).
    public static func figure(_ payload: [String: JSONValue]) -> (figure: Figure, period: String)? {
        guard let area = payload["area"]?.text, let period = payload["period"]?.text, let score = payload["score"]?.number,
            let level = payload["riskLevel"]?.text.flatMap(RiskLevel.init(rawValue:))
        else { return nil }
        func count(_ k: String) -> Int { payload[k]?.number.map { Int($0) } ?? 0 }
        return (
            Figure(
                area: area, name: payload["name"]?.text ?? area, areaLevel: payload["areaLevel"]?.text.flatMap(AreaLevel.init(rawValue:)) ?? .admin1,
                score: score, level: level, incidents: count("incidents"), fatalities: count("fatalities")), period
        )
    }

    /// A received figure as a score the risk map draws (its parts are the origin's: only the total travels).
    public static func score(_ f: Figure, period: Period) -> RiskScore {
        RiskScore(
            area: f.area, period: period.label, score: f.score, level: f.level, pressure: 0, baseline: 0, surge: 0, spillover: 0,
            incidents: f.incidents,
            fatalities: f.fatalities, neighbours: [])
    }
}

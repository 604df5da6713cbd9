import Foundation

/// How dangerous an area looks in a period, in four steps an installation sets thresholds for.
public enum RiskLevel: String, Vocabulary, Comparable {
    public static let noun = "risk level"
    case low, moderate, high, critical
    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Scores at or above which an area is moderate, high or critical.
public struct RiskThresholds: Codable, Sendable, Equatable {
    public var moderate: Double
    public var high: Double
    public var critical: Double
    public init(moderate: Double, high: Double, critical: Double) {
        self.moderate = moderate
        self.high = high
        self.critical = critical
    }

    public func level(_ score: Double) -> RiskLevel {
        score >= critical ? .critical : score >= high ? .high : score >= moderate ? .moderate : .low
    }
}

/// The installation's choices for the risk score. Defaults are explained in docs/RISK.md.
public struct RiskSettings: Codable, Sendable, Equatable {
    /// How many earlier periods make an area's own baseline.
    public var baselinePeriods: Int = 12
    /// Weight of ln(1 + deaths) per incident.
    public var fatalityWeight: Double = 2
    /// Multiplier of peace-indicator weights, which pull the score down.
    public var peaceWeight: Double = 1
    /// Share of each neighbour's surge added to the area's score.
    public var spillover: Double = 0.5
    /// Weight of an incident that names no indicator (imported events without a mapping).
    public var defaultWeight: Double = 1
    /// By area level (`country`, `admin1`, `admin2`, `community`): bigger areas add up more incidents.
    public var thresholds: [String: RiskThresholds] = [
        "community": .init(moderate: 5, high: 15, critical: 30),
        "admin2": .init(moderate: 5, high: 15, critical: 30),
        "admin1": .init(moderate: 10, high: 30, critical: 60),
        "country": .init(moderate: 20, high: 60, critical: 120),
    ]
    /// From this level up, crossing it makes the system propose an alert.
    public var proposeAt: RiskLevel = .high

    public init() {}

    public func thresholds(for level: AreaLevel) -> RiskThresholds {
        thresholds[level.rawValue] ?? thresholds["admin2"] ?? .init(moderate: 5, high: 15, critical: 30)
    }

    public func validate() throws {
        var issues = IssueCollector()
        if !(1...104).contains(baselinePeriods) { issues.add("baselinePeriods", "must be between 1 and 104") }
        for (name, v) in [("fatalityWeight", fatalityWeight), ("peaceWeight", peaceWeight), ("spillover", spillover), ("defaultWeight", defaultWeight)]
        where !(v.isFinite && v >= 0 && v <= 100) {
            issues.add(name, "must be between 0 and 100")
        }
        for (level, t) in thresholds.sorted(by: { $0.key < $1.key }) {
            if AreaLevel(rawValue: level) == nil { issues.add("thresholds.\(level)", "unknown area level; use country, admin1, admin2 or community") }
            if !(t.moderate > 0 && t.moderate < t.high && t.high < t.critical) {
                issues.add("thresholds.\(level)", "need 0 < moderate < high < critical")
            }
        }
        try issues.throwIfAny()
    }
}

/// What one incident adds to the cells of its area and of every area above it.
public struct RiskCell: Codable, Sendable, Equatable {
    public var incidents: Int = 0
    public var fatalities: Int = 0
    /// Sum of threat-indicator weights.
    public var threat: Double = 0
    /// Sum of peace-indicator weights.
    public var peace: Double = 0
    /// Sum over incidents of ln(1 + deaths): a massacre weighs more than a fight, not a hundred times more.
    public var harm: Double = 0

    public init(incidents: Int = 0, fatalities: Int = 0, threat: Double = 0, peace: Double = 0, harm: Double = 0) {
        self.incidents = incidents
        self.fatalities = fatalities
        self.threat = threat
        self.peace = peace
        self.harm = harm
    }

    public static func + (a: RiskCell, b: RiskCell) -> RiskCell {
        RiskCell(incidents: a.incidents + b.incidents, fatalities: a.fatalities + b.fatalities, threat: a.threat + b.threat,
                 peace: a.peace + b.peace, harm: a.harm + b.harm)
    }
    public static prefix func - (a: RiskCell) -> RiskCell {
        RiskCell(incidents: -a.incidents, fatalities: -a.fatalities, threat: -a.threat, peace: -a.peace, harm: -a.harm)
    }
    public var isEmpty: Bool { incidents == 0 && fatalities == 0 && abs(threat) < 1e-9 && abs(peace) < 1e-9 && abs(harm) < 1e-9 }
}

/// Indicator weights of the active framework, looked up by code.
public struct RiskWeights: Sendable {
    public var threat: [String: Double] = [:]
    public var peace: [String: Double] = [:]
    public var names: [String: String] = [:]

    public init(_ framework: IndicatorFramework) {
        for (_, i) in framework.indicators {
            if i.kind == .threat { threat[i.code] = i.weight } else { peace[i.code] = i.weight }
            names[i.code] = i.name
        }
    }
}

/// An incident as the risk model sees it.
public struct RiskEvent: Sendable, Equatable {
    public var id: String
    /// The incident's area first, then each area above it up to the country.
    public var areaPath: [String]
    public var day: Int
    public var fatalities: Int
    public var indicators: [String]

    public init(id: String, areaPath: [String], day: Int, fatalities: Int, indicators: [String]) {
        self.id = id
        self.areaPath = areaPath
        self.day = day
        self.fatalities = fatalities
        self.indicators = indicators
    }

    public func cell(_ w: RiskWeights, _ s: RiskSettings) -> RiskCell {
        var threat = 0.0, peace = 0.0
        for code in indicators {
            if let t = w.threat[code] { threat += t } else if let p = w.peace[code] { peace += p }
        }
        if threat == 0 && peace == 0 { threat = s.defaultWeight }
        return RiskCell(incidents: 1, fatalities: fatalities, threat: threat, peace: peace, harm: log1p(Double(max(0, fatalities))))
    }

    /// What the incident adds to the score of its own area: the same formula as `RiskModel.pressure`.
    public func contribution(_ w: RiskWeights, _ s: RiskSettings) -> Double { RiskModel.pressure(cell(w, s), s) }
}

/// One cell per area and period, for weeks and months. Built once from every incident, then kept
/// current by adding or taking away one incident at a time: the cost of an update depends on the
/// depth of the area tree, not on how many incidents there are.
public struct RiskCube: Sendable {
    public struct Key: Hashable, Sendable {
        public var area: String
        public var period: Period
        public init(area: String, period: Period) {
            self.area = area
            self.period = period
        }
    }
    public private(set) var cells: [Key: RiskCell] = [:]

    public init() {}

    public init(cells: [Key: RiskCell]) { self.cells = cells }

    public func cell(_ area: String, _ period: Period) -> RiskCell { cells[Key(area: area, period: period)] ?? RiskCell() }

    /// The cells one incident touches and what it adds to each (negated when `removing`).
    public static func deltas(_ e: RiskEvent, _ w: RiskWeights, _ s: RiskSettings, removing: Bool = false) -> [(Key, RiskCell)] {
        let c = removing ? -e.cell(w, s) : e.cell(w, s)
        let periods = [Period.week(containing: e.day), Period.month(containing: e.day)]
        return e.areaPath.flatMap { a in periods.map { (Key(area: a, period: $0), c) } }
    }

    public mutating func apply(_ deltas: [(Key, RiskCell)]) {
        for (k, d) in deltas {
            let v = (cells[k] ?? RiskCell()) + d
            cells[k] = v.isEmpty ? nil : v
        }
    }

    public mutating func add(_ e: RiskEvent, _ w: RiskWeights, _ s: RiskSettings) { apply(Self.deltas(e, w, s)) }
    public mutating func remove(_ e: RiskEvent, _ w: RiskWeights, _ s: RiskSettings) { apply(Self.deltas(e, w, s, removing: true)) }

    public static func build(_ events: some Sequence<RiskEvent>, _ w: RiskWeights, _ s: RiskSettings) -> RiskCube {
        var cube = RiskCube()
        for e in events { cube.add(e, w, s) }
        return cube
    }

    /// Areas with anything recorded in the period.
    public func areas(in period: Period) -> [String] {
        cells.keys.filter { $0.period == period }.map(\.area)
    }
}

/// A neighbour's part in an area's score.
public struct NeighbourSpill: Codable, Sendable, Equatable {
    public var area: String
    public var surge: Double
    public var contribution: Double
}

/// An area's risk in one period, with the parts it is made of.
public struct RiskScore: Codable, Sendable, Equatable {
    public var area: String
    public var period: String
    public var score: Double
    public var level: RiskLevel
    /// Threat weights + fatality term − peace weights, this period.
    public var pressure: Double
    /// Mean pressure over the earlier periods of the baseline.
    public var baseline: Double
    /// How far this period's pressure is above the baseline (never below zero).
    public var surge: Double
    public var spillover: Double
    public var incidents: Int
    public var fatalities: Int
    public var neighbours: [NeighbourSpill]
}

/// The score. Plain arithmetic over cells, so it can be explained line by line (docs/RISK.md).
public enum RiskModel {
    public static func pressure(_ c: RiskCell, _ s: RiskSettings) -> Double {
        c.threat + s.fatalityWeight * c.harm - s.peaceWeight * c.peace
    }

    public static func baseline(_ area: String, _ period: Period, _ cube: RiskCube, _ s: RiskSettings) -> Double {
        var total = 0.0
        for k in 1...s.baselinePeriods { total += max(0, pressure(cube.cell(area, period.advanced(by: -k)), s)) }
        return total / Double(s.baselinePeriods)
    }

    public static func surge(_ area: String, _ period: Period, _ cube: RiskCube, _ s: RiskSettings) -> Double {
        max(0, pressure(cube.cell(area, period), s) - baseline(area, period, cube, s))
    }

    /// score = max(0, pressure) + surge + spillover × Σ neighbours' surges.
    public static func score(_ area: String, level: AreaLevel, period: Period, cube: RiskCube, neighbours: [String], settings s: RiskSettings) -> RiskScore {
        let c = cube.cell(area, period)
        let p = pressure(c, s)
        let b = baseline(area, period, cube, s)
        let up = max(0, p - b)
        let spills = neighbours.compactMap { n -> NeighbourSpill? in
            let ns = surge(n, period, cube, s)
            return ns > 0 ? NeighbourSpill(area: n, surge: ns, contribution: s.spillover * ns) : nil
        }.sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.area < $1.area }
        let spill = spills.reduce(0) { $0 + $1.contribution }
        let total = max(0, p) + up + spill
        return RiskScore(area: area, period: period.label, score: (total * 100).rounded() / 100, level: s.thresholds(for: level).level(total),
                         pressure: p, baseline: b, surge: up, spillover: spill, incidents: c.incidents, fatalities: c.fatalities, neighbours: spills)
    }
}

/// What drove a score: indicators, the heaviest incidents, neighbours.
public struct RiskDriver: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case indicator, incident, fatalities, neighbour }
    public var kind: Kind
    public var code: String
    public var name: String?
    public var contribution: Double
}

public enum RiskExplanation {
    /// The top drivers of a score, from the incidents of the area and period and its neighbours' spill.
    /// Peace indicators appear with a negative contribution.
    public static func drivers(_ events: [RiskEvent], neighbours: [NeighbourSpill], weights w: RiskWeights, settings s: RiskSettings,
                               limit: Int = 5) -> [RiskDriver] {
        var byIndicator: [String: Double] = [:]
        var harm = 0.0
        for e in events {
            let c = e.cell(w, s)
            harm += c.harm
            for code in e.indicators {
                if let t = w.threat[code] { byIndicator[code, default: 0] += t } else if let p = w.peace[code] { byIndicator[code, default: 0] -= s.peaceWeight * p }
            }
        }
        func top(_ xs: [RiskDriver]) -> [RiskDriver] {
            Array(xs.sorted { abs($0.contribution) != abs($1.contribution) ? abs($0.contribution) > abs($1.contribution) : $0.code < $1.code }.prefix(limit))
        }
        var out = top(byIndicator.map { RiskDriver(kind: .indicator, code: $0.key, name: w.names[$0.key], contribution: $0.value) })
        if harm > 0 { out.append(RiskDriver(kind: .fatalities, code: "fatalities", name: nil, contribution: s.fatalityWeight * harm)) }
        out += top(events.map { RiskDriver(kind: .incident, code: $0.id, name: nil, contribution: $0.contribution(w, s)) })
        out += neighbours.prefix(limit).map { RiskDriver(kind: .neighbour, code: $0.area, name: nil, contribution: $0.contribution) }
        return out.map { var d = $0; d.contribution = (d.contribution * 100).rounded() / 100; return d }
    }
}

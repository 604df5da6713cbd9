import Foundation

/// An incident as the forecast sees it: where (its area, then each area above it), when, how deadly, and what
/// the indicators said.
public struct ForecastEvent: Sendable, Equatable {
    public var areaPath: [String]
    public var day: Int
    public var fatalities: Int
    /// Sums of the incident's threat and peace indicator weights.
    public var threat: Double
    public var peace: Double
    /// From verified monitor reports (not imported event data).
    public var reported: Bool

    public init(areaPath: [String], day: Int, fatalities: Int, threat: Double = 0, peace: Double = 0, reported: Bool = false) {
        self.areaPath = areaPath
        self.day = day
        self.fatalities = fatalities
        self.threat = threat
        self.peace = peace
        self.reported = reported
    }
}

/// The areas a forecast covers: their level, parent and neighbours.
public struct ForecastGeography: Sendable {
    public struct Area: Sendable {
        public var level: AreaLevel
        public var parent: String?
        public init(level: AreaLevel, parent: String?) {
            self.level = level
            self.parent = parent
        }
    }
    public var areas: [String: Area]
    public var neighbours: [String: [String]]
    public init(areas: [String: Area], neighbours: [String: [String]]) {
        self.areas = areas
        self.neighbours = neighbours
    }
}

/// Counts per area and period at one level, from the first period with an event to `last`, with running sums so
/// that every window of a feature is one subtraction. Row `r` of a series is period `first + r`.
public struct ForecastPanel: Sendable {
    public struct Series: Sendable {
        /// Running sums: element `r + 1` holds the total of periods `0...r`.
        var events: [Double], fatal: [Double], deaths: [Double], threat: [Double], peace: [Double], reported: [Double]
        /// Running count of periods with a fatal event; the last such period at or before each row (-1: none yet).
        var fatalPeriods: [Double]
        var lastFatal: [Int]

        init(_ n: Int) {
            let z = [Double](repeating: 0, count: n + 1)
            (events, fatal, deaths, threat, peace, reported, fatalPeriods) = (z, z, z, z, z, z, z)
            lastFatal = [Int](repeating: -1, count: n)
        }
        /// Sum over periods `r - w + 1 ... r` (clipped at the start).
        static func window(_ s: [Double], _ r: Int, _ w: Int) -> Double { r < 0 ? 0 : s[r + 1] - s[Swift.max(0, r - w + 1)] }
    }

    public let kind: Period.Kind
    public let level: AreaLevel
    public let first: Period
    public let count: Int
    /// The areas of the level, sorted by code; the countries above them.
    public let areas: [String]
    let series: [Series]
    let countries: [String: Series]
    let countryOf: [String]
    let parentOf: [String?]
    let neighbourRows: [[Int]]
    /// Per parent: the areas of the level under it, for the rate the empirical-Bayes term shrinks toward.
    let siblings: [String: [Int]]

    /// `within`: only the areas under these (countries or any area above the level), when given.
    public init(
        events: [ForecastEvent], geography g: ForecastGeography, level: AreaLevel, kind: Period.Kind, last: Period? = nil,
        within: Set<String>? = nil
    ) {
        self.kind = kind
        self.level = level
        func under(_ code: String, _ roots: Set<String>) -> Bool {
            var c: String? = code
            var steps = 0
            while let x = c, steps < 16 {
                if roots.contains(x) { return true }
                c = g.areas[x]?.parent
                steps += 1
            }
            return false
        }
        let areas = g.areas.filter { e in e.value.level == level && (within.map { under(e.key, $0) } ?? true) }.keys.sorted()
        self.areas = areas
        let row = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1, $0) })
        let periods = events.map { Period.containing($0.day, kind) }
        // The history starts with the first event in the panel's areas, not with another country's.
        let inside = zip(events, periods).filter { e, _ in e.areaPath.contains { row[$0] != nil } }.map(\.1)
        let first = inside.min() ?? last ?? Period(kind, 0)
        let lastPeriod = Swift.max(last ?? first, inside.max() ?? first)
        self.first = first
        let n = lastPeriod.index - first.index + 1
        count = n
        func country(_ code: String) -> String {
            var c = code
            var steps = 0
            while let p = g.areas[c]?.parent, steps < 16 {
                c = p
                steps += 1
            }
            return c
        }
        countryOf = areas.map(country)
        parentOf = areas.map { g.areas[$0]?.parent }
        neighbourRows = areas.map { a in (g.neighbours[a] ?? []).compactMap { row[$0] }.sorted() }
        var sib: [String: [Int]] = [:]
        for (i, p) in parentOf.enumerated() { sib[p ?? "", default: []].append(i) }
        siblings = sib
        // Per-period totals first, then running sums.
        var raw = [[(Double, Double, Double, Double, Double, Double)]](repeating: .init(repeating: (0, 0, 0, 0, 0, 0), count: n), count: areas.count)
        var rawCountry: [String: [(Double, Double, Double, Double, Double, Double)]] = [:]
        func add(_ t: inout (Double, Double, Double, Double, Double, Double), _ e: ForecastEvent) {
            t.0 += 1
            t.1 += e.fatalities > 0 ? 1 : 0
            t.2 += Double(e.fatalities)
            t.3 += e.threat
            t.4 += e.peace
            t.5 += e.reported ? 1 : 0
        }
        for (e, p) in zip(events, periods) {
            let r = p.index - first.index
            guard r >= 0 && r < n else { continue }
            if let a = e.areaPath.lazy.compactMap({ row[$0] }).first { add(&raw[a][r], e) }
            if let c = e.areaPath.last {
                if rawCountry[c] == nil { rawCountry[c] = .init(repeating: (0, 0, 0, 0, 0, 0), count: n) }
                add(&rawCountry[c]![r], e)
            }
        }
        func sums(_ cells: [(Double, Double, Double, Double, Double, Double)]) -> Series {
            var s = Series(n)
            for (r, c) in cells.enumerated() {
                s.events[r + 1] = s.events[r] + c.0
                s.fatal[r + 1] = s.fatal[r] + c.1
                s.deaths[r + 1] = s.deaths[r] + c.2
                s.threat[r + 1] = s.threat[r] + c.3
                s.peace[r + 1] = s.peace[r] + c.4
                s.reported[r + 1] = s.reported[r] + c.5
                s.fatalPeriods[r + 1] = s.fatalPeriods[r] + (c.1 > 0 ? 1 : 0)
                s.lastFatal[r] = c.1 > 0 ? r : (r > 0 ? s.lastFatal[r - 1] : -1)
            }
            return s
        }
        series = raw.map(sums)
        countries = rawCountry.mapValues(sums)
    }

    public func period(_ r: Int) -> Period { first.advanced(by: r) }
    public func row(_ p: Period) -> Int { p.index - first.index }

    /// What happened in area `a` in period row `r`: events, fatal events, deaths.
    public func outcome(_ a: Int, _ r: Int) -> (events: Int, fatal: Int, deaths: Int) {
        let s = series[a]
        return (
            Int(Series.window(s.events, r, 1)), Int(Series.window(s.fatal, r, 1)), Int(Series.window(s.deaths, r, 1))
        )
    }
}

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
    /// From this chance of deadly violence in the week or month ahead (0–1), a forecast proposes an alert too;
    /// nil: forecasts propose nothing.
    public var proposeAtChance: Double?

    public init() {}

    public func thresholds(for level: AreaLevel) -> RiskThresholds {
        thresholds[level.rawValue] ?? thresholds["admin2"] ?? .init(moderate: 5, high: 15, critical: 30)
    }

    public func validate() throws {
        var issues = IssueCollector()
        if !(1...104).contains(baselinePeriods) { issues.add("baselinePeriods", "must be between 1 and 104") }
        for (name, v) in [
            ("fatalityWeight", fatalityWeight), ("peaceWeight", peaceWeight), ("spillover", spillover), ("defaultWeight", defaultWeight),
        ]
        where !(v.isFinite && v >= 0 && v <= 100) {
            issues.add(name, "must be between 0 and 100")
        }
        if let c = proposeAtChance, !(c.isFinite && c > 0 && c <= 1) { issues.add("proposeAtChance", "must be above 0 and at most 1") }
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
        RiskCell(
            incidents: a.incidents + b.incidents, fatalities: a.fatalities + b.fatalities, threat: a.threat + b.threat,
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
        var threat = 0.0
        var peace = 0.0
        for code in indicators {
            if let t = w.threat[code] { threat += t } else if let p = w.peace[code] { peace += p }
        }
        if threat == 0 && peace == 0 { threat = s.defaultWeight }
        return RiskCell(incidents: 1, fatalities: fatalities, threat: threat, peace: peace, harm: log1p(Double(max(0, fatalities))))
    }

    /// What the incident adds to the score of its own area: the same formula as `RiskModel.pressure`.
    public func contribution(_ w: RiskWeights, _ s: RiskSettings) -> Double { RiskModel.pressure(cell(w, s), s) }
}

/// Incidents as columns, for rebuilding risk over millions of them: area paths and indicators are
/// interned once, when the incidents are read, so a rebuild does integer work only.
public struct RiskEventTable: Sendable {
    public private(set) var areaCodes: [String] = []
    private var areaIndex: [String: Int32] = [:]
    public private(set) var indicatorCodes: [String] = []
    private var indicatorIndex: [String: Int32] = [:]
    /// Paths by their text ("/GHA/GH12/GH1201/"), so incidents of one area share one interned path.
    private var pathIndex: [String: Int32] = [:]
    /// Interned paths, flattened: path p is `pathAreas[pathStart[p]..<pathStart[p + 1]]`.
    var pathAreas: [Int32] = []
    var pathStart: [Int32] = [0]
    var pathOf: [Int32] = []
    var days: [Int32] = []
    var fatalities: [Int32] = []
    var indicatorStart: [Int32] = [0]
    var indicators: [Int32] = []

    public init() {}

    public init(_ events: some Sequence<RiskEvent>) {
        for e in events { append(e) }
    }

    public var count: Int { days.count }

    mutating func area(_ code: String) -> Int32 { Self.intern(code, &areaIndex, &areaCodes) }
    mutating func indicator(_ code: String) -> Int32 { Self.intern(code, &indicatorIndex, &indicatorCodes) }

    /// The number of a code, given the first time it is seen.
    private static func intern(_ code: String, _ index: inout [String: Int32], _ codes: inout [String]) -> Int32 {
        if let i = index[code] { return i }
        let i = Int32(codes.count)
        codes.append(code)
        index[code] = i
        return i
    }

    /// - Parameters:
    ///   - pathText: the stored `area_path` ("/GHA/GH12/GH1201/"); `path` is derived from it once per distinct path.
    public mutating func append(pathText: String, day: Int, fatalities f: Int, indicators codes: [String]) {
        let p: Int32
        if let known = pathIndex[pathText] {
            p = known
        } else {
            p = Int32(pathStart.count - 1)
            for code in pathText.split(separator: "/").reversed() { pathAreas.append(area(String(code))) }
            pathStart.append(Int32(pathAreas.count))
            pathIndex[pathText] = p
        }
        pathOf.append(p)
        days.append(Int32(day))
        fatalities.append(Int32(clamping: f))
        for c in codes { indicators.append(indicator(c)) }
        indicatorStart.append(Int32(indicators.count))
    }

    public mutating func append(_ e: RiskEvent) {
        append(pathText: AreaPath.text(e.areaPath), day: e.day, fatalities: e.fatalities, indicators: e.indicators)
    }
}

/// One cell per area and period, for weeks and months. Built once from every incident, then kept
/// current by adding or taking away one incident at a time: the cost of an update depends on the
/// depth of the area tree, not on how many incidents there are.
///
/// Stored densely: for each area a row of week cells then month cells over the span the data cover,
/// in parallel columns, so a rebuild is integer arithmetic and a score reads adjacent memory. The span
/// grows when an incident falls outside it.
public struct RiskCube: Sendable {
    public struct Key: Hashable, Sendable {
        public var area: String
        public var period: Period
        public init(area: String, period: Period) {
            self.area = area
            self.period = period
        }
    }

    private var index: [String: Int] = [:]
    private var codes: [String] = []
    private var firstWeek = 0, weeks = 0, firstMonth = 0, months = 0
    private var incidents: [Int32] = []
    private var deaths: [Int32] = []
    private var threat: [Double] = []
    private var peace: [Double] = []
    private var harm: [Double] = []
    private var stride: Int { weeks + months }

    public init() {}

    public init(cells: [Key: RiskCell]) {
        let days = cells.keys.map { $0.period.firstDay }
        if let lo = days.min(), let hi = days.max() { cover(lo, hi) }
        apply(cells.map { ($0.key, $0.value) })
    }

    /// Areas known to the cube (with or without recorded cells).
    public var areaCount: Int { codes.count }

    /// Incidents recorded in an area (itself and below) over the whole span: the sum of its month cells.
    public func incidentCount(_ area: String) -> Int {
        guard let a = index[area] else { return 0 }
        let base = a * stride + weeks
        return (0..<months).reduce(0) { $0 + Int(incidents[base + $1]) }
    }

    private func slot(_ p: Period) -> Int? {
        switch p.kind {
        case .week:
            let i = p.index - firstWeek
            return i >= 0 && i < weeks ? i : nil
        case .month:
            let i = p.index - firstMonth
            return i >= 0 && i < months ? weeks + i : nil
        }
    }

    public func cell(_ area: String, _ period: Period) -> RiskCell {
        guard let a = index[area], let s = slot(period) else { return RiskCell() }
        let i = a * stride + s
        return RiskCell(incidents: Int(incidents[i]), fatalities: Int(deaths[i]), threat: threat[i], peace: peace[i], harm: harm[i])
    }

    /// Makes sure days `lo…hi` fall inside the stored span, re-laying the columns out when they do not
    /// (with a year of room ahead, so new weeks rarely cost a re-layout).
    private mutating func cover(_ lo: Int, _ hi: Int) {
        let w0 = Period.week(containing: lo).index
        let w1 = Period.week(containing: hi).index
        let m0 = Period.month(containing: lo).index
        let m1 = Period.month(containing: hi).index
        if weeks > 0, w0 >= firstWeek, w1 < firstWeek + weeks, m0 >= firstMonth, m1 < firstMonth + months { return }
        let nfw = weeks == 0 ? w0 : min(firstWeek, w0)
        let nlw = weeks == 0 ? w1 + 52 : max(firstWeek + weeks - 1, w1 + 52)
        let nfm = months == 0 ? m0 : min(firstMonth, m0)
        let nlm = months == 0 ? m1 + 12 : max(firstMonth + months - 1, m1 + 12)
        let nw = nlw - nfw + 1
        let nm = nlm - nfm + 1
        let ns = nw + nm
        var ni = [Int32](repeating: 0, count: codes.count * ns)
        var nd = ni
        var nt = [Double](repeating: 0, count: codes.count * ns)
        var np = nt
        var nh = nt
        for a in 0..<codes.count {
            for s in 0..<stride {
                let dst = a * ns + (s < weeks ? s + firstWeek - nfw : nw + (s - weeks) + firstMonth - nfm)
                let src = a * stride + s
                ni[dst] = incidents[src]
                nd[dst] = deaths[src]
                nt[dst] = threat[src]
                np[dst] = peace[src]
                nh[dst] = harm[src]
            }
        }
        incidents = ni
        deaths = nd
        threat = nt
        peace = np
        harm = nh
        firstWeek = nfw
        weeks = nw
        firstMonth = nfm
        months = nm
    }

    private mutating func areaRow(_ code: String) -> Int {
        if let a = index[code] { return a }
        let a = codes.count
        codes.append(code)
        index[code] = a
        incidents.append(contentsOf: repeatElement(0, count: stride))
        deaths.append(contentsOf: repeatElement(0, count: stride))
        threat.append(contentsOf: repeatElement(0, count: stride))
        peace.append(contentsOf: repeatElement(0, count: stride))
        harm.append(contentsOf: repeatElement(0, count: stride))
        return a
    }

    private mutating func add(row a: Int, slot s: Int, _ c: RiskCell) {
        let i = a * stride + s
        incidents[i] += Int32(c.incidents)
        deaths[i] += Int32(c.fatalities)
        threat[i] += c.threat
        peace[i] += c.peace
        harm[i] += c.harm
    }

    /// The cells one incident touches and what it adds to each (negated when `removing`).
    public static func deltas(_ e: RiskEvent, _ w: RiskWeights, _ s: RiskSettings, removing: Bool = false) -> [(Key, RiskCell)] {
        let c = removing ? -e.cell(w, s) : e.cell(w, s)
        let periods = [Period.week(containing: e.day), Period.month(containing: e.day)]
        return e.areaPath.flatMap { a in periods.map { (Key(area: a, period: $0), c) } }
    }

    public mutating func apply(_ deltas: [(Key, RiskCell)]) {
        for (k, d) in deltas {
            let a = areaRow(k.area)
            if slot(k.period) == nil { cover(k.period.firstDay, k.period.lastDay) }
            add(row: a, slot: slot(k.period)!, d)
        }
    }

    public mutating func add(_ e: RiskEvent, _ w: RiskWeights, _ s: RiskSettings) { apply(Self.deltas(e, w, s)) }
    public mutating func remove(_ e: RiskEvent, _ w: RiskWeights, _ s: RiskSettings) { apply(Self.deltas(e, w, s, removing: true)) }

    public static func build(_ events: some Sequence<RiskEvent>, _ w: RiskWeights, _ s: RiskSettings) -> RiskCube {
        build(RiskEventTable(events), w, s)
    }

    /// The full rebuild: integer work over the columns, no hashing per incident.
    public static func build(_ t: RiskEventTable, _ w: RiskWeights, _ s: RiskSettings) -> RiskCube {
        var cube = RiskCube()
        guard t.count > 0 else { return cube }
        var lo = Int.max
        var hi = Int.min
        for d in t.days {
            lo = min(lo, Int(d))
            hi = max(hi, Int(d))
        }
        cube.cover(lo, hi)
        let rows = t.areaCodes.map { cube.areaRow($0) }
        let threatOf = t.indicatorCodes.map { w.threat[$0] ?? 0 }
        let peaceOf = t.indicatorCodes.map { w.peace[$0] ?? 0 }
        // Week and month slots by day, computed once for the span rather than per incident.
        var weekSlot = [Int](repeating: 0, count: hi - lo + 1)
        var monthSlot = weekSlot
        for d in lo...hi {
            weekSlot[d - lo] = cube.slot(.week(containing: d))!
            monthSlot[d - lo] = cube.slot(.month(containing: d))!
        }
        let stride = cube.stride
        // Per incident: its contribution once, then two cells (week, month) per area of its path.
        // The work is split in two halves on two threads, each into its own columns, then summed.
        let ctx = BuildContext(
            t: t, rows: rows, threatOf: threatOf, peaceOf: peaceOf, defaultWeight: s.defaultWeight, lo: lo,
            weekSlot: weekSlot, monthSlot: monthSlot, stride: stride, size: cube.incidents.count)
        let halves = t.count >= 200_000 ? 2 : 1
        let slots = Slots(halves)
        defer { slots.free() }
        DispatchQueue.concurrentPerform(iterations: halves) { h in
            slots.put(h, ctx.fill(t.count * h / halves..<t.count * (h + 1) / halves))
        }
        var sum = slots.take(0)
        for h in 1..<halves { sum.add(slots.take(h)) }
        cube.incidents = sum.inc
        cube.deaths = sum.dth
        cube.threat = sum.thr
        cube.peace = sum.pea
        cube.harm = sum.hrm
        return cube
    }

    /// Columns of a partial rebuild.
    struct Columns {
        var inc: [Int32], dth: [Int32], thr: [Double], pea: [Double], hrm: [Double]
        init(size: Int) {
            inc = [Int32](repeating: 0, count: size)
            dth = inc
            thr = [Double](repeating: 0, count: size)
            pea = thr
            hrm = thr
        }
        mutating func add(_ o: Columns) {
            for i in 0..<inc.count where o.inc[i] != 0 {
                inc[i] += o.inc[i]
                dth[i] += o.dth[i]
                thr[i] += o.thr[i]
                pea[i] += o.pea[i]
                hrm[i] += o.hrm[i]
            }
        }
    }

    /// One result slot per thread; each thread writes only its own.
    struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Columns>
        let count: Int
        init(_ n: Int) {
            base = .allocate(capacity: n)
            count = n
        }
        func put(_ i: Int, _ c: Columns) { (base + i).initialize(to: c) }
        func take(_ i: Int) -> Columns { (base + i).move() }
        func free() { base.deallocate() }
    }

    /// What a rebuild needs, read-only, shared by the threads that fill columns.
    struct BuildContext: @unchecked Sendable {
        let t: RiskEventTable
        let rows: [Int]
        let threatOf: [Double], peaceOf: [Double]
        let defaultWeight: Double
        let lo: Int
        let weekSlot: [Int], monthSlot: [Int]
        let stride: Int
        let size: Int

        func fill(_ range: Range<Int>) -> Columns {
            var c = Columns(size: size)
            // ln(1 + deaths) for the common small counts, looked up rather than computed.
            let logTable = (0..<1024).map { log1p(Double($0)) }
            t.indicatorStart.withUnsafeBufferPointer { istart in
                t.indicators.withUnsafeBufferPointer { inds in
                    t.pathStart.withUnsafeBufferPointer { pstart in
                        t.pathAreas.withUnsafeBufferPointer { pareas in
                            c.inc.withUnsafeMutableBufferPointer { inc in
                                c.dth.withUnsafeMutableBufferPointer { dth in
                                    c.thr.withUnsafeMutableBufferPointer { thr in
                                        c.pea.withUnsafeMutableBufferPointer { pea in
                                            c.hrm.withUnsafeMutableBufferPointer { hrm in
                                                for e in range {
                                                    var th = 0.0
                                                    var pe = 0.0
                                                    for k in Int(istart[e])..<Int(istart[e + 1]) {
                                                        let ind = Int(inds[k])
                                                        th += threatOf[ind]
                                                        pe += peaceOf[ind]
                                                    }
                                                    if th == 0 && pe == 0 { th = defaultWeight }
                                                    let f = t.fatalities[e]
                                                    let h = f <= 0 ? 0 : f < 1024 ? logTable[Int(f)] : log1p(Double(f))
                                                    let day = Int(t.days[e]) - lo
                                                    let ws = weekSlot[day]
                                                    let ms = monthSlot[day]
                                                    let p = Int(t.pathOf[e])
                                                    for k in Int(pstart[p])..<Int(pstart[p + 1]) {
                                                        let base = rows[Int(pareas[k])] * stride
                                                        let i = base + ws
                                                        let j = base + ms
                                                        inc[i] += 1
                                                        dth[i] += f
                                                        thr[i] += th
                                                        pea[i] += pe
                                                        hrm[i] += h
                                                        inc[j] += 1
                                                        dth[j] += f
                                                        thr[j] += th
                                                        pea[j] += pe
                                                        hrm[j] += h
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return c
        }
    }

    private func isEmpty(_ i: Int) -> Bool {
        incidents[i] == 0 && deaths[i] == 0 && abs(threat[i]) < 1e-9 && abs(peace[i]) < 1e-9 && abs(harm[i]) < 1e-9
    }

    private func period(ofSlot s: Int) -> Period { s < weeks ? Period(.week, firstWeek + s) : Period(.month, firstMonth + s - weeks) }

    /// Every cell with something recorded, keyed by area and period (for storing them, and for tests).
    public var cells: [Key: RiskCell] {
        var out: [Key: RiskCell] = [:]
        for a in 0..<codes.count {
            for s in 0..<stride where !isEmpty(a * stride + s) {
                let i = a * stride + s
                out[Key(area: codes[a], period: period(ofSlot: s))] = RiskCell(
                    incidents: Int(incidents[i]), fatalities: Int(deaths[i]),
                    threat: threat[i], peace: peace[i], harm: harm[i])
            }
        }
        return out
    }

    /// How many cells hold something.
    public var cellCount: Int {
        var n = 0
        for i in 0..<incidents.count where !isEmpty(i) { n += 1 }
        return n
    }

    /// Areas with anything recorded in the period.
    public func areas(in period: Period) -> [String] {
        guard let s = slot(period) else { return [] }
        return (0..<codes.count).filter { !isEmpty($0 * stride + s) }.map { codes[$0] }
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
    public static func score(_ area: String, level: AreaLevel, period: Period, cube: RiskCube, neighbours: [String], settings s: RiskSettings)
        -> RiskScore
    {
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
        return RiskScore(
            area: area, period: period.label, score: (total * 100).rounded() / 100, level: s.thresholds(for: level).level(total),
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
    public static func drivers(
        _ events: [RiskEvent], neighbours: [NeighbourSpill], weights w: RiskWeights, settings s: RiskSettings,
        limit: Int = 5
    ) -> [RiskDriver] {
        var byIndicator: [String: Double] = [:]
        var harm = 0.0
        for e in events {
            let c = e.cell(w, s)
            harm += c.harm
            for code in e.indicators {
                if let t = w.threat[code] {
                    byIndicator[code, default: 0] += t
                } else if let p = w.peace[code] {
                    byIndicator[code, default: 0] -= s.peaceWeight * p
                }
            }
        }
        func top(_ xs: [RiskDriver]) -> [RiskDriver] {
            Array(
                xs.sorted { abs($0.contribution) != abs($1.contribution) ? abs($0.contribution) > abs($1.contribution) : $0.code < $1.code }.prefix(
                    limit))
        }
        var out = top(byIndicator.map { RiskDriver(kind: .indicator, code: $0.key, name: w.names[$0.key], contribution: $0.value) })
        if harm > 0 { out.append(RiskDriver(kind: .fatalities, code: "fatalities", name: nil, contribution: s.fatalityWeight * harm)) }
        out += top(events.map { RiskDriver(kind: .incident, code: $0.id, name: nil, contribution: $0.contribution(w, s)) })
        out += neighbours.prefix(limit).map { RiskDriver(kind: .neighbour, code: $0.area, name: nil, contribution: $0.contribution) }
        return out.map {
            var d = $0
            d.contribution = (d.contribution * 100).rounded() / 100
            return d
        }
    }
}

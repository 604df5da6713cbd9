import Foundation

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Standard normal (Box–Muller).
    public mutating func normal() -> Double { sqrt(-2 * log(max(unit(), 1e-300))) * cos(2 * .pi * unit()) }
}

/// An area events can happen in, with what an ACLED row names of it.
public struct GeneratorArea: Sendable {
    public var country: String
    public var countryName: String
    public var admin1: String
    public var admin2: String?
    public var centre: GeoPoint
    /// Spread of points around the centre, in degrees.
    public var spread: Double
    /// Areas on a border get more events: conflict clusters there.
    public var border: Bool

    public init(country: String, countryName: String, admin1: String, admin2: String?, centre: GeoPoint, spread: Double, border: Bool) {
        self.country = country
        self.countryName = countryName
        self.admin1 = admin1
        self.admin2 = admin2
        self.centre = centre
        self.spread = spread
        self.border = border
    }
}

/// Realistic ACLED-layout event data, deterministic for a seed: events cluster in space (a few hot
/// areas take most, border areas more than their share) and in time (surges of a few weeks in one
/// region), and deaths are heavy-tailed (most events kill nobody; a few kill hundreds), as in ACLED.
public struct EventGenerator: Sendable {
    public static let header = [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "actor2", "iso3", "country", "admin1", "admin2", "location", "latitude", "longitude",
        "geo_precision", "source", "notes", "fatalities",
    ]

    struct Kind {
        var type: String
        var sub: String
        var share: Double
        var lethal: Bool
    }
    static let kinds = [
        Kind(type: "Battles", sub: "Armed clash", share: 0.24, lethal: true),
        Kind(type: "Violence against civilians", sub: "Attack", share: 0.24, lethal: true),
        Kind(type: "Explosions/Remote violence", sub: "Remote explosive/landmine/IED", share: 0.08, lethal: true),
        Kind(type: "Riots", sub: "Mob violence", share: 0.13, lethal: false),
        Kind(type: "Protests", sub: "Peaceful protest", share: 0.26, lethal: false),
        Kind(type: "Strategic developments", sub: "Looting/property destruction", share: 0.05, lethal: false),
    ]
    static let actors = [
        "Unidentified Armed Group", "Communal Militia", "Military Forces", "Police Forces", "Rioters", "Protesters",
        "Pastoralist Militia", "Vigilante Group", "Islamist Militia", "Civilians",
    ]

    let areas: [GeneratorArea]
    /// Cumulative weights over `areas`, for drawing an area by binary search.
    let cumulative: [Double]
    let firstDay: Int
    let days: Int
    struct Surge {
        var start: Int
        var length: Int
        var areas: [Int]
    }
    let surges: [Surge]
    let seed: UInt64

    /// - Parameters:
    ///   - areas: where events happen (the deepest level available is best).
    ///   - lastDay: the day number of the newest event; the data span `years` before it.
    public init(areas: [GeneratorArea], seed: UInt64, lastDay: Int, years: Int = 3, count: Int) {
        precondition(!areas.isEmpty, "no areas to generate events in")
        self.seed = seed
        var rng = SeededRandom(seed: seed ^ 0xA5A5_A5A5)
        // Hotness: a Zipf law over a shuffled order, so which areas are hot depends on the seed.
        var order = Array(areas.indices)
        order.shuffle(using: &rng)
        var weight = [Double](repeating: 0, count: areas.count)
        for (rank, i) in order.enumerated() { weight[i] = 1 / pow(Double(rank + 1), 1.1) * (areas[i].border ? 3 : 1) }
        var acc = 0.0
        cumulative = weight.map {
            acc += $0
            return acc
        }
        self.areas = areas
        days = max(1, years * 365)
        firstDay = lastDay - days + 1
        // Surges: a few weeks of violence in the areas of one first-level region.
        let byAdmin1 = Dictionary(grouping: areas.indices, by: { areas[$0].country + "|" + areas[$0].admin1 })
        let regions = byAdmin1.keys.sorted()
        surges = (0..<max(4, count / 25_000)).map { _ in
            let r = regions[Int(rng.unit() * Double(regions.count))]
            return Surge(start: Int(rng.unit() * Double(max(1, years * 365 - 28))), length: 7 + Int(rng.unit() * 21), areas: byAdmin1[r]!)
        }
    }

    func pickArea(_ rng: inout SeededRandom) -> Int {
        let x = rng.unit() * cumulative.last!
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Deaths: none for most events; a Pareto tail (α = 1.2) for the lethal kinds.
    static func deaths(_ kind: Kind, _ rng: inout SeededRandom) -> Int {
        guard kind.lethal else { return rng.unit() < 0.02 ? 1 : 0 }
        if rng.unit() < 0.5 { return 0 }
        return min(600, Int(1 / pow(max(rng.unit(), 1e-9), 1 / 1.2)))
    }

    /// Row `index` (0-based): the same row for the same seed and index, whatever else is generated.
    public func row(_ index: Int) -> [String] {
        var rng = SeededRandom(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        _ = rng.next()
        var area: Int
        var day: Int
        if rng.unit() < 0.3 {
            let s = surges[Int(rng.unit() * Double(surges.count))]
            area = s.areas[Int(rng.unit() * Double(s.areas.count))]
            day = firstDay + min(days - 1, s.start + Int(rng.unit() * Double(s.length)))
        } else {
            area = pickArea(&rng)
            day = firstDay + Int(rng.unit() * Double(days))
        }
        let a = areas[area]
        var u = rng.unit()
        var kind = Self.kinds[0]
        for k in Self.kinds {
            if u < k.share {
                kind = k
                break
            }
            u -= k.share
        }
        let lat = min(90, max(-90, a.centre.lat + rng.normal() * a.spread / 2))
        let lon = min(180, max(-180, a.centre.lon + rng.normal() * a.spread / 2))
        let a1 = Self.actors[Int(rng.unit() * Double(Self.actors.count))]
        let a2 = Self.actors[Int(rng.unit() * Double(Self.actors.count))]
        let date = CivilDate.text(day)
        return [
            "GEN\(seed)-\(index)", date, String(date.prefix(4)), "1", kind.lethal ? "Political violence" : "Demonstrations", kind.type, kind.sub,
            a1, a2, a.country, a.countryName, a.admin1, a.admin2 ?? "", a.admin2 ?? a.admin1, Self.fixed4(lat), Self.fixed4(lon),
            "1", "Generated", "Generated event \(index) for benchmarks", String(Self.deaths(kind, &rng)),
        ]
    }

    /// `-12.3456`: four decimals without Foundation's formatter, which dominated generation time.
    static func fixed4(_ v: Double) -> String {
        let n = Int((abs(v) * 10_000).rounded())
        let frac = String(n % 10_000)
        return (v < 0 && n != 0 ? "-" : "") + String(n / 10_000) + "." + String(repeating: "0", count: 4 - frac.count) + frac
    }

    /// CSV text of rows `range`, with the header when the range starts at 0.
    public func csv(_ range: Range<Int>) -> String {
        var out = range.lowerBound == 0 ? Self.header.joined(separator: ",") + "\n" : ""
        out.reserveCapacity(range.count * 200)
        for i in range {
            out +=
                row(i).map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",") + "\n"
        }
        return out
    }
}

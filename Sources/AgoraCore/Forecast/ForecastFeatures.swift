import Foundation

/// The features of an area at the end of a period: only what was known then (its periods and earlier).
public enum ForecastFeatures {
    /// Stable ids of the features, in order (pages translate them; stored drivers name them).
    public static let ids = [
        "events1", "events3", "events6", "events12", "fatal1", "fatal3", "fatal6", "fatal12", "deaths1", "deaths3", "deaths12",
        "sinceFatal", "longRunRate", "neighbourEvents1", "neighbourFatal3", "neighbourFatal12", "threat3", "peace3", "reported3",
        "seasonSin", "seasonCos", "countryFatal3", "countryTrend",
    ]
    /// The lag-logistic baseline's features: the area's own fatal events over 1, 3 and 12 periods.
    public static let lagBaseline = [4, 5, 7]
    /// Features the models' penalty leaves alone: the area's own deadly past and its long-run rate. Shrinking
    /// shrinks the rest toward that regression, which is hard to beat on a short history.
    public static let unpenalised = lagBaseline + [12]
    /// Periods of no fatal event counted at most (and for an area that never had one).
    static let sinceCap = 120.0

    /// How many periods of prior the long-run rate borrows from the parent area: a year.
    static func priorStrength(_ kind: Period.Kind) -> Double { kind == .month ? 12 : 52 }

    /// Features of every area at period row `r`, in `panel.areas` order.
    public static func rows(_ p: ForecastPanel, at r: Int) -> [[Double]] {
        // Fatal-period rates up to r, per area and per parent (pooled over its areas).
        let periods = Double(r + 1)
        let fatalPeriods = p.series.map { $0.fatalPeriods[r + 1] }
        let last = p.series.map { $0.lastFatal[r] }
        var parentRate: [String: Double] = [:]
        for (parent, rows) in p.siblings {
            let k = rows.reduce(0) { $0 + fatalPeriods[$1] }
            parentRate[parent] = (k + 0.5) / (Double(rows.count) * periods + 1)
        }
        let m = priorStrength(p.kind)
        let month = Double(p.kind == .month ? ((p.period(r + 1).index % 12) + 12) % 12 : ((p.period(r + 1).index % 52) + 52) % 52)
        let cycle = p.kind == .month ? 12.0 : 52.0
        return p.areas.indices.map { a in
            let s = p.series[a]
            func w(_ x: [Double], _ n: Int) -> Double { log1p(ForecastPanel.Series.window(x, r, n)) }
            func nb(_ pick: (ForecastPanel.Series) -> [Double], _ n: Int) -> Double {
                log1p(p.neighbourRows[a].reduce(0) { $0 + ForecastPanel.Series.window(pick(p.series[$1]), r, n) })
            }
            let prior = parentRate[p.parentOf[a] ?? ""] ?? 0.5
            let rate = (fatalPeriods[a] + m * prior) / (periods + m)
            let country = p.countries[p.countryOf[a]]
            func cw(_ pick: (ForecastPanel.Series) -> [Double], _ r: Int, _ n: Int) -> Double {
                country.map { ForecastPanel.Series.window(pick($0), r, n) } ?? 0
            }
            return [
                w(s.events, 1), w(s.events, 3), w(s.events, 6), w(s.events, 12),
                w(s.fatal, 1), w(s.fatal, 3), w(s.fatal, 6), w(s.fatal, 12),
                w(s.deaths, 1), w(s.deaths, 3), w(s.deaths, 12),
                log1p(last[a] < 0 ? sinceCap : Swift.min(sinceCap, Double(r - last[a]))),
                log(rate / (1 - rate)),
                nb(\.events, 1), nb(\.fatal, 3), nb(\.fatal, 12),
                w(s.threat, 3), w(s.peace, 3), w(s.reported, 3),
                sin(2 * .pi * month / cycle), cos(2 * .pi * month / cycle),
                log1p(cw(\.fatal, r, 3)), log1p(cw(\.events, r, 3)) - log1p(cw(\.events, r - 3, 3)),
            ]
        }
    }
}

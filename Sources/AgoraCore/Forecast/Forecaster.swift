import Foundation

/// What the forecast says of one area for the period after the last one known.
public struct AreaForecast: Codable, Sendable, Equatable {
    public struct Driver: Codable, Sendable, Equatable {
        /// One of `ForecastFeatures.ids`.
        public var feature: String
        /// Its share of the log-odds of a fatal event, against an average area and period.
        public var contribution: Double
    }
    /// P(at least one fatal event), P(any violent event).
    public var fatal: Double
    public var violent: Double
    /// Expected deaths, and the 80 % interval around it.
    public var deaths: Double
    public var deathsLow: Int
    public var deathsHigh: Int
    public var drivers: [Driver]
}

/// The three models of a level and horizon, and the window they were trained on.
public struct Forecaster: Codable, Sendable, Equatable {
    public var level: AreaLevel
    public var kind: Period.Kind
    public var fatal: GLM
    public var violent: GLM
    public var deaths: GLM
    /// Periods whose outcomes it learnt from (the targets), and how many rows.
    public var trainedFrom: String
    public var trainedTo: String
    public var rows: Int

    /// Periods of history a row needs before it counts (a year: the longest window of a feature).
    public static func warmup(_ panel: ForecastPanel) -> Int { panel.count >= 36 ? 11 : 0 }

    /// Trains on every (area, period) whose outcome period is before `origin` (a row of the panel), and within
    /// `window` periods of it when given. Nothing at or after `origin` is read: features of row r use rows ≤ r.
    /// Ridge penalties tried; the one with the best Brier score on periods held out of the fit is kept (see `tuned`).
    public static let ridges: [Double] = [0.3, 3, 30, 300, 3000, 30000]
    /// Training rows below which the penalty is cross-validated rather than tried on the last fifth.
    public static let crossValidateBelow = 20_000

    public static func train(_ panel: ForecastPanel, features: FeatureTable, origin: Int, window: Int? = nil, ridge: Double? = nil)
        -> Forecaster?
    {
        let lo = Swift.max(warmup(panel), window.map { origin - 1 - $0 } ?? 0)
        let hi = origin - 2  // the last row whose next period is before the origin
        guard hi >= lo else { return nil }
        var x: [[Double]] = []
        var fatal: [Double] = []
        var violent: [Double] = []
        var deaths: [Double] = []
        for r in lo...hi {
            let f = features.at(r)
            for a in panel.areas.indices {
                let o = panel.outcome(a, r + 1)
                x.append(f[a])
                fatal.append(o.fatal > 0 ? 1 : 0)
                violent.append(o.events > 0 ? 1 : 0)
                deaths.append(Double(o.deaths))
            }
        }
        guard !x.isEmpty else { return nil }
        // The penalty is chosen by Brier score on periods the fit did not see, never on anything after the origin.
        // On a short history (under `crossValidateBelow` rows) by blocked cross-validation: the window's periods cut
        // into five runs, each scored by a model fitted on the others. Scoring only the last fifth there picked on a
        // handful of rows and the choice was noise (Kenya, docs/FORECAST.md). On a long one the last fifth is
        // plenty, and five times cheaper.
        func tuned(_ y: [Double]) -> Double {
            if let ridge { return ridge }
            let periods = hi - lo + 1
            let width = panel.areas.count
            guard periods >= 5 else { return 3 }
            let runs = x.count < crossValidateBelow ? (0..<5).map { ($0, $0 + 1, 5) } : [(4, 5, 5)]
            var loss = [Double](repeating: 0, count: ridges.count)
            for (from, to, of) in runs {
                let a = (periods * from / of) * width
                let b = (periods * to / of) * width
                let trainX = Array(x[..<a]) + Array(x[b...])
                let trainY = Array(y[..<a]) + Array(y[b...])
                for (i, l) in ridges.enumerated() {
                    let m = GLM.fit(trainX, trainY, family: .logistic, ridge: l, free: ForecastFeatures.unpenalised)
                    loss[i] += ForecastScore.of(x[a..<b].map(m.predict), y[a..<b].map { $0 > 0 }).brier * Double(b - a)
                }
            }
            return ridges[loss.indices.min { loss[$0] < loss[$1] }!]
        }
        // One penalty for the three models: tuning each would cost five more fits for little.
        let lf = tuned(fatal)
        let lv = lf
        return Forecaster(
            level: panel.level, kind: panel.kind, fatal: GLM.fit(x, fatal, family: .logistic, ridge: lf, free: ForecastFeatures.unpenalised),
            violent: GLM.fit(x, violent, family: .logistic, ridge: lv, free: ForecastFeatures.unpenalised),
            deaths: GLM.fit(x, deaths, family: .poisson, ridge: lf, free: ForecastFeatures.unpenalised),
            trainedFrom: panel.period(lo + 1).label, trainedTo: panel.period(hi + 1).label, rows: x.count)
    }

    public func forecast(_ x: [Double]) -> AreaForecast {
        let mu = deaths.predict(x)
        let drivers = zip(ForecastFeatures.ids, fatal.contributions(x))
            .map { AreaForecast.Driver(feature: $0, contribution: $1) }
            .sorted { abs($0.contribution) > abs($1.contribution) }
        return AreaForecast(
            fatal: fatal.predict(x), violent: violent.predict(x), deaths: mu,
            deathsLow: CountQuantile.quantile(0.1, mean: mu, dispersion: deaths.dispersion),
            deathsHigh: CountQuantile.quantile(0.9, mean: mu, dispersion: deaths.dispersion), drivers: Array(drivers.prefix(3)))
    }
}

/// Features per period row, computed once and kept (a backtest reads each row many times).
public final class FeatureTable: @unchecked Sendable {
    let panel: ForecastPanel
    private var rows: [Int: [[Double]]] = [:]
    private let lock = NSLock()
    public init(_ panel: ForecastPanel) { self.panel = panel }
    public func at(_ r: Int) -> [[Double]] {
        lock.lock()
        defer { lock.unlock() }
        if let f = rows[r] { return f }
        let f = ForecastFeatures.rows(panel, at: r)
        rows[r] = f
        return f
    }
}

/// The bands a chance of deadly violence is shown in, on maps and tables alike: under 10 %, 10–30 %, 30–60 %,
/// 60 % and over, drawn in the colours of the risk levels.
public enum ForecastBands {
    public static func level(_ p: Double) -> RiskLevel {
        p >= 0.6 ? .critical : p >= 0.3 ? .high : p >= 0.1 ? .moderate : .low
    }
}

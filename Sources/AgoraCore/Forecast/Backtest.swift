import Foundation

/// Rolling-origin evaluation on stored history: for each block of `split` periods from `from` to `to`, every
/// method is trained only on outcomes before the block, then forecasts each period of the block from what was
/// known at the end of the period before. The model and the baselines are scored on the same rows.
public enum Backtest {
    public enum Target: String, Codable, Sendable, CaseIterable {
        /// At least one event with a death; any event at all.
        case fatal, violent
    }

    public struct Options: Sendable {
        /// Outcome periods evaluated, first and last (rows of the panel).
        public var from: Int
        public var to: Int
        public var split: Int
        public var window: Int?
        public var target: Target
        public init(from: Int, to: Int, split: Int, window: Int? = nil, target: Target = .fatal) {
            self.from = from
            self.to = to
            self.split = split
            self.window = window
            self.target = target
        }
    }

    public struct Method: Codable, Sendable, Equatable {
        /// One of `methodIDs`, and its name in English.
        public var id: String
        public var name: String
        public var all: ForecastScore
        /// Rows with no fatal event in the three periods before: does the method see violence coming?
        public var onsets: ForecastScore
    }

    public struct DeathScore: Codable, Sendable, Equatable {
        /// Mean absolute error of the expected deaths, and of the climatological mean.
        public var meanAbsoluteError: Double
        public var climatologyError: Double
        /// Share of outcomes inside the 80 % interval.
        public var coverage: Double
    }

    public struct Result: Codable, Sendable, Equatable {
        public var level: AreaLevel
        public var horizon: Period.Kind
        public var target: Target
        public var areas: Int
        public var from: String
        public var to: String
        public var folds: Int
        public var methods: [Method]
        public var deaths: DeathScore
    }

    public static let methodIDs = ["model", "climatology", "areaHistoryRate", "persistence", "smoothedPersistence", "lagLogistic"]
    public static let methodNames = [
        "model", "climatology", "area history rate", "persistence", "smoothed persistence", "lag-logistic (1, 3, 12)",
    ]

    /// A probability from a 0/1 method, kept off 0 and 1 so that log loss stays finite.
    static func clip(_ p: Double) -> Double { Swift.min(0.975, Swift.max(0.025, p)) }

    public static func run(_ panel: ForecastPanel, _ o: Options, features: FeatureTable? = nil) -> Result {
        let table = features ?? FeatureTable(panel)
        func happened(_ a: Int, _ r: Int) -> Bool {
            let x = panel.outcome(a, r)
            return o.target == .fatal ? x.fatal > 0 : x.events > 0
        }
        var predictions = [[Double]](repeating: [], count: methodNames.count)
        var climatology: [Double] = []
        var outcome: [Bool] = []
        var onset: [Bool] = []
        var deathsAbs = 0.0
        var climAbs = 0.0
        var covered = 0
        var folds = 0
        let last = Swift.min(o.to, panel.count - 1)
        var origin = Swift.max(o.from, Forecaster.warmup(panel) + 2)
        while origin <= last {
            let end = Swift.min(last, origin + o.split - 1)
            defer { origin = end + 1 }
            guard let model = Forecaster.train(panel, features: table, origin: origin, window: o.window) else { continue }
            folds += 1
            // The baselines see the training rows of the model, no more.
            let lo = Swift.max(Forecaster.warmup(panel), o.window.map { origin - 1 - $0 } ?? 0)
            let hi = origin - 2
            var lagX: [[Double]] = []
            var lagY: [Double] = []
            var perArea = [(Double, Double)](repeating: (0, 0), count: panel.areas.count)
            var deathSum = 0.0
            for r in lo...hi {
                let f = table.at(r)
                for a in panel.areas.indices {
                    let y = happened(a, r + 1)
                    lagX.append(ForecastFeatures.lagBaseline.map { f[a][$0] })
                    lagY.append(y ? 1 : 0)
                    perArea[a].0 += y ? 1 : 0
                    perArea[a].1 += 1
                    deathSum += Double(panel.outcome(a, r + 1).deaths)
                }
            }
            let lag = GLM.fit(lagX, lagY, family: .logistic)
            let base = lagY.reduce(0, +) / Double(Swift.max(lagY.count, 1))
            let meanDeaths = deathSum / Double(Swift.max(lagY.count, 1))
            let alpha = 1 - pow(0.5, 1.0 / 3)
            for t in origin...end {
                let r = t - 1
                let f = table.at(r)
                for a in panel.areas.indices {
                    let fc = model.forecast(f[a])
                    let p = o.target == .fatal ? fc.fatal : fc.violent
                    var ewma = 0.0
                    for k in Swift.max(0, r - 36)...r { ewma = alpha * (happened(a, k) ? 1 : 0) + (1 - alpha) * ewma }
                    let values = [
                        p, base, (perArea[a].0 + 0.5) / (perArea[a].1 + 1), clip(happened(a, r) ? 1 : 0), clip(ewma),
                        lag.predict(ForecastFeatures.lagBaseline.map { f[a][$0] }),
                    ]
                    for (m, v) in values.enumerated() { predictions[m].append(v) }
                    climatology.append(base)
                    outcome.append(happened(a, t))
                    onset.append(ForecastPanel.Series.window(panel.series[a].fatal, r, 3) == 0)
                    let deaths = panel.outcome(a, t).deaths
                    deathsAbs += abs(fc.deaths - Double(deaths))
                    climAbs += abs(meanDeaths - Double(deaths))
                    if (fc.deathsLow...fc.deathsHigh).contains(deaths) { covered += 1 }
                }
            }
        }
        let n = Double(Swift.max(outcome.count, 1))
        // Typed apart: as one closure returning a tuple of three zips this took the type checker 19 s.
        func kept<T>(_ xs: [T]) -> [T] { zip(xs, onset).filter(\.1).map(\.0) }
        let methods: [Method] = methodNames.indices.map { (m: Int) -> Method in
            Method(
                id: methodIDs[m], name: methodNames[m], all: ForecastScore.of(predictions[m], outcome, climatology: climatology),
                onsets: ForecastScore.of(kept(predictions[m]), kept(outcome), climatology: kept(climatology)))
        }
        return Result(
            level: panel.level, horizon: panel.kind, target: o.target, areas: panel.areas.count, from: panel.period(o.from).label,
            to: panel.period(last).label, folds: folds, methods: methods,
            deaths: DeathScore(meanAbsoluteError: deathsAbs / n, climatologyError: climAbs / n, coverage: Double(covered) / n))
    }
}

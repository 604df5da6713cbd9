import AgoraCore
import Foundation
import Vapor

/// Retrains the forecast models on the installation's own history and stores the forecasts for the current
/// week and month: in `serve` when a week or month begins, or by `agora forecast train`. Each model is stored with its training
/// window, a backtest, and the record of the forecasts stored before it. The arithmetic runs on the blocking
/// thread pool, not on the threads that answer requests.
enum ForecastJob {
    /// Levels and horizons trained: admin2 by month only (weekly admin2 panels are large and mostly empty).
    static let plans: [(level: AreaLevel, horizon: Period.Kind)] = [
        (.country, .month), (.admin1, .month), (.admin2, .month), (.country, .week), (.admin1, .week),
    ]
    /// Periods a live model learns from: ten years of months, three years of weeks.
    static func window(_ kind: Period.Kind) -> Int { kind == .month ? 120 : 156 }

    struct Trained: Sendable {
        var level: AreaLevel
        var horizon: Period.Kind
        var period: String
        var areas: Int
        var rows: Int
        var backtest: Backtest.Method?
    }

    /// Whether the newest model was trained before this week or this month began: then the current week's or
    /// month's forecasts are missing. Weekly, and on the first of each month.
    static func isDue(_ app: Application, today: Int? = nil) async throws -> Bool {
        guard let newest = try await ForecastStore(sql: app.sql).newestModelTime() else { return true }
        let day = today ?? CivilDate.parse(Timestamp.now())!
        let start = Swift.max(Period.week(containing: day).firstDay, Period.month(containing: day).firstDay)
        return newest < CivilDate.text(start)  // fixed-width text sorts as time
    }

    static func run(_ app: Application, today: Int? = nil) async throws -> [Trained] {
        let day = today ?? CivilDate.parse(Timestamp.now())!
        let snap = try await app.risk.current(app.sql)
        let store = ForecastStore(sql: app.sql)
        let events = try await store.events(weights: snap.weights)
        guard !events.isEmpty else { return [] }
        var earlier: [String: [(area: String, period: String, fatal: Double)]] = [:]
        for plan in plans { earlier[key(plan)] = try await store.earliestForecasts(level: plan.level, horizon: plan.horizon) }
        let geography = Forecasting.geography(snap)
        let known = earlier
        let computed = try await LowPriority.run { compute(events, geography, day: day, earlier: known) }
        var out: [Trained] = []
        for c in computed {
            try await app.write { tx in
                let store = ForecastStore(sql: tx)
                let id = try await store.saveModel(c.model, evaluation: c.evaluation)
                try await store.saveForecasts(
                    c.forecasts.map { f in
                        var f = f
                        f.model = id
                        return f
                    })
            }
            out.append(c.summary)
        }
        // Then the proposals, outside the models' transactions (each its own, as the risk's are).
        _ = try await RiskUpdater(app: app).proposeFromForecasts(computed.flatMap(\.forecasts), snapshot: snap)
        return out
    }

    static func key(_ plan: (level: AreaLevel, horizon: Period.Kind)) -> String { plan.level.rawValue + "|" + plan.horizon.rawValue }

    struct Computed: Sendable {
        var model: Forecaster
        var evaluation: ForecastEvaluation
        var forecasts: [StoredForecast]
        var summary: Trained
    }

    static func compute(
        _ events: [ForecastEvent], _ geography: ForecastGeography, day: Int, earlier: [String: [(area: String, period: String, fatal: Double)]]
    ) -> [Computed] {
        // Only countries with a history: the others would be all zeros, and cost as much.
        let active = Set(events.compactMap { $0.areaPath.last })
        var out: [Computed] = []
        for plan in plans {
            let current = Period.containing(day, plan.horizon)
            let panel = ForecastPanel(
                events: events, geography: geography, level: plan.level, kind: plan.horizon, last: current.advanced(by: -1), within: active)
            guard !panel.areas.isEmpty, panel.count >= 3 else { continue }
            let features = FeatureTable(panel)
            guard let model = Forecaster.train(panel, features: features, origin: panel.count, window: window(plan.horizon)) else { continue }
            let evaluation = evaluate(panel, features, plan: plan, earlier: earlier[key(plan)] ?? [])
            let rows = features.at(panel.count - 1)
            let forecasts = panel.areas.enumerated().map { a, code in
                let f = model.forecast(rows[a])
                return StoredForecast(
                    area: code, horizon: plan.horizon, period: current.label, fatal: f.fatal, violent: f.violent, deaths: f.deaths,
                    deathsLow: f.deathsLow, deathsHigh: f.deathsHigh, drivers: f.drivers, model: "")
            }
            out.append(
                Computed(
                    model: model, evaluation: evaluation, forecasts: forecasts,
                    summary: Trained(
                        level: plan.level, horizon: plan.horizon, period: current.label, areas: panel.areas.count, rows: model.rows,
                        backtest: evaluation.backtest?.methods.first)))
        }
        return out
    }

    /// The backtest over three years (admin1 only: it is what the public record shows), and the forecasts stored
    /// before, for periods now over, against what happened.
    static func evaluate(
        _ panel: ForecastPanel, _ features: FeatureTable, plan: (level: AreaLevel, horizon: Period.Kind),
        earlier: [(area: String, period: String, fatal: Double)]
    ) -> ForecastEvaluation {
        var backtest: Backtest.Result?
        if plan.level == .admin1 {
            // The three years up to where the history thins out: the last period in which at least two areas (and 2 %)
            // saw a deadly event. A few recent reports after years of silence would make an empty test.
            let enough = Swift.max(2, panel.areas.count / 50)
            let busy = (0..<panel.count).last { r in panel.areas.indices.reduce(0) { $0 + (panel.outcome($1, r).fatal > 0 ? 1 : 0) } >= enough }
            if let to = busy {
                let split = plan.horizon == .month ? 12 : 52
                let from = Swift.max(Forecaster.warmup(panel) + 2, to - 3 * split + 1)
                if to > from {
                    backtest = Backtest.run(panel, .init(from: from, to: to, split: split, window: window(plan.horizon)), features: features)
                }
            }
        }
        var p: [Double] = []
        var y: [Bool] = []
        let row = Dictionary(uniqueKeysWithValues: panel.areas.enumerated().map { ($1, $0) })
        for f in earlier {
            guard let a = row[f.area], let period = Period.parse(f.period), period.kind == plan.horizon else { continue }
            let r = panel.row(period)
            guard r >= 0 && r < panel.count else { continue }
            p.append(f.fatal)
            y.append(panel.outcome(a, r).fatal > 0)
        }
        return ForecastEvaluation(backtest: backtest, live: p.isEmpty ? nil : ForecastScore.of(p, y))
    }
}

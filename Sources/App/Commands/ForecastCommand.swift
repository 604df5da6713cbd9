import AgoraCore
import Foundation
import Vapor

/// `agora forecast evaluate`: the rolling-origin backtest of the forecast and its baselines on the stored history.
struct ForecastCommand: AsyncCommandGroup {
    var help: String { "Forecasts: train them on the stored history, or evaluate them against baselines." }
    var commands: [String: any AnyAsyncCommand] { ["evaluate": ForecastEvaluateCommand(), "train": ForecastTrainCommand()] }
}

struct ForecastTrainCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Train the forecast models now (serve does it weekly) and store this week's and this month's forecasts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let started = Date()
        let trained = try await ForecastJob.run(context.application)
        guard !trained.isEmpty else { throw ValidationError("no incidents in the store: nothing to learn from") }
        for t in trained {
            let skill = t.backtest.map { m in
                ", backtest Brier \(String(format: "%.3f", m.all.brier)) AUC \(m.all.auc.map { String(format: "%.3f", $0) } ?? "—")"
            }
            context.console.print(
                "\(t.level.rawValue) by \(t.horizon.rawValue): \(t.areas) areas forecast for \(t.period), \(t.rows) training rows\(skill ?? "")")
        }
        context.console.print(String(format: "in %.1f s", Date().timeIntervalSince(started)))
    }
}

struct ForecastEvaluateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "level", help: "country | admin1 (default) | admin2 | community") var level: String?
        @Option(name: "horizon", help: "month (default) or week: the period forecast, one ahead") var horizon: String?
        @Option(name: "from", help: "first outcome period tested, e.g. 2010-01 or 2019-W01 (default: after two blocks of training)")
        var from: String?
        @Option(name: "to", help: "last outcome period tested (default: the last one with data)") var to: String?
        @Option(name: "split", help: "periods per test block; each block is forecast by a model trained before it (default 12 or 52)")
        var split: Int?
        @Option(name: "window", help: "train on at most this many periods before each block (default: all)") var window: Int?
        @Option(name: "target", help: "fatal (default: at least one fatal event) or violent (any event)") var target: String?
        @Option(name: "within", help: "only areas under these codes, comma-separated (e.g. NGA)") var within: String?
        @Flag(name: "json", help: "print the result as JSON") var json: Bool
    }
    var help: String { "Backtest the forecast and the baselines (climatology, history rate, persistence, lag-logistic) in one run." }

    func run(using context: CommandContext, signature s: Signature) async throws {
        let app = context.application
        guard let level = AreaLevel(rawValue: s.level ?? "admin1") else { throw ValidationError("--level: use country, admin1, admin2 or community") }
        guard let kind = Period.Kind(rawValue: s.horizon ?? "month") else { throw ValidationError("--horizon: use month or week") }
        guard let target = Backtest.Target(rawValue: s.target ?? "fatal") else { throw ValidationError("--target: use fatal or violent") }
        let snap = try await app.risk.current(app.sql)
        let events = try await ForecastStore(sql: app.sql).events(weights: snap.weights)
        let panel = ForecastPanel(
            events: events, geography: Forecasting.geography(snap), level: level, kind: kind,
            within: s.within.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) })
        guard !panel.areas.isEmpty, panel.count > 2 else {
            throw ValidationError("no \(level.rawValue) areas with history\(s.within.map { " under \($0)" } ?? ""): nothing to evaluate")
        }
        func row(_ text: String?, _ name: String) throws -> Int? {
            guard let text else { return nil }
            guard let p = Period.parse(text), p.kind == kind else {
                throw ValidationError("--\(name): '\(text)' is not a \(kind.rawValue) like \(panel.first.label)")
            }
            return panel.row(p)
        }
        let split = s.split ?? (kind == .month ? 12 : 52)
        guard split > 0 else { throw ValidationError("--split: at least 1") }
        let from = try row(s.from, "from") ?? (Forecaster.warmup(panel) + 2 * split)
        let to = try row(s.to, "to") ?? (panel.count - 1)
        guard from < to, from >= 2, to < panel.count else {
            throw ValidationError("--from/--to: the history runs \(panel.first.label) to \(panel.period(panel.count - 1).label)")
        }
        let result = Backtest.run(panel, .init(from: from, to: to, split: split, window: s.window, target: target))
        guard result.folds > 0 else { throw ValidationError("no block had history before it to train on: move --from later") }
        if s.json {
            context.console.print(String(decoding: try JSONEncoder.sorted.encode(result), as: UTF8.self))
        } else {
            context.console.print(Forecasting.table(result))
        }
    }
}

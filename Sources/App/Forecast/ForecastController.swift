import AgoraCore
import Foundation
import Vapor

/// `/api/v1/forecasts`: the stored forecasts of this period, per area (for people signed in, as risk scores are);
/// `/api/v1/forecasts/record`: how the forecasts have done (public: no area, no record); `POST …/train`:
/// retrain now (installation administrators).
struct ForecastController {
    func register(_ api: any RoutesBuilder) {
        api.get("forecasts", use: list)
        api.get("forecasts", "record", use: record)
        api.post("forecasts", "train", use: train)
    }

    struct AreaForecastView: Content {
        var area: String
        var name: String
        var level: String
        var forecast: StoredForecast
    }

    static func horizon(_ req: Request) throws -> Period.Kind {
        let h = try req.query.get(String?.self, at: "horizon") ?? "month"
        guard let k = Period.Kind(rawValue: h) else { throw APIError.badRequest(field: "horizon", "use month or week") }
        return k
    }

    /// Forecasts of these areas (all when nil) for one period, from memory until a model is trained or a forecast
    /// written (`forecast_revision`, moved by the store's triggers): the risk dashboard shows them on every view.
    static func forecasts(_ req: Request, horizon: Period.Kind, period: String, areas: [String]? = nil) async throws -> [String: StoredForecast] {
        let key = SharedAnswerKey(revision: try await req.revisions().forecast, query: ForecastAnswers.Query(horizon: horizon, period: period))
        let all = try await req.application.answers.forecasts.byPeriod.value(key) {
            try await ForecastStore(sql: req.sql).forecasts(horizon: horizon, period: period)
        }
        guard let areas else { return all }
        var out: [String: StoredForecast] = [:]
        for a in areas { out[a] = all[a] }
        return out
    }

    /// Forecasts for the current week or month, most likely first; `level=`, `country=`, `area=` narrow them.
    func list(req: Request) async throws -> [AreaForecastView] {
        try req.requireSignedIn()
        let horizon = try Self.horizon(req)
        let level = try req.query.get(String?.self, at: "level").map { try AreaLevel.parse($0, field: "level") }
        let country = try req.query.get(String?.self, at: "country")
        let area = try req.query.get(String?.self, at: "area")
        let limit = try req.query.get(Int?.self, at: "limit") ?? 100
        guard (1...5000).contains(limit) else { throw APIError.badRequest(field: "limit", "must be between 1 and 5000") }
        let snap = try await req.riskSnapshot()
        let period = Period.containing(CivilDate.parse(Timestamp.now())!, horizon).label
        let stored = try await Self.forecasts(req, horizon: horizon, period: period, areas: area.map { [$0] })
        let out = stored.values.compactMap { f -> AreaForecastView? in
            guard let info = snap.areas[f.area], level == nil || info.level == level else { return nil }
            if let country, snap.path(f.area).last != country { return nil }
            return AreaForecastView(area: f.area, name: info.name, level: info.level.rawValue, forecast: f)
        }
        return Array(out.sorted { ($0.forecast.fatal, $1.area) > ($1.forecast.fatal, $0.area) }.prefix(limit))
    }

    struct Record: Content {
        var level: String
        var horizon: String
        var trainedFrom: String?
        var trainedTo: String?
        var trainedAt: String?
        var evaluation: ForecastEvaluation?
    }

    /// The record of the state-level monthly forecast (or `horizon=week`): a backtest and the live record.
    func record(req: Request) async throws -> Record {
        let horizon = try Self.horizon(req)
        let m = try await ForecastStore(sql: req.sql).currentModel(level: .admin1, horizon: horizon)
        return Record(
            level: AreaLevel.admin1.rawValue, horizon: horizon.rawValue, trainedFrom: m?.forecaster.trainedFrom, trainedTo: m?.forecaster.trainedTo,
            trainedAt: m?.createdAt, evaluation: m?.evaluation)
    }

    struct TrainResult: Content {
        var models: Int
        var forecasts: Int
    }

    func train(req: Request) async throws -> TrainResult {
        try req.requireInstallationAdmin()
        let trained = try await ForecastJob.run(req.application)
        try await req.write {
            try await AuditStore(sql: $0).append(
                actor: req.actor, action: "train", recordType: "forecast", recordID: "all",
                content: trained.map { "\($0.level.rawValue)|\($0.horizon.rawValue)" })
        }
        return TrainResult(models: trained.count, forecasts: trained.reduce(0) { $0 + $1.areas })
    }
}

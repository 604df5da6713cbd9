import AgoraCore
import Foundation
import SQLKit

/// The history a forecast learns from, and the models and forecasts it stores.
struct ForecastStore: Sendable {
    let sql: any SQLDatabase

    /// Every incident as the forecast sees it, read in the pages the risk cube reads.
    func events(weights: RiskWeights, pageSize: Int = 50_000) async throws -> [ForecastEvent] {
        var out: [ForecastEvent] = []
        try await RiskStore(sql: sql).pages(pageSize: pageSize, extra: ["source_name"]) { rows, ids, indicators in
            for (r, id) in zip(rows, ids) {
                guard let day = CivilDate.parse(try r.decode(column: "occurred_on", as: String.self)) else { continue }
                let codes = indicators[id] ?? []
                out.append(
                    ForecastEvent(
                        areaPath: RiskStore.path(try r.decode(column: "area_path", as: String.self)), day: day,
                        fatalities: try r.decode(column: "fatalities", as: Int.self),
                        threat: codes.reduce(0) { $0 + (weights.threat[$1] ?? 0) }, peace: codes.reduce(0) { $0 + (weights.peace[$1] ?? 0) },
                        reported: try r.decode(column: "source_name", as: String.self) == IncidentStore.reportedSource))
            }
        }
        return out
    }
}

/// A forecast as stored and served: for one area and period, by the model named.
struct StoredForecast: Codable, Sendable, Equatable {
    var area: String
    var horizon: Period.Kind
    /// The period forecast, e.g. `2026-12` or `2026-W49`.
    var period: String
    var fatal: Double
    var violent: Double
    var deaths: Double
    var deathsLow: Int
    var deathsHigh: Int
    var drivers: [AreaForecast.Driver]
    var model: String
}

/// A trained model as stored, with what it was evaluated to do.
struct StoredModel: Codable, Sendable {
    var id: String
    var forecaster: Forecaster
    var evaluation: ForecastEvaluation?
    var createdAt: String
}

/// The record shown to the people who rely on the forecast: the backtest at training time, and the forecasts
/// stored earlier scored against what then happened.
struct ForecastEvaluation: Codable, Sendable, Equatable {
    var backtest: Backtest.Result?
    var live: ForecastScore?
}

extension ForecastStore {
    func saveModel(_ f: Forecaster, evaluation: ForecastEvaluation?) async throws -> String {
        let id = UUID().uuidString.lowercased()
        try await sql.insert(into: "forecast_models").columns(
            "id", "level", "horizon", "trained_from", "trained_to", "training_rows", "model", "evaluation", "created_at"
        ).values(
            SQLBind(id), SQLBind(f.level.rawValue), SQLBind(f.kind.rawValue), SQLBind(f.trainedFrom), SQLBind(f.trainedTo), SQLBind(f.rows),
            SQLBind(String(decoding: try JSONEncoder.sorted.encode(f), as: UTF8.self)),
            SQLBind(try evaluation.map { String(decoding: try JSONEncoder.sorted.encode($0), as: UTF8.self) }), SQLBind(Timestamp.now())
        ).run()
        return id
    }

    func saveForecasts(_ rows: [StoredForecast]) async throws {
        for chunk in rows.chunked(200) {
            var q = sql.insert(into: "forecasts").columns(
                "model_id", "area_code", "horizon", "period", "p_fatal", "p_violent", "deaths", "deaths_low", "deaths_high", "drivers")
            for r in chunk {
                q = q.values(
                    SQLBind(r.model), SQLBind(r.area), SQLBind(r.horizon.rawValue), SQLBind(r.period), SQLBind(r.fatal), SQLBind(r.violent),
                    SQLBind(r.deaths), SQLBind(r.deathsLow), SQLBind(r.deathsHigh),
                    SQLBind(String(decoding: try JSONEncoder.sorted.encode(r.drivers), as: UTF8.self)))
            }
            try await q.run()
        }
    }

    /// The newest model of a level and horizon.
    func currentModel(level: AreaLevel, horizon: Period.Kind) async throws -> StoredModel? {
        struct Row: Decodable {
            var id, model, createdAt: String
            var evaluation: String?
        }
        guard
            let r = try await sql.select().columns("id", "model", "evaluation", "created_at").from("forecast_models")
                .where("level", .equal, level.rawValue).where("horizon", .equal, horizon.rawValue)
                .orderBy("created_at", .descending).orderBy("id", .descending).limit(1)
                .first(decoding: Row.self, with: AreaStore.decoder)
        else { return nil }
        return StoredModel(
            id: r.id, forecaster: try JSONDecoder().decode(Forecaster.self, from: Data(r.model.utf8)),
            evaluation: try r.evaluation.map { try JSONDecoder().decode(ForecastEvaluation.self, from: Data($0.utf8)) }, createdAt: r.createdAt)
    }

    /// Forecasts of these areas (all when nil) for one period, each by the newest model that made one.
    func forecasts(horizon: Period.Kind, period: String, areas: [String]? = nil) async throws -> [String: StoredForecast] {
        var out: [String: (StoredForecast, String)] = [:]
        for chunk in (areas.map { $0.chunked(400).map(Array.init) } ?? [[]]) {
            var q = sql.select().columns(
                SQLColumn("model_id", table: "f"), SQLColumn("area_code", table: "f"), SQLColumn("p_fatal", table: "f"),
                SQLColumn("p_violent", table: "f"), SQLColumn("deaths", table: "f"), SQLColumn("deaths_low", table: "f"),
                SQLColumn("deaths_high", table: "f"), SQLColumn("drivers", table: "f"), SQLColumn("created_at", table: "m")
            )
            .from(SQLAlias(SQLIdentifier("forecasts"), as: SQLIdentifier("f")))
            .join(
                SQLAlias(SQLIdentifier("forecast_models"), as: SQLIdentifier("m")), on: SQLColumn("id", table: "m"), .equal,
                SQLColumn("model_id", table: "f")
            )
            .where(SQLColumn("horizon", table: "f"), .equal, SQLBind(horizon.rawValue)).where(
                SQLColumn("period", table: "f"), .equal, SQLBind(period))
            if areas != nil { q = q.where(SQLColumn("area_code", table: "f"), .in, SQLBind.group(chunk)) }
            for row in try await q.all() {
                let area = try row.decode(column: "area_code", as: String.self)
                let made = try row.decode(column: "created_at", as: String.self)
                if let known = out[area], known.1 >= made { continue }
                out[area] = (
                    StoredForecast(
                        area: area, horizon: horizon, period: period, fatal: try row.decode(column: "p_fatal", as: Double.self),
                        violent: try row.decode(column: "p_violent", as: Double.self), deaths: try row.decode(column: "deaths", as: Double.self),
                        deathsLow: try row.decode(column: "deaths_low", as: Int.self),
                        deathsHigh: try row.decode(column: "deaths_high", as: Int.self),
                        drivers: try JSONDecoder().decode(
                            [AreaForecast.Driver].self, from: Data(try row.decode(column: "drivers", as: String.self).utf8)),
                        model: try row.decode(column: "model_id", as: String.self)), made
                )
            }
        }
        return out.mapValues(\.0)
    }

    /// For the track record: the first forecast stored for each area and period of a level's models, before
    /// `before` (periods not yet over are left out by the caller).
    func earliestForecasts(level: AreaLevel, horizon: Period.Kind) async throws -> [(area: String, period: String, fatal: Double)] {
        var first: [String: (area: String, period: String, fatal: Double, made: String)] = [:]
        let rows = try await sql.select().columns(
            SQLColumn("area_code", table: "f"), SQLColumn("period", table: "f"), SQLColumn("p_fatal", table: "f"), SQLColumn("created_at", table: "m")
        )
        .from(SQLAlias(SQLIdentifier("forecasts"), as: SQLIdentifier("f")))
        .join(
            SQLAlias(SQLIdentifier("forecast_models"), as: SQLIdentifier("m")), on: SQLColumn("id", table: "m"), .equal,
            SQLColumn("model_id", table: "f")
        )
        .where(SQLColumn("level", table: "m"), .equal, SQLBind(level.rawValue)).where(
            SQLColumn("horizon", table: "f"), .equal, SQLBind(horizon.rawValue)
        )
        .all()
        for r in rows {
            let area = try r.decode(column: "area_code", as: String.self)
            let period = try r.decode(column: "period", as: String.self)
            let made = try r.decode(column: "created_at", as: String.self)
            let key = area + "|" + period
            if let known = first[key], known.made <= made { continue }
            first[key] = (area, period, try r.decode(column: "p_fatal", as: Double.self), made)
        }
        return first.values.sorted { ($0.period, $0.area) < ($1.period, $1.area) }.map { ($0.area, $0.period, $0.fatal) }
    }
}

extension ForecastStore {
    func newestModelTime() async throws -> String? {
        try await sql.select().column("created_at").from("forecast_models").orderBy("created_at", .descending).limit(1)
            .first(decodingColumn: "created_at", as: String.self)
    }
}

extension ForecastStore {
    /// The training window of a model, by id: what a forecast names.
    func window(model id: String) async throws -> (from: String, to: String, rows: Int)? {
        guard
            let r = try await sql.select().columns("trained_from", "trained_to", "training_rows").from("forecast_models").where("id", .equal, id)
                .first()
        else { return nil }
        return (
            try r.decode(column: "trained_from", as: String.self), try r.decode(column: "trained_to", as: String.self),
            try r.decode(column: "training_rows", as: Int.self)
        )
    }
}

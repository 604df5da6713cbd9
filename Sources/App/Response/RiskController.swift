import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/risk`: scores per area and period, each with what drove it; settings; recompute.
struct RiskController {
    func register(_ api: any RoutesBuilder) {
        api.get("risk", use: list)
        api.get("risk", "areas", ":code", use: area)
        api.post("risk", "recompute", use: recompute)
        api.get("settings", use: settings)
        api.put("settings", use: saveSettings)
    }

    static func period(_ req: Request) throws -> Period {
        let kind = try req.query.get(String?.self, at: "kind") ?? "week"
        guard let k = Period.Kind(rawValue: kind) else { throw APIError.badRequest(field: "kind", "use week or month") }
        if let p = try req.query.get(String?.self, at: "period") {
            guard let parsed = Period.parse(p) else { throw APIError.badRequest(field: "period", "'\(p)' is not a period; use 2026-W48 or 2026-11") }
            return parsed
        }
        return Period.containing(CivilDate.parse(Timestamp.now())!, k)
    }

    struct AreaScore: Content {
        var area: String
        var name: String
        var level: String
        var score: RiskScore
    }

    /// Scores of every area that has any, highest first; `level=` one area level, `country=`, `min=` a risk level.
    func list(req: Request) async throws -> [AreaScore] {
        try req.requireSignedIn()
        let period = try Self.period(req)
        let level = try req.query.get(String?.self, at: "level").map { try AreaLevel.parse($0, field: "level") }
        let min = try req.query.get(String?.self, at: "min").map { try RiskLevel.parse($0, field: "min") } ?? .low
        let country = try req.query.get(String?.self, at: "country")
        let limit = try req.query.get(Int?.self, at: "limit") ?? 100
        guard (1...5000).contains(limit) else { throw APIError.badRequest(field: "limit", "must be between 1 and 5000") }
        let snap = try await req.riskSnapshot()
        var out: [AreaScore] = []
        for a in snap.candidates(period) {
            guard let info = snap.areas[a], level == nil || info.level == level else { continue }
            if let c = country, snap.path(a).last != c { continue }
            let s = snap.score(a, period)
            if s.score > 0, s.level >= min { out.append(AreaScore(area: a, name: info.name, level: info.level.rawValue, score: s)) }
        }
        return Array(out.sorted { $0.score.score != $1.score.score ? $0.score.score > $1.score.score : $0.area < $1.area }.prefix(limit))
    }

    struct TrendPoint: Content {
        var period: String
        var score: Double
        var level: RiskLevel
        var incidents: Int
        var fatalities: Int
    }
    struct AreaRisk: Content {
        var area: String
        var name: String
        var score: RiskScore
        var drivers: [RiskDriver]
        var trend: [TrendPoint]
    }

    func area(req: Request) async throws -> AreaRisk {
        try req.requireSignedIn()
        let code = try req.parameters.require("code")
        let period = try Self.period(req)
        let service = req.application.risk
        let snap = try await req.riskSnapshot()
        guard let info = snap.areas[code] else { throw APIError.notFound("area", code) }
        let s = snap.score(code, period)
        let sql = req.sql
        var drivers = try await service.drivers(area: code, period: period, revision: snap.revision) {
            let events = try await RiskStore(sql: sql).events(area: code, period: period, broad: snap.isBroad(code))
            return RiskExplanation.drivers(events, neighbours: s.neighbours, weights: snap.weights, settings: snap.settings.risk)
        }
        // Incidents are named only when the caller may see them.
        let named = drivers.filter { $0.kind == .incident }.map(\.code)
        let visible = try await IncidentStore(sql: req.sql).visible(named, try await req.scope())
        drivers.removeAll { $0.kind == .incident && !visible.contains($0.code) }
        let trend = (0..<12).reversed().map { k -> TrendPoint in
            let p = period.advanced(by: -k)
            let t = snap.score(code, p)
            return TrendPoint(period: p.label, score: t.score, level: t.level, incidents: t.incidents, fatalities: t.fatalities)
        }
        return AreaRisk(area: code, name: info.name, score: s, drivers: drivers, trend: trend)
    }

    struct Recomputed: Content {
        var incidents: Int
        var cells: Int
        var revision: Int
        var milliseconds: Int
    }

    func recompute(req: Request) async throws -> Recomputed {
        try req.requireInstallationAdmin()
        return try await Self.recompute(req.application, actor: req.actor)
    }

    /// Rebuilds every cell from the incidents, then proposes alerts for this week's crossings.
    static func recompute(_ app: Application, actor: String) async throws -> Recomputed {
        let started = Date()
        let snap = try await app.risk.current(app.sql)
        let result = try await app.write { tx in
            let sql = tx
            let r = try await RiskStore(sql: sql).recompute(weights: snap.weights, settings: snap.settings.risk)
            try await AuditStore(sql: sql).append(
                actor: actor, action: "recompute", recordType: "risk", recordID: "all", content: [r.incidents, r.cube.cellCount])
            return Recomputed(incidents: r.incidents, cells: r.cube.cellCount, revision: r.revision, milliseconds: 0)
        }
        await app.risk.invalidate()
        let fresh = try await app.risk.current(app.sql)
        let week = Period.week(containing: CivilDate.parse(Timestamp.now())!)
        try await RiskUpdater(app: app).propose(areas: fresh.candidates(week), weeks: [week], snapshot: fresh)
        var out = result
        out.milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        return out
    }

    func settings(req: Request) async throws -> ResponseSettings {
        try req.requireSignedIn()
        return try await SettingsStore(sql: req.sql).load()
    }

    /// Weights and thresholds change scores already counted, so a change recomputes the cells.
    func saveSettings(req: Request) async throws -> ResponseSettings {
        try await Self.save(try req.input(ResponseSettings.self), req: req)
        return try await SettingsStore(sql: req.sql).load()
    }

    /// Stores the installation's settings and recomputes risk with them (the API and the admin page).
    static func save(_ s: ResponseSettings, req: Request) async throws {
        try req.requireInstallationAdmin()
        let actor = req.actor
        try await req.write { tx in
            let sql = tx
            try await SettingsStore(sql: sql).save(s, actor: actor)
            _ = try await RiskStore(sql: sql).bump()
        }
        _ = try await Self.recompute(req.application, actor: actor)
    }
}

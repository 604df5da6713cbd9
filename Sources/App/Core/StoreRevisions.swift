import SQLKit
import Vapor

/// The store's revision counters. Each in-memory structure (body tree, risk, gazetteer) remembers the
/// counters it was built at and is rebuilt when they move, so several processes on one database stay
/// right without talking to each other. Read in one query.
struct StoreRevisions: Sendable, Equatable {
    var geo = 0, body = 0, risk = 0
    /// Moved by triggers on incidents, their indicators, the reports linked to them and record grants (migration 032).
    var incident = 0
    /// Moved by triggers on bodies and what a body's record shows, and on forecasts and their models (migration 033).
    var directory = 0, forecast = 0

    /// What the incident answers are read from: incidents and, for anonymous readers' public places, the areas. Both
    /// counters only grow, so their sum names one state of the two.
    var incidentAnswers: Int { incident + geo }

    static func read(_ sql: any SQLDatabase) async throws -> StoreRevisions {
        var r = StoreRevisions()
        let rows = try await sql.select().columns("key", "value").from("agora_meta")
            .where("key", .in, ["geo_revision", "body_revision", "risk_revision", "incident_revision", "directory_revision", "forecast_revision"])
            .all()
        for row in rows {
            let value = try row.decode(column: "value", as: Int.self)
            switch try row.decode(column: "key", as: String.self) {
            case "geo_revision": r.geo = value
            case "body_revision": r.body = value
            case "incident_revision": r.incident = value
            case "directory_revision": r.directory = value
            case "forecast_revision": r.forecast = value
            default: r.risk = value
            }
        }
        return r
    }
}

extension Request {
    /// The counters as this request sees them. A GET or HEAD reads them once (it writes none of them, and
    /// they were read up to three times per request: 3 of an area risk's 5 queries); any other request
    /// reads them whenever asked, since it may just have moved one. The caches treat this as a hint: a
    /// mismatch makes them read the counters again before rebuilding (see `RiskService.current`).
    func revisions() async throws -> StoreRevisions {
        guard method == .GET || method == .HEAD else { return try await .read(sql) }
        if let known = storage[RevisionsKey.self] { return known }
        let r = try await StoreRevisions.read(sql)
        storage[RevisionsKey.self] = r
        return r
    }

    /// The risk structure, checked against this request's revisions.
    func riskSnapshot() async throws -> RiskSnapshot {
        try await application.risk.current(sql, seen: try await revisions())
    }

    private struct RevisionsKey: StorageKey { typealias Value = StoreRevisions }
}

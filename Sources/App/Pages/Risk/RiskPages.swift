import AgoraCore
import Foundation
import Vapor

/// `/risk`: the situation-room view — a map of areas coloured by risk level, top movers this week,
/// spill-over across borders outlined; `/risk/{code}`: one area's score, drivers and trend.
/// `RiskDashboard+Model`/`+View` and `RiskArea+Model`/`+View` load and draw them.
enum RiskPages {
    static func register(_ app: Application) {
        app.get("risk", use: dashboard)
        app.get("risk", ":code", use: area)
    }

    struct Row: Sendable {
        var code, name: String
        var level: AreaLevel
        var score: RiskScore
        var last: Double
        /// The installation whose figure this is, when another's (a hub's received risk aggregates).
        var from: String? = nil
    }

    static func dashboard(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await dashboardModel(req, c)
        let drawn = !m.mapRows.filter { m.shapes[$0.code] != nil }.isEmpty
        let main = m.maps.cache.pages.value(dashboardKey(c, m)) { dashboardView(c, m).render() }
        return Layout.response(
            c, title: c.t("risk.title", m.period.label), scripts: TiledMap.scripts(req, drawn: drawn), styles: TiledMap.styles(req, drawn: drawn),
            .raw(main))
    }

    static func area(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await areaModel(req, c)
        return Layout.response(c, title: m.risk.name, areaView(c, m))
    }
}

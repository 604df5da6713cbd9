import AgoraCore
import Foundation
import Vapor

extension RiskPages {
    struct AreaModel: Sendable {
        var risk: RiskController.AreaRisk
        var snap: RiskSnapshot
        /// The area and its neighbours, with the shapes to draw them.
        var around: [String]
        var shapes: [String: AreaGeometry]
        var maps: Maps
        /// Indicator names in the reader's language.
        var indicatorNames: [String: String]
        /// This month's and this week's forecasts of the area, each with the window its model learnt from.
        var forecasts: [(forecast: StoredForecast, window: (from: String, to: String, rows: Int)?)]
    }

    static func areaModel(_ req: Request, _ c: PageContext) async throws -> AreaModel {
        let r = try await RiskController().area(req: req)
        let snap = try await req.riskSnapshot()
        let around = [r.area] + (snap.neighbours[r.area] ?? [])
        let store = ForecastStore(sql: req.sql)
        let today = CivilDate.parse(Timestamp.now())!
        var forecasts: [(forecast: StoredForecast, window: (from: String, to: String, rows: Int)?)] = []
        for kind in [Period.Kind.month, .week] {
            if let f = try await ForecastController.forecasts(req, horizon: kind, period: Period.containing(today, kind).label, areas: [r.area])[
                r.area]
            {
                forecasts.append((f, try await store.window(model: f.model)))
            }
        }
        let maps = try await req.maps()
        return AreaModel(
            risk: r, snap: snap, around: around, shapes: maps.shapes(of: around), maps: maps,
            indicatorNames: Dictionary(
                snap.framework.indicators.map { ($0.indicator.code, $0.indicator.names[c.lang.rawValue] ?? $0.indicator.name) },
                uniquingKeysWith: { x, _ in x }), forecasts: forecasts)
    }
}

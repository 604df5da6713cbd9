import AgoraCore
import Foundation
import SQLKit

/// The history a forecast learns from, and the models and forecasts it stores.
struct ForecastStore: Sendable {
    let sql: any SQLDatabase

    /// Every incident as the forecast sees it, read in pages (incidents, then their indicators).
    func events(weights: RiskWeights, pageSize: Int = 50_000) async throws -> [ForecastEvent] {
        var out: [ForecastEvent] = []
        var after = ""
        while true {
            let rows = try await IncidentStore.table.unscoped(sql, because: "a forecast counts every incident; it shows no record").columns(
                "id", "area_path", "occurred_on", "fatalities", "source_name"
            )
            .where("id", .greaterThan, after).orderBy("id").limit(pageSize).all()
            guard let last = rows.last else { break }
            let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
            var threat: [String: Double] = [:]
            var peace: [String: Double] = [:]
            for chunk in ids.chunked(5000) {
                for r in try await sql.select().columns("incident_id", "indicator_code").from("incident_indicators").where(
                    "incident_id", .in, Array(chunk)
                ).all() {
                    let id = try r.decode(column: "incident_id", as: String.self)
                    let code = try r.decode(column: "indicator_code", as: String.self)
                    threat[id, default: 0] += weights.threat[code] ?? 0
                    peace[id, default: 0] += weights.peace[code] ?? 0
                }
            }
            for (r, id) in zip(rows, ids) {
                guard let day = CivilDate.parse(try r.decode(column: "occurred_on", as: String.self)) else { continue }
                out.append(
                    ForecastEvent(
                        areaPath: RiskStore.path(try r.decode(column: "area_path", as: String.self)), day: day,
                        fatalities: try r.decode(column: "fatalities", as: Int.self), threat: threat[id] ?? 0, peace: peace[id] ?? 0,
                        reported: try r.decode(column: "source_name", as: String.self) == IncidentStore.reportedSource))
            }
            after = try last.decode(column: "id", as: String.self)
        }
        return out
    }
}

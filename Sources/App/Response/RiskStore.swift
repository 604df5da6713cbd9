import AgoraCore
import Foundation
import SQLKit

/// Risk cells in the store: kept current in the same transaction as each incident change, rebuilt
/// whole by `agora risk recompute`. The in-memory `RiskService` reads them back when another
/// process has changed them (the `risk_revision` counter tells).
struct RiskStore: Sendable {
    let sql: any SQLDatabase

    static func path(_ areaPath: String) -> [String] { areaPath.split(separator: "/").reversed().map(String.init) }

    /// The incidents as the risk model sees them, optionally only these ids.
    func events(ids: [String]? = nil) async throws -> [RiskEvent] {
        struct Row: Decodable {
            var id, areaPath, occurredOn: String
            var fatalities: Int
        }
        var indicators: [String: [String]] = [:]
        var rows: [Row] = []
        for chunk in (ids.map { $0.chunked(400).map(Array.init) } ?? [[]]) {
            var q = IncidentStore.table.unscoped(sql, because: "risk counts every incident; scores show no record").columns(
                "id", "area_path", "occurred_on", "fatalities")
            var iq = sql.select().columns("incident_id", "indicator_code").from("incident_indicators")
            if ids != nil {
                q = q.where("id", .in, chunk)
                iq = iq.where("incident_id", .in, chunk)
            }
            rows += try await q.all(decoding: Row.self, with: AreaStore.decoder)
            for row in try await iq.all() {
                indicators[try row.decode(column: "incident_id", as: String.self), default: []].append(
                    try row.decode(column: "indicator_code", as: String.self))
            }
        }
        return rows.compactMap { r in
            guard let day = CivilDate.parse(r.occurredOn) else { return nil }
            return RiskEvent(id: r.id, areaPath: Self.path(r.areaPath), day: day, fatalities: r.fatalities, indicators: indicators[r.id] ?? [])
        }
    }

    /// Adds the deltas to the stored cells (upsert-add; same SQL on both engines) and bumps the revision.
    @discardableResult
    func apply(_ deltas: [(RiskCube.Key, RiskCell)]) async throws -> Int {
        var merged: [RiskCube.Key: RiskCell] = [:]
        for (k, d) in deltas { merged[k] = (merged[k] ?? RiskCell()) + d }
        let rows = merged.sorted { ($0.key.area, $0.key.period.index) < ($1.key.area, $1.key.period.index) }
        for chunk in rows.chunked(200) {
            var insert = sql.insert(into: "risk_cells").columns(
                "area_code", "period_kind", "period_index", "incidents", "fatalities", "threat", "peace", "harm")
            for (k, c) in chunk {
                insert = insert.values(
                    SQLBind(k.area), SQLBind(k.period.kind.rawValue), SQLBind(k.period.index), SQLBind(c.incidents), SQLBind(c.fatalities),
                    SQLBind(c.threat), SQLBind(c.peace), SQLBind(c.harm))
            }
            try await insert.onConflict(with: ["area_code", "period_kind", "period_index"]) { u in
                ["incidents", "fatalities", "threat", "peace", "harm"].reduce(u) {
                    $0.set(SQLColumn($1), to: SQLRaw("risk_cells.\($1) + excluded.\($1)"))
                }
            }.run()
        }
        return try await bump()
    }

    func bump() async throws -> Int {
        let row = try await sql.raw("UPDATE agora_meta SET value = value + 1 WHERE key = 'risk_revision' RETURNING value").first()
        return try row?.decode(column: "value", as: Int.self) ?? 0
    }

    func load() async throws -> RiskCube {
        var cells: [RiskCube.Key: RiskCell] = [:]
        for row in try await sql.select().columns("area_code", "period_kind", "period_index", "incidents", "fatalities", "threat", "peace", "harm")
            .from("risk_cells").all()
        {
            guard let area = try? row.decode(column: "area_code", as: String.self),
                let kind = try? Period.Kind(rawValue: row.decode(column: "period_kind", as: String.self)),
                let idx = try? row.decode(column: "period_index", as: Int.self)
            else { continue }
            cells[RiskCube.Key(area: area, period: Period(kind, idx))] = RiskCell(
                incidents: (try? row.decode(column: "incidents", as: Int.self)) ?? 0,
                fatalities: (try? row.decode(column: "fatalities", as: Int.self)) ?? 0,
                threat: (try? row.decode(column: "threat", as: Double.self)) ?? 0, peace: (try? row.decode(column: "peace", as: Double.self)) ?? 0,
                harm: (try? row.decode(column: "harm", as: Double.self)) ?? 0)
        }
        return RiskCube(cells: cells)
    }

    /// Every incident as columns, read in pages (two queries per page: incidents, then their indicators).
    func table(pageSize: Int = 50_000) async throws -> RiskEventTable {
        var t = RiskEventTable()
        try await pages(pageSize: pageSize) { rows, ids, inds in
            for (r, id) in zip(rows, ids) {
                guard let day = CivilDate.parse(try r.decode(column: "occurred_on", as: String.self)) else { continue }
                t.append(
                    pathText: try r.decode(column: "area_path", as: String.self), day: day,
                    fatalities: try r.decode(column: "fatalities", as: Int.self),
                    indicators: inds[id] ?? [])
            }
        }
        return t
    }

    /// Every incident, a page at a time in id order, with `id`, `area_path`, `occurred_on`, `fatalities` and the
    /// `extra` columns, and each page's indicators by incident. What the risk cube and the forecast read.
    func pages(
        pageSize: Int = 50_000, extra: [String] = [], _ body: ([any SQLRow], [String], [String: [String]]) throws -> Void
    ) async throws {
        var after = ""
        while true {
            let rows = try await IncidentStore.table.unscoped(sql, because: "risk and forecasts count every incident; they show no record")
                .columns(["id", "area_path", "occurred_on", "fatalities"] + extra)
                .where("id", .greaterThan, after).orderBy("id").limit(pageSize).all()
            guard let last = rows.last else { break }
            let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
            var inds: [String: [String]] = [:]
            for chunk in ids.chunked(5000) {
                for r in try await sql.select().columns("incident_id", "indicator_code").from("incident_indicators").where(
                    "incident_id", .in, Array(chunk)
                ).all() {
                    inds[try r.decode(column: "incident_id", as: String.self), default: []].append(
                        try r.decode(column: "indicator_code", as: String.self))
                }
            }
            try body(rows, ids, inds)
            after = try last.decode(column: "id", as: String.self)
        }
    }

    /// Rebuilds every cell from the incidents. Call inside a transaction.
    func recompute(weights: RiskWeights, settings: RiskSettings) async throws -> (cube: RiskCube, incidents: Int, revision: Int) {
        let table = try await table()
        let cube = RiskCube.build(table, weights, settings)
        try await sql.delete(from: "risk_cells").run()
        let revision = try await apply(cube.cells.map { ($0.key, $0.value) })
        return (cube, table.count, revision)
    }
}

extension RiskStore {
    /// The incidents of an area (and everything below it) in one period: what explains its score.
    /// `broad`: the area holds a large share of all incidents, so the period's days are the narrower range.
    func events(area: String, period: Period, broad: Bool = false) async throws -> [RiskEvent] {
        let ids = try await IncidentStore.table.unscoped(sql, because: "what explains a score; the caller scopes the events it shows").column("id")
            .where(AreaStore.under(try await AreaStore(sql: sql).pathText(area), column: SQLColumn("area_path"), sql: sql, indexed: !broad))
            .where("occurred_on", .greaterThanOrEqual, CivilDate.text(period.firstDay))
            .where("occurred_on", .lessThanOrEqual, CivilDate.text(period.lastDay) + "~")
            .limit(5000).all().map { try $0.decode(column: "id", as: String.self) }
        return ids.isEmpty ? [] : try await events(ids: ids)
    }
}

import AgoraCore
import FluentKit
import Foundation
import SQLKit

/// Turns an event-data file into incidents: each row mapped to an area by P-code, by admin names or by
/// coordinates; rows already imported (same source event id) skipped; all in one transaction, so a file is
/// applied whole or not at all.
struct EventImporter {
    struct Summary: Sendable {
        var layout: EventLayout
        var rows: Int
        var imported: Int
        var duplicates: Int
        var rejected: [ValidationIssue]
        /// How the imported rows found their area.
        var byPcode = 0, byName = 0, byPoint = 0, countryOnly = 0
        var resolvedBelowCountry: Double { imported == 0 ? 0 : Double(byPcode + byName + byPoint) / Double(imported) }
    }

    let body: String
    let classification: Classification
    let actor: String
    var progress: (@Sendable (Int, Int) -> Void)? = nil

    func run(_ data: Data, db: any Database, gazetteer: Gazetteer) async throws -> Summary {
        let file = try EventImport.parse(data)
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            guard try await BodyStore(sql: sql).refs([body])[body] != nil else { throw ValidationFailure(field: "--body", "unknown body code '\(body)'") }
            let areas = try await AreaIndex.load(sql)
            var summary = Summary(layout: file.layout, rows: file.rows, imported: 0, duplicates: 0, rejected: file.rejected)
            let ids = file.records.map(\.sourceEventID)
            var existing = Set<String>()
            for chunk in ids.chunked(5000) {
                for r in try await sql.select().column("source_event_id").from("incidents").where("source_event_id", .in, Array(chunk)).all() {
                    existing.insert(try r.decode(column: "source_event_id", as: String.self))
                }
            }
            var rows: [[any SQLExpression]] = []
            var indicatorRows: [(String, String)] = []
            var searchRows: [(id: String, text: String)] = []
            var riskEvents: [RiskEvent] = []
            let now = Timestamp.now()
            for (n, e) in file.records.enumerated() {
                if n % 500 == 0 { progress?(n, file.records.count) }
                if existing.contains(e.sourceEventID) { summary.duplicates += 1; continue }
                guard let (area, how) = areas.resolve(e, gazetteer: gazetteer) else {
                    summary.rejected.append(ValidationIssue(field: "line \(e.line)", message: "no area found: no known P-code, admin names '\(e.admin1 ?? "")'/'\(e.admin2 ?? "")' not found, and no stored shape contains the point"))
                    continue
                }
                switch how {
                case .pcode: summary.byPcode += 1
                case .name: summary.byName += 1
                case .point: summary.byPoint += 1
                case .country: summary.countryOnly += 1
                }
                let id = UUID().uuidString.lowercased()
                let actors = String(decoding: try JSONEncoder.sorted.encode(e.actors), as: UTF8.self)
                rows.append([SQLBind(id), SQLBind(body), SQLBind(classification.rawValue), SQLBind(e.eventType), SQLBind(e.eventType),
                             SQLBind(e.notes), SQLBind(e.day), SQLBind(e.timePrecision.rawValue), SQLBind(area), SQLBind(areas.pathText(area)),
                             SQLBind(e.lat), SQLBind(e.lon), SQLBind(e.geoPrecision?.rawValue), SQLBind(e.fatalities), SQLBind(actors),
                             SQLBind(e.sourceName), SQLBind(e.sourceEventID), SQLBind(1), SQLBind(now), SQLBind(now)])
                indicatorRows += e.indicators.map { (id, $0) }
                if let day = CivilDate.parse(e.day) {
                    riskEvents.append(RiskEvent(id: id, areaPath: areas.path(area), day: day, fatalities: e.fatalities, indicators: e.indicators))
                }
                searchRows.append((id, [e.eventType, e.notes, e.actors.joined(separator: " "), e.admin1 ?? "", e.admin2 ?? ""].joined(separator: " ")))
                summary.imported += 1
            }
            // As many rows per statement as SQLite's 32,766 bound values allow (20 columns each).
            for chunk in rows.chunked(1500) {
                var insert = sql.insert(into: "incidents").columns("id", "body_code", "classification", "title", "event_type", "description", "occurred_on",
                                                                   "time_precision", "area_code", "area_path", "lat", "lon", "geo_precision", "fatalities",
                                                                   "actors", "source_name", "source_event_id", "sources", "created_at", "updated_at")
                for r in chunk { insert = insert.values(r) }
                try await insert.run()
            }
            for chunk in indicatorRows.chunked(10_000) {
                var insert = sql.insert(into: "incident_indicators").columns("incident_id", "indicator_code")
                for (a, b) in chunk { insert = insert.values(SQLBind(a), SQLBind(b)) }
                try await insert.run()
            }
            try await SearchIndex(sql: sql).put("incident", searchRows, new: true)
            // Risk follows in the same transaction: the imported events count from the moment they exist.
            if !riskEvents.isEmpty {
                let weights = RiskWeights(try await FrameworkStore(sql: sql).active())
                let settings = try await SettingsStore(sql: sql).load().risk
                try await RiskStore(sql: sql).apply(riskEvents.flatMap { RiskCube.deltas($0, weights, settings) })
            }
            progress?(file.records.count, file.records.count)
            if summary.imported > 0 {
                try await AuditLog(sql: sql).append(actor: actor, action: "import", recordType: "incident", recordID: "\(summary.imported) incidents",
                                                    content: file.records.map(\.sourceEventID))
            }
            return summary
        }
    }
}

/// The area tree with names, for mapping event rows to areas.
struct AreaIndex: Sendable {
    enum How { case pcode, name, point, country }
    var nodes: [String: AreaNode]
    var country: [String: String]
    var names: [String: String] = [:]
    /// (country, level, normalised name) → code.
    var byName: [String: String]

    static func load(_ sql: any SQLDatabase) async throws -> AreaIndex {
        struct Row: Decodable { var code, name, level, countryCode: String; var parentCode: String? }
        let rows = try await sql.select().columns("code", "name", "level", "country_code", "parent_code").from("areas")
            .all(decoding: Row.self, with: AreaStore.decoder)
        var idx = AreaIndex(nodes: [:], country: [:], byName: [:])
        for r in rows {
            idx.names[r.code] = r.name
            idx.nodes[r.code] = AreaNode(level: AreaLevel(rawValue: r.level) ?? .community, parent: r.parentCode)
            idx.country[r.code] = r.countryCode
            idx.byName["\(r.countryCode)|\(r.level)|\(EventImport.normalise(r.name))"] = r.code
            if let p = r.parentCode { idx.byName["\(p)|\(EventImport.normalise(r.name))"] = r.code }
        }
        return idx
    }

    func path(_ code: String) -> [String] {
        var out = [code]
        while let p = nodes[out.last!]?.parent, !out.contains(p), out.count < 16 { out.append(p) }
        return out
    }

    /// The area of this level on the way up from `code` (itself included), if any.
    func ancestor(_ code: String, at level: AreaLevel) -> String? {
        path(code).first { nodes[$0]?.level == level }
    }

    func pathText(_ code: String) -> String { "/" + path(code).reversed().joined(separator: "/") + "/" }

    func resolve(_ e: EventRecord, gazetteer: Gazetteer) -> (String, How)? {
        if let p = e.pcode, nodes[p] != nil { return (p, .pcode) }
        let c = e.country ?? ""
        var named: String?
        if let a1 = e.admin1, let code = byName["\(c)|admin1|\(EventImport.normalise(a1))"] {
            named = code
            if let a2 = e.admin2, let deeper = byName["\(code)|\(EventImport.normalise(a2))"] { named = deeper }
        }
        // A point may place the event deeper than its names do, inside the same area — unless the names
        // already reach the deepest level any shape has (then the lookup can only agree).
        let deeperShapes = named.map { n in (nodes[n]?.level).map { l in (gazetteer.deepestLevel ?? .country) > l } ?? true } ?? true
        if deeperShapes, let lat = e.lat, let lon = e.lon {
            let hits = gazetteer.areas(containing: GeoPoint(lat: lat, lon: lon)).filter { c.isEmpty || country[$0.code] == c }
            if let deepest = hits.first, deepest.level != .country {
                if named == nil { return (deepest.code, .point) }
                if path(deepest.code).contains(named!) { return (deepest.code, .name) }
            }
        }
        if let named { return (named, .name) }
        if !c.isEmpty, nodes[c] != nil { return (c, .country) }
        return nil
    }
}

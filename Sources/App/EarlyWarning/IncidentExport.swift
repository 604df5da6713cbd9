import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Incidents out, in the field's formats: CSV, HXL-tagged CSV (re-importable), GeoJSON (RFC 7946).
/// Only what the caller may see, coarsened for anonymous callers like every other answer; each export audited.
struct IncidentExport {
    func register(_ api: any RoutesBuilder) {
        api.get("incidents", "export.csv", use: csv)
        api.get("incidents", "export.hxl.csv", use: hxl)
        api.get("incidents", "export.geojson", use: geojson)
    }

    /// Every visible incident matching the filters, through the same scope and views as the list.
    static func rows(_ req: Request, format: String) async throws -> [IncidentView] {
        let scope = try await req.scope()
        let store = IncidentStore(sql: req.sql)
        var out: [IncidentView] = []
        let rows = try await store.all(scope, try await ReportController.filter(req))
        for chunk in rows.chunked(2000) { out += try await store.views(Array(chunk), scope: scope) }
        let actor = req.actor
        let ids = out.map(\.id)
        try await req.db.transaction { tx in
            try await AuditLog(sql: tx as! any SQLDatabase).append(actor: actor, action: "export", recordType: "incident",
                                                                   recordID: "\(ids.count) incidents as \(format)", content: ids)
        }
        return out
    }

    static let columns = ["event_id", "date", "title", "event_type", "country", "admin1_pcode", "admin1", "admin2_pcode", "admin2", "area",
                          "latitude", "longitude", "geo_precision", "fatalities", "injured", "displaced", "indicators", "sources", "source",
                          "classification", "body"]
    static let tags = ["#event+id", "#date", "#event+name", "#event+type", "#country+code", "#adm1+code", "#adm1+name", "#adm2+code",
                       "#adm2+name", "#loc+code", "#geo+lat", "#geo+lon", "#geo+precision", "#affected+killed", "#affected+injured",
                       "#affected+displaced", "#indicator+code", "#meta+sources", "#meta+source", "#meta+classification", "#org+code"]

    static func fields(_ i: IncidentView, _ areas: AreaIndex) -> [String] {
        let a = i.area ?? ""
        let a1 = areas.ancestor(a, at: .admin1), a2 = areas.ancestor(a, at: .admin2)
        return [i.sourceEventID ?? "agora:\(i.id)", i.occurredOn, i.title, i.eventType ?? "", areas.country[a] ?? "", a1 ?? "",
         a1.flatMap { areas.names[$0] } ?? "", a2 ?? "", a2.flatMap { areas.names[$0] } ?? "", a, i.lat.map { String($0) } ?? "",
         i.lon.map { String($0) } ?? "", i.geoPrecision.map(String.init) ?? "", String(i.harm.fatalities ?? 0), String(i.harm.injured ?? 0),
         String(i.harm.displaced ?? 0), i.indicators.joined(separator: " "), String(i.sources), i.sourceName, i.classification, i.body]
    }

    static func text(_ rows: [IncidentView], hxl: Bool, areas: AreaIndex) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        if hxl { out += tags.joined(separator: ",") + "\r\n" }
        for r in rows { out += fields(r, areas).map(DocumentController.csvField).joined(separator: ",") + "\r\n" }
        return out
    }

    static func file(_ body: String, type: HTTPMediaType, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    func csv(req: Request) async throws -> Response {
        Self.file(Self.text(try await Self.rows(req, format: "csv"), hxl: false, areas: try await AreaIndex.load(req.sql)), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: "incidents.csv")
    }

    func hxl(req: Request) async throws -> Response {
        Self.file(Self.text(try await Self.rows(req, format: "hxl"), hxl: true, areas: try await AreaIndex.load(req.sql)), type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), name: "incidents.hxl.csv")
    }

    /// Written as text rather than through JSONSerialization, which took most of a minute for
    /// 100,000 features (dictionaries bridged one by one); the properties are the CSV's columns.
    func geojson(req: Request) async throws -> Response {
        let rows = try await Self.rows(req, format: "geojson")
        let areas = try await AreaIndex.load(req.sql)
        var out = "{\"type\":\"FeatureCollection\",\"features\":["
        out.reserveCapacity(rows.count * 600)
        for (n, r) in rows.enumerated() {
            if n > 0 { out += "," }
            out += "{\"type\":\"Feature\",\"id\":" + Self.json(r.sourceEventID ?? r.id) + ",\"geometry\":"
            if let lat = r.lat, let lon = r.lon { out += "{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}" } else { out += "null" }
            out += ",\"properties\":{"
            var first = true
            for (k, v) in zip(Self.columns, Self.fields(r, areas)) where k != "latitude" && k != "longitude" && k != "fatalities" {
                out += (first ? "" : ",") + Self.json(k) + ":" + Self.json(v)
                first = false
            }
            out += ",\"fatalities\":\(r.harm.fatalities ?? 0)}}"
        }
        out += "]}"
        return Self.file(out, type: HTTPMediaType(type: "application", subType: "geo+json"), name: "incidents.geojson")
    }

    static func json(_ s: String) -> String { JSONText.string(s) }
}

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

    static let columns = [
        "event_id", "date", "title", "event_type", "country", "admin1_pcode", "admin1", "admin2_pcode", "admin2", "area",
        "latitude", "longitude", "geo_precision", "fatalities", "injured", "displaced", "indicators", "sources", "source",
        "classification", "body",
    ]
    static let tags = [
        "#event+id", "#date", "#event+name", "#event+type", "#country+code", "#adm1+code", "#adm1+name", "#adm2+code",
        "#adm2+name", "#loc+code", "#geo+lat", "#geo+lon", "#geo+precision", "#affected+killed", "#affected+injured",
        "#affected+displaced", "#indicator+code", "#meta+sources", "#meta+source", "#meta+classification", "#org+code",
    ]

    static func fields(_ i: IncidentView, _ areas: AreaIndex) -> [String] {
        let a = i.area ?? ""
        let a1 = areas.ancestor(a, at: .admin1)
        let a2 = areas.ancestor(a, at: .admin2)
        return [
            i.sourceEventID ?? "agora:\(i.id)", i.occurredOn, i.title, i.eventType ?? "", areas.country[a] ?? "", a1 ?? "",
            a1.flatMap { areas.names[$0] } ?? "", a2 ?? "", a2.flatMap { areas.names[$0] } ?? "", a, i.lat.map { String($0) } ?? "",
            i.lon.map { String($0) } ?? "", i.geoPrecision.map(String.init) ?? "", String(i.harm.fatalities ?? 0), String(i.harm.injured ?? 0),
            String(i.harm.displaced ?? 0), i.indicators.joined(separator: " "), String(i.sources), i.sourceName, i.classification.rawValue, i.body,
        ]
    }

    /// The CSV header: column names, and HXL hashtags under them for the HXL flavour.
    static func csvHead(hxl: Bool) -> String {
        columns.joined(separator: ",") + "\r\n" + (hxl ? tags.joined(separator: ",") + "\r\n" : "")
    }

    static func csvLine(_ r: IncidentView, _ areas: AreaIndex) -> String {
        fields(r, areas).map(DocumentController.csvField).joined(separator: ",") + "\r\n"
    }

    static let csvType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])

    func csv(req: Request) async throws -> Response {
        try await Self.stream(req, format: "csv", type: Self.csvType, name: "incidents.csv", head: Self.csvHead(hxl: false), item: Self.csvLine)
    }

    func hxl(req: Request) async throws -> Response {
        try await Self.stream(req, format: "hxl", type: Self.csvType, name: "incidents.hxl.csv", head: Self.csvHead(hxl: true), item: Self.csvLine)
    }

    func geojson(req: Request) async throws -> Response {
        try await Self.stream(
            req, format: "geojson", type: HTTPMediaType(type: "application", subType: "geo+json"), name: "incidents.geojson",
            head: "{\"type\":\"FeatureCollection\",\"features\":[", separator: ",", tail: "]}", item: Self.feature)
    }

    /// Every visible incident matching the filters, through the same scope and views as the list, streamed
    /// page by page (2,000 incidents each, in date order): memory stays flat whatever the size of the export
    /// (a 100,000-feature GeoJSON built whole took the server from 244 to 427 MB). Written as text rather than
    /// through an encoder, which took most of a minute for 100,000 features. The audit entry names every
    /// incident handed over; it is written before the stream ends, so a complete file never leaves without
    /// it, and also when the transfer breaks off, for what was sent.
    static func stream(
        _ req: Request, format: String, type: HTTPMediaType, name: String, head: String, separator: String = "",
        tail: String = "", item: @escaping @Sendable (IncidentView, AreaIndex) -> String
    ) async throws -> Response {
        let scope = try await req.scope()
        let filter = try await ReportController.filter(req)
        let app = req.application
        let store = IncidentStore(sql: req.sql)
        let areas = try await AreaIndex.load(req.sql)
        let actor = req.actor
        let firstPage = try await store.page(scope, filter, after: nil, limit: Self.pageSize)  // a bad filter is still a 4xx
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        let body = Response.Body(managedAsyncStream: { writer in
            let store = IncidentStore(sql: app.sql)
            var sent: [String] = []
            do {
                // Never an empty write: under response compression it ends the deflate stream early (the client
                // gets no last chunk).
                if !head.isEmpty { try await writer.writeBuffer(ByteBuffer(string: head)) }
                var rows = firstPage
                while !rows.isEmpty {
                    let views = try await store.views(rows, scope: scope)
                    var text = ""
                    text.reserveCapacity(views.count * 600)
                    for v in views { text += (sent.isEmpty && text.isEmpty ? "" : separator) + item(v, areas) }
                    try await writer.writeBuffer(ByteBuffer(string: text))
                    sent += views.map(\.id)
                    guard rows.count == Self.pageSize, let last = rows.last else { break }
                    rows = try await store.page(scope, filter, after: (last.occurredOn, last.id), limit: Self.pageSize)
                }
                if !tail.isEmpty { try await writer.writeBuffer(ByteBuffer(string: tail)) }
                try await Self.audit(sent, format: format, actor: actor, app: app)
            } catch {
                try? await Self.audit(sent, format: format + " (broken off)", actor: actor, app: app)
                throw error
            }
        })
        return Response(status: .ok, headers: headers, body: body)
    }

    static let pageSize = 2_000

    static func audit(_ ids: [String], format: String, actor: String, app: Application) async throws {
        try await app.write { tx in
            try await AuditStore(sql: tx).append(
                actor: actor, action: "export", recordType: "incident",
                recordID: "\(ids.count) incidents as \(format)", content: ids)
        }
    }

    /// One GeoJSON feature; the properties are the CSV's columns.
    static func feature(_ r: IncidentView, _ areas: AreaIndex) -> String {
        var out = "{\"type\":\"Feature\",\"id\":" + JSONText.string(r.sourceEventID ?? r.id) + ",\"geometry\":"
        if let lat = r.lat, let lon = r.lon { out += "{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}" } else { out += "null" }
        out += ",\"properties\":{"
        var first = true
        for (k, v) in zip(columns, fields(r, areas)) where k != "latitude" && k != "longitude" && k != "fatalities" {
            out += (first ? "" : ",") + JSONText.string(k) + ":" + JSONText.string(v)
            first = false
        }
        return out + ",\"fatalities\":\(r.harm.fatalities ?? 0)}}"
    }

}

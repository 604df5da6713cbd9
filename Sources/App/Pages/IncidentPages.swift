import AgoraCore
import Foundation
import Plot
import Vapor

/// `/incidents`: the incidents a person may see, filtered by place, dates, indicator and words, on a map of
/// clustered points and in a table, with the same filters exported as CSV, HXL or GeoJSON (the API's exports,
/// audited as such). The filter form is a GET form: a filtered view is a link an analyst can send.
enum IncidentPages {
    static func register(_ app: Application) {
        app.get("incidents", use: list)
    }

    static func list(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let t = c.t
        let page = try await ReportController().incidents(req: req)
        let names = try await HomePage.areaNames(req)
        // The map: the newest 500 that match, clustered over the countries they are in; on the first page only (the
        // next pages are for reading the list, and would read the same 500 again).
        let scope = try await req.scope()
        let store = IncidentStore(sql: req.sql)
        let filter = try await ReportController.filter(req)
        let firstPage = (try? req.query.get(String.self, at: "after")) == nil
        let located =
            firstPage
            ? try await store.views(try await store.list(scope, filter, page: PageRequest(limit: PageRequest.maxLimit)), scope: scope) : []
        let points = located.compactMap { i in i.lat.flatMap { lat in i.lon.map { GeoPoint(lat: lat, lon: $0) } } }
        let snap = try await req.riskSnapshot()
        let countries = Set(located.compactMap { $0.area.flatMap { snap.path($0).first } })
        let shapes = try await AreaStore(sql: req.sql).shapes(of: Array(countries))
        let clusters = Clusters.grid(points)
        let biggest = Double(clusters.first?.count ?? 1)
        let areas = shapes.map {
            SVG.MapArea(code: $0.key, name: names[$0.key] ?? $0.key, geometry: $0.value, fill: "#e0e0e0", href: nil, label: names[$0.key] ?? $0.key)
        }
        let pins = clusters.map { cl in
            SVG.Pin(
                point: cl.center, radius: 5 + 13 * (Double(cl.count) / biggest).squareRoot(), label: t("incidents.here", t.number(cl.count)),
                count: cl.count)
        }
        let drawn = !points.isEmpty && !shapes.isEmpty
        // Drawn by the server (works offline, without script); over tiles with Leaflet when a tile server is set.
        let map: Node<HTML.BodyContext> =
            drawn
            ? .group(
                .raw(SVG.map(areas, title: t("incidents.map", t.number(points.count)), width: 800, pins: pins)), TiledMap.node(req, areas, pins: pins)
            )
            : .empty
        let q = FilterForm.query(req, FilterForm.Kind.reports.keys)
        let exports = FilterForm.exports(
            c,
            [
                ("CSV", SiteURL.incidentExport(file: "export.csv", query: q)), ("HXL", .incidentExport(file: "export.hxl.csv", query: q)),
                ("GeoJSON", .incidentExport(file: "export.geojson", query: q)),
            ])
        let table: Node<HTML.BodyContext> = .if(
            page.items.isEmpty, .p(.class("muted"), .text(t("incidents.none"))),
            else: .table(
                .class("stack"),
                .tr(
                    .class("head"), .th(.text(t("report.when"))), .th(.text(t("report.where"))), .th(.text(t("report.what"))),
                    .th(.text(t("risk.fatalities"))), .th(.text(t("report.source")))),
                .forEach(page.items) { i in
                    .tr(
                        .td(CasePages.label(t("report.when")), .text(t.date(i.occurredOn))),
                        .td(CasePages.label(t("report.where")), .text(i.area.map { names[$0] ?? $0 } ?? "—")),
                        .td(
                            CasePages.label(t("report.what")), .a(.href(SiteURL.incident(i.id).path), .text(String(i.title.prefix(120)))),
                            .unwrap(i.description) { .span(.class("muted"), .text(" — " + String($0.prefix(140)))) }),
                        .td(CasePages.label(t("risk.fatalities")), .text(t.number(i.harm.fatalities ?? 0))),
                        .td(CasePages.label(t("report.source")), .text(i.sourceName)))
                }))
        let next: Node<HTML.BodyContext> = .unwrap(page.nextCursor) { cursor in
            var c = URLComponents()
            c.queryItems = [URLQueryItem(name: "after", value: cursor)]
            return .p(
                .a(.href(SiteURL.incidents.path + "?" + (q.isEmpty ? "" : q + "&") + (c.percentEncodedQuery ?? "")), .text(t("incidents.more"))))
        }
        let main: Node<HTML.BodyContext> = .group(
            try await FilterForm.node(
                req, c, action: .incidents, kind: .reports, sources: try await store.sources(scope).map { (value: $0, label: $0) }), exports, map,
            table, next)
        return Layout.response(
            c, title: t("incidents.title"), scripts: TiledMap.scripts(req, drawn: drawn), styles: TiledMap.styles(req, drawn: drawn), main)
    }
}

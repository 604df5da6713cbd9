import AgoraCore
import Foundation
import Plot

extension IncidentPages {
    static func listView(_ c: PageContext, _ m: ListModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let q = m.query
        let exports = FilterForm.exports(
            c,
            [
                ("CSV", SiteURL.incidentExport(file: "export.csv", query: q)), ("HXL", .incidentExport(file: "export.hxl.csv", query: q)),
                ("GeoJSON", .incidentExport(file: "export.geojson", query: q)),
            ])
        let table: Node<HTML.BodyContext> = .if(
            m.page.items.isEmpty, .p(.class("muted"), .text(t("incidents.none"))),
            else: .table(
                .class("stack"),
                .tr(
                    .class("head"), .th(.text(t("report.when"))), .th(.text(t("report.where"))), .th(.text(t("report.what"))),
                    .th(.text(t("risk.fatalities"))), .th(.text(t("report.source")))),
                .forEach(m.page.items) { i in
                    .tr(
                        .td(CasePages.label(t("report.when")), .text(t.date(i.occurredOn))),
                        .td(CasePages.label(t("report.where")), .text(i.area.map { m.names[$0] ?? $0 } ?? "—")),
                        .td(
                            CasePages.label(t("report.what")), .a(.href(SiteURL.incident(i.id).path), .text(String(i.title.prefix(120)))),
                            .unwrap(i.description) { .span(.class("muted"), .text(" — " + String($0.prefix(140)))) }),
                        .td(CasePages.label(t("risk.fatalities")), .text(t.number(i.harm.fatalities ?? 0))),
                        .td(CasePages.label(t("report.source")), .text(i.sourceName)))
                }))
        let next: Node<HTML.BodyContext> = .unwrap(m.page.nextCursor) { cursor in
            var after = URLComponents()
            after.queryItems = [URLQueryItem(name: "after", value: cursor)]
            return .p(
                .a(.href(SiteURL.incidents.path + "?" + (q.isEmpty ? "" : q + "&") + (after.percentEncodedQuery ?? "")), .text(t("incidents.more"))))
        }
        return .group(FilterForm.view(c, m.filters, action: .incidents), exports, mapView(c, m), table, next)
    }

    /// Drawn by the server (works offline, without script); over tiles with Leaflet when a tile server is set.
    static func mapView(_ c: PageContext, _ m: ListModel) -> Node<HTML.BodyContext> {
        guard let map = m.map else { return .empty }
        let t = c.t
        let areas = map.shapes.map {
            SVG.MapArea(
                code: $0.code, name: m.names[$0.code] ?? $0.code, geometry: $0.geometry, fill: "#e0e0e0", href: nil,
                label: m.names[$0.code] ?? $0.code)
        }
        let biggest = Double(map.clusters.first?.count ?? 1)
        let pins = map.clusters.map { cl in
            SVG.Pin(
                point: cl.center, radius: 5 + 13 * (Double(cl.count) / biggest).squareRoot(), label: t("incidents.here", t.number(cl.count)),
                count: cl.count)
        }
        return .group(
            .raw(map.maps.draw(areas, title: t("incidents.map", t.number(map.points)), width: 800, pins: pins)),
            TiledMap.node(tiles: m.tiles, areas, pins: pins))
    }
}

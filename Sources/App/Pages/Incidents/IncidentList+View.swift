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
                .forEach(m.page.items) { row(c, $0, place: $0.area.map { m.names[$0] ?? $0 } ?? "—") }))
        let next: Node<HTML.BodyContext> = .unwrap(m.page.nextCursor) { cursor in
            var after = URLComponents()
            after.queryItems = [URLQueryItem(name: "after", value: cursor)]
            return .p(
                .a(.href(SiteURL.incidents.path + "?" + (q.isEmpty ? "" : q + "&") + (after.percentEncodedQuery ?? "")), .text(t("incidents.more"))))
        }
        return .group(FilterForm.view(c, m.filters, action: .incidents), exports, mapView(c, m), table, next)
    }

    /// A row of the table, drawn once for what it shows and then served from memory: building and rendering the rows'
    /// nodes was a fifth of the page's CPU (perf, release). The key holds everything drawn, so an edited incident, a
    /// renamed place or another language is another key; the values are escaped when first drawn.
    static func row(_ c: PageContext, _ i: IncidentView, place: String) -> Node<HTML.TableContext> {
        let t = c.t
        let title = String(i.title.prefix(120))
        let description = i.description.map { " — " + String($0.prefix(140)) }
        var key = RenderCache.Key("incident-row")
        for part in [c.lang.rawValue, i.id, i.occurredOn, place, title, description ?? "\u{0}", "\(i.harm.fatalities ?? 0)", i.sourceName] {
            key.add(part)
        }
        return .raw(
            rows.value(key.finalize()) {
                Node<HTML.TableContext>.tr(
                    .td(CasePages.label(t("report.when")), .text(t.date(i.occurredOn))),
                    .td(CasePages.label(t("report.where")), .text(place)),
                    .td(
                        CasePages.label(t("report.what")), .a(.href(SiteURL.incident(i.id).path), .text(title)),
                        .unwrap(description) { .span(.class("muted"), .text($0)) }),
                    .td(CasePages.label(t("risk.fatalities")), .text(t.number(i.harm.fatalities ?? 0))),
                    .td(CasePages.label(t("report.source")), .text(i.sourceName))
                ).render()
            })
    }

    /// About 15,000 rows (~600 bytes each): the pages analysts page through, in their languages.
    static let rows = RenderCache(budget: 8 << 20)

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

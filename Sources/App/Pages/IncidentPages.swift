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

    /// The query the filters make, for links (next page, exports) that keep them.
    static let filterKeys = ["area", "from", "to", "indicator", "sector", "q", "status"]

    static func query(_ req: Request, dropping: Set<String> = []) -> String {
        var c = URLComponents()
        c.queryItems = filterKeys.filter { !dropping.contains($0) }.compactMap { k in
            (try? req.query.get(String.self, at: k)).flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) }
        }
        return c.percentEncodedQuery ?? ""
    }

    static func list(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let t = c.t
        let page = try await ReportController().incidents(req: req)
        let names = try await HomePage.areaNames(req)
        // The map: the newest 500 that match, clustered over the countries they are in.
        let scope = try await req.scope()
        let store = IncidentStore(sql: req.sql)
        let filter = try await ReportController.filter(req)
        let located = try await store.views(try await store.list(scope, filter, page: PageRequest(limit: PageRequest.maxLimit)), scope: scope)
        let points = located.compactMap { i in i.lat.flatMap { lat in i.lon.map { GeoPoint(lat: lat, lon: $0) } } }
        let snap = try await req.riskSnapshot()
        let countries = Set(located.compactMap { $0.area.flatMap { snap.path($0).first } })
        let shapes = try await AreaStore(sql: req.sql).shapes(of: Array(countries))
        let clusters = Clusters.grid(points)
        let biggest = Double(clusters.first?.count ?? 1)
        let map: Node<HTML.BodyContext> =
            points.isEmpty || shapes.isEmpty
            ? .empty
            : .raw(
                SVG.map(
                    shapes.map {
                        SVG.MapArea(
                            code: $0.key, name: names[$0.key] ?? $0.key, geometry: $0.value, fill: "#e0e0e0", href: nil,
                            label: names[$0.key] ?? $0.key)
                    },
                    title: t("incidents.map", t.number(points.count)), width: 800,
                    pins: clusters.map { cl in
                        SVG.Pin(
                            point: cl.center, radius: 5 + 13 * (Double(cl.count) / biggest).squareRoot(),
                            label: t("incidents.here", t.number(cl.count)),
                            count: cl.count)
                    }))
        let q = query(req)
        let exports: Node<HTML.BodyContext> = .p(
            .class("exports"), .text(t("incidents.export") + " "),
            .forEach([("export.csv", "CSV"), ("export.hxl.csv", "HXL"), ("export.geojson", "GeoJSON")]) { file, name in
                .group(.a(.class("button secondary"), .href(SiteURL.incidentExport(file: file, query: q).path), .text(name)), .text(" "))
            })
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
            try await FilterForm.node(req, c, action: .incidents), exports, map, table, next)
        return Layout.response(c, title: t("incidents.title"), main)
    }
}

/// The filters of the analyst's lists, as a GET form: place (countries and first-level areas, searchable), dates,
/// indicator and words. What it sends is what the API reads (`ReportController.filter`).
enum FilterForm {
    static func node(_ req: Request, _ c: PageContext, action: SiteURL, alerts: Bool = false) async throws -> Node<HTML.BodyContext> {
        let t = c.t
        func v(_ k: String) -> String { (try? req.query.get(String.self, at: k)) ?? "" }
        let snap = try await req.riskSnapshot()
        let places = snap.areas.filter { $0.value.level <= .admin1 }.map { (code: $0.key, name: $0.value.name, level: $0.value.level) }
            .sorted { ($0.level, $0.name) < ($1.level, $1.name) }
        let framework = try await FrameworkStore(sql: req.sql).active()
        let state: Node<HTML.FormContext> = .select(
            .id("f-state"), .attribute(named: "name", value: "state"), .option(.value(""), .label(t("filter.anyState"))),
            .forEach(AlertState.allCases) { s in .option(.value(s.rawValue), .label(t("state." + s.rawValue)), .isSelected(v("state") == s.rawValue))
            })
        let place: Node<HTML.FormContext> = .select(
            .id("f-area"), .attribute(named: "name", value: "area"), .attribute(named: "data-search", value: t("report.searchPlace")),
            .option(.value(""), .label(t("filter.anywhere"))),
            .forEach(places) { p in .option(.value(p.code), .label(p.name), .isSelected(v("area") == p.code)) })
        let indicator: Node<HTML.FormContext> = .select(
            .id("f-indicator"), .attribute(named: "name", value: "indicator"), .option(.value(""), .label(t("filter.anyIndicator"))),
            .forEach(framework.indicators) { i in
                .option(
                    .value(i.indicator.code), .label(i.indicator.names[c.lang.rawValue] ?? i.indicator.name),
                    .isSelected(v("indicator") == i.indicator.code))
            })
        return .form(
            .method(.get), .action(action.path), .class("filters"),
            .div(.label(.for("f-q"), .text(t("filter.words"))), .input(.type(.search), .id("f-q"), .name("q"), .value(v("q")))),
            .div(.label(.for("f-area"), .text(t("filter.place"))), place),
            .if(
                alerts, .div(.label(.for("f-state"), .text(t("alert.state"))), state),
                else: .group(
                    .div(.label(.for("f-from"), .text(t("filter.from"))), .input(.type(.date), .id("f-from"), .name("from"), .value(v("from")))),
                    .div(.label(.for("f-to"), .text(t("filter.to"))), .input(.type(.date), .id("f-to"), .name("to"), .value(v("to")))),
                    .div(.label(.for("f-indicator"), .text(t("filter.indicator"))), indicator))),
            .div(.button(.type(.submit), .text(t("filter.apply"))), .text(" "), .a(.href(action.path), .text(t("filter.clear")))))
    }
}

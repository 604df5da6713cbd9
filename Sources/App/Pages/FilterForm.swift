import AgoraCore
import Foundation
import Plot
import Vapor

/// The filters of the analyst's lists, as a GET form: a filtered view is a link an analyst can send. What it sends
/// is what the API reads (`ReportController.filter`, `AlertController.filter`, `CaseController.filter`), and the
/// export buttons beside it carry the same query to the API's exports, audited there.
enum FilterForm {
    enum Kind {
        /// The review queue and the incidents: words, place, dates, indicator.
        case reports
        /// Words, place, state.
        case alerts
        /// Place, body, severity, opened between, overdue only.
        case cases

        var keys: [String] {
            switch self {
            case .reports: ["area", "from", "to", "indicator", "sector", "q", "status", "source", "classification"]
            case .alerts: ["q", "area", "state", "body"]
            case .cases: ["area", "body", "severity", "overdue", "from", "to", "status"]
            }
        }
    }

    /// The query the filters make, for links (next page, exports) that keep them.
    static func query(_ req: Request, _ keys: [String], adding extra: [URLQueryItem] = []) -> String {
        var c = URLComponents()
        c.queryItems =
            extra
            + keys.compactMap { k in (try? req.query.get(String.self, at: k)).flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) } }
        return c.percentEncodedQuery ?? ""
    }

    /// "Export what is shown:" and a button per format.
    static func exports(_ c: PageContext, _ formats: [(name: String, url: SiteURL)]) -> Node<HTML.BodyContext> {
        .p(
            .class("exports"), .text(c.t("incidents.export") + " "),
            .forEach(formats) { f in .group(.a(.class("button secondary"), .href(f.url.path), .text(f.name)), .text(" ")) })
    }

    /// `sources`: the values of the source filter and their labels (report source kinds, incident sources).
    static func node(
        _ req: Request, _ c: PageContext, action: SiteURL, kind: Kind, bodies: [String] = [], sources: [(value: String, label: String)] = []
    ) async throws -> Node<
        HTML.BodyContext
    > {
        let t = c.t
        func v(_ k: String) -> String { (try? req.query.get(String.self, at: k)) ?? "" }
        let snap = try await req.riskSnapshot()
        let places = snap.areas.filter { $0.value.level <= .admin1 }.map { (code: $0.key, name: $0.value.name, level: $0.value.level) }
            .sorted { ($0.level, $0.name) < ($1.level, $1.name) }
        let place: Node<HTML.FormContext> = .div(
            .label(.for("f-area"), .text(t("filter.place"))),
            .select(
                .id("f-area"), .attribute(named: "name", value: "area"), .attribute(named: "data-search", value: t("report.searchPlace")),
                .option(.value(""), .label(t("filter.anywhere"))),
                .forEach(places) { p in .option(.value(p.code), .label(p.name), .isSelected(v("area") == p.code)) }))
        let words: Node<HTML.FormContext> = .div(
            .label(.for("f-q"), .text(t("filter.words"))), .input(.type(.search), .id("f-q"), .name("q"), .value(v("q"))))
        let dates: Node<HTML.FormContext> = .group(
            .div(.label(.for("f-from"), .text(t("filter.from"))), .input(.type(.date), .id("f-from"), .name("from"), .value(v("from")))),
            .div(.label(.for("f-to"), .text(t("filter.to"))), .input(.type(.date), .id("f-to"), .name("to"), .value(v("to")))))
        let fields: Node<HTML.FormContext>
        switch kind {
        case .reports:
            let framework = try await FrameworkStore(sql: req.sql).active()
            fields = .group(
                words, place, dates,
                .div(
                    .label(.for("f-indicator"), .text(t("filter.indicator"))),
                    .select(
                        .id("f-indicator"), .attribute(named: "name", value: "indicator"), .option(.value(""), .label(t("filter.anyIndicator"))),
                        .forEach(framework.indicators) { i in
                            .option(
                                .value(i.indicator.code), .label(i.indicator.names[c.lang.rawValue] ?? i.indicator.name),
                                .isSelected(v("indicator") == i.indicator.code))
                        })),
                .if(
                    !sources.isEmpty,
                    .div(
                        .label(.for("f-source"), .text(t("report.source"))),
                        .select(
                            .id("f-source"), .attribute(named: "name", value: "source"), .option(.value(""), .label(t("filter.anySource"))),
                            .forEach(sources) { s in .option(.value(s.value), .label(s.label), .isSelected(v("source") == s.value)) }))),
                .div(
                    .label(.for("f-classification"), .text(t("filter.classification"))),
                    .select(
                        .id("f-classification"), .attribute(named: "name", value: "classification"),
                        .option(.value(""), .label(t("filter.anyClassification"))),
                        .forEach(Classification.allCases) { k in
                            .option(.value(k.rawValue), .label(t("class." + k.rawValue)), .isSelected(v("classification") == k.rawValue))
                        })))
        case .alerts:
            fields = .group(
                words, place,
                .div(
                    .label(.for("f-state"), .text(t("alert.state"))),
                    .select(
                        .id("f-state"), .attribute(named: "name", value: "state"), .option(.value(""), .label(t("filter.anyState"))),
                        .forEach(AlertState.allCases) { s in
                            .option(.value(s.rawValue), .label(t("state." + s.rawValue)), .isSelected(v("state") == s.rawValue))
                        })))
        case .cases:
            let known = try await PageNames.load(req, lang: c.lang)
            fields = .group(
                place,
                .div(
                    .label(.for("f-body"), .text(t("report.body"))),
                    .select(
                        .id("f-body"), .attribute(named: "name", value: "body"), .option(.value(""), .label(t("case.allBodies"))),
                        .forEach(bodies) { b in .option(.value(b), .label(known.body(b)), .isSelected(v("body") == b)) })),
                .div(
                    .label(.for("f-severity"), .text(t("alert.severity"))),
                    .select(
                        .id("f-severity"), .attribute(named: "name", value: "severity"), .option(.value(""), .label(t("filter.anySeverity"))),
                        .forEach(CAPSeverity.allCases) { s in
                            .option(.value(s.rawValue), .label(t("severity." + s.rawValue)), .isSelected(v("severity") == s.rawValue))
                        })),
                dates,
                .div(
                    .class("check"),
                    .input(.type(.checkbox), .id("f-overdue"), .name("overdue"), .value("1"), .checked(!v("overdue").isEmpty)),
                    .label(.for("f-overdue"), .text(t("filter.overdue")))))
        }
        return .form(
            .method(.get), .action(action.path), .class("filters"), fields,
            .div(.button(.type(.submit), .text(t("filter.apply"))), .text(" "), .a(.href(action.path), .text(t("filter.clear")))))
    }
}

import AgoraCore
import Foundation
import Plot
import Vapor

/// The analyst's workspace: the review queue, one report beside the reports it may duplicate, the
/// incident with its reports, map and audit trail, and the situation-report editor. The forms post
/// to the same code as the API (`ReportController`, `SituationReportController`).
enum AnalystPages {
    static func register(_ app: Application) {
        app.get("queue", use: queue)
        app.get("reports", ":id", use: report)
        app.post("reports", ":id", "review", use: review)
        app.get("incidents", ":id", use: incident)
        app.get("situation-reports", "new", use: sitrepForm)
        app.post("situation-reports", "new", use: sitrepCreate)
    }

    static func requireSignedIn(_ req: Request) -> Response? {
        req.viewer.personID == nil ? req.redirect(to: SiteURL.signIn.path) : nil
    }

    static func queue(req: Request) async throws -> Response {
        if let r = requireSignedIn(req) { return r }
        let c = try await PageContext.of(req)
        let page = try await ReportController().queue(req: req)
        let names = try await HomePage.areaNames(req)
        let known = try await PageNames.load(req, lang: c.lang)
        let t = c.t
        let body: Node<HTML.BodyContext> = .if(
            page.items.isEmpty, .p(.class("muted"), .text(t("home.queueEmpty"))),
            else: .table(
                .tr(
                    .th(.text(t("report.when"))), .th(.text(t("report.where"))), .th(.text(t("report.what"))), .th(.text(t("report.indicators"))),
                    .th(.text(t("report.body")))),
                .forEach(page.items) { r in
                    .tr(
                        .td(.text(t.date(r.occurredOn))), .td(.text(names[r.area] ?? r.area)),
                        .td(.a(.href(SiteURL.reportReview(r.id).path), .text(String((r.description ?? "—").prefix(100))))),
                        .td(known.indicatorsNode(r.indicators)), .td(known.bodyNode(r.body)))
                }))
        return Layout.response(
            c, title: t("queue.title"),
            .group(
                .p(.text(t("queue.intro"))),
                FilterForm.view(
                    c,
                    try await FilterForm.model(
                        req, lang: c.lang, kind: .reports,
                        sources: SourceKind.allCases.map { (value: $0.rawValue, label: t("sourceKind." + $0.rawValue)) }), action: .queue),
                FilterForm.exports(
                    c,
                    [
                        (
                            "CSV",
                            .listExport(
                                .reports,
                                query: FilterForm.query(
                                    req, FilterForm.Kind.reports.keys, adding: [URLQueryItem(name: "status", value: "unreviewed")]))
                        )
                    ]), body,
                .p(.a(.href(SiteURL.situationReportNew.path), .text(t("sitrep.new"))))))
    }

    static func reportBox(_ c: PageContext, _ r: ReportView, names: AreaNames, framework: IndicatorFramework, known: PageNames)
        -> Node<HTML.BodyContext>
    {
        let t = c.t
        let inds = Dictionary(
            framework.indicators.map { ($0.indicator.code, $0.indicator.names[c.lang.rawValue] ?? $0.indicator.name) },
            uniquingKeysWith: { a, _ in a })
        return .div(
            .class("card"),
            .p(.strong(.text(t.date(r.occurredOn))), .text(" · " + (names[r.area] ?? r.area) + " · " + t("status." + r.status.rawValue))),
            .p(.text(r.description ?? "—")),
            .ul(.forEach(r.indicators) { .li(.text("\($0) — \(inds[$0] ?? $0)")) }),
            .p(.text(t("report.harm", t.number(r.harm.fatalities ?? 0), t.number(r.harm.injured ?? 0), t.number(r.harm.displaced ?? 0)))),
            .p(
                .class("muted"), .text("\(t("report.source")): \(r.sourceKind) · "), known.bodyNode(r.body),
                .text(" · " + t("class." + r.classification.rawValue))))
    }

    /// The report's photos (each a link to itself at full size) and recordings, for those who may read the report.
    static func mediaNode(_ c: PageContext, _ media: [AttachmentView]) -> Node<HTML.BodyContext> {
        .if(
            !media.isEmpty,
            .section(
                .h2(.text(c.t("review.media"))),
                .div(
                    .class("media"),
                    .forEach(Array(media.enumerated())) { i, a in
                        let url = SiteURL.attachment(report: a.report, id: a.id).path
                        return a.kind == .photo
                            ? .a(
                                .href(url),
                                .img(
                                    .src(url), .alt(c.t("review.photo", c.t.number(i + 1))), .attribute(named: "loading", value: "lazy"),
                                    .attribute(named: "width", value: "320")))
                            : .audio(.controls(true), .attribute(named: "src", value: url), .attribute(named: "preload", value: "none"))
                    })))
    }

    static func report(req: Request) async throws -> Response {
        if let r = requireSignedIn(req) { return r }
        let c = try await PageContext.of(req)
        let t = c.t
        let r = try await ReportController().get(req: req)
        let names = try await HomePage.areaNames(req)
        let framework = try await FrameworkStore(sql: req.sql).active()
        let known = try await PageNames.load(req, lang: c.lang)
        let suggestions = try await ReportController().duplicates(req: req)
        var others: [ReportView] = []
        for s in suggestions.prefix(3) {
            let store = ReportStore(sql: req.sql)
            if let row = try await store.get(s.report, try await req.scope()) { others += try await store.views([row], scope: try await req.scope()) }
        }
        let canReview = r.status == .unreviewed && c.holds([.analyst, .coordinator])
        let forms: Node<HTML.BodyContext> = .if(
            canReview,
            .group(
                .h2(.text(t("review.decide"))),
                .form(
                    .method(.post), .action(SiteURL.reportAct(r.id).path), Layout.csrf(c), .input(.type(.hidden), .name("action"), .value("verify")),
                    .label(.for("title"), .text(t("review.title"))), .input(.type(.text), .id("title"), .name("title")),
                    .button(.type(.submit), .text(t("review.verify")))),
                .form(
                    .method(.post), .action(SiteURL.reportAct(r.id).path), Layout.csrf(c), .input(.type(.hidden), .name("action"), .value("reject")),
                    .label(.for("reason"), .text(t("review.reason"))), .input(.type(.text), .id("reason"), .name("reason"), .required(true)),
                    .button(.type(.submit), .class("danger"), .text(t("review.reject"))))))
        let side: Node<HTML.BodyContext> = .if(
            others.isEmpty, .p(.class("muted"), .text(t("review.noDuplicates"))),
            else: .div(
                .class("side"),
                .div(.h2(.text(t("review.this"))), reportBox(c, r, names: names, framework: framework, known: known)),
                .div(
                    .h2(.text(t("review.similar"))),
                    .forEach(Array(zip(others, suggestions.prefix(3)))) { pair in
                        .group(
                            reportBox(c, pair.0, names: names, framework: framework, known: known),
                            .p(
                                .class("muted"),
                                .text(
                                    t(
                                        "review.score", t.number(pair.1.score, digits: 2), t.number(pair.1.days),
                                        pair.1.kilometres.map { t.number($0, digits: 1) } ?? "—"))),
                            .if(
                                canReview,
                                .form(
                                    .method(.post), .action(SiteURL.reportAct(r.id).path), Layout.csrf(c),
                                    .input(.type(.hidden), .name("action"), .value("duplicate")),
                                    .input(.type(.hidden), .name("of"), .value(pair.0.id)),
                                    .button(.type(.submit), .class("secondary"), .text(t("review.duplicate"))))),
                            .if(
                                canReview && pair.0.incident != nil,
                                .form(
                                    .method(.post), .action(SiteURL.reportAct(r.id).path), Layout.csrf(c),
                                    .input(.type(.hidden), .name("action"), .value("verify")),
                                    .input(.type(.hidden), .name("incident"), .value(pair.0.incident ?? "")),
                                    .button(.type(.submit), .class("secondary"), .text(t("review.join"))))))
                    })))
        let media = try await AttachmentStore(sql: req.sql).list(report: r.id, try await req.scope())
        let main: Node<HTML.BodyContext> = .group(
            .if(others.isEmpty, reportBox(c, r, names: names, framework: framework, known: known)), side, mediaNode(c, media),
            .unwrap(r.incident) { .p(.a(.href(SiteURL.incident($0).path), .text(t("review.incident")))) },
            forms)
        return Layout.response(c, title: t("review.heading"), main)
    }

    static func review(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        return try await WebForm.run(req, back: SiteURL.reportReview(id).path, notice: "reviewed") {
            let f = try WebForm.fields(req)
            switch f["action"] {
            case "verify":
                _ = try await ReportController.verify(
                    id,
                    ReportController.VerifyInput(
                        incident: f["incident"].flatMap { $0.isEmpty ? nil : $0 }, title: f["title"].flatMap { $0.isEmpty ? nil : $0 }),
                    req: req)
            case "reject": try await ReportController.reject(id, ReportController.RejectInput(reason: f["reason"] ?? ""), req: req)
            case "duplicate": try await ReportController.markDuplicate(id, ReportController.DuplicateInput(of: f["of"] ?? ""), req: req)
            default: throw APIError.badRequest(field: "action", "use verify, reject or duplicate")
            }
        }
    }

    static func incident(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let t = c.t
        let i = try await ReportController().incident(req: req)
        let names = try await HomePage.areaNames(req)
        var mapNode: Node<HTML.BodyContext> = .empty
        if let code = i.area,
            let svg = try await PlaceMap.svg(req, area: code, lat: i.lat, lon: i.lon, names: names, title: { t("incident.map", $0) })
        {
            mapNode = .raw(svg)
        }
        var trail: [AuditEntry] = []
        if c.signedIn { trail = try await AuditStore(sql: req.sql).entries(recordType: "incident", recordID: i.id) }
        let known = try await PageNames.load(req, lang: c.lang, actors: trail.map(\.actor))
        let main: Node<HTML.BodyContext> = .group(
            .p(.text("\(t.date(i.occurredOn)) · \(i.area.map { names[$0] ?? $0 } ?? "—") · \(i.sourceName)")),
            .unwrap(i.description) { .p(.text($0)) },
            .p(.text(t("report.harm", t.number(i.harm.fatalities ?? 0), t.number(i.harm.injured ?? 0), t.number(i.harm.displaced ?? 0)))),
            .p(.text(t("incident.indicators") + ": "), known.indicatorsNode(i.indicators)),
            .p(.text(t("incident.sources", t.number(i.sources)))),
            mapNode,
            .h2(.text(t("incident.reports"))),
            .if(
                i.reports.isEmpty, .p(.class("muted"), .text("—")),
                else: .ul(.forEach(i.reports) { .li(.a(.href(SiteURL.reportReview($0).path), .text($0))) })),
            .if(
                !trail.isEmpty,
                .group(
                    .h2(.text(t("incident.audit"))),
                    .table(
                        .tr(.th(.text(t("audit.when"))), .th(.text(t("audit.who"))), .th(.text(t("audit.what")))),
                        .forEach(trail) { e in
                            .tr(.td(.text(t.date(e.at, time: true))), .td(known.named(e.actor, known.actor(e.actor))), .td(.text(e.action)))
                        }))))
        return Layout.response(c, title: i.title, main)
    }

    static func sitrepForm(req: Request) async throws -> Response {
        if let r = requireSignedIn(req) { return r }
        let c = try await PageContext.of(req)
        let t = c.t
        let bodies = c.bodies([.analyst, .coordinator, .csoLiaison])
        let areas = try await ReportFormPage.model(req).areas
        let monday = Period.week(containing: CivilDate.parse(Timestamp.now())!).firstDay
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(SiteURL.situationReportNew.path), Layout.csrf(c),
            .label(.for("body"), .text(t("report.body"))),
            .select(.id("body"), .attribute(named: "name", value: "body"), .forEach(bodies) { .option(.value($0), .label($0)) }),
            .label(.for("area"), .text(t("report.where"))),
            .select(.id("area"), .attribute(named: "name", value: "area"), .forEach(areas) { a in .option(.value(a.code), .label(a.name)) }),
            .label(.for("period"), .text(t("sitrep.period"))),
            .select(
                .id("period"), .attribute(named: "name", value: "period"), .option(.value("weekly"), .label(t("sitrep.weekly"))),
                .option(.value("monthly"), .label(t("sitrep.monthly")))),
            .label(.for("periodStart"), .text(t("sitrep.start"))),
            .input(.type(.date), .id("periodStart"), .name("periodStart"), .value(CivilDate.text(monday))),
            .label(.for("title"), .text(t("sitrep.titleField"))), .input(.type(.text), .id("title"), .name("title"), .required(true)),
            .label(.for("narrative"), .text(t("sitrep.narrative"))),
            .textarea(.id("narrative"), .name("narrative"), .attribute(named: "rows", value: "10")),
            .label(.for("classification"), .text(t("field.classification"))), classificationSelect(c, selected: "restricted"),
            .button(.type(.submit), .text(t("sitrep.save"))))
        return Layout.response(c, title: t("sitrep.new"), form)
    }

    static func classificationSelect(_ c: PageContext, selected: String) -> Node<HTML.FormContext> {
        .select(
            .id("classification"), .attribute(named: "name", value: "classification"),
            .forEach(Classification.allCases) { cl in
                .option(.value(cl.rawValue), .label(c.t("class." + cl.rawValue)), .isSelected(cl.rawValue == selected))
            })
    }

    static func sitrepCreate(req: Request) async throws -> Response {
        try await WebForm.run(req, back: SiteURL.situationReportNew.path, notice: "saved") {
            let f = try WebForm.fields(req)
            let input = SituationReportController.Input(
                body: f["body"] ?? "", area: f["area"] ?? "", period: f["period"] ?? "", periodStart: f["periodStart"] ?? "",
                title: f["title"] ?? "", narrative: f["narrative"] ?? "", incidents: nil,
                classification: try f["classification"].flatMap { $0.isEmpty ? nil : try Classification.parse($0, field: "classification") })
            _ = try await SituationReportController.write(input, req: req)
        }
    }
}

import AgoraCore
import Plot
import SQLKit
import Vapor

/// `/`: the public portal for visitors; for a signed-in person, what their roles need first —
/// a monitor their reports, an analyst the queue and rising areas, a council its open cases,
/// an administrator the installation.
enum HomePage {
    struct AlertLine: Sendable { var id, headline, severity, area, sent: String }
    struct ReportLine: Sendable { var id, text, area, status, created: String }
    struct CaseLine: Sendable {
        var id, body, area, status, severity: String
        var due: String?
        var overdue: Bool
    }
    struct RiskLine: Sendable {
        var code, name: String
        var score: Double
        var level: RiskLevel
    }

    struct Model: Sendable {
        var publicAlerts: [AlertLine] = []
        var bodyCount = 0
        var areaCount = 0
        var myReports: [ReportLine] = []
        var queue: [ReportLine] = []
        var queueCount = 0
        var rising: [RiskLine] = []
        var proposals: [AlertLine] = []
        var cases: [CaseLine] = []
        var admin: (people: Int, failedNotifications: Int, settings: ResponseSettings)?
        var known = PageNames(bodies: [:], indicators: [:])
    }

    static func register(_ app: Application) {
        app.get { req async throws -> Response in
            let c = try await PageContext.of(req)
            let m = try await load(req, c)
            return Layout.response(c, title: c.signedIn ? c.t("home.title.signed", c.name ?? "") : c.t("home.title.public"), body(c, m))
        }
    }

    static func load(_ req: Request, _ c: PageContext) async throws -> Model {
        let sql = req.sql
        let scope = try await req.scope()
        var m = Model()
        if c.signedIn { m.known = try await PageNames.load(req, lang: c.lang) }
        let inventory = InventoryStore(sql: sql)
        m.bodyCount = try await inventory.count("bodies")
        m.areaCount = try await inventory.count("areas")
        let names = try await areaNames(req)
        m.publicAlerts = try await AlertStore(sql: sql).list(.anonymous, .init(state: .issued), page: PageRequest(limit: 10)).map {
            AlertLine(
                id: $0.id, headline: $0.headline, severity: $0.severity, area: names[$0.areaCode] ?? $0.areaCode, sent: $0.sentAt ?? $0.createdAt)
        }
        guard c.signedIn else { return m }
        let reports = ReportStore(sql: sql)
        func line(_ r: ReportRow) -> ReportLine {
            ReportLine(
                id: r.id, text: String(r.description.prefix(90)), area: names[r.areaCode] ?? r.areaCode, status: r.status.rawValue,
                created: r.createdAt)
        }
        if c.holds([.monitor]) {
            m.myReports = try await reports.submitted(by: req.actor, scope, limit: 10).map(line)
        }
        if c.holds([.analyst, .coordinator]) {
            let q = try await reports.list(scope, .init(status: .unreviewed), page: PageRequest(limit: 5), oldestFirst: true)
            m.queue = q.prefix(5).map(line)
            m.queueCount = try await reports.count(scope, status: .unreviewed)
            let snap = try await req.riskSnapshot()
            let week = Period.week(containing: CivilDate.parse(Timestamp.now())!)
            m.rising = snap.candidates(week).map { snap.score($0, week) }.filter { $0.level > .low }
                .sorted { $0.score > $1.score }.prefix(6).map {
                    RiskLine(code: $0.area, name: snap.areas[$0.area]?.name ?? $0.area, score: $0.score, level: $0.level)
                }
            m.proposals = try await AlertStore(sql: sql).list(scope, .init(state: .proposed), page: PageRequest(limit: 10)).map {
                AlertLine(id: $0.id, headline: $0.headline, severity: $0.severity, area: names[$0.areaCode] ?? $0.areaCode, sent: $0.createdAt)
            }
        }
        let holding = c.bodies([.responder, .coordinator, .analyst])
        if !holding.isEmpty {
            let now = Timestamp.now()
            var rows: [CaseRow] = []
            for b in holding {
                rows += try await CaseStore(sql: sql).list(scope, .init(body: b), page: PageRequest(limit: 50)).filter { $0.status != .closed }
            }
            m.cases = rows.map { r in
                CaseLine(
                    id: r.id, body: r.bodyCode, area: names[r.areaCode] ?? r.areaCode, status: r.status.rawValue, severity: r.severity, due: r.ackDue,
                    overdue: r.ackDue.map { $0 < now } ?? false)
            }
        }
        if c.viewer.isInstallationAdmin {
            m.admin = (
                try await inventory.count("people"), try await inventory.notifications(status: "failed"), try await SettingsStore(sql: sql).load()
            )
        }
        return m
    }

    /// Area names from the in-memory area tree (kept current by revision), not a read of every area per page.
    static func areaNames(_ req: Request) async throws -> AreaNames {
        AreaNames(areas: try await req.riskSnapshot().areas)
    }

    static func body(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let t = c.t
        guard c.signedIn else {
            return .group(
                .p(.text(t("home.intro"))),
                .h2(.text(t("home.publicAlerts"))), alerts(c, m.publicAlerts, empty: t("home.noAlerts")),
                .div(
                    .class("cards"),
                    .div(.class("card"), .h3(.a(.href(SiteURL.howToReport.path), .text(t("nav.howto")))), .p(.text(t("home.howto")))),
                    .div(
                        .class("card"), .h3(.a(.href(SiteURL.bodies.path), .text(t("nav.directory")))),
                        .p(.text(t("home.directory", t.number(m.bodyCount))))),
                    .div(.class("card"), .h3(.a(.href(SiteURL.statistics.path), .text(t("nav.statistics")))), .p(.text(t("home.statistics"))))))
        }
        return .group(
            .if(
                c.holds([.monitor]),
                .group(
                    .p(.a(.class("button"), .href(SiteURL.report.path), .text(t("home.fileReport")))),
                    .h2(.text(t("home.myReports"))),
                    reportTable(c, m.myReports, empty: t("home.noReports"), link: false))),
            .if(
                c.holds([.analyst, .coordinator]),
                .group(
                    .h2(.text(t("home.queue", t.number(m.queueCount)))),
                    reportTable(c, m.queue, empty: t("home.queueEmpty"), link: true),
                    .p(.a(.href(SiteURL.queue.path), .text(t("home.openQueue")))),
                    .h2(.text(t("home.rising"))),
                    .if(
                        m.rising.isEmpty, .p(.class("muted"), .text(t("home.noRising"))),
                        else: .ul(
                            .forEach(m.rising) { r in
                                .li(
                                    .a(.href(SiteURL.riskArea(r.code).path), .text(r.name)), " ", level(c, r.level),
                                    .text(" " + t.number(r.score, digits: 1)))
                            })),
                    .h2(.text(t("home.proposals"))), alerts(c, m.proposals, empty: t("home.noProposals")))),
            .if(
                !m.cases.isEmpty || c.holds([.responder, .coordinator]),
                .group(
                    .h2(.text(t("home.cases"))),
                    .if(
                        m.cases.isEmpty, .p(.class("muted"), .text(t("home.noCases"))),
                        else: .ul(
                            .forEach(m.cases) { k in
                                .li(
                                    .class(k.overdue ? "overdue" : ""),
                                    .a(.href(SiteURL.caseFile(k.id).path), .text("\(k.area) — \(t("severity." + k.severity))")),
                                    .text(" · \(t("status." + k.status)) · \(m.known.body(k.body))"),
                                    .unwrap(k.due) { .span(.class("due"), .text(" · " + t("case.ackBy", t.date($0, time: true)))) })
                            })))),
            .unwrap(m.admin) { a in
                .group(
                    .h2(.text(t("home.admin"))),
                    .ul(
                        .li(.a(.href(SiteURL.bodies.path), .text(t("home.adminBodies", t.number(m.bodyCount))))),
                        .li(.a(.href(SiteURL.admin.path), .text(t("home.adminPeople", t.number(a.people))))),
                        .li(.text(t("home.adminAreas", t.number(m.areaCount)))),
                        .li(
                            .class(a.failedNotifications > 0 ? "overdue" : ""),
                            .a(.href(SiteURL.failedDeliveries.path), .text(t("home.adminFailed", t.number(a.failedNotifications))))),
                        .li(
                            .text(
                                t(
                                    "home.adminThresholds", a.settings.risk.proposeAt.rawValue,
                                    t.number(Double(a.settings.deadlines.acknowledge(.Severe)) / 3600, digits: 1))))))
            },
            .h2(.text(t("home.publicAlerts"))), alerts(c, m.publicAlerts, empty: t("home.noAlerts")))
    }

    static func level(_ c: PageContext, _ l: RiskLevel) -> Node<HTML.BodyContext> {
        .span(.class("level level-\(l.rawValue)"), .text(c.t("risk." + l.rawValue)))
    }

    static func alerts(_ c: PageContext, _ list: [AlertLine], empty: String) -> Node<HTML.BodyContext> {
        .if(
            list.isEmpty, .p(.class("muted"), .text(empty)),
            else: .ul(
                .forEach(list) { a in
                    .li(
                        .a(.href(SiteURL.alert(a.id).path), .text(a.headline)),
                        .text(" — \(c.t("severity." + a.severity)), \(a.area), \(c.t.date(a.sent))"))
                }))
    }

    static func reportTable(_ c: PageContext, _ list: [ReportLine], empty: String, link: Bool) -> Node<HTML.BodyContext> {
        .if(
            list.isEmpty, .p(.class("muted"), .text(empty)),
            else: .table(
                .tr(
                    .th(.text(c.t("report.when"))), .th(.text(c.t("report.where"))), .th(.text(c.t("report.what"))), .th(.text(c.t("report.status")))),
                .forEach(list) { r in
                    .tr(
                        .td(.text(c.t.date(r.created, time: true))), .td(.text(r.area)),
                        .td(link ? .a(.href(SiteURL.reportReview(r.id).path), .text(r.text)) : .text(r.text)), .td(.text(c.t("status." + r.status))))
                }))
    }
}

struct AreaNames: Sendable {
    let areas: [String: RiskSnapshot.Area]
    subscript(_ code: String) -> String? { areas[code]?.name }
}

enum BodyLevelOrder {
    static let descending = ["global", "continental", "sub-regional", "national", "region", "district", "community"]
}

import AgoraCore
import Plot

extension HomePage {
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

    /// A level's badge; `text` in place of the level's name (a chance, drawn in its band's colour).
    static func level(_ c: PageContext, _ l: RiskLevel, text: String? = nil) -> Node<HTML.BodyContext> {
        .span(.class("level level-\(l.rawValue)"), .text(text ?? c.t("risk." + l.rawValue)))
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

import AgoraCore
import Foundation
import Plot

extension AlertPages {
    static func listView(_ c: PageContext, _ m: ListModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .if(m.canIssue, .p(.a(.class("button"), .href(SiteURL.alertNew().path), .text(t("alert.new"))))),
            .p(.a(.href(SiteURL.feed.path), .text(t("nav.feed")))),
            .unwrap(m.filters) { f in
                .group(FilterForm.view(c, f, action: .alerts), FilterForm.exports(c, [("CSV", .listExport(.alerts, query: m.query))]))
            },
            .if(
                m.alerts.isEmpty, .p(.class("muted"), .text(t("home.noAlerts"))),
                else: .table(
                    .tr(
                        .th(.text(t("alert.headline"))), .th(.text(t("alert.severity"))), .th(.text(t("report.where"))), .th(.text(t("alert.state"))),
                        .th(.text(t("alert.sent")))),
                    .forEach(m.alerts) { a in
                        .tr(
                            .td(.a(.href(SiteURL.alert(a.id).path), .text(a.headline))), .td(.text(t("severity." + a.severity))),
                            .td(.text(m.names[a.area] ?? a.area)),
                            .td(.text(t("state." + a.state.rawValue) + (a.msgType == .Alert ? "" : " (\(a.msgType.rawValue))"))),
                            .td(.text(t.date(a.sent ?? a.createdAt, time: true))))
                    })))
    }
}

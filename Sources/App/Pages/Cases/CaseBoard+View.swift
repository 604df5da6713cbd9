import AgoraCore
import Foundation
import Plot

extension CasePages {
    static func boardView(_ c: PageContext, _ m: BoardModel) -> Node<HTML.BodyContext> {
        let t = c.t
        func column(_ status: CaseStatus) -> Node<HTML.BodyContext> {
            let items = m.cases.filter { $0.status == status }
            return .section(
                .attribute(named: "aria-label", value: t("status." + status.rawValue)),
                .h2(.text("\(t("status." + status.rawValue)) (\(items.count))")),
                .forEach(items) { k in
                    .div(
                        .class("card" + (k.overdue ? " overdue" : "")),
                        .p(.a(.href(SiteURL.caseFile(k.id).path), .strong(.text(m.names[k.area] ?? k.area)))),
                        .p(.text("\(t("severity." + k.severity)) · "), m.known.bodyNode(k.body)),
                        .unwrap(k.acknowledgeBy) {
                            .p(.class("due"), .text(t("case.ackBy", t.date($0, time: true)) + (k.overdue ? " — " + t("case.overdue") : "")))
                        },
                        .if(k.escalations > 0, .p(.class("muted"), .text(t("case.escalations", t.number(k.escalations))))))
                })
        }
        return .group(
            FilterForm.view(c, m.filters, action: .cases),
            FilterForm.exports(c, [("CSV", .listExport(.cases, query: m.query))]),
            .div(.class("board"), column(.open), column(.acknowledged), column(.closed)))
    }
}

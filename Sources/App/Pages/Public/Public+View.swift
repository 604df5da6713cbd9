import AgoraCore
import Foundation
import Plot

extension PublicPages {
    /// How to reach a body, as rows of a table or lines of a list: phone and SMS as links a phone can dial or text.
    static func contact(_ t: T, _ c: BodyContact?) -> [(label: String, node: Node<HTML.BodyContext>)] {
        guard let c else { return [] }
        func dial(_ n: String) -> String { n.filter { $0.isNumber || $0 == "+" } }
        var out: [(String, Node<HTML.BodyContext>)] = []
        if let p = c.phone { out.append((t("body.phone"), .a(.href("tel:" + dial(p)), .text(p)))) }
        if let s = c.sms { out.append((t("body.sms"), .a(.href("sms:" + dial(s)), .text(s)))) }
        if let e = c.email { out.append((t("body.email"), .a(.href("mailto:" + e), .text(e)))) }
        if let a = c.address { out.append((t("body.address"), .text(a))) }
        return out
    }

    static func receiptView(_ c: PageContext, _ m: ReceiptModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let code = m.code
        let answer: Node<HTML.BodyContext>
        switch m.answer {
        case .none: answer = .empty
        case .found(let status, let body, let receivedOn):
            answer = .div(
                .class("notice"), .attribute(named: "role", value: "status"), .p(.strong(.text(t("receipt.status." + status.rawValue)))),
                .p(.text(t("receipt.reached", body, t.date(receivedOn)))))
        case .unknown, .slow:
            answer = .p(.class("error"), .attribute(named: "role", value: "alert"), .text(t(m.answer == .slow ? "receipt.slow" : "receipt.unknown")))
        }
        let main: Node<HTML.BodyContext> = .group(
            answer,
            .form(
                .method(.get), .action(SiteURL.receipt.path),
                .label(.for("code"), .text(t("receipt.code"))),
                .input(.type(.text), .id("code"), .name("code"), .value(code), .attribute(named: "autocomplete", value: "off"), .required(true)),
                .button(.type(.submit), .text(t("receipt.check")))),
            .p(.class("muted"), .text(t("receipt.privacy"))))
        return main
    }

    static func directoryView(_ c: PageContext, _ m: DirectoryModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let children = m.children
        let roots = m.roots
        let order = BodyLevelOrder.descending
        func sorted(_ xs: [BodyView]) -> [BodyView] {
            xs.sorted { (order.firstIndex(of: $0.level) ?? 9, $0.name) < (order.firstIndex(of: $1.level) ?? 9, $1.name) }
        }
        func tree(_ b: BodyView, depth: Int) -> Node<HTML.ListContext> {
            let kids = depth < 8 ? sorted(children[b.code] ?? []) : []
            return .li(
                .a(.href(SiteURL.body(b.code).path), .text(b.names[c.lang.rawValue] ?? b.name)),
                .span(.class("muted"), .text(" — " + t("level." + b.level))),
                .if(!kids.isEmpty, .ul(.forEach(kids) { tree($0, depth: depth + 1) })))
        }
        let main: Node<HTML.BodyContext> = .group(.p(.text(t("directory.intro"))), .ul(.forEach(sorted(roots)) { tree($0, depth: 0) }))
        return main
    }

    static func bodyView(_ c: PageContext, _ m: BodyModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let b = m.body
        let refs = m.refs
        let areas = m.areas
        let members = m.members
        let map = areas.compactMap { a in
            m.shapes[a.code].map { SVG.MapArea(code: a.code, name: a.name, geometry: $0, fill: "#90caf9", href: nil, label: a.name) }
        }
        let main: Node<HTML.BodyContext> = .group(
            .p(.text("\(t("level." + b.level)) · \(t("kind." + b.kind))" + (b.organisation.map { " · \($0)" } ?? ""))),
            .unwrap(b.description) { .p(.text($0)) },
            .if(
                m.record.received > 0,
                .section(
                    .class("card"), .h2(.text(t("sub.record"))),
                    .p(
                        .text(
                            t(
                                "sub.recordLine", t.number(m.record.received), t.number(m.record.answered),
                                m.record.answeredOnTimeShare.map { t.number($0 * 100) + " %" } ?? "—",
                                m.record.medianDaysToAnswer.map { t.number($0, digits: 1) } ?? "—",
                                t.number(m.record.overdueNow + m.record.veryOverdueNow)))),
                    .if(
                        m.commitments.commitments > 0,
                        .p(
                            .text(
                                t(
                                    "commit.record", t.number(m.commitments.commitments), t.number(m.commitments.done), t.number(m.commitments.late),
                                    m.commitments.meanProgress.map { t.number($0) } ?? "—")))),
                    .p(.a(.href(SiteURL.responsiveness.path), .text(t("league.title")))))),
            .if(
                m.inclusion.forums > 0,
                .section(
                    .class("card"), .h2(.text(t("inclusion.quarter", m.inclusion.quarter))),
                    .if(
                        m.inclusion.inclusion.people == 0, .p(.class("muted"), .text(t("inclusion.noneThisQuarter"))),
                        else: ForumPages.inclusionTable(t, m.inclusion.inclusion, m.inclusion.targets)),
                    .p(.a(.href(SiteURL.forums.path), .text(t("forum.title")))))),
            .p(.a(.href(SiteURL.accreditationRegister(body: b.code).path), .text(t("acc.register")))),
            .table(
                .tr(.th(.text(t("body.legalBasis"))), .td(.text(b.legalBasis ?? "—"))),
                .tr(.th(.text(t("body.mandate"))), .td(.text(b.topics.map { t("topic." + $0) }.joined(separator: ", ")))),
                .tr(.th(.text(t("body.jurisdiction"))), .td(.text(b.worldwide ? t("body.worldwide") : areas.map(\.name).joined(separator: ", ")))),
                .tr(.th(.text(t("body.parent"))), .td(.unwrap(b.parent) { p in .a(.href(SiteURL.body(p).path), .text(refs[p]?.name ?? p)) })),
                .tr(
                    .th(.text(t("body.partners"))),
                    .td(.forEach(b.partners) { p in .group(.a(.href(SiteURL.body(p).path), .text(refs[p]?.name ?? p)), .text(" ")) })),
                .unwrap(b.website) { w in .tr(.th(.text(t("body.website"))), .td(.a(.href(w), .text(w)))) },
                .forEach(contact(t, b.contact)) { row in .tr(.th(.text(row.label)), .td(row.node)) }),
            .if(!map.isEmpty, .raw(m.maps.draw(map, title: t("body.jurisdiction"), width: 600))),
            .h2(.text(t("body.composition", t.number(b.memberCount)))),
            .if(
                b.composition.isEmpty, .p(.class("muted"), .text("—")),
                else: .ul(.forEach(b.composition.sorted { $0.key < $1.key }) { k in .li(.text("\(t("category." + k.key)): \(t.number(k.value))")) })),
            .if(
                !members.isEmpty,
                .group(
                    .h2(.text(t("body.members"))),
                    .ul(
                        .forEach(members) { m in
                            .li(
                                .text(
                                    "\(m.name)" + (m.role.map { " — \($0)" } ?? "")
                                        + " (\(m.categories.map { t("category." + $0) }.joined(separator: ", ")))"))
                        }))))
        return main
    }

    static func statisticsView(_ c: PageContext, _ m: StatisticsModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let chart = SVG.chart(
            m.byMonth.map { ($0.month, Double($0.incidents), Double($0.incidents)) }, barName: t("risk.incidents"), lineName: t("risk.incidents"),
            title: t("stats.chart"))
        let main: Node<HTML.BodyContext> = .group(
            .p(.text(t("stats.intro"))),
            .p(.a(.href(SiteURL.forecastRecord.path), .text(t("forecast.recordLink")))),
            .if(
                m.counts.isEmpty, .p(.class("muted"), .text(t("stats.none"))),
                else: .group(
                    .raw(chart),
                    .table(
                        .tr(.th(.text(t("stats.area"))), .th(.text(t("risk.incidents"))), .th(.text(t("risk.fatalities")))),
                        .forEach(m.counts.prefix(50)) { e in
                            .tr(.td(.text(m.names[e.area] ?? e.area)), .td(.text(t.number(e.incidents))), .td(.text(t.number(e.deaths))))
                        }))))
        return main
    }

    static func howToView(_ c: PageContext, _ m: HowToModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let main: Node<HTML.BodyContext> = .group(
            .p(.text(t("howto.p1"))), .p(.text(t("howto.p2"))),
            .if(
                m.publicForm,
                .p(
                    .a(.class("button"), .href(SiteURL.report.path), .text(t("howto.publicForm"))), .text(" "),
                    .a(.href(SiteURL.receipt.path), .text(t("receipt.title"))))
            ),
            .h2(.text(t("howto.bodies"))),
            .ul(
                .class("contacts"),
                .forEach(m.bodies) { b in
                    .li(
                        .a(.href(SiteURL.body(b.code).path), .strong(.text(b.names[c.lang.rawValue] ?? b.name))),
                        .forEach(contact(t, b.contact)) { row in .div(.span(.class("muted"), .text(row.label + ": ")), row.node) },
                        .if(b.contact == nil, .unwrap(b.website) { .div(.text($0)) }))
                }),
            .p(.a(.href(SiteURL.report.path), .text(t("howto.monitors")))))
        return main
    }
}

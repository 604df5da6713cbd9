import AgoraCore
import Foundation
import Plot

extension AnalystPages {
    static func incidentView(_ c: PageContext, _ m: IncidentModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let i = m.incident
        return .group(
            .p(.text("\(t.date(i.occurredOn)) · \(i.area.map { m.names[$0] ?? $0 } ?? "—") · \(i.sourceName)")),
            .unwrap(i.description) { .p(.text($0)) },
            .p(.text(t("report.harm", t.number(i.harm.fatalities ?? 0), t.number(i.harm.injured ?? 0), t.number(i.harm.displaced ?? 0)))),
            .p(.text(t("incident.indicators") + ": "), m.known.indicatorsNode(i.indicators)),
            .p(.text(t("incident.sources", t.number(i.sources)))),
            .unwrap(m.agreement) { a in .p(.a(.href(SiteURL.agreement(a).path), .text(t("agr.violationOf")))) },
            // Built by `SVG`, which escapes every name it writes.
            .unwrap(m.mapSVG) { .raw($0) },
            .h2(.text(t("incident.reports"))),
            .if(
                i.reports.isEmpty, .p(.class("muted"), .text("—")),
                else: .ul(.forEach(i.reports) { .li(.a(.href(SiteURL.reportReview($0).path), .text($0))) })),
            .if(
                !m.trail.isEmpty,
                .group(
                    .h2(.text(t("incident.audit"))),
                    .table(
                        .tr(.th(.text(t("audit.when"))), .th(.text(t("audit.who"))), .th(.text(t("audit.what")))),
                        .forEach(m.trail) { e in
                            .tr(.td(.text(t.date(e.at, time: true))), .td(m.known.named(e.actor, m.known.actor(e.actor))), .td(.text(e.action)))
                        }))))
    }
}

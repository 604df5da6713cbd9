import AgoraCore
import Foundation
import Plot

extension AnalystPages {
    static func queueView(_ c: PageContext, _ m: QueueModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.text(t("queue.intro"))),
            FilterForm.view(c, m.filters, action: .queue),
            FilterForm.exports(c, [("CSV", .listExport(.reports, query: m.exportQuery))]),
            .if(
                m.reports.isEmpty, .p(.class("muted"), .text(t("home.queueEmpty"))),
                else: .table(
                    .tr(
                        .th(.text(t("report.when"))), .th(.text(t("report.where"))), .th(.text(t("report.what"))),
                        .th(.text(t("report.indicators"))), .th(.text(t("report.body")))),
                    .forEach(m.reports) { r in
                        .tr(
                            .td(.text(t.date(r.occurredOn))), .td(.text(m.names[r.area] ?? r.area)),
                            .td(.a(.href(SiteURL.reportReview(r.id).path), .text(String((r.description ?? "—").prefix(100))))),
                            .td(m.known.indicatorsNode(r.indicators)), .td(m.known.bodyNode(r.body)))
                    })),
            .p(.a(.href(SiteURL.situationReportNew.path), .text(t("sitrep.new")))))
    }
}

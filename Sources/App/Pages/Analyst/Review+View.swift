import AgoraCore
import Foundation
import Plot

extension AnalystPages {
    static func reviewView(_ c: PageContext, _ m: ReviewModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let r = m.report
        func box(_ v: ReportView) -> Node<HTML.BodyContext> { reportBox(c, v, m) }
        func post(_ fields: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(SiteURL.reportAct(r.id).path), Layout.csrf(c), fields)
        }
        let forms: Node<HTML.BodyContext> = .if(
            m.canReview,
            .group(
                .h2(.text(t("review.decide"))),
                post(
                    .group(
                        .input(.type(.hidden), .name("action"), .value("verify")),
                        .label(.for("title"), .text(t("review.title"))), .input(.type(.text), .id("title"), .name("title")),
                        .button(.type(.submit), .text(t("review.verify"))))),
                post(
                    .group(
                        .input(.type(.hidden), .name("action"), .value("reject")),
                        .label(.for("reason"), .text(t("review.reason"))), .input(.type(.text), .id("reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .class("danger"), .text(t("review.reject")))))))
        let side: Node<HTML.BodyContext> = .if(
            m.similar.isEmpty, .p(.class("muted"), .text(t("review.noDuplicates"))),
            else: .div(
                .class("side"),
                .div(.h2(.text(t("review.this"))), box(r)),
                .div(
                    .h2(.text(t("review.similar"))),
                    .forEach(m.similar) { s in
                        .group(
                            box(s.report),
                            .p(
                                .class("muted"),
                                .text(
                                    t(
                                        "review.score", t.number(s.why.score, digits: 2), t.number(s.why.days),
                                        s.why.kilometres.map { t.number($0, digits: 1) } ?? "—"))),
                            .if(
                                m.canReview,
                                post(
                                    .group(
                                        .input(.type(.hidden), .name("action"), .value("duplicate")),
                                        .input(.type(.hidden), .name("of"), .value(s.report.id)),
                                        .button(.type(.submit), .class("secondary"), .text(t("review.duplicate")))))),
                            .if(
                                m.canReview && s.report.incident != nil,
                                post(
                                    .group(
                                        .input(.type(.hidden), .name("action"), .value("verify")),
                                        .input(.type(.hidden), .name("incident"), .value(s.report.incident ?? "")),
                                        .button(.type(.submit), .class("secondary"), .text(t("review.join")))))))
                    })))
        return .group(
            .if(m.similar.isEmpty, box(r)), side, mediaNode(c, m.media),
            .unwrap(r.incident) { .p(.a(.href(SiteURL.incident($0).path), .text(t("review.incident")))) },
            forms)
    }

    static func reportBox(_ c: PageContext, _ r: ReportView, _ m: ReviewModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .div(
            .class("card"),
            .p(.strong(.text(t.date(r.occurredOn))), .text(" · " + (m.names[r.area] ?? r.area) + " · " + t("status." + r.status.rawValue))),
            .p(.text(r.description ?? "—")),
            .ul(.forEach(r.indicators) { .li(.text("\($0) — \(m.indicatorNames[$0] ?? $0)")) }),
            .p(.text(t("report.harm", t.number(r.harm.fatalities ?? 0), t.number(r.harm.injured ?? 0), t.number(r.harm.displaced ?? 0)))),
            .p(
                .class("muted"), .text("\(t("report.source")): \(r.sourceKind) · "), m.known.bodyNode(r.body),
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
}

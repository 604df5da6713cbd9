import AgoraCore
import Foundation
import Plot

extension AlertPages {
    static func showView(_ c: PageContext, _ m: ShowModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let a = m.alert
        let d = a.fields
        return .group(
            plainTerms(t, d, areas: m.areas.map(\.name)),
            .p(
                .text(
                    "\(t("alert.state")): \(t("state." + a.state.rawValue)) · \(a.msgType.rawValue) · \(t("class." + a.classification.rawValue)) · "
                ), m.known.bodyNode(a.body)),
            .unwrap(d.description) { .p(.text($0)) },
            .unwrap(d.instruction) { .p(.strong(.text(t("alert.instruction") + ": ")), .text($0)) },
            .unwrap(a.sent) { .p(.text(t("alert.sent") + ": " + t.date($0, time: true))) },
            .unwrap(d.expires) { .p(.text(t("alert.expires") + ": " + t.date($0, time: true))) },
            .unwrap(a.reason) { .p(.text(t("alert.reason") + ": " + $0)) },
            .unwrap(a.responseCase) { id in .if(c.signedIn, .p(.a(.href(SiteURL.caseFile(id).path), .text(t("alert.case"))))) },
            .if(a.state != .proposed && a.state != .dismissed, .p(.a(.href(a.cap), .text(t("alert.capLink"))))),
            .unwrap(a.risk) { r in
                .group(
                    .h2(.text(t("alert.why"))),
                    .p(.text(t("risk.scoreIs", t.number(r.score.score, digits: 1), t.period(r.score.period)))),
                    .ul(.forEach(r.drivers.filter { $0.kind != .incident }) { .li(.text("\($0.code): \(t.number($0.contribution, digits: 2))")) }))
            },
            .if(
                m.proposal,
                .group(
                    .h2(.text(t("alert.issueHeading"))),
                    .form(
                        .method(.post), .action(SiteURL.alertAct(a.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("issue")),
                        fieldset(c, m.fields, areas: m.areas, bodies: []), .button(.type(.submit), .text(t("alert.issue")))),
                    .form(
                        .method(.post), .action(SiteURL.alertAct(a.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("dismiss")),
                        .label(.for("reason"), .text(t("alert.dismissReason"))),
                        .input(.type(.text), .id("reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .class("danger"), .text(t("alert.dismiss")))))),
            .if(
                m.cancellable,
                .group(
                    .h2(.text(t("alert.cancelHeading"))),
                    .form(
                        .method(.post), .action(SiteURL.alertAct(a.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("cancel")),
                        .label(.for("cancel-reason"), .text(t("alert.reason"))),
                        .input(.type(.text), .id("cancel-reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .class("danger"), .text(t("alert.cancel")))))))
    }

    /// CAP's terms in plain words (the public reads them); the CAP term in a tooltip.
    static func plainTerms(_ t: T, _ d: AlertDraft, areas: [String]) -> Node<HTML.BodyContext> {
        let severity = d.severity?.rawValue ?? "Unknown"
        let urgency = d.urgency?.rawValue ?? "Unknown"
        let certainty = d.certainty?.rawValue ?? "Unknown"
        return .p(
            .strong(.attribute(named: "title", value: "CAP severity: \(severity)"), .text(t("plain." + severity))), .text(" — "),
            .span(.attribute(named: "title", value: "CAP urgency: \(urgency)"), .text(t("plain." + urgency))), .text("; "),
            .span(.attribute(named: "title", value: "CAP certainty: \(certainty)"), .text(t("plain." + certainty))),
            .text(" · " + areas.joined(separator: ", ")))
    }
}

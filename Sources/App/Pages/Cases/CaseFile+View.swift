import AgoraCore
import Foundation
import Plot

extension CasePages {
    static func fileView(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let k = m.k
        let names = m.names
        let known = m.known
        let holder = m.holder
        let due = m.due
        let wasHeld = k.parties.filter { $0.role == "was-responsible" }.map(\.body)
        let planned = k.actions.filter { $0.status == .planned }
        var alertSection: Node<HTML.BodyContext> = .p(.a(.href(SiteURL.alert(k.alert).path), .text(t("case.alert"))))
        if let a = m.alert {
            let map = m.alertShape.map { PlaceMap.svg($0, lat: nil, lon: nil, names: names, title: { t("incident.map", $0) }) }
            alertSection = .section(
                .class("card"), .attribute(named: "aria-label", value: t("case.alert")),
                .p(.strong(.a(.href(SiteURL.alert(k.alert).path), .text(a.headline)))),
                .unwrap(a.fields.description) { .p(.text($0)) },
                .unwrap(a.fields.instruction) { .p(.strong(.text(t("alert.instruction") + ": ")), .text($0)) },
                .unwrap(a.sent) { .p(.class("muted"), .text(t("alert.sent") + ": " + t.date($0, time: true))) },
                .unwrap(map) { .raw($0) })
        }
        let forms: Node<HTML.BodyContext> = .if(
            holder,
            .group(
                .if(
                    k.status == .open,
                    .form(
                        .method(.post), .action(SiteURL.caseAct(k.id).path), Layout.csrf(c),
                        .input(.type(.hidden), .name("do"), .value("acknowledge")),
                        .button(.type(.submit), .text(t("case.acknowledge"))))),
                .h2(.text(t("case.planAction"))),
                .form(
                    .method(.post), .action(SiteURL.caseAct(k.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("plan")),
                    .label(.for("kind"), .text(t("case.kind"))),
                    .select(
                        .id("kind"), .attribute(named: "name", value: "kind"),
                        .forEach(ActionKind.allCases) { a in .option(.value(a.rawValue), .label(t("action." + a.rawValue))) }),
                    .label(.for("action-description"), .text(t("case.what"))),
                    .input(.type(.text), .id("action-description"), .name("description"), .required(true)),
                    .label(.for("responsible"), .text(t("case.who"))),
                    .input(.type(.text), .id("responsible"), .name("responsible"), .required(true)),
                    .label(.for("due"), .text(t("case.due", t.zoneName))),
                    .input(.type(.datetimeLocal), .id("due"), .name("due"), .value(String(due))),
                    .label(.for("status"), .text(t("case.alreadyDone"))),
                    .select(
                        .id("status"), .attribute(named: "name", value: "status"), .option(.value("planned"), .label(t("case.planned"))),
                        .option(.value("done"), .label(t("case.doneAlready")))),
                    .button(.type(.submit), .text(t("case.record")))),
                .h2(.text(t("case.escalate"))),
                .form(
                    .method(.post), .action(SiteURL.caseAct(k.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("escalate")),
                    .label(.for("esc-reason"), .text(t("case.helpNeeded"))),
                    .input(.type(.text), .id("esc-reason"), .name("reason"), .required(true)),
                    .button(.type(.submit), .class("secondary"), .text(t("case.escalate")))),
                .if(
                    !wasHeld.isEmpty,
                    .form(
                        .method(.post), .action(SiteURL.caseAct(k.id).path), Layout.csrf(c),
                        .input(.type(.hidden), .name("do"), .value("de-escalate")),
                        .label(.for("to"), .text(t("case.handBack"))),
                        .select(.id("to"), .attribute(named: "name", value: "to"), .forEach(wasHeld) { .option(.value($0), .label(known.body($0))) }),
                        .label(.for("de-reason"), .text(t("alert.reason"))), .input(.type(.text), .id("de-reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .class("secondary"), .text(t("case.deEscalate"))))),
                closeForm(c, k, planned)))
        let main: Node<HTML.BodyContext> = .group(
            .p(
                .class(k.overdue ? "overdue" : ""),
                .text(
                    "\(t("status." + k.status.rawValue)) · \(t("severity." + k.severity)) · \(names[k.area] ?? k.area) · \(t("case.heldBy", known.body(k.body)))"
                ),
                .unwrap(k.acknowledgeBy) {
                    .span(.class("due"), .text(" · " + t("case.ackBy", t.date($0, time: true)) + (k.overdue ? " — " + t("case.overdue") : "")))
                }),
            alertSection,
            .unwrap(k.outcome) { o in .p(.strong(.text(t("case.outcome") + ": " + t("outcome." + o))), .text(" " + (k.summary ?? ""))) },
            .h2(.text(t("case.parties"))),
            .ul(.forEach(k.parties) { p in .li(known.bodyNode(p.body), .text(" — \(t("party." + p.role))")) }),
            .h2(.text(t("case.actions"))),
            .if(
                k.actions.isEmpty, .p(.class("muted"), .text(t("case.noActions"))),
                else: .table(
                    .class("stack"),
                    .tr(
                        .class("head"), .th(.text(t("case.kind"))), .th(.text(t("case.what"))), .th(.text(t("case.who"))),
                        .th(.text(t("case.due", t.zoneName))), .th(.text(t("report.status")))),
                    .forEach(k.actions) { a in
                        .tr(
                            .class(a.status == .planned && a.due < Timestamp.now() ? "overdue" : ""),
                            .td(label(t("case.kind")), .text(t("action." + a.kind))),
                            .td(label(t("case.what")), .text(a.description), .unwrap(a.result) { .p(.class("muted"), .text($0)) }),
                            .td(label(t("case.who")), .text(a.responsible)), .td(label(t("case.due", t.zoneName)), .text(t.date(a.due, time: true))),
                            .td(
                                label(t("report.status")),
                                .text(t("astatus." + a.status.rawValue)),
                                .if(
                                    holder && a.status == .planned,
                                    .form(
                                        .method(.post), .action(SiteURL.caseAct(k.id).path), Layout.csrf(c),
                                        .input(.type(.hidden), .name("do"), .value("complete")),
                                        .input(.type(.hidden), .name("action"), .value(a.id)),
                                        .label(.for("result-\(a.id)"), .text(t("case.result"))),
                                        .input(.type(.text), .id("result-\(a.id)"), .name("result"), .required(true)),
                                        .button(.type(.submit), .text(t("case.markDone")))))))
                    })),
            .h2(.text(t("case.history"))),
            .table(
                .class("stack"),
                .tr(
                    .class("head"), .th(.text(t("audit.when"))), .th(.text(t("audit.what"))), .th(.text(t("case.fromTo"))),
                    .th(.text(t("alert.reason")))),
                .forEach(k.history) { e in
                    .tr(
                        .td(label(t("audit.when")), .text(t.date(e.at, time: true))), .td(label(t("audit.what")), .text(t("event." + e.kind))),
                        .td(label(t("case.fromTo")), .text([e.from, e.to].compactMap { $0 }.joined(separator: " → "))),
                        .td(
                            label(t("alert.reason")),
                            .text([e.reason.map { t(reasonKey(e.kind, $0)) }, e.note].compactMap { $0 }.joined(separator: " — "))))
                }),
            forms)
        return main
    }

    static func closeForm(_ c: PageContext, _ k: CaseView, _ planned: [CaseActionView]) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.text(t("case.close"))),
            .form(
                .method(.post), .action(SiteURL.caseAct(k.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("close")),
                .label(.for("outcome"), .text(t("case.outcome"))),
                .select(
                    .id("outcome"), .attribute(named: "name", value: "outcome"),
                    .forEach(CaseOutcome.allCases) { o in .option(.value(o.rawValue), .label(t("outcome." + o.rawValue))) }),
                .label(.for("summary"), .text(t("case.summary"))),
                .textarea(.id("summary"), .name("summary"), .attribute(named: "rows", value: "3"), .required(true)),
                .if(
                    !planned.isEmpty,
                    .fieldset(
                        .element(named: "legend", text: t("case.decidePlanned")),
                        .forEach(planned) { decision(t, $0) })),
                .button(.type(.submit), .text(t("case.close")))))
    }

    /// What becomes of one planned action when the case closes: a choice and a reason, both required.
    static func decision(_ t: T, _ a: CaseActionView) -> Node<HTML.FormContext> {
        let choice: Node<HTML.FormContext> = .select(
            .id("decide-\(a.id)"), .attribute(named: "name", value: "decide-\(a.id)"), .attribute(named: "required", value: "required"),
            .option(.value(""), .label(t("case.choose"))), .option(.value("done"), .label(t("case.wasDone"))),
            .option(.value("cancelled"), .label(t("case.cancelIt"))))
        return .div(
            .class("decide"),
            .p(.strong(.text(t("action." + a.kind) + ": ")), .text(a.description + " — " + a.responsible)),
            .label(.for("decide-\(a.id)"), .text(t("case.becomes"))), choice,
            .label(.for("why-\(a.id)"), .text(t("case.cameOf"))),
            .input(.type(.text), .id("why-\(a.id)"), .name("why-\(a.id)"), .required(true)))
    }

    /// A history entry's reason is an action's kind, a closing's outcome or an escalation's reason, by the entry's kind.
    static func reasonKey(_ kind: String, _ reason: String) -> String {
        kind.hasPrefix("action-") ? "action." + reason : kind == "closed" ? "outcome." + reason : "reason." + reason
    }

    /// The column's name inside each cell, shown only where a narrow screen stacks the table's cells.
    static func label(_ text: String) -> Node<HTML.BodyContext> {
        .span(.class("cell-label"), .attribute(named: "aria-hidden", value: "true"), .text(text))
    }
}

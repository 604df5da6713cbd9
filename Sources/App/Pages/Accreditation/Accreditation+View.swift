import AgoraCore
import Foundation
import Plot

extension AccreditationPages {
    static func registerView(_ c: PageContext, _ m: RegisterModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let rows = m.rows.filter { m.body == nil || $0.body == m.body }
        return .group(
            .p(.text(t("acc.registerIntro"))),
            .if(c.signedIn, .p(.a(.href(SiteURL.accreditation.path), .text(t("acc.applications"))))),
            .p(
                .a(.href(SiteURL.accreditationRegisterCSV.path), .text("CSV")), .text(" · "),
                .a(.href(SiteURL.accreditationRegisterHXL.path), .text("HXL")),
                .unwrap(m.body) { b in
                    .group(.text(" · "), .a(.href(SiteURL.accreditationRegister().path), .text(t("acc.allBodies"))), .text(" · " + m.known.body(b)))
                }),
            .if(
                rows.isEmpty, .p(.class("muted"), .text(t("acc.none"))),
                else: .table(
                    .class("stack"),
                    .tr(
                        .class("head"), .th(.text(t("acc.organisation"))), .th(.text(t("acc.body"))), .th(.text(t("acc.category"))),
                        .th(.text(t("acc.status"))), .th(.text(t("acc.term")))),
                    .forEach(rows) { a in
                        .tr(
                            .class(a.status.permits ? "" : "overdue"),
                            .td(
                                .strong(.text(a.organisationName)),
                                .unwrap(a.identifiers.isEmpty ? nil : a.identifiers.joined(separator: ", ")) { .div(.class("muted"), .text($0)) }),
                            .td(.a(.href(SiteURL.accreditationRegister(body: a.body).path), .text(m.known.body(a.body)))),
                            .td(.text(m.schemes[a.body]?.category(a.category)?.name ?? a.category)),
                            .td(
                                .text(t("accstatus." + a.status.rawValue)),
                                .forEach(a.history.filter { ["suspended", "suspended-automatically"].contains($0.kind) }) { e in
                                    .div(.class("muted"), .text(t("acc.suspendedOn", t.date(e.at), e.note ?? "")))
                                }),
                            .td(.text(t.date(a.grantedOn) + " – " + t.date(a.validUntil))))
                    })))
    }

    static func applicationsView(_ c: PageContext, _ m: ApplicationsModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let targets = m.schemes.flatMap { s in s.categories.map { (value: s.body + "|" + $0.code, label: m.known.body(s.body) + " — " + $0.name) } }
        return .group(
            .p(.a(.href(SiteURL.accreditationRegister().path), .text(t("acc.register")))),
            .if(
                !m.organisations.isEmpty && !targets.isEmpty,
                .details(
                    .summary(.text(t("acc.apply"))),
                    .form(
                        .method(.post), .action(SiteURL.accreditation.path), Layout.csrf(c),
                        .label(.for("organisation"), .text(t("acc.organisation"))),
                        .select(
                            .id("organisation"), .attribute(named: "name", value: "organisation"),
                            .forEach(m.organisations) { o in .option(.value(o.code), .label(o.name)) }),
                        .label(.for("target"), .text(t("acc.target"))),
                        .select(
                            .id("target"), .attribute(named: "name", value: "target"),
                            .forEach(targets) { x in .option(.value(x.value), .label(x.label)) }),
                        .label(.for("statement"), .text(t("acc.statement"))),
                        .textarea(.id("statement"), .name("statement"), .attribute(named: "rows", value: "4"), .required(true)),
                        .button(.type(.submit), .text(t("acc.send")))))),
            .if(
                m.applications.isEmpty, .p(.class("muted"), .text(t("acc.noApplications"))),
                else: .table(
                    .class("stack"),
                    .tr(
                        .class("head"), .th(.text(t("acc.organisation"))), .th(.text(t("acc.body"))), .th(.text(t("acc.category"))),
                        .th(.text(t("acc.status")))),
                    .forEach(m.applications) { a in
                        .tr(
                            .td(.a(.href(SiteURL.accreditationApplication(a.id).path), .text(a.organisationName))), .td(.text(m.known.body(a.body))),
                            .td(.text(a.category)), .td(.text(t("appstate." + a.state.rawValue))))
                    })))
    }

    static func applicationView(_ c: PageContext, _ m: ApplicationModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let a = m.a
        let act = SiteURL.accreditationApplicationAct(a.id).path
        let criteria = m.scheme?.category(a.category)?.criteria ?? []
        let bodySteps = a.state.next.filter { !$0.byApplicant && !(a.state == .questions && $0 == .underReview) }
        return .group(
            .p(.strong(.text(t("appstate." + a.state.rawValue))), .text(" · " + m.known.body(a.body) + " · " + a.category)),
            .p(.text(a.statement)),
            .unwrap(a.decision) { d in .p(.class("muted"), .text(t("acc.decisionLine", d.organ, d.session, d.reasons))) },
            .unwrap(a.deferredTo) { .p(.text(t("acc.deferredTo", $0))) },
            .if(
                !a.assessments.isEmpty,
                .ul(
                    .forEach(a.assessments) { x in
                        .li(.text(x.criterion + " — " + t("verdict." + x.verdict.rawValue) + (x.evidence.map { ": " + $0 } ?? "")))
                    })),
            .h2(.text(t("case.history"))),
            .ul(
                .forEach(a.history) { e in
                    .li(.text(t.date(e.at, time: true) + " — " + t("appstate." + e.kind) + ((e.note ?? "").isEmpty ? "" : ": " + (e.note ?? ""))))
                }),
            .if(
                m.applicant && a.state == .questions,
                .form(
                    .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("to"), .value(ApplicationState.underReview.rawValue)),
                    .label(.for("answer"), .text(t("acc.answerQuestions"))),
                    .textarea(.id("answer"), .name("note"), .attribute(named: "rows", value: "4"), .required(true)),
                    .button(.type(.submit), .text(t("acc.sendAnswers"))))),
            .if(
                m.applicant && a.state.next.contains(.withdrawn),
                .form(
                    .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("to"), .value(ApplicationState.withdrawn.rawValue)),
                    .button(.type(.submit), .class("danger"), .text(t("acc.withdraw"))))),
            .if(
                m.keeper && !bodySteps.isEmpty,
                .group(
                    .h2(.text(t("acc.decide"))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c),
                        .label(.for("to"), .text(t("med.nextState"))),
                        .select(
                            .id("to"), .attribute(named: "name", value: "to"),
                            .forEach(bodySteps) { s in .option(.value(s.rawValue), .label(t("appstate." + s.rawValue))) }),
                        .label(.for("note"), .text(t("acc.note"))), .textarea(.id("note"), .name("note"), .attribute(named: "rows", value: "2")),
                        .label(.for("category"), .text(t("acc.category"))),
                        .select(
                            .id("category"), .attribute(named: "name", value: "category"),
                            .forEach(m.scheme?.categories ?? []) { x in .option(.value(x.code), .label(x.name), .isSelected(x.code == a.category)) }),
                        .fieldset(
                            .element(named: "legend", text: t("acc.criteria")),
                            .forEach(Array(criteria.enumerated())) { i, name in
                                let prior = a.assessments.first { $0.criterion == name }
                                return .group(
                                    .input(.type(.hidden), .name("criterion-\(i)"), .value(name)),
                                    .label(.for("verdict-\(i)"), .text(name)),
                                    .select(
                                        .id("verdict-\(i)"), .attribute(named: "name", value: "verdict-\(i)"), .option(.value(""), .label("—")),
                                        .forEach(Verdict.allCases) { v in
                                            .option(.value(v.rawValue), .label(t("verdict." + v.rawValue)), .isSelected(prior?.verdict == v))
                                        }),
                                    .input(
                                        .type(.text), .id("evidence-\(i)"), .name("evidence-\(i)"), .value(prior?.evidence ?? ""),
                                        .attribute(named: "aria-label", value: t("acc.evidence") + " — " + name), .placeholder(t("acc.evidence"))))
                            }),
                        .fieldset(
                            .element(named: "legend", text: t("acc.decision")),
                            .label(.for("organ"), .text(t("acc.organ"))), .input(.type(.text), .id("organ"), .name("organ")),
                            .label(.for("session"), .text(t("acc.session"))), .input(.type(.text), .id("session"), .name("session")),
                            .label(.input(.type(.checkbox), .id("consensus"), .name("consensus")), .text(" " + t("acc.consensus"))),
                            .label(.for("votesFor"), .text(t("acc.votesFor"))), .input(.type(.number), .id("votesFor"), .name("votesFor")),
                            .label(.for("votesAgainst"), .text(t("acc.votesAgainst"))),
                            .input(.type(.number), .id("votesAgainst"), .name("votesAgainst")),
                            .label(.for("abstentions"), .text(t("acc.abstentions"))),
                            .input(.type(.number), .id("abstentions"), .name("abstentions")),
                            .label(.for("reasons"), .text(t("acc.reasons"))),
                            .textarea(.id("reasons"), .name("reasons"), .attribute(named: "rows", value: "2")),
                            .label(.for("deferredTo"), .text(t("acc.deferredToField"))), .input(.type(.text), .id("deferredTo"), .name("deferredTo"))),
                        .button(.type(.submit), .text(t("acc.record")))))))
    }
}

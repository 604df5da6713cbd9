import AgoraCore
import Foundation
import Plot

extension SubmissionPages {
    static func listView(_ c: PageContext, _ m: ListModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.text(t("sub.intro")), .text(" "), .a(.href(SiteURL.responsiveness.path), .text(t("league.title")))),
            .if(m.anonymous, .p(.class("notice"), .text(t("sub.anonymousNote")))),
            .p(.a(.href(SiteURL.submissionReceipt.path), .text(t("sub.receiptCheck")))),
            .details(
                .if(m.anonymous, .attribute(named: "open", value: "open")),
                .summary(.text(t("sub.new"))),
                .form(
                    .method(.post), .action(SiteURL.submissions.path), Layout.csrf(c),
                    .label(.for("kind"), .text(t("sub.kind"))),
                    .select(
                        .id("kind"), .attribute(named: "name", value: "kind"),
                        .forEach(SubmissionKind.allCases) { k in .option(.value(k.rawValue), .label(t("skind." + k.rawValue))) }),
                    .label(.for("title"), .text(t("sub.titleField"))), .input(.type(.text), .id("title"), .name("title"), .required(true)),
                    .label(.for("summary"), .text(t("sub.summary"))),
                    .textarea(.id("summary"), .name("summary"), .attribute(named: "rows", value: "4"), .required(true)),
                    .label(.for("area"), .text(t("med.area"))),
                    .select(
                        .id("area"), .attribute(named: "name", value: "area"), .forEach(m.areas) { a in .option(.value(a.code), .label(a.name)) }),
                    .label(.for("topic"), .text(t("sub.topic"))),
                    .select(
                        .id("topic"), .attribute(named: "name", value: "topic"),
                        .forEach(Topic.allCases) { x in .option(.value(x.rawValue), .label(t("topic." + x.rawValue))) }),
                    .label(.for("asks"), .text(t("sub.asks"))),
                    .textarea(.id("asks"), .name("asks"), .attribute(named: "rows", value: "4"), .required(true)),
                    .label(.for("organisation"), .text(t("sub.organisation"))), .input(.type(.text), .id("organisation"), .name("organisation")),
                    .if(
                        !m.anonymous,
                        .group(
                            .label(.input(.type(.checkbox), .id("protected"), .name("protected")), .text(" " + t("sub.protected"))),
                            .label(.for("email"), .text(t("sub.notifyEmail"))), .input(.type(.email), .id("email"), .name("email")))),
                    .label(.input(.type(.checkbox), .id("public"), .name("public")), .text(" " + t("sub.public"))),
                    .button(.type(.submit), .text(t("sub.send"))))),
            .if(
                m.anonymous, .empty,
                else: .if(
                    m.submissions.isEmpty, .p(.class("muted"), .text(t("sub.none"))),
                    else: .table(
                        .class("stack"),
                        .tr(
                            .class("head"), .th(.text(t("sub.titleField"))), .th(.text(t("sub.to"))), .th(.text(t("med.state"))),
                            .th(.text(t("sub.answerBy")))),
                        .forEach(m.submissions) { s in
                            .tr(
                                .class(s.flag == .onTime ? "" : "overdue"),
                                .td(.a(.href(SiteURL.submission(s.id).path), .text(s.title))), .td(.text(m.known.body(s.body))),
                                .td(.text(t("sstate." + s.state.rawValue) + (s.flag == .onTime ? "" : " — " + t("sflag." + s.flag.rawValue)))),
                                .td(.text(t.date(s.answerBy))))
                        }))))
    }

    static func fileView(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let s = m.s
        let act = SiteURL.submissionAct(s.id).path
        return .group(
            .p(
                .strong(.text(t("sstate." + s.state.rawValue))), .text(" · " + t("skind." + s.kind.rawValue) + " · " + m.known.body(s.body)),
                .if(s.flag != .onTime, .strong(.class("overdue"), .text(" · " + t("sflag." + s.flag.rawValue))))),
            .p(.text(s.summary)),
            .p(.class("muted"), .text(t("sub.clock", t.date(s.receivedOn), t.date(s.acknowledgeBy), t.date(s.answerBy)))),
            .unwrap(s.submitter) { .p(.text(t("sub.from", $0) + (s.organisation.map { " (\($0))" } ?? ""))) },
            .if(s.anonymous, .p(.class("muted"), .text(t("sub.anonymous")))),
            .unwrap(s.review) { r in .p(.strong(.text(t("ireview." + r.rawValue)))) },
            .h2(.text(t("sub.askList"))),
            asksList(t, s.asks, known: m.known),
            filesSection(c, m),
            submitterForms(c, m),
            .h2(.text(t("case.history"))),
            .ul(.forEach(s.history) { e in .li(.text(t.date(e.at, time: true) + " — " + t("sevent." + e.kind) + (e.note.map { ": " + $0 } ?? ""))) }),
            .if(
                m.keeper && !s.state.next.isEmpty,
                .group(
                    .h2(.text(t("sub.moveOn"))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("step")),
                        .label(.for("to"), .text(t("med.nextState"))),
                        .select(
                            .id("to"), .attribute(named: "name", value: "to"),
                            .forEach(s.state.next.filter { $0 != .answered }) { x in .option(.value(x.rawValue), .label(t("sstate." + x.rawValue))) }),
                        .label(.for("note"), .text(t("med.note"))), .input(.type(.text), .id("note"), .name("note")),
                        .label(.for("transferTo"), .text(t("sub.transferTo"))), .input(.type(.text), .id("transferTo"), .name("transferTo")),
                        .button(.type(.submit), .text(t("sub.moveOn")))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("extend")),
                        .label(.for("extendBy"), .text(t("sub.extendBy"))),
                        .input(
                            .type(.number), .id("extendBy"), .name("extendBy"), .attribute(named: "min", value: "1"),
                            .attribute(named: "max", value: "120")),
                        .label(.for("extendNote"), .text(t("sub.extendWhy"))), .input(.type(.text), .id("extendNote"), .name("note")),
                        .button(.type(.submit), .text(t("sub.extend")))),
                    .if(
                        [.acknowledged, .underConsideration].contains(s.state),
                        .group(
                            .h2(.text(t("sub.answer"))),
                            .form(
                                .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("answer")),
                                .forEach(s.asks) { a in answerFields(t, a) },
                                .label(.input(.type(.checkbox), .id("publish"), .name("publish")), .text(" " + t("sub.publishNow"))),
                                .button(.type(.submit), .text(t("sub.answer")))))))),
            keeperForms(c, m))
    }

    static func answerFields(_ t: T, _ a: AskView) -> Node<HTML.FormContext> {
        let choices: Node<HTML.SelectContext> = .group(
            .option(.value(""), .label("—")),
            .forEach(AskAnswer.allCases) { x in .option(.value(x.rawValue), .label(t("answer." + x.rawValue)), .isSelected(x == a.answer)) })
        return .fieldset(
            .element(named: "legend", text: "\(a.n). " + a.text),
            .label(.for("answer-\(a.n)"), .text(t("sub.answerLabel"))),
            .select(.id("answer-\(a.n)"), .attribute(named: "name", value: "answer-\(a.n)"), choices),
            .label(.for("reason-\(a.n)"), .text(t("sub.reason"))), .input(.type(.text), .id("reason-\(a.n)"), .name("reason-\(a.n)")))
    }
}

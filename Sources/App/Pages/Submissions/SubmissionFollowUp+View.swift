import AgoraCore
import Foundation
import Plot

/// The parts of a submission's page after it is made: asks with their answers and commitments, files, the
/// submitter's forms (answer a question, ask for a review, follow), the body's (commitments, review, batch), and the
/// anonymous submitter's receipt.
extension SubmissionPages {
    static func asksList(_ t: T, _ asks: [AskView], known: PageNames) -> Node<HTML.BodyContext> {
        .ol(
            .forEach(asks) { a in
                .li(
                    .text(a.text),
                    .unwrap(a.answer) { x in .strong(.text(" — " + t("answer." + x.rawValue) + (a.published ? "" : " (" + t("sub.held") + ")"))) },
                    .unwrap(a.reason) { .span(.class("muted"), .text(" — " + $0)) },
                    .if(
                        a.published && [.accepted, .partlyAccepted].contains(a.answer),
                        .div(
                            .class("commitment"),
                            .element(
                                named: "progress",
                                nodes: [.attribute(named: "max", value: "100"), .attribute(named: "value", value: String(a.progress))]),
                            .text(
                                " "
                                    + t(
                                        "commit.line", t.number(a.progress), a.dueOn.map { t.date($0) } ?? "—",
                                        a.responsibleBody.map { known.body($0) } ?? "—")),
                            .if(
                                !a.milestones.isEmpty,
                                .ul(
                                    .forEach(a.milestones) { ms in
                                        .li(.text((ms.done ? "✓ " : "○ ") + ms.title + (ms.dueOn.map { " — " + t.date($0) } ?? "")))
                                    }))))
                )
            })
    }

    static func filesSection(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let s = m.s
        return .group(
            .if(!s.files.isEmpty || m.own || m.keeper, .h2(.text(t("sub.files")))),
            .if(
                !s.files.isEmpty,
                .ul(
                    .forEach(s.files) { f in
                        .li(
                            .a(.href(SiteURL.submissionFile(s.id, file: f.id).path), .text(f.name)),
                            .span(.class("muted"), .text(" · " + t.bytes(f.size))))
                    })),
            .if(
                (m.own || m.keeper) && s.files.count < SubmissionFiles.maxFiles,
                .form(
                    .method(.post), .action(SiteURL.submissionFileUpload(s.id).path), .attribute(named: "enctype", value: "multipart/form-data"),
                    Layout.csrf(c),
                    .label(.for("file"), .text(t("sub.fileField"))),
                    .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".pdf,.jpg,.jpeg,.png,.docx,.odt")),
                    .p(.class("muted"), .text(t("sub.fileHint"))),
                    .button(.type(.submit), .text(t("sub.addFile"))))))
    }

    static func submitterForms(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let s = m.s
        let act = SiteURL.submissionAct(s.id).path
        return .group(
            .if(
                m.own && s.state == .clarificationRequested,
                .form(
                    .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("clarify")),
                    .label(.for("clarifyNote"), .text(t("sub.clarifyField"))),
                    .textarea(.id("clarifyNote"), .name("note"), .attribute(named: "rows", value: "3"), .required(true)),
                    .button(.type(.submit), .text(t("sub.clarify"))))),
            .if(
                m.own && ReviewRules.mayRequest(s.state, flag: s.flag, review: s.review),
                .details(
                    .summary(.text(t("ireview.ask"))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("review")),
                        .label(.for("reviewReason"), .text(t("ireview.reason"))),
                        .textarea(.id("reviewReason"), .name("reason"), .attribute(named: "rows", value: "3"), .required(true)),
                        .button(.type(.submit), .text(t("ireview.ask")))))),
            .h2(.text(t("follow.title"))),
            .if(
                m.following.isEmpty, .p(.class("muted"), .text(t("follow.none"))),
                else: .ul(
                    .forEach(m.following) { f in
                        .li(
                            .text(f.target + " "),
                            .form(
                                .class("inline"), .method(.post), .action(act), Layout.csrf(c),
                                .input(.type(.hidden), .name("do"), .value("unfollow")),
                                .input(.type(.hidden), .name("follower"), .value(f.id)), .button(.type(.submit), .text(t("follow.stop")))))
                    })),
            .form(
                .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("follow")),
                .label(.for("followEmail"), .text(t("follow.email"))), .input(.type(.email), .id("followEmail"), .name("email"), .required(true)),
                .button(.type(.submit), .text(t("follow.start")))))
    }

    static func keeperForms(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let s = m.s
        let act = SiteURL.submissionAct(s.id).path
        let commitments = s.asks.filter { $0.published && [.accepted, .partlyAccepted].contains($0.answer) }
        guard m.keeper else { return .empty }
        return .group(
            .if(
                m.heldAnswers,
                .form(
                    .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("publishAll")),
                    .p(.text(t("sub.batchNote"))), .button(.type(.submit), .text(t("sub.publishAll"))))),
            .if(
                s.review == .requested,
                .group(
                    .h2(.text(t("ireview.decide"))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("decide")),
                        .label(.for("outcome"), .text(t("ireview.outcome"))),
                        .select(
                            .id("outcome"), .attribute(named: "name", value: "outcome"),
                            .option(.value(ReviewState.upheld.rawValue), .label(t("ireview.upheld"))),
                            .option(.value(ReviewState.revised.rawValue), .label(t("ireview.revised")))),
                        .label(.for("reviewNote"), .text(t("ireview.found"))),
                        .input(.type(.text), .id("reviewNote"), .name("note"), .required(true)),
                        .button(.type(.submit), .text(t("ireview.decide")))))),
            .if(!commitments.isEmpty, .h2(.text(t("commit.title")))),
            .forEach(commitments) { a in
                .form(
                    .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("commit")),
                    .input(.type(.hidden), .name("n"), .value(String(a.n))),
                    .fieldset(
                        .element(named: "legend", text: "\(a.n). " + a.text),
                        .label(.for("progress-\(a.n)"), .text(t("commit.progress"))),
                        .input(
                            .type(.number), .id("progress-\(a.n)"), .name("progress"), .value(String(a.progress)),
                            .attribute(named: "min", value: "0"),
                            .attribute(named: "max", value: "100")),
                        .label(.for("dueOn-\(a.n)"), .text(t("commit.due"))),
                        .input(.type(.date), .id("dueOn-\(a.n)"), .name("dueOn"), .value(a.dueOn ?? "")),
                        .label(.for("responsible-\(a.n)"), .text(t("commit.responsible"))),
                        .input(.type(.text), .id("responsible-\(a.n)"), .name("responsibleBody"), .value(a.responsibleBody ?? s.body)),
                        .label(.for("milestones-\(a.n)"), .text(t("commit.milestones"))),
                        .textarea(
                            .id("milestones-\(a.n)"), .name("milestones"), .attribute(named: "rows", value: "3"),
                            .text(a.milestones.map(\.line).joined(separator: "\n"))),
                        .label(.for("commitNote-\(a.n)"), .text(t("med.note"))), .input(.type(.text), .id("commitNote-\(a.n)"), .name("note")),
                        .button(.type(.submit), .text(t("commit.save")))))
            })
    }

    /// The anonymous submitter's page right after submitting: the code, once, and what it is for.
    static func receiptMadeView(_ c: PageContext, code: String, s: SubmissionView, known: PageNames) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.text(t("sub.receiptIntro", c.t("skind." + s.kind.rawValue), known.body(s.body)))),
            .p(.class("receipt"), .strong(.id("receipt-code"), .text(code))),
            .p(.text(t("sub.receiptKeep"))),
            .p(.class("muted"), .text(t("sub.clock", t.date(s.receivedOn), t.date(s.acknowledgeBy), t.date(s.answerBy)))),
            .p(.a(.href(SiteURL.submissionReceipt.path), .text(t("sub.receiptCheck")))))
    }

    /// Checking a receipt: the form, and when the code is known, the submission as its submitter sees it.
    static func receiptView(_ c: PageContext, code: String, s: SubmissionView?, known: PageNames, error: String? = nil) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .method(.post), .action(SiteURL.submissionReceipt.path),
                .label(.for("code"), .text(t("sub.receiptField"))),
                .input(.type(.text), .id("code"), .name("code"), .value(code), .required(true), .attribute(named: "autocomplete", value: "off")),
                .button(.type(.submit), .text(t("sub.receiptLook")))),
            .unwrap(s) { s in
                .section(
                    .class("card"),
                    .h2(.text(s.title)),
                    .p(
                        .strong(.text(t("sstate." + s.state.rawValue))), .text(" · " + known.body(s.body)),
                        .if(s.flag != .onTime, .strong(.class("overdue"), .text(" · " + t("sflag." + s.flag.rawValue))))),
                    .p(.class("muted"), .text(t("sub.clock", t.date(s.receivedOn), t.date(s.acknowledgeBy), t.date(s.answerBy)))),
                    asksList(t, s.asks, known: known),
                    .ul(
                        .forEach(s.history) { e in
                            .li(.text(t.date(e.at, time: true) + " — " + t("sevent." + e.kind) + (e.note.map { ": " + $0 } ?? "")))
                        }),
                    .if(
                        s.state == .clarificationRequested,
                        .form(
                            .method(.post), .action(SiteURL.submissionReceipt.path), .input(.type(.hidden), .name("code"), .value(code)),
                            .input(.type(.hidden), .name("do"), .value("clarify")),
                            .label(.for("note"), .text(t("sub.clarifyField"))),
                            .textarea(.id("note"), .name("note"), .attribute(named: "rows", value: "3"), .required(true)),
                            .button(.type(.submit), .text(t("sub.clarify"))))))
            })
    }

    static func leagueView(_ c: PageContext, _ m: LeagueModel) -> Node<HTML.BodyContext> {
        let t = c.t
        func pct(_ v: Double?) -> String { v.map { t.number($0 * 100) + " %" } ?? "—" }
        return .group(
            .p(.text(t("league.intro"))),
            .p(.a(.href(SiteURL.responsivenessCSV.path), .text(t("league.csv")))),
            .if(
                m.rows.isEmpty, .p(.class("muted"), .text(t("league.none"))),
                else: .table(
                    .class("stack"),
                    .tr(
                        .class("head"), .th(.text(t("sub.to"))), .th(.text(t("league.received"))), .th(.text(t("league.onTime"))),
                        .th(.text(t("league.median"))), .th(.text(t("league.overdue"))), .th(.text(t("league.commitments")))),
                    .forEach(m.rows) { r in
                        .tr(
                            .td(.a(.href(SiteURL.body(r.body).path), .text(m.known.body(r.body)))), .td(.text(t.number(r.figures.received))),
                            .td(.text(pct(r.figures.answeredOnTimeShare))),
                            .td(.text(r.figures.medianDaysToAnswer.map { t.number($0, digits: 1) } ?? "—")),
                            .td(.text(t.number(r.figures.overdueNow + r.figures.veryOverdueNow))),
                            .td(
                                .text(
                                    r.commitments.commitments == 0
                                        ? "—"
                                        : t(
                                            "league.commitLine", t.number(r.commitments.commitments), t.number(r.commitments.done),
                                            r.commitments.meanProgress.map { t.number($0) } ?? "—"))))
                    })))
    }
}

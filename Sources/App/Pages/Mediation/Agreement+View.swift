import AgoraCore
import Foundation
import Plot

extension MediationPages {
    static func listView(_ c: PageContext, _ m: ListModel) -> Node<HTML.BodyContext> {
        let t = c.t
        func rows(_ list: [AgreementHeaderView]) -> Node<HTML.BodyContext> {
            .table(
                .class("stack"),
                .tr(.class("head"), .th(.text(t("agr.title"))), .th(.text(t("agr.signedOn"))), .th(.text(t("agr.country")))),
                .forEach(list) { a in
                    .tr(.td(.a(.href(SiteURL.agreement(a.id).path), .text(a.title))), .td(.text(t.date(a.signedOn))), .td(.text(a.country)))
                })
        }
        return .group(
            .p(.text(t("agr.intro"))),
            .h2(.text(t("agr.tracked"))),
            .if(m.tracked.isEmpty, .p(.class("muted"), .text(t("agr.noneTracked"))), else: rows(m.tracked)),
            .h2(.text(t("agr.search"))),
            .form(
                .method(.get), .action(SiteURL.agreements().path), .label(.for("q"), .text(t("agr.searchLabel"))),
                .input(.type(.search), .id("q"), .name("q"), .value(m.query ?? "")), .button(.type(.submit), .text(t("agr.searchButton")))),
            .if(m.query != nil, m.found.isEmpty ? .p(.class("muted"), .text(t("agr.noneFound"))) : rows(m.found)))
    }

    static func agreementView(_ c: PageContext, _ m: AgreementModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let f = m.file
        let a = f.agreement
        func pct(_ v: Double) -> String { t.number(v * 100) + " %" }
        let now = Implementation.latest(f.scores.map(\.entry), at: m.month)
        let pending = f.scores.filter { !$0.entry.published }
        let stalled = Dictionary(f.stalls.map { ($0.stipulation, $0) }, uniquingKeysWith: { x, _ in x })
        return .group(
            .p(.text("\(t.date(a.signedOn)) · \(a.country) · \(a.parties)"), .unwrap(a.paxId) { .span(.class("muted"), .text(" · PA-X \($0)")) }),
            .if(!a.thirdParties.isEmpty, .p(.class("muted"), .text(t("agr.thirdParties") + ": " + a.thirdParties))),
            .if(!a.text.isEmpty, .p(.text(a.text))),
            .if(
                !a.themes.isEmpty,
                .p(.text(t("agr.themes") + ": " + a.themes.map { (PAX.themeNames[$0.code] ?? $0.code) + " (\($0.depth))" }.joined(separator: ", ")))),
            .if(
                !f.stipulations.isEmpty,
                .group(
                    .h2(.text(t("agr.done", pct(f.rollup.agreement)))),
                    .raw(SVG.share(f.series.map { ($0.period, $0.share) }, title: t("agr.chart"))),
                    .p(
                        .class("muted"),
                        .text(
                            t("agr.reviewers", t.number(f.reviewers.agreed), t.number(f.reviewers.reviewed))
                                + (f.reviewers.rate.map { " (" + pct($0) + ")" } ?? ""))),
                    .table(
                        .class("stack"), .tr(.class("head"), .th(.text(t("agr.theme"))), .th(.text(t("agr.share")))),
                        .forEach(f.rollup.themes) { s in .tr(.td(.text(s.key)), .td(.text(pct(s.share)))) }),
                    .h3(.text(t("agr.actors"))),
                    .table(
                        .class("stack"), .tr(.class("head"), .th(.text(t("agr.who"))), .th(.text(t("agr.share")))),
                        .forEach(f.rollup.actors) { s in .tr(.td(.text(s.key)), .td(.text(pct(s.share)))) }),
                    .h2(.text(t("agr.commitments"))),
                    .table(
                        .class("stack"),
                        .tr(
                            .class("head"), .th(.text(t("agr.code"))), .th(.text(t("agr.promise"))), .th(.text(t("agr.who"))),
                            .th(.text(t("agr.score"))),
                            .th(.text(t("agr.evidence")))),
                        .forEach(f.stipulations) { s in
                            let score = now[s.code] ?? .notInitiated
                            let links = f.scores.filter { $0.entry.published && $0.entry.stipulation == s.code }.flatMap(\.entry.evidence)
                            return .tr(
                                .class(stalled[s.code] != nil ? "overdue" : ""),
                                .td(.text(s.code)),
                                .td(
                                    .text(s.text), .span(.class("muted"), .text(" — " + s.theme)),
                                    .unwrap(s.due) { .p(.class("muted"), .text(t("agr.due", t.date($0)))) },
                                    .unwrap(stalled[s.code]) { st in
                                        .p(
                                            .strong(
                                                .text(t("stall." + st.reason.rawValue, st.reason == .overdue ? t.date(st.since) : t.period(st.since)))
                                            ))
                                    }),
                                .td(.text(s.responsible.map(\.name).joined(separator: ", "))),
                                .td(.text("\(score.rawValue) — " + t("pam.\(score.rawValue)"))),
                                .td(evidence(c, links)))
                        }),
                    .p(.a(.href(SiteURL.agreementExport(a.id).path), .text(t("agr.export")))))),
            .if(
                !f.violations.isEmpty,
                .group(
                    .h2(.text(t("agr.violations"))),
                    .ul(
                        .forEach(f.violations) { v in
                            .li(
                                .text(t.date(v.occurredOn) + " — " + v.description + " — " + t("vstate." + v.state.rawValue)),
                                .unwrap(v.finding) { .strong(.text(" · " + t("finding." + $0))) })
                        }))),
            .if(f.canScore, violationSteps(c, m)),
            .if(m.canAllege, allegeForm(c, m)),
            .if(f.canScore, scoreForms(c, m, pending)))
    }

    static func allegeForm(_ c: PageContext, _ m: AgreementModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let f = m.file
        return .details(
            .summary(.text(t("agr.allege"))),
            .form(
                .method(.post), .action(SiteURL.agreementAct(f.agreement.id).path), .if(c.signedIn, Layout.csrf(c)),
                .input(.type(.hidden), .name("do"), .value("allege")),
                .label(.for("v-date"), .text(t("agr.when"))),
                .input(.type(.date), .id("v-date"), .name("occurredOn"), .value(m.today), .required(true)),
                .label(.for("v-area"), .text(t("med.area"))),
                .select(.id("v-area"), .attribute(named: "name", value: "area"), .forEach(m.areas) { a in .option(.value(a.code), .label(a.name)) }),
                .label(.for("v-stipulation"), .text(t("agr.stipulation"))),
                .select(
                    .id("v-stipulation"), .attribute(named: "name", value: "stipulation"), .option(.value(""), .label("—")),
                    .forEach(f.stipulations) { s in .option(.value(s.code), .label(s.code + " — " + s.text)) }),
                .label(.for("v-party"), .text(t("agr.byWhom"))), .input(.type(.text), .id("v-party"), .name("allegedParty")),
                .label(.for("v-description"), .text(t("agr.whatHappened"))),
                .textarea(.id("v-description"), .name("description"), .attribute(named: "rows", value: "3"), .required(true)),
                .button(.type(.submit), .text(t("agr.allege")))))
    }

    /// The procedure of each open allegation, for the body that keeps the agreement.
    static func violationSteps(_ c: PageContext, _ m: AgreementModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let open = m.file.violations.filter { !$0.state.next.isEmpty }
        return .forEach(open) { v in
            .form(
                .method(.post), .action(SiteURL.agreementAct(m.file.agreement.id).path), Layout.csrf(c),
                .input(.type(.hidden), .name("do"), .value("step")),
                .input(.type(.hidden), .name("violation"), .value(v.id)),
                .p(.strong(.text(t.date(v.occurredOn) + " — " + v.description + " — " + t("vstate." + v.state.rawValue)))),
                .label(.for("to-\(v.id)"), .text(t("med.nextState"))),
                .select(
                    .id("to-\(v.id)"), .attribute(named: "name", value: "to"),
                    .forEach(v.state.next) { x in .option(.value(x.rawValue), .label(t("vstate." + x.rawValue))) }),
                .label(.for("note-\(v.id)"), .text(t("med.note"))), .input(.type(.text), .id("note-\(v.id)"), .name("note"), .required(true)),
                .label(.for("team-\(v.id)"), .text(t("agr.team"))), .input(.type(.text), .id("team-\(v.id)"), .name("team")),
                .label(.for("finding-\(v.id)"), .text(t("agr.finding"))),
                .select(
                    .id("finding-\(v.id)"), .attribute(named: "name", value: "finding"), .option(.value(""), .label("—")),
                    .forEach(ViolationFinding.allCases) { x in .option(.value(x.rawValue), .label(t("finding." + x.rawValue))) }),
                .label(.for("party-\(v.id)"), .text(t("agr.byWhom"))), .input(.type(.text), .id("party-\(v.id)"), .name("party")),
                .label(.for("fst-\(v.id)"), .text(t("agr.stipulation"))), .input(.type(.text), .id("fst-\(v.id)"), .name("findingStipulation")),
                .label(.for("resp-\(v.id)"), .text(t("agr.respondent"))), .input(.type(.text), .id("resp-\(v.id)"), .name("respondent")),
                .button(.type(.submit), .text(t("med.move"))))
        }
    }

    /// Evidence as the reader may follow it: links as links, records named by kind (their pages apply their own access).
    static func evidence<C: HTML.BodyContext>(_ c: PageContext, _ list: [Evidence]) -> Node<C> {
        .ul(
            .forEach(list) { e in
                e.kind == .link && (e.ref.hasPrefix("https://") || e.ref.hasPrefix("http://"))
                    ? .li(.a(.href(e.ref), .attribute(named: "rel", value: "noopener noreferrer"), .text(e.note.isEmpty ? e.ref : e.note)))
                    : .li(.text(c.t("evidence." + e.kind.rawValue) + (e.note.isEmpty ? "" : ": " + e.note)))
            })
    }

    static func scoreForms(_ c: PageContext, _ m: AgreementModel, _ pending: [ScoreView]) -> Node<HTML.BodyContext> {
        let t = c.t
        let f = m.file
        let act = SiteURL.agreementAct(f.agreement.id).path
        func scale(_ id: String) -> Node<HTML.FormContext> {
            .select(
                .id(id), .attribute(named: "name", value: "score"),
                .forEach(PAMScore.allCases) { s in .option(.value("\(s.rawValue)"), .label("\(s.rawValue) — " + t("pam.\(s.rawValue)"))) })
        }
        return .group(
            .if(
                !pending.isEmpty,
                .group(
                    .h2(.text(t("agr.toReview"))),
                    .forEach(pending) { s in
                        .form(
                            .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("review")),
                            .input(.type(.hidden), .name("scoreId"), .value(s.id)),
                            .p(
                                .text(
                                    "\(s.entry.stipulation) · \(t.period(s.entry.period)) · \(s.entry.score.rawValue) — "
                                        + t("pam.\(s.entry.score.rawValue)"))),
                            evidence(c, s.entry.evidence),
                            .label(.for("review-\(s.id)"), .text(t("agr.yourScore"))), scale("review-\(s.id)"),
                            .button(.type(.submit), .text(t("agr.reviewPublish"))))
                    })),
            .if(
                !f.stipulations.isEmpty,
                .group(
                    .h2(.text(t("agr.scoreTitle"))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("score")),
                        .label(.for("stipulation"), .text(t("agr.stipulation"))),
                        .select(
                            .id("stipulation"), .attribute(named: "name", value: "stipulation"),
                            .forEach(f.stipulations) { s in .option(.value(s.code), .label(s.code + " — " + s.text)) }),
                        .label(.for("period"), .text(t("agr.month"))),
                        .input(.type(.month), .id("period"), .name("period"), .value(m.month), .required(true)),
                        .label(.for("score"), .text(t("agr.score"))), scale("score"),
                        .label(.for("evidenceKind"), .text(t("agr.evidenceKind"))),
                        .select(
                            .id("evidenceKind"), .attribute(named: "name", value: "evidenceKind"),
                            .forEach(Evidence.Kind.allCases) { k in .option(.value(k.rawValue), .label(t("evidence." + k.rawValue))) }),
                        .label(.for("evidenceRef"), .text(t("agr.evidenceRef"))), .input(.type(.text), .id("evidenceRef"), .name("evidenceRef")),
                        .label(.for("evidenceNote"), .text(t("agr.evidenceNote"))), .input(.type(.text), .id("evidenceNote"), .name("evidenceNote")),
                        .button(.type(.submit), .text(t("agr.scoreButton")))))))
    }
}

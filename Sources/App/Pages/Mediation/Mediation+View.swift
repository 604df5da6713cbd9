import AgoraCore
import Foundation
import Plot

extension MediationPages {
    static func boardView(_ c: PageContext, _ m: BoardModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.a(.href(SiteURL.agreements().path), .text(t("agr.list")))),
            .if(!m.bodies.isEmpty, openForm(c, m)),
            .if(
                m.cases.isEmpty, .p(.class("muted"), .text(t("med.none"))),
                else: .table(
                    .class("stack"),
                    .tr(.class("head"), .th(.text(t("med.case"))), .th(.text(t("med.state"))), .th(.text(t("med.body"))), .th(.text(t("med.areas")))),
                    .forEach(m.cases) { k in
                        .tr(
                            .td(.a(.href(SiteURL.mediation(k.id).path), .text(k.title))), .td(.text(t("mstate." + k.state.rawValue))),
                            .td(.text(m.known.body(k.body))), .td(.text(k.areas.map { m.names[$0] ?? $0 }.joined(separator: ", "))))
                    })))
    }

    /// Opening a case: the reader mediates it, and signs the conflict-of-interest declaration here.
    static func openForm(_ c: PageContext, _ m: BoardModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .details(
            .summary(.text(t("med.open"))),
            .form(
                .method(.post), .action(SiteURL.mediations.path), Layout.csrf(c),
                .label(.for("title"), .text(t("med.title"))), .input(.type(.text), .id("title"), .name("title"), .required(true)),
                .label(.for("body"), .text(t("med.body"))),
                .select(
                    .id("body"), .attribute(named: "name", value: "body"), .forEach(m.bodies) { b in .option(.value(b), .label(m.known.body(b))) }),
                .label(.for("area"), .text(t("med.area"))),
                .select(.id("area"), .attribute(named: "name", value: "area"), .forEach(m.areas) { a in .option(.value(a.code), .label(a.name)) }),
                .label(.for("topic"), .text(t("med.topic"))), .input(.type(.text), .id("topic"), .name("topic"), .required(true)),
                .label(.for("track"), .text(t("med.track"))),
                .select(
                    .id("track"), .attribute(named: "name", value: "track"),
                    .forEach(MediationTrack.allCases) { x in .option(.value(x.rawValue), .label(x.rawValue)) }),
                .label(.for("mode"), .text(t("med.mode"))),
                .select(
                    .id("mode"), .attribute(named: "name", value: "mode"),
                    .forEach(MediationMode.allCases) { x in .option(.value(x.rawValue), .label(t("mmode." + x.rawValue))) }),
                .label(.for("parties"), .text(t("med.partyLines"))),
                .textarea(.id("parties"), .name("parties"), .attribute(named: "rows", value: "3")),
                .label(.for("mediator"), .text(t("med.yourName"))),
                .input(.type(.text), .id("mediator"), .name("mediator"), .value(c.name ?? ""), .required(true)),
                .label(.for("declaration"), .text(t("med.declaration"))),
                .textarea(.id("declaration"), .name("declaration"), .attribute(named: "rows", value: "2"), .required(true)),
                .button(.type(.submit), .text(t("med.open")))))
    }

    static func fileView(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let k = m.file.mediation
        let inc = m.file.inclusion
        func pct(_ v: Double?) -> String { v.map { t.number($0 * 100) + " %" } ?? "—" }
        return .group(
            .p(
                .strong(.text(t("mstate." + k.state.rawValue))),
                .text(" · \(t("med.track")) \(k.track.rawValue) · \(t("mmode." + k.mode.rawValue)) · \(m.known.body(k.body)) · "),
                .text(k.areas.map { m.names[$0] ?? $0 }.joined(separator: ", "))),
            .p(.text(k.topic)),
            .p(.class("muted"), .text(t("med.reach", t("vis." + k.reach.rawValue)))),
            .h2(.text(t("med.table"))),
            .table(
                .class("stack"),
                .tr(.class("head"), .th(.text(t("med.name"))), .th(.text(t("med.role"))), .th(.text(t("med.consent")))),
                .forEach(k.parties) { p in
                    .tr(
                        .td(.text(p.name)), .td(.text(t("prole." + p.role.rawValue))),
                        .td(.text(p.role == .party ? t("consent." + p.consent.rawValue) : "")))
                }),
            .h3(.text(t("med.mediators"))),
            .ul(.forEach(k.mediators) { x in .li(.text(x.name), .span(.class("muted"), .text(" — " + t("med.declared", t.date(x.declaredAt))))) }),
            .h2(.text(t("med.sessions"))),
            .p(.class("muted"), .text(t("med.inclusion", t.number(inc.people), pct(inc.womenShare), pct(inc.youthShare)))),
            .forEach(m.file.sessions) { s in session(c, s, names: m.names) },
            .h2(.text(t("med.agreements"))),
            .ul(.forEach(m.file.agreements) { a in .li(.a(.href(SiteURL.agreement(a.id).path), .text(a.title)), .text(" — " + t.date(a.signedOn))) }),
            .h2(.text(t("case.history"))),
            .ul(
                .forEach(m.file.history) { e in
                    .li(
                        .text(t.date(e.at, time: true) + " — " + t("mevent." + e.kind)),
                        .unwrap(e.to) { .text(" → " + t("mstate." + $0)) }, .unwrap(e.reason) { .span(.class("muted"), .text(" — " + $0)) })
                }),
            .if(m.manager, forms(c, m)))
    }

    static func consent(_ t: T, _ i: Int, _ p: MediationParty) -> Node<HTML.FormContext> {
        let choices: Node<HTML.SelectContext> = .forEach(Consent.allCases) { x in
            .option(.value(x.rawValue), .label(t("consent." + x.rawValue)), .isSelected(x == p.consent))
        }
        return .group(
            .label(.for("consent-\(i)"), .text(p.name)), .select(.id("consent-\(i)"), .attribute(named: "name", value: "consent-\(i)"), choices))
    }

    static func session(_ c: PageContext, _ s: SessionView, names: AreaNames) -> Node<HTML.BodyContext> {
        let t = c.t
        let d = s.session
        return .section(
            .class("card"),
            .p(.strong(.text(t.date(d.date) + " · " + t("sformat." + d.format.rawValue) + " · " + (names[d.area] ?? d.area)))),
            .ul(.forEach(d.attendance) { a in .li(.text(t("med.attended", a.category, t.number(a.women), t.number(a.men), t.number(a.youth)))) }),
            .ul(
                .forEach(d.notes + d.outcomes) { n in
                    .li(.text(n.text), .span(.class("muted"), .text(" (" + t("vis." + n.visibility.rawValue) + ")")))
                }),
            .ul(
                .forEach(d.documents) { x in
                    .li(.text(t("med.document", x.document)), .span(.class("muted"), .text(" (" + t("vis." + x.visibility.rawValue) + ")")))
                }),
            .ul(.forEach(d.nextSteps) { n in .li(.text(t("med.nextStep", n.action, n.owner, t.date(n.due)))) }))
    }

    static func forms(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let k = m.file.mediation
        let act = SiteURL.mediationAct(k.id).path
        let pending = k.parties.indices.filter { k.parties[$0].role == .party }
        return .group(
            .h2(.text(t("med.consentTitle"))),
            .form(
                .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("consent")),
                .forEach(pending) { i in consent(t, i, k.parties[i]) },
                .button(.type(.submit), .text(t("med.saveConsent")))),
            .if(
                !k.next.isEmpty,
                .group(
                    .h2(.text(t("med.move"))),
                    .form(
                        .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("transition")),
                        .label(.for("to"), .text(t("med.nextState"))),
                        .select(
                            .id("to"), .attribute(named: "name", value: "to"),
                            .forEach(k.next) { s in .option(.value(s.rawValue), .label(t("mstate." + s.rawValue))) }),
                        .label(.for("reason"), .text(t("alert.reason"))), .input(.type(.text), .id("reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .text(t("med.move")))))),
            .h2(.text(t("med.addSession"))),
            .form(
                .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("session")),
                .label(.for("date"), .text(t("med.date"))), .input(.type(.date), .id("date"), .name("date"), .value(m.today), .required(true)),
                .label(.for("area"), .text(t("med.area"))),
                .select(
                    .id("area"), .attribute(named: "name", value: "area"), .forEach(k.areas) { a in .option(.value(a), .label(m.names[a] ?? a)) }),
                .label(.for("format"), .text(t("med.format"))),
                .select(
                    .id("format"), .attribute(named: "name", value: "format"),
                    .forEach(SessionFormat.allCases) { f in .option(.value(f.rawValue), .label(t("sformat." + f.rawValue))) }),
                .fieldset(
                    .element(named: "legend", text: t("med.attendance")),
                    .label(.for("category"), .text(t("med.category"))), .input(.type(.text), .id("category"), .name("category")),
                    .label(.for("women"), .text(t("med.women"))),
                    .input(.type(.number), .id("women"), .name("women"), .attribute(named: "min", value: "0")),
                    .label(.for("men"), .text(t("med.men"))), .input(.type(.number), .id("men"), .name("men"), .attribute(named: "min", value: "0")),
                    .label(.for("youth"), .text(t("med.youth"))),
                    .input(.type(.number), .id("youth"), .name("youth"), .attribute(named: "min", value: "0"))),
                .label(.for("note"), .text(t("med.note"))), .textarea(.id("note"), .name("note"), .attribute(named: "rows", value: "3")),
                .label(.for("visibility"), .text(t("med.visibility"))),
                .select(
                    .id("visibility"), .attribute(named: "name", value: "visibility"),
                    .forEach(Visibility.allCases.reversed()) { v in .option(.value(v.rawValue), .label(t("vis." + v.rawValue))) }),
                .label(.for("nextAction"), .text(t("med.nextAction"))), .input(.type(.text), .id("nextAction"), .name("nextAction")),
                .label(.for("nextOwner"), .text(t("case.who"))), .input(.type(.text), .id("nextOwner"), .name("nextOwner")),
                .label(.for("nextDue"), .text(t("med.due"))), .input(.type(.date), .id("nextDue"), .name("nextDue")),
                .button(.type(.submit), .text(t("med.addSession")))),
            .h2(.text(t("med.recordAgreement"))),
            .form(
                .method(.post), .action(act), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("agreement")),
                .input(.type(.hidden), .name("body"), .value(k.body)),
                .label(.for("title"), .text(t("agr.title"))), .input(.type(.text), .id("title"), .name("title"), .required(true)),
                .label(.for("adate"), .text(t("agr.signedOn"))), .input(.type(.date), .id("adate"), .name("date"), .required(true)),
                .label(.for("parties"), .text(t("agr.parties"))),
                .input(
                    .type(.text), .id("parties"), .name("parties"), .value(k.parties.filter { $0.role == .party }.map(\.name).joined(separator: "; "))
                ),
                .label(.for("country"), .text(t("agr.country"))), .input(.type(.text), .id("country"), .name("country"), .required(true)),
                .label(.for("text"), .text(t("agr.text"))), .textarea(.id("text"), .name("text"), .attribute(named: "rows", value: "4")),
                .label(.for("stipulations"), .text(t("agr.stipulationLines"))),
                .textarea(.id("stipulations"), .name("stipulations"), .attribute(named: "rows", value: "6")),
                .label(.for("classification"), .text(t("agr.classification"))),
                .select(
                    .id("classification"), .attribute(named: "name", value: "classification"),
                    .option(.value("restricted"), .label(t("class.restricted"))),
                    .option(.value("public"), .label(t("class.public")))),
                .button(.type(.submit), .text(t("med.recordAgreement")))))
    }
}

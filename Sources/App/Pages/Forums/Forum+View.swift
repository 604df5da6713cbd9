import AgoraCore
import Foundation
import Plot

extension ForumPages {
    static func listView(_ c: PageContext, _ m: ListModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.text(t("forum.intro"))),
            .if(
                !m.convenes.isEmpty,
                .details(
                    .summary(.text(t("forum.new"))),
                    .form(
                        .method(.post), .action(SiteURL.forums.path), Layout.csrf(c),
                        .label(.for("body"), .text(t("forum.body"))),
                        .select(
                            .id("body"), .attribute(named: "name", value: "body"),
                            .forEach(m.convenes) { b in .option(.value(b), .label(m.known.body(b))) }),
                        .label(.for("name"), .text(t("forum.name"))), .input(.type(.text), .id("name"), .name("name"), .required(true)),
                        .label(.for("mandate"), .text(t("forum.mandate"))),
                        .textarea(.id("mandate"), .name("mandate"), .attribute(named: "rows", value: "2"), .required(true)),
                        .label(.for("topic"), .text(t("sub.topic"))),
                        .select(
                            .id("topic"), .attribute(named: "name", value: "topic"),
                            .forEach(Topic.allCases) { x in .option(.value(x.rawValue), .label(t("topic." + x.rawValue))) }),
                        .label(.for("area"), .text(t("med.area"))),
                        .select(
                            .id("area"), .attribute(named: "name", value: "area"), .forEach(m.areas) { a in .option(.value(a.code), .label(a.name)) }),
                        .label(.input(.type(.checkbox), .id("standing"), .name("standing")), .text(" " + t("forum.standing"))),
                        .fieldset(
                            .element(named: "legend", text: t("forum.targets")),
                            .forEach([("women", 30), ("youth", 20), ("cso", 20), ("traditionalAndReligious", 10)]) { k, v in
                                .group(
                                    .label(.for("target-" + k), .text(t("inclusion." + k) + " (%)")),
                                    .input(
                                        .type(.number), .id("target-" + k), .name(k), .value(String(v)), .attribute(named: "min", value: "0"),
                                        .attribute(named: "max", value: "100")))
                            }),
                        .button(.type(.submit), .text(t("forum.convene")))))),
            .if(
                m.forums.isEmpty, .p(.class("muted"), .text(t("forum.none"))),
                else: .table(
                    .class("stack"),
                    .tr(.class("head"), .th(.text(t("forum.name"))), .th(.text(t("forum.body"))), .th(.text(t("forum.kind")))),
                    .forEach(m.forums) { f in
                        .tr(
                            .td(.a(.href(SiteURL.forum(f.id).path), .text(f.name))), .td(.text(m.known.body(f.body))),
                            .td(.text(t(f.standing ? "forum.standing" : "forum.event"))))
                    })))
    }

    /// Shares against targets, the ones short marked: used on forum and body pages alike.
    static func inclusionTable(_ t: T, _ f: InclusionFigures, _ targets: InclusionTargets) -> Node<HTML.BodyContext> {
        let rows: [(String, Double?, Double)] = [
            ("women", f.women, targets.women), ("youth", f.youth, targets.youth), ("cso", f.cso, targets.cso),
            ("traditionalAndReligious", f.traditionalAndReligious, targets.traditionalAndReligious),
        ]
        return .table(
            .tr(.class("head"), .th(.text(t("inclusion.measure"))), .th(.text(t("inclusion.share"))), .th(.text(t("inclusion.target")))),
            .forEach(rows) { k, v, target in
                .tr(
                    .class(f.short.contains(k) ? "overdue" : ""), .td(.text(t("inclusion." + k))),
                    .td(.text((v.map { t.number($0 * 100) + " %" } ?? "—") + (f.short.contains(k) ? " — " + t("inclusion.short") : ""))),
                    .td(.text(t.number(target * 100) + " %")))
            })
    }

    static func fileView(_ c: PageContext, _ m: FileModel) -> Node<HTML.BodyContext> {
        let t = c.t
        let f = m.file.forum
        return .group(
            .p(.text(t(f.standing ? "forum.standing" : "forum.event") + " · "), .a(.href(SiteURL.body(f.body).path), .text(m.known.body(f.body)))),
            .p(.text(f.mandate)),
            .h2(.text(t("inclusion.title", t.number(m.file.inclusion.people)))),
            inclusionTable(t, m.file.inclusion, f.targets),
            .h2(.text(t("forum.sessions"))),
            .if(
                m.file.sessions.isEmpty, .p(.class("muted"), .text(t("forum.noSessions"))),
                else: .ul(
                    .forEach(m.file.sessions) { s in
                        .li(
                            .strong(.text(t.date(s.heldOn))), .text(" — " + s.agenda),
                            .span(.class("muted"), .text(" · " + t("forum.people", t.number(s.participants.reduce(0) { $0 + $1.women + $1.men })))),
                            .if(!s.resolutions.isEmpty, .ul(.forEach(s.resolutions) { .li(.text($0)) })))
                    })),
            .if(
                m.keeper,
                .details(
                    .summary(.text(t("forum.record"))),
                    .form(
                        .method(.post), .action(SiteURL.forumSessions(f.id).path), Layout.csrf(c),
                        .label(.for("heldOn"), .text(t("forum.heldOn"))), .input(.type(.date), .id("heldOn"), .name("heldOn"), .required(true)),
                        .label(.for("agenda"), .text(t("forum.agenda"))),
                        .textarea(.id("agenda"), .name("agenda"), .attribute(named: "rows", value: "2"), .required(true)),
                        .table(
                            .tr(
                                .class("head"), .th(.text(t("forum.category"))), .th(.text(t("forum.women"))), .th(.text(t("forum.men"))),
                                .th(.text(t("forum.youth")))),
                            .forEach(ForumController.categories) { cat in
                                .tr(
                                    .td(.text(t("category." + cat))),
                                    .forEach(["women", "men", "youth"]) { k in
                                        .td(
                                            .input(
                                                .type(.number), .name("\(k)-\(cat)"), .attribute(named: "min", value: "0"),
                                                .attribute(named: "aria-label", value: t("category." + cat) + " — " + t("forum." + k))))
                                    })
                            }),
                        .label(.for("resolutions"), .text(t("forum.resolutions"))),
                        .textarea(.id("resolutions"), .name("resolutions"), .attribute(named: "rows", value: "3")),
                        .button(.type(.submit), .text(t("forum.record")))))))
    }
}

import AgoraCore
import Foundation
import Plot

extension AlertPages {
    static func composerView(_ c: PageContext, _ m: ComposerModel) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .p(.text(t("alert.composeIntro"))),
            .form(
                .method(.post), .action(SiteURL.alertNew().path), Layout.csrf(c),
                fieldset(c, m.fields, areas: m.areas, bodies: m.issuers),
                .p(
                    .button(.type(.submit), .name("do"), .value("preview"), .class("secondary"), .text(t("alert.preview"))), .text(" "),
                    .button(.type(.submit), .name("do"), .value("issue"), .text(t("alert.issue"))))),
            .unwrap(m.preview) { previewNode(t, $0) })
    }

    /// The CAP fields as form controls; shared by the composer and a proposal's issue form.
    static func fieldset(_ c: PageContext, _ f: Fields, areas: [(code: String, name: String)], bodies: [String]) -> Node<HTML.FormContext> {
        let t = c.t
        func select<V: Vocabulary>(_ name: String, _ type: V.Type, _ def: String) -> Node<HTML.FormContext> {
            .group(
                .label(.for(name), .text(t("alert." + name))),
                .select(
                    .id(name), .attribute(named: "name", value: name),
                    .forEach(Array(V.allCases)) { v in
                        .option(.value(v.rawValue), .label(t("cap." + v.rawValue)), .isSelected(f.v(name, def) == v.rawValue))
                    }))
        }
        return .group(
            .if(
                bodies.count > 1,
                .group(
                    .label(.for("body"), .text(t("alert.issuer"))),
                    .select(
                        .id("body"), .attribute(named: "name", value: "body"),
                        .forEach(bodies) { b in .option(.value(b), .label(b), .isSelected(f.v("body") == b)) }))),
            .label(.for("area"), .text(t("report.where"))),
            .select(
                .id("area"), .attribute(named: "name", value: "area"), .attribute(named: "required", value: "required"),
                .option(.value(""), .label(t("report.choosePlace"))),
                .forEach(areas) { a in .option(.value(a.code), .label(a.name), .isSelected(f.v("area") == a.code)) }),
            .label(.for("event"), .text(t("alert.event"))),
            .input(.type(.text), .id("event"), .name("event"), .value(f.v("event", t("alert.defaultEvent")))),
            .label(.for("headline"), .text(t("alert.headline"))),
            .input(.type(.text), .id("headline"), .name("headline"), .value(f.v("headline")), .attribute(named: "maxlength", value: "160")),
            select("severity", CAPSeverity.self, "Severe"), select("urgency", CAPUrgency.self, "Expected"),
            select("certainty", CAPCertainty.self, "Likely"),
            .label(.for("description"), .text(t("alert.description"))),
            .textarea(.id("description"), .name("description"), .attribute(named: "rows", value: "5"), .text(f.v("description"))),
            .label(.for("instruction"), .text(t("alert.instruction"))),
            .textarea(.id("instruction"), .name("instruction"), .attribute(named: "rows", value: "3"), .text(f.v("instruction"))),
            // CAP's <language> says what the text is written in: by default the page's language, as people write in it.
            .label(.for("language"), .text(t("alert.language"))),
            .select(
                .id("language"), .attribute(named: "name", value: "language"),
                .forEach(Lang.offered) { l in .option(.value(l.rawValue), .label(l.name), .isSelected(f.v("language", c.lang.rawValue) == l.rawValue))
                }),
            .label(.for("expires"), .text(t("alert.expires", t.zoneName))),
            .input(.type(.datetimeLocal), .id("expires"), .name("expires"), .value(f.v("expires"))),
            .label(.for("classification"), .text(t("field.classification"))),
            Controls.classificationSelect(c, selected: f.v("classification", f.v("_defaultClassification", "restricted"))))
    }

    /// The preview as the public will read the alert, with the CAP message itself one click away.
    static func previewNode(_ t: T, _ p: Preview) -> Node<HTML.BodyContext> {
        let d = p.draft
        return .section(
            .class("card"), .id("preview"), .attribute(named: "aria-label", value: t("alert.previewHeading")),
            .h2(.text(t("alert.previewHeading"))), .h3(.text(d.headline ?? "—")), plainTerms(t, d, areas: p.areaNames),
            .unwrap(d.description) { .p(.text($0)) },
            .unwrap(d.instruction) { .p(.strong(.text(t("alert.instruction") + ": ")), .text($0)) },
            .unwrap(d.expires) { .p(.text(t("alert.expires") + ": " + t.date($0, time: true))) },
            .details(.summary(.text(t("alert.capXML"))), .pre(.text(p.xml))))
    }
}

import AgoraCore
import Foundation
import Plot

extension AdminPage {
    static func view(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let t = c.t
        func number(_ name: String, _ value: Double, label: String) -> Node<HTML.FormContext> {
            .group(
                .label(.for(name), .text(label)),
                .input(.type(.number), .id(name), .name(name), .value(String(value)), .attribute(named: "step", value: "any")))
        }
        let levels = ["admin2", "admin1", "country"]
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(SiteURL.adminSettings.path), Layout.csrf(c),
            .forEach(levels) { l in
                let th = m.settings.risk.thresholds(for: AreaLevel(rawValue: l)!)
                return .fieldset(
                    .element(named: "legend", text: t("admin.thresholds", t("area." + l))),
                    number("\(l).moderate", th.moderate, label: t("risk.moderate")), number("\(l).high", th.high, label: t("risk.high")),
                    number("\(l).critical", th.critical, label: t("risk.critical")))
            },
            .label(.for("proposeAt"), .text(t("admin.proposeAt"))),
            .select(
                .id("proposeAt"), .attribute(named: "name", value: "proposeAt"),
                .forEach(RiskLevel.allCases.filter { $0 != .low }) { l in
                    .option(.value(l.rawValue), .label(t("risk." + l.rawValue)), .isSelected(m.settings.risk.proposeAt == l))
                }),
            .label(.for("proposeAtChance"), .text(t("admin.proposeAtChance"))),
            .input(
                .type(.number), .id("proposeAtChance"), .name("proposeAtChance"), .attribute(named: "min", value: "1"),
                .attribute(named: "max", value: "100"), .attribute(named: "step", value: "1"),
                .value(m.settings.risk.proposeAtChance.map { String(Int(($0 * 100).rounded())) } ?? "")),
            .fieldset(
                .element(named: "legend", text: t("admin.deadlines")),
                .forEach([CAPSeverity.Extreme, .Severe, .Moderate, .Minor]) { sev in
                    number("ack.\(sev.rawValue)", Double(m.settings.deadlines.acknowledge(sev)) / 3600, label: t("severity." + sev.rawValue))
                }),
            .button(.type(.submit), .text(t("sitrep.save"))))
        let main: Node<HTML.BodyContext> = .group(
            .h2(.text(t("admin.settings"))), form,
            .h2(.text(t("admin.people", t.number(m.people.count)))),
            .table(
                .tr(.th(.text(t("signin.username"))), .th(.text(t("admin.name"))), .th(.text(t("admin.roles")))),
                .forEach(m.people) { p in
                    .tr(
                        .td(.text(p.username + (p.disabled ? " (" + t("admin.disabled") + ")" : ""))), .td(.text(p.displayName)),
                        .td(
                            .text(
                                (p.installationAdmin ? [t("admin.installationAdmin")] : []).joined()
                                    + p.roles.map { "\($0.role.rawValue) @ \($0.body)" }.joined(separator: ", "))))
                }),
            .p(.class("muted"), .text(t("admin.cli"))),
            .p(.a(.href(SiteURL.adminFederation.path), .text(t("admin.federation")))),
            forms(c, m))
        return main
    }

    /// The forms ODK Collect and KoboCollect are offered, and an XLSForm upload (docs/CHANNELS.md).
    static func forms(_ c: PageContext, _ m: Model) -> Node<HTML.BodyContext> {
        let t = c.t
        return .group(
            .h2(.id("forms"), .text(t("admin.forms"))),
            .p(.text(t("admin.formsIntro", "/openrosa"))),
            .table(
                .tr(.th(.text(t("admin.formID"))), .th(.text(t("agr.title"))), .th(.text(t("admin.formVersion"))), .th(.text(t("report.body")))),
                .tr(.td(.text(ReportXForm.formID)), .td(.text(t("admin.formOwn"))), .td(.text("—")), .td(.text("—"))),
                .forEach(m.forms) { f in
                    .tr(.td(.text(f.formID)), .td(.text(f.title)), .td(.text(f.version)), .td(.text(f.body ?? "—")))
                }),
            .form(
                .method(.post), .action(SiteURL.adminForms.path), .attribute(named: "enctype", value: "multipart/form-data"), Layout.csrf(c),
                .label(.for("xlsform"), .text(t("admin.formFile"))),
                .input(.type(.file), .id("xlsform"), .name("xlsform"), .attribute(named: "accept", value: ".xlsx"), .required(true)),
                .label(.for("mapping"), .text(t("admin.formMapping"))),
                .textarea(.id("mapping"), .name("mapping"), .attribute(named: "rows", value: "8"), .required(true)),
                .label(.for("formBody"), .text(t("admin.formBody"))),
                .input(.type(.text), .id("formBody"), .name("body")),
                .button(.type(.submit), .text(t("admin.formPublish")))))
    }
}

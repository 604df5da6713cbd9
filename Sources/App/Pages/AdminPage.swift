import AgoraCore
import Foundation
import Plot
import SQLKit
import Vapor

/// `/admin`: for installation administrators — the people and their roles, and the thresholds and
/// deadlines of risk and response, which can be changed here (audited; risk is recomputed).
enum AdminPage {
    static func register(_ app: Application) {
        app.get("admin", use: show)
        app.post("admin", "settings", use: save)
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        try req.requireInstallationAdmin()
        let c = try await PageContext.of(req)
        let t = c.t
        let store = PeopleStore(sql: req.sql)
        let people = try await store.list(page: PageRequest(limit: PageRequest.maxLimit))
        var views: [PersonView] = []
        for p in people.prefix(PageRequest.maxLimit) { views.append(try await store.view(p)) }
        let s = try await SettingsStore(sql: req.sql).load()
        func number(_ name: String, _ value: Double, label: String) -> Node<HTML.FormContext> {
            .group(
                .label(.for(name), .text(label)),
                .input(.type(.number), .id(name), .name(name), .value(String(value)), .attribute(named: "step", value: "any")))
        }
        let levels = ["admin2", "admin1", "country"]
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(SiteURL.adminSettings.path), Layout.csrf(c),
            .forEach(levels) { l in
                let th = s.risk.thresholds(for: AreaLevel(rawValue: l)!)
                return .fieldset(
                    .element(named: "legend", text: t("admin.thresholds", t("area." + l))),
                    number("\(l).moderate", th.moderate, label: t("risk.moderate")), number("\(l).high", th.high, label: t("risk.high")),
                    number("\(l).critical", th.critical, label: t("risk.critical")))
            },
            .label(.for("proposeAt"), .text(t("admin.proposeAt"))),
            .select(
                .id("proposeAt"), .attribute(named: "name", value: "proposeAt"),
                .forEach(RiskLevel.allCases.filter { $0 != .low }) { l in
                    .option(.value(l.rawValue), .label(t("risk." + l.rawValue)), .isSelected(s.risk.proposeAt == l))
                }),
            .fieldset(
                .element(named: "legend", text: t("admin.deadlines")),
                .forEach([CAPSeverity.Extreme, .Severe, .Moderate, .Minor]) { sev in
                    number("ack.\(sev.rawValue)", Double(s.deadlines.acknowledge(sev)) / 3600, label: t("severity." + sev.rawValue))
                }),
            .button(.type(.submit), .text(t("sitrep.save"))))
        let main: Node<HTML.BodyContext> = .group(
            .h2(.text(t("admin.settings"))), form,
            .h2(.text(t("admin.people", t.number(views.count)))),
            .table(
                .tr(.th(.text(t("signin.username"))), .th(.text(t("admin.name"))), .th(.text(t("admin.roles")))),
                .forEach(views) { p in
                    .tr(
                        .td(.text(p.username + (p.disabled ? " (" + t("admin.disabled") + ")" : ""))), .td(.text(p.displayName)),
                        .td(
                            .text(
                                (p.installationAdmin ? [t("admin.installationAdmin")] : []).joined()
                                    + p.roles.map { "\($0.role.rawValue) @ \($0.body)" }.joined(separator: ", "))))
                }),
            .p(.class("muted"), .text(t("admin.cli"))))
        return Layout.response(c, title: t("admin.title"), main)
    }

    static func save(req: Request) async throws -> Response {
        try await WebForm.run(req, back: SiteURL.admin.path, notice: "saved") {
            let f = try WebForm.fields(req)
            try req.requireInstallationAdmin()
            var s = try await SettingsStore(sql: req.sql).load()
            func d(_ k: String) throws -> Double {
                guard let v = f[k].flatMap(Double.init), v.isFinite else { throw APIError(ValidationFailure(field: k, "a number is needed")) }
                return v
            }
            for l in ["admin2", "admin1", "country"] {
                s.risk.thresholds[l] = RiskThresholds(moderate: try d("\(l).moderate"), high: try d("\(l).high"), critical: try d("\(l).critical"))
                if l == "admin2" { s.risk.thresholds["community"] = s.risk.thresholds[l] }
            }
            s.risk.proposeAt = try RiskLevel.parse(f["proposeAt"] ?? "", field: "proposeAt")
            for sev in ["Extreme", "Severe", "Moderate", "Minor"] { s.deadlines.acknowledge[sev] = Int((try d("ack.\(sev)") * 3600).rounded()) }
            try await RiskController.save(s, req: req)
        }
    }
}

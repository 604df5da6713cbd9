import AgoraCore
import Foundation
import Vapor

/// `/admin`: for installation administrators — the people and their roles, and the thresholds and
/// deadlines of risk and response, which can be changed here (audited; risk is recomputed).
enum AdminPage {
    static func register(_ app: Application) {
        app.get("admin", use: show)
        app.post("admin", "settings", use: save)
        app.on(.POST, "admin", "forms", body: .collect(maxSize: FormController.maxUpload), use: publishForm)
    }

    /// The same typed action as `POST /api/v1/forms`.
    static func publishForm(req: Request) async throws -> Response {
        try await WebForm.run(req, back: SiteURL.admin.path, notice: "formPublished") {
            let (f, files) = try WebForm.fieldsAndFiles(req)
            try req.requireInstallationAdmin()
            guard let file = files.first(where: { $0.field == "xlsform" }) else {
                throw APIError(ValidationFailure(field: "xlsform", "send the XLSForm (.xlsx)"))
            }
            let body = f["body"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
            _ = try await FormController.publish(
                xlsx: Data(file.bytes), mapping: Data((f["mapping"] ?? "").utf8), body: body, actor: req.actor, req: req)
        }
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        try req.requireInstallationAdmin()
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("admin.title"), view(c, try await model(req)))
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
            // A percentage on the page, a share in the settings; empty: forecasts propose nothing.
            let chance = (f["proposeAtChance"] ?? "").trimmingCharacters(in: .whitespaces)
            s.risk.proposeAtChance = chance.isEmpty ? nil : try d("proposeAtChance") / 100
            for sev in ["Extreme", "Severe", "Moderate", "Minor"] { s.deadlines.acknowledge[sev] = Int((try d("ack.\(sev)") * 3600).rounded()) }
            try await RiskController.save(s, req: req)
        }
    }
}

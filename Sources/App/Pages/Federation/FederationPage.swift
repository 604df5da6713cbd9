import AgoraCore
import Foundation
import Vapor

/// `/admin/federation`: the operations page of the link to other installations — its state, each peer's backlog and
/// intake, the agreements, what was quarantined and what was received, with where it came from. Administrators only.
enum FederationPage {
    static func register(_ app: Application) {
        app.get("admin", "federation", use: show)
        app.post("admin", "federation", "quarantine", ":id", "act", use: act)
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        try req.requireInstallationAdmin()
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("fed.title"), view(c, try await model(req)))
    }

    /// Release or discard a quarantined event: the same actions as the API's.
    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        let action = f["do"] ?? ""
        return try await WebForm.run(
            req, back: SiteURL.adminFederation.path, notice: action == "discard" ? "quarantineDiscarded" : "quarantineReleased"
        ) {
            try req.requireInstallationAdmin()
            let quarantine = FederationQuarantine(app: req.application)
            switch action {
            case "release": _ = try await quarantine.release(id, actor: req.actor)
            case "discard": try await quarantine.discard(id, actor: req.actor)
            default: throw APIError(ValidationFailure(field: "do", "release or discard"))
            }
        }
    }
}

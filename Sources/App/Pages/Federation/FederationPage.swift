import AgoraCore
import Foundation
import Vapor

/// `/admin/federation`: the operations page of the link to other installations — its state, each peer's backlog and
/// intake, the agreements, what was quarantined and what was received, with where it came from. Administrators only.
enum FederationPage {
    static func register(_ app: Application) {
        app.get("admin", "federation", use: show)
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        try req.requireInstallationAdmin()
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("fed.title"), view(c, try await model(req)))
    }
}

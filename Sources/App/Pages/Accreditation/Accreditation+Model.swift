import AgoraCore
import Foundation
import Vapor

extension AccreditationPages {
    struct RegisterModel: Sendable {
        var rows: [AccreditationView]
        var body: String?
        var known: PageNames
        var schemes: [String: AccreditationScheme]
    }

    static func registerModel(_ req: Request, _ c: PageContext) async throws -> RegisterModel {
        RegisterModel(
            rows: try await AccreditationRegisterController.all(req), body: try req.query.get(String?.self, at: "body"),
            known: try await PageNames.load(req, lang: c.lang),
            schemes: Dictionary(try await AccreditationStore(sql: req.sql).allSchemes().map { ($0.body, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    struct ApplicationsModel: Sendable {
        var applications: [ApplicationView]
        /// Organisations the person acts for, and the schemes they may apply under.
        var organisations: [(code: String, name: String)]
        var schemes: [AccreditationScheme]
        var known: PageNames
    }

    static func applicationsModel(_ req: Request, _ c: PageContext) async throws -> ApplicationsModel {
        let store = AccreditationStore(sql: req.sql)
        let orgs = try await store.organisations(ofBodies: c.viewer.roles.map(\.body))
        let names = try await store.organisationNames()
        return ApplicationsModel(
            applications: try await AccreditationController.applications(req: req),
            organisations: orgs.sorted().map { (code: $0, name: names[$0] ?? $0) }, schemes: try await store.allSchemes(),
            known: try await PageNames.load(req, lang: c.lang))
    }

    struct ApplicationModel: Sendable {
        var a: ApplicationView
        var scheme: AccreditationScheme?
        var applicant: Bool
        var keeper: Bool
        var known: PageNames
    }

    static func applicationModel(_ req: Request, _ c: PageContext) async throws -> ApplicationModel {
        let (r, applicant, keeper) = try await AccreditationController.find(try req.parameters.require("id"), req: req, sql: req.sql)
        return ApplicationModel(
            a: try await AccreditationController.view(r, sql: req.sql), scheme: try await AccreditationStore(sql: req.sql).scheme(of: r.bodyCode),
            applicant: applicant, keeper: keeper, known: try await PageNames.load(req, lang: c.lang))
    }
}

import AgoraCore
import Foundation
import Vapor

/// `/register`: the public register of accredited organisations (per body with `?body=`), with CSV and HXL;
/// `/accreditation`: the applications a person's organisations made and those to the bodies they keep, with the form
/// to apply; `/accreditation/applications/{id}`: one application with the applicant's and the body's forms. Forms
/// call the same typed actions as the API (`AccreditationController.apply/step`).
enum AccreditationPages {
    static func register(_ app: Application) {
        app.get("register", use: registerPage)
        app.get("accreditation", use: applications)
        app.post("accreditation", use: apply)
        app.get("accreditation", "applications", ":id", use: show)
        app.post("accreditation", "applications", ":id", "act", use: act)
    }

    static func registerPage(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("acc.register"), publicPage: true, registerView(c, try await registerModel(req, c)))
    }

    static func applications(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("acc.applications"), applicationsView(c, try await applicationsModel(req, c)))
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await applicationModel(req, c)
        return Layout.response(c, title: c.t("acc.applicationOf", m.a.organisationName), applicationView(c, m))
    }

    static func apply(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        var made: String?
        let response = try await WebForm.run(req, back: SiteURL.accreditation.path, notice: "applied") {
            let target = (f["target"] ?? "").split(separator: "|").map(String.init)
            guard target.count == 2 else { throw APIError(ValidationFailure(field: "target", "choose the body and the category")) }
            made = try await AccreditationController.apply(
                AccreditationController.NewApplication(
                    body: target[0], organisation: f["organisation"] ?? "", category: target[1], statement: f["statement"] ?? "", submit: true),
                req: req
            ).id
        }
        if let made { return req.redirect(to: SiteURL.accreditationApplication(made).path + "?notice=applied", redirectType: .normal) }
        return response
    }

    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        func text(_ k: String) -> String? { f[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        return try await WebForm.run(req, back: SiteURL.accreditationApplication(id).path, notice: "step") {
            let to = try ApplicationState.parse(f["to"] ?? "", field: "to")
            let criteria = f.keys.filter { $0.hasPrefix("verdict-") }.compactMap { Int($0.dropFirst("verdict-".count)) }.sorted()
            let assessments = try criteria.compactMap { i -> CriterionAssessment? in
                guard let v = text("verdict-\(i)"), let name = f["criterion-\(i)"] else { return nil }
                return CriterionAssessment(criterion: name, evidence: text("evidence-\(i)"), verdict: try Verdict.parse(v, field: "verdict-\(i)"))
            }
            let decision = text("reasons").map { reasons in
                AccreditationDecision(
                    organ: f["organ"] ?? "", session: f["session"] ?? "", consensus: f["consensus"] == "on",
                    votesFor: text("votesFor").flatMap { Int($0) },
                    votesAgainst: text("votesAgainst").flatMap { Int($0) }, abstentions: text("abstentions").flatMap { Int($0) }, reasons: reasons)
            }
            try await AccreditationController.step(
                id,
                AccreditationController.Step(
                    to: to, category: text("category"), assessments: assessments.isEmpty ? nil : assessments, decision: decision,
                    deferredTo: text("deferredTo"), note: text("note")), req: req)
        }
    }
}

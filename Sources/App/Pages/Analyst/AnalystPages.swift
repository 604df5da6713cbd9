import AgoraCore
import Foundation
import Vapor

/// The analyst's workspace: the review queue, one report beside the reports it may duplicate, the
/// incident with its reports, map and audit trail, and the situation-report editor. The forms post
/// to the same code as the API (`ReportController`, `SituationReportController`). Each page's `+Model` loads
/// and its `+View` draws.
enum AnalystPages {
    static func register(_ app: Application) {
        app.get("queue", use: queue)
        app.get("reports", ":id", use: report)
        app.post("reports", ":id", "review", use: review)
        app.get("incidents", ":id", use: incident)
        app.get("situation-reports", "new", use: sitrepForm)
        app.post("situation-reports", "new", use: sitrepCreate)
    }

    static func requireSignedIn(_ req: Request) -> Response? {
        req.viewer.personID == nil ? req.redirect(to: SiteURL.signIn.path) : nil
    }

    static func queue(req: Request) async throws -> Response {
        if let r = requireSignedIn(req) { return r }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("queue.title"), queueView(c, try await queueModel(req, c)))
    }

    static func report(req: Request) async throws -> Response {
        if let r = requireSignedIn(req) { return r }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("review.heading"), reviewView(c, try await reviewModel(req, c)))
    }

    static func review(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        return try await WebForm.run(req, back: SiteURL.reportReview(id).path, notice: "reviewed") {
            let f = try WebForm.fields(req)
            switch f["action"] {
            case "verify":
                _ = try await ReportController.verify(
                    id,
                    ReportController.VerifyInput(
                        incident: f["incident"].flatMap { $0.isEmpty ? nil : $0 }, title: f["title"].flatMap { $0.isEmpty ? nil : $0 }),
                    req: req)
            case "reject": try await ReportController.reject(id, ReportController.RejectInput(reason: f["reason"] ?? ""), req: req)
            case "duplicate": try await ReportController.markDuplicate(id, ReportController.DuplicateInput(of: f["of"] ?? ""), req: req)
            default: throw APIError.badRequest(field: "action", "use verify, reject or duplicate")
            }
        }
    }

    static func incident(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await incidentModel(req, c)
        return Layout.response(c, title: m.incident.title, incidentView(c, m))
    }

    static func sitrepForm(req: Request) async throws -> Response {
        if let r = requireSignedIn(req) { return r }
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("sitrep.new"), sitrepFormView(c, try await sitrepFormModel(req, c)))
    }

    static func sitrepCreate(req: Request) async throws -> Response {
        try await WebForm.run(req, back: SiteURL.situationReportNew.path, notice: "saved") {
            let f = try WebForm.fields(req)
            let input = SituationReportController.Input(
                body: f["body"] ?? "", area: f["area"] ?? "", period: f["period"] ?? "", periodStart: f["periodStart"] ?? "",
                title: f["title"] ?? "", narrative: f["narrative"] ?? "", incidents: nil,
                classification: try f["classification"].flatMap { $0.isEmpty ? nil : try Classification.parse($0, field: "classification") })
            _ = try await SituationReportController.write(input, req: req)
        }
    }
}

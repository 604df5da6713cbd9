import AgoraCore
import Foundation
import Vapor

/// `/cases`: the case board of a body — columns by status, overdue in red; `/cases/{id}`: the case
/// with its actions, escalation history and outcome, and the forms of the body that holds it.
/// `CaseBoard+Model`/`+View` and `CaseFile+Model`/`+View` load and draw them.
enum CasePages {
    static func register(_ app: Application) {
        app.get("cases", use: board)
        app.get("cases", ":id", use: show)
        app.post("cases", ":id", "act", use: act)
    }

    static func board(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await boardModel(req, c)
        return Layout.response(c, title: c.t("case.board") + (m.body.map { " — \($0)" } ?? ""), boardView(c, m))
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await fileModel(req, c)
        return Layout.response(c, title: c.t("case.title", m.names[m.k.area] ?? m.k.area), fileView(c, m))
    }

    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        return try await WebForm.run(req, back: SiteURL.caseFile(id).path, notice: f["do"] ?? "done") {
            let action: CaseAction
            switch f["do"] {
            case "acknowledge": action = .acknowledge
            case "plan":
                action = .plan(
                    CaseStore.NewAction(
                        kind: try ActionKind.parse(f["kind"] ?? "", field: "kind"), description: f["description"] ?? "",
                        responsible: f["responsible"] ?? "", due: WebForm.timestamp(f["due"], zone: req.application.agora.timeZone) ?? "",
                        status: f["status"].flatMap(ActionStatus.init(rawValue:)), result: nil))
            case "complete":
                action = .complete(action: f["action"] ?? "", CaseController.CompleteInput(result: f["result"] ?? "", status: .done))
            case "escalate": action = .escalate(CaseController.EscalateInput(reason: f["reason"] ?? ""))
            case "de-escalate": action = .deEscalate(CaseController.DeEscalateInput(to: f["to"] ?? "", reason: f["reason"] ?? ""))
            case "close":
                // Each planned action's fate, as the form's `decide-<id>` and `why-<id>` fields say.
                let decisions = f.keys.filter { $0.hasPrefix("decide-") }.sorted().compactMap { key -> CaseClosing.Decision? in
                    let id = String(key.dropFirst("decide-".count))
                    guard let status = f[key].flatMap(ActionStatus.init(rawValue:)) else { return nil }
                    return CaseClosing.Decision(id: id, status: status, result: f["why-" + id] ?? "")
                }
                action = .close(
                    CaseController.CloseInput(
                        outcome: try CaseOutcome.parse(f["outcome"] ?? "", field: "outcome"), summary: f["summary"] ?? "", actions: decisions))
            default: throw APIError.badRequest(field: "do", "unknown step")
            }
            _ = try await CaseActions.perform(action, req: req)
        }
    }
}

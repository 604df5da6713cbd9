import AgoraCore
import Foundation
import SQLKit
import Vapor

/// One step on a response case, typed: the API decodes its JSON into one, the case page its form, and both call
/// `CaseActions.perform` — the page never dresses a form up as a JSON request to reach an API handler.
enum CaseAction: Sendable {
    case acknowledge
    case plan(CaseStore.NewAction)
    case complete(action: String, CaseController.CompleteInput)
    case escalate(CaseController.EscalateInput)
    case deEscalate(CaseController.DeEscalateInput)
    case close(CaseController.CloseInput)
}

enum CaseActions {
    /// Checks the input, then runs the step on the case named by the route's `id` in one transaction, by its holder
    /// only; answers with the case as it now is.
    static func perform(_ action: CaseAction, req: Request) async throws -> CaseView {
        try check(action)
        let c = try await CaseController.find(req)
        try CaseController.requireHolder(req, c)
        let settings = try await SettingsStore(sql: req.sql).load()
        let actor = req.actor
        try await req.write { tx in
            let store = CaseStore(sql: tx)
            switch action {
            case .acknowledge: try await store.acknowledge(c, actor: actor)
            case .plan(let a): _ = try await store.plan(c, a, actor: actor)
            case .complete(let id, let input):
                try await store.complete(c, action: id, result: input.result, status: input.status ?? .done, actor: actor)
            case .escalate(let input):
                guard c.status != .closed else { throw APIError.conflict(field: "status", "the case is closed") }
                guard try await store.escalate(c, reason: .requested, note: input.reason, settings: settings, actor: actor) != nil else {
                    throw APIError.conflict(field: "reason", "no body with a response mandate is above \(c.bodyCode)")
                }
            case .deEscalate(let input):
                guard c.status != .closed else { throw APIError.conflict(field: "status", "the case is closed") }
                try await store.deEscalate(c, to: input.to, note: input.reason, settings: settings, actor: actor)
            case .close(let input):
                try await store.close(c, outcome: input.outcome, summary: input.summary, decisions: input.actions ?? [], actor: actor)
            }
        }
        return try await CaseStore(sql: req.sql).views([try await CaseController.find(req)])[0]
    }

    /// What is wrong with the input itself, before any case is read.
    static func check(_ action: CaseAction) throws {
        func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        switch action {
        case .complete(_, let input):
            if blank(input.result) { throw APIError(ValidationFailure(field: "result", "say what came of it")) }
            if input.status == .planned { throw APIError(ValidationFailure(field: "status", "use done or cancelled")) }
        case .escalate(let input) where blank(input.reason):
            throw APIError(ValidationFailure(field: "reason", "say what help is needed"))
        case .deEscalate(let input) where blank(input.reason):
            throw APIError(ValidationFailure(field: "reason", "say why"))
        case .close(let input) where blank(input.summary):
            throw APIError(ValidationFailure(field: "summary", "sum up what was done and how it ended"))
        default: break
        }
    }
}

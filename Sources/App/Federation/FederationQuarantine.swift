import AgoraCore
import Foundation
import Vapor

/// What an administrator does with a quarantined event: release it for another try, or discard it. A release runs the
/// intake's every check again against today's peers and agreements — a key registered since, an agreement come into
/// force, an area added — and applies the event only if it now passes; a forged, altered or out-of-agreement event
/// stays where it is, with the reason it is refused now. Both are audited. The API and the operations page call these.
struct FederationQuarantine: Sendable {
    let app: Application

    struct Released: Content, Equatable {
        var id: String
        /// `applied`, or `held-already` when the event had come in since (applying is idempotent on origin and id).
        var outcome: String
        var origin: String
        var event: String
    }

    func release(_ id: String, actor: String) async throws -> Released {
        guard let me = try app.federationIdentity else {
            throw APIError(ValidationFailure(field: "id", "federation is off here (AGORA_INSTALLATION_ID)"))
        }
        let held = try await FederationStore(sql: app.sql).held(id)
        guard let held else { throw Abort(.notFound, reason: "no quarantined event '\(id)'") }
        guard held.event.releasable else {
            throw APIError.conflict(field: "id", "held without its signature (quarantined before 2026-12): it cannot be checked again; discard it")
        }
        let takeUp = FederationTakeUp(app: app, me: me.installation)
        let d = try await takeUp.check([(held.event.subject, held.body, held.event.sender, held.signature)])[0]
        var reason = "this installation's own event"
        if case .quarantine(let r) = d.verdict { reason = r }
        if case .apply(let e) = d.verdict {
            do {
                return try await app.write { tx in
                    let outcome = try await takeUp.handle([d], sql: tx)[0] == .applied ? "applied" : "held-already"
                    try await FederationStore(sql: tx).release(id)
                    try await AuditStore(sql: tx).append(
                        actor: actor, action: "release", recordType: "federation-quarantine", recordID: id, content: [e.origin, e.id, outcome])
                    return Released(id: id, outcome: outcome, origin: e.origin, event: e.id)
                }
            } catch let refusal as RegionalAlerts.Refusal {
                reason = refusal.reason
            } catch {
                reason = "not taken up: \(String(String(describing: error).prefix(300)))"
            }
        }
        // Still refused: kept, with why now; the try is on the record too.
        let now = reason
        try await app.write { tx in
            try await FederationStore(sql: tx).requarantine(id, reason: now)
            try await AuditStore(sql: tx).append(
                actor: actor, action: "release-refused", recordType: "federation-quarantine", recordID: id, content: [now])
        }
        throw APIError.conflict(field: "id", "still refused: \(now)")
    }

    /// Gone from the quarantine; the audit keeps what it was (subject, sender, reason and the body's SHA-256).
    func discard(_ id: String, actor: String) async throws {
        try await app.write { tx in
            let store = FederationStore(sql: tx)
            guard let held = try await store.held(id) else { throw Abort(.notFound, reason: "no quarantined event '\(id)'") }
            let digest = AuditChain.sha256(Data(held.body))
            try await store.release(id)
            try await AuditStore(sql: tx).append(
                actor: actor, action: "discard", recordType: "federation-quarantine", recordID: id,
                content: [held.event.subject, held.event.sender ?? "", held.event.reason, digest])
        }
    }
}

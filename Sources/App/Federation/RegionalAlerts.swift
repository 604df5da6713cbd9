import AgoraCore
import Foundation
import SQLKit
import Vapor

/// A regional body's alert, received from the hub: taken up here as an issued alert of this installation, whose case
/// is routed by this installation's own competence rules — the hub says where and what, not who answers.
struct RegionalAlerts {
    let app: Application
    let sql: any SQLDatabase

    /// Why a received regional alert could not be taken up: the event goes to quarantine with this reason.
    struct Refusal: Error {
        let reason: String
    }

    /// - Returns: the case opened.
    func takeUp(_ e: FederationEvent) async throws -> String {
        func text(_ k: String) -> String? { e.payload[k]?.text }
        let shared = FederationEvent.areas(e.payload)
        let known = try await AreaStore(sql: sql).exists(shared)
        guard let area = RegionalReach.localArea(shared, known: known) else {
            throw Refusal(reason: "none of the alert's areas (\(shared.joined(separator: ", "))) is known here")
        }
        let snapshot = try await app.risk.current(sql)
        let path = snapshot.path(area)
        let bodies = BodyStore(sql: sql)
        // The regional body itself when this directory lists it; else the national body over the area.
        var issuer: String? = nil
        if let b = text("body"), try await bodies.refs([b])[b] != nil { issuer = b }
        let chain = Routing.route(areaPath: path, topics: [.response], bodies: try await bodies.profiles(areaPath: path)).chain
        guard let body = issuer ?? (chain.first { $0.level >= .national } ?? chain.last)?.code else {
            throw Refusal(reason: "no body here answers for \(area)")
        }
        let classification = text("classification").flatMap(Classification.init(rawValue:)) ?? .public
        let draft = AlertDraft(
            body: body, classification: classification, status: .Actual, categories: [.Security], event: text("event"),
            urgency: text("urgency").flatMap(CAPUrgency.init(rawValue:)), severity: text("severity").flatMap(CAPSeverity.init(rawValue:)),
            certainty: text("certainty").flatMap(CAPCertainty.init(rawValue:)), headline: text("headline"),
            description: "Regional alert \(text("identifier") ?? e.recordID) from \(e.origin)", instruction: text("instruction"), areas: [area],
            language: "en")
        let actor = "federation:" + e.origin
        let alerts = AlertStore(sql: sql)
        let id = try await alerts.insert(
            draft, state: .issued, msgType: .Alert, refersTo: nil, caseID: nil, body: body, classification: classification,
            areaPath: AreaPath.text(path), risk: nil, actor: actor, sent: Timestamp.now())
        guard let row = try await alerts.justWritten(id) else { throw Refusal(reason: "the alert could not be stored") }
        let caseID: String
        do {
            caseID = try await CaseStore(sql: sql).open(alert: row, draft: draft, snapshot: snapshot, actor: actor)
        } catch let error as APIError {
            throw Refusal(reason: "no case could be opened: \(error.reason)")
        }
        try await OutboxStore(sql: sql).enqueue("alert.issued", bodies: [body], alertID: id)
        try await FederationStore(sql: sql).annotate(
            origin: e.origin, type: .alert, sharedID: e.recordID, key: "takenUp", value: .object(["alert": .string(id), "case": .string(caseID)]))
        return caseID
    }
}

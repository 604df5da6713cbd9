import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Taking up received events: the intake's checks against the peers and agreements held here, then applying what
/// passed. Shared by the link (deliveries from the stream) and the quarantine (an administrator's second try).
struct FederationTakeUp: Sendable {
    let app: Application
    let me: String

    /// One received event as it came: subject, body and the two headers the intake reads.
    struct Delivery: Sendable {
        var subject: String
        var payload: [UInt8]
        var sender: String?
        var signature: String?
        /// Nil for this installation's own events.
        var verdict: FederationIntake.Verdict?
    }

    enum Outcome: Sendable { case applied, quarantined, skipped, retry }

    /// Each event checked against the peers and agreements of today, read once for all (a batch is at most a second
    /// old). Its own events come back on subjects it also reads: no verdict, skipped.
    func check(_ items: [(subject: String, payload: [UInt8], sender: String?, signature: String?)]) async throws -> [Delivery] {
        guard !items.isEmpty else { return [] }
        let known = FederationStore(sql: app.sql)
        let peers = try await known.peers()
        let countries = try await known.peerCountries()
        let agreements = Dictionary(try await known.agreements().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let today = Timestamp.today()
        return items.map { m in
            guard m.sender != me else { return Delivery(subject: m.subject, payload: m.payload, sender: m.sender, signature: m.signature) }
            let verdict = FederationIntake.check(
                body: m.payload, signature: m.signature, sender: m.sender, peers: peers, agreements: agreements, me: me, on: today,
                countries: countries)
            return Delivery(subject: m.subject, payload: m.payload, sender: m.sender, signature: m.signature, verdict: verdict)
        }
    }

    /// A batch in the caller's transaction: every event that passed the checks applied at once, then what each does
    /// here; the rest quarantined.
    func handle(_ items: [Delivery], sql: any SQLDatabase) async throws -> [Outcome] {
        let store = FederationStore(sql: sql)
        var events: [FederationEvent] = []
        for d in items { if case .apply(let e) = d.verdict { events.append(e) } }
        var fresh = try await store.apply(events)
        var out: [Outcome] = []
        for d in items {
            switch d.verdict {
            case nil: out.append(.skipped)
            case .apply(let e):
                // Seen before, or twice in this batch: applied once.
                guard fresh.remove(FederationStore.seen(e)) != nil else {
                    out.append(.skipped)
                    continue
                }
                try await takeEffect(e, sql: sql)
                out.append(.applied)
            case .quarantine(let reason):
                try await store.quarantine(sender: d.sender, subject: d.subject, reason: reason, body: d.payload, signature: d.signature)
                out.append(.quarantined)
            }
        }
        return out
    }

    /// What a received event does here beyond being held: an answer lands in the case it answers; a regional alert
    /// opens a case at a national installation; a lost-or-stolen weapon is passed on by the hub and compared with the
    /// weapons recovered here.
    func takeEffect(_ e: FederationEvent, sql: any SQLDatabase) async throws {
        switch e.kind {
        case FederationKind.answered: try await Self.answered(e, sql: sql)
        case FederationKind.regionalAlert where !app.agora.federationHub: _ = try await RegionalAlerts(app: app, sql: sql).takeUp(e)
        case _ where e.recordType == .weaponLostOrStolen:
            let weapons = SharedWeapons(sql: sql)
            if app.agora.federationHub { try await weapons.relay(e) }
            try await weapons.takeUp(e)
        default: break
        }
    }

    /// The hub's answer to a case this installation elevated, into that case's history.
    static func answered(_ e: FederationEvent, sql: any SQLDatabase) async throws {
        guard let caseID = try await FederationStore(sql: sql).localRecord(sharedID: e.recordID, agreement: e.agreement) else { return }
        guard case .string(let a) = e.payload["answer"], let answer = ElevationAnswer(rawValue: a) else { return }
        var note: String? = nil
        if case .string(let r) = e.payload["reason"] { note = r }
        try await CaseStore(sql: sql).event(
            caseID, kind: answer == .acknowledged ? "regional-acknowledged" : "regional-declined", from: e.origin, note: note,
            actor: "federation:" + e.origin)
        try await AuditStore(sql: sql).append(
            actor: "federation:" + e.origin, action: "regional-" + answer.rawValue, recordType: "case", recordID: caseID, content: [e.id])
    }
}

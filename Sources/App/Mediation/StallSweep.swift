import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The stall rule, run by the background jobs (at most hourly) and by `agora agreements stalls`: a stipulation
/// past due, or whose score has not moved for the installation's `stallMonths`, is flagged once per stall. It goes on
/// the mediation case's record, to the mediating body through the outbox, and — when the mediation came from a
/// response case still open — becomes a follow-up action on that case, due in 14 days: left undone, the deadline
/// sweep takes the case up a level.
struct StallSweep: Sendable {
    let app: Application

    @discardableResult
    func sweep(today: String = String(Timestamp.now().prefix(10))) async throws -> [(agreement: String, stall: Implementation.Stall)] {
        let settings = try await SettingsStore(sql: app.sql).load()
        var flagged: [(String, Implementation.Stall)] = []
        for a in try await AgreementStore(sql: app.sql).tracked() {
            let new = try await app.write { tx -> [Implementation.Stall] in
                let store = AgreementStore(sql: tx)
                let stipulations = try await store.stipulations(a.id)
                let scores = try await store.scores(a.id, publishedOnly: true).map(\.entry)
                let stalls = Implementation.stalls(
                    stipulations, scores, start: String(a.signedOn.prefix(7)), period: String(today.prefix(7)), today: today,
                    periods: settings.stallPeriods)
                let fresh = try await store.flag(a.id, stalls)
                guard !fresh.isEmpty else { return [] }
                let names = fresh.map { "\($0.stipulation) (\($0.reason.rawValue) since \($0.since))" }.joined(separator: ", ")
                if let c = a.caseID, let m = try await MediationStore(sql: tx).responseCase(of: c) {
                    try await MediationStore(sql: tx).event(c, kind: "stall", reason: "agreement \(a.id): \(names)", actor: "system:stalls")
                    if let rc = m.responseCase, let row = try await CaseStore(sql: tx).get(rc), row.status != .closed {
                        let due = Timestamp.format(Date().addingTimeInterval(14 * 86400))
                        _ = try await CaseStore(sql: tx).plan(
                            row,
                            CaseStore.NewAction(
                                kind: .mediation, description: "Follow up stalled commitments of agreement \(a.id): \(names)", responsible: m.body,
                                due: due),
                            actor: "system:stalls")
                    }
                }
                if let body = a.body { try await OutboxStore(sql: tx).enqueue("agreement.stalled", bodies: [body]) }
                try await AuditStore(sql: tx).append(actor: "system:stalls", action: "stall", recordType: "agreement", recordID: a.id, content: fresh)
                return fresh
            }
            flagged += new.map { (a.id, $0) }
        }
        return flagged
    }
}

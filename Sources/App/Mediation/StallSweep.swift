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
        var proposals: [(draft: AlertDraft, owner: String, path: [String])] = []
        for a in try await AgreementStore(sql: app.sql).tracked() {
            let (new, proposal) = try await app.write { tx -> ([Implementation.Stall], (AlertDraft, String, [String])?) in
                let store = AgreementStore(sql: tx)
                let stipulations = try await store.stipulations(a.id)
                let scores = try await store.scores(a.id, publishedOnly: true).map(\.entry)
                let stalls = Implementation.stalls(
                    stipulations, scores, start: String(a.signedOn.prefix(7)), period: String(today.prefix(7)), today: today,
                    periods: settings.stallPeriods)
                let fresh = try await store.flag(a.id, stalls)
                guard !fresh.isEmpty else { return ([], nil) }
                let names = fresh.map { "\($0.stipulation) (\($0.reason.rawValue) since \($0.since))" }.joined(separator: ", ")
                var followed = false
                var area: String?
                if let c = a.caseID, let m = try await MediationStore(sql: tx).responseCase(of: c) {
                    area = m.area
                    try await MediationStore(sql: tx).event(c, kind: "stall", reason: "agreement \(a.id): \(names)", actor: "system:stalls")
                    if let rc = m.responseCase, let row = try await CaseStore(sql: tx).get(rc), row.status != .closed {
                        let due = Timestamp.format(Date().addingTimeInterval(14 * 86400))
                        _ = try await CaseStore(sql: tx).plan(
                            row,
                            CaseStore.NewAction(
                                kind: .mediation, description: "Follow up stalled commitments of agreement \(a.id): \(names)", responsible: m.body,
                                due: due),
                            actor: "system:stalls")
                        followed = true
                    }
                }
                // No response case to follow them up: an alert is proposed to the body that keeps the agreement.
                var proposal: (AlertDraft, String, [String])?
                if !followed, let body = a.body, let area {
                    let path = try await AreaStore(sql: tx).path(area)
                    let name = try await AreaStore(sql: tx).refs([area]).first?.name ?? area
                    var draft = Implementation.alertProposal(agreement: a.title, area: area, areaName: name, stalls: fresh)
                    draft.body = body
                    proposal = (draft, body, path)
                }
                if let body = a.body { try await OutboxStore(sql: tx).enqueue("agreement.stalled", bodies: [body]) }
                try await AuditStore(sql: tx).append(actor: "system:stalls", action: "stall", recordType: "agreement", recordID: a.id, content: fresh)
                return (fresh, proposal)
            }
            flagged += new.map { (a.id, $0) }
            if let p = proposal { proposals.append(p) }
        }
        // After the transactions: a proposal writes in its own.
        for p in proposals {
            try await RiskUpdater(app: app).insertProposal(p.draft, owner: p.owner, path: p.path, evidence: nil, actor: "system:stalls")
        }
        return flagged
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Turns submissions overdue and very overdue (hourly in `serve`, `agora submissions sweep`). Each change goes on the
/// submission's history and to the body through the outbox; a submission turning very overdue escalates: an alert
/// is proposed to the body above, whose analyst issues it (a response case opens) or dismisses it.
struct SubmissionSweep: Sendable {
    let app: Application

    @discardableResult
    func sweep(today: String = String(Timestamp.now().prefix(10))) async throws -> [(id: String, flag: SubmissionClock.Flag)] {
        let settings = try await SettingsStore(sql: app.sql).load()
        let tree = try await BodyStore(sql: app.sql).tree()
        let day = CivilDate.parse(today) ?? 0
        var changed: [(String, SubmissionClock.Flag)] = []
        var proposals: [(AlertDraft, String, [String])] = []
        for r in try await SubmissionStore(sql: app.sql).all(body: nil) where r.state.next.isEmpty == false {
            let cal = try await HolidayStore(sql: app.sql).calendar(r.country)
            let level = tree.nodes[r.bodyCode]?.level.rawValue
            let flag = SubmissionStore.clock(r, SubmissionController.deadlines(r.bodyCode, level: level, settings)).flag(r.state, today: day, cal)
            let (moved, proposal) = try await app.write { tx -> (Bool, (AlertDraft, String, [String])?) in
                guard try await SubmissionStore(sql: tx).setFlag(r.id, flag) else { return (false, nil) }
                guard flag != .onTime else { return (true, nil) }
                try await SubmissionStore(sql: tx).event(r.id, kind: flag.rawValue, note: nil, actor: "system:deadlines")
                try await OutboxStore(sql: tx).enqueue("submission.\(flag.rawValue)", bodies: [r.bodyCode])
                try await SubmissionStore(sql: tx).tellFollowers(r, "submission.\(flag.rawValue)", state: r.state)
                guard flag == .veryOverdue, let above = tree.nodes[r.bodyCode]?.parent else { return (true, nil) }
                let path = try await AreaStore(sql: tx).path(r.areaCode)
                let draft = AlertDraft(
                    body: above, classification: .restricted, status: .Actual, categories: [.Other], event: "Submission unanswered",
                    responseTypes: [.Assess], urgency: .Expected, severity: .Minor, certainty: .Observed,
                    headline: "A submission to \(r.bodyCode) is very overdue", description: "Received \(r.receivedOn); not answered.",
                    areas: [r.areaCode], areaDesc: r.areaCode)
                try await SubmissionStore(sql: tx).event(r.id, kind: "escalated", note: above, actor: "system:deadlines")
                return (true, (draft, above, path))
            }
            if let proposal { proposals.append(proposal) }
            if moved { changed.append((r.id, flag)) }
        }
        for p in proposals { try await RiskUpdater(app: app).insertProposal(p.0, owner: p.1, path: p.2, evidence: nil, actor: "system:deadlines") }
        return changed
    }
}

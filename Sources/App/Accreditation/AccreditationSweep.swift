import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The accreditation clock, run by the background jobs (hourly) and by `agora accreditations sweep`: reminders 60, 30
/// and 7 days before an obligation falls due (to the organisation's bodies and the accrediting body, through the
/// outbox), renewal due 90 days before the term ends, expiry, automatic suspension once an obligation is missed past
/// the grace period (public, with its grounds), suspension when a hearing's reply day has passed, reinstatement when a
/// suspension's period ends or the missed obligation is met.
struct AccreditationSweep: Sendable {
    let app: Application

    @discardableResult
    func sweep(today: String = String(Timestamp.now().prefix(10))) async throws -> [(id: String, action: AccreditationRules.Action)] {
        var done: [(String, AccreditationRules.Action)] = []
        let store = AccreditationStore(sql: app.sql)
        for r in try await store.accreditations(statuses: [.active, .renewalDue, .hearing, .suspended]) {
            guard let scheme = try await store.scheme(of: r.bodyCode) else { continue }
            let actions = AccreditationRules.sweep(
                status: r.status, validUntil: r.validUntil, obligations: r.obligationList, graceDays: scheme.graceDays, hearingUntil: r.hearingUntil,
                suspendedUntil: r.suspendedUntil, automatic: r.automatic, today: today)
            guard !actions.isEmpty else { continue }
            let taken = try await app.write { tx -> [(String, AccreditationRules.Action)] in
                var taken: [(String, AccreditationRules.Action)] = []
                let store = AccreditationStore(sql: tx)
                guard var row = try await store.accreditation(r.id), row.status == r.status else { return [] }
                let tell = [row.bodyCode] + (try await store.bodies(ofOrganisation: row.organisationCode))
                for a in actions {
                    switch a {
                    case .remind(let n, let days):
                        var obligations = row.obligationList
                        obligations[n].reminded.append(days)
                        try await store.setObligations(row.id, obligations)
                        try await store.event(
                            row.id, kind: "reminder", note: "\(obligations[n].kind) due \(obligations[n].dueOn), in \(days) days",
                            actor: "system:accreditation")
                        try await OutboxStore(sql: tx).enqueue("accreditation.reminder", bodies: tell)
                    case .suspendForMissed(let n):
                        let o = row.obligationList[n]
                        try await store.setStatus(
                            row, .suspended, kind: "suspended-automatically",
                            note: "\(o.kind) due \(o.dueOn) not received within \(scheme.graceDays) days", suspendedUntil: .some(nil),
                            grounds: .some("\(o.kind) due \(o.dueOn) missed"), automatic: true, actor: "system:accreditation")
                        try await OutboxStore(sql: tx).enqueue("accreditation.suspended", bodies: tell)
                    case .renewalDue:
                        try await store.setStatus(
                            row, .renewalDue, kind: "renewal-due", note: "the term ends \(row.validUntil)", actor: "system:accreditation")
                        try await OutboxStore(sql: tx).enqueue("accreditation.renewal-due", bodies: tell)
                    case .expire:
                        try await store.setStatus(
                            row, .expired, kind: "expired", note: "the term ended \(row.validUntil)", actor: "system:accreditation")
                        try await OutboxStore(sql: tx).enqueue("accreditation.expired", bodies: tell)
                    case .suspendAfterHearing:
                        try await store.setStatus(
                            row, .suspended, kind: "suspended", note: (row.grounds ?? "") + " — until \(row.suspendedUntil ?? "?")", automatic: false,
                            actor: "system:accreditation")
                        try await OutboxStore(sql: tx).enqueue("accreditation.suspended", bodies: tell)
                    case .reinstate:
                        try await store.setStatus(
                            row, .active, kind: "reinstated", note: row.automatic ? "the missed obligation is met" : "the suspension's period ended",
                            hearingUntil: .some(nil), suspendedUntil: .some(nil), grounds: .some(nil), automatic: false, actor: "system:accreditation"
                        )
                        try await OutboxStore(sql: tx).enqueue("accreditation.reinstated", bodies: tell)
                    }
                    taken.append((row.id, a))
                    if let fresh = try await store.accreditation(row.id) { row = fresh }
                }
                return taken
            }
            done += taken
        }
        return done
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// This installation's risk of the week as aggregates, for the agreements that carry `risk-aggregate`
/// (`RiskAggregates`): run every minute by `FederationJobs`, it writes what changed since the last run to the outbox.
/// The hub draws its risk map from what it received (`RiskPages`).
struct SharedRisk: Sendable {
    let app: Application

    /// What was sent: per record id its fingerprint, under which agreements, at which risk revision.
    struct State: Sendable, Equatable {
        var sent: [String: String] = [:]
        var agreements: [String] = []
        var revision = -1
        var period = ""
    }

    func share(_ state: State, today: Int = CivilDate.parse(Timestamp.now())!) async throws -> State {
        guard let me = FederationIdentity.current else { return state }
        let period = Period.week(containing: today)
        let agreements = try await FederationStore(sql: app.sql).agreements().filter {
            $0.origin == me.installation && $0.types.contains(.riskAggregate) && $0.inForce(on: Timestamp.today())
        }.map(\.id).sorted()
        guard !agreements.isEmpty else { return State() }
        let snap = try await app.risk.current(app.sql)
        // A new agreement hears everything again; an unchanged store in the same week, nothing.
        if agreements == state.agreements, snap.revision == state.revision, period.label == state.period { return state }
        let previous = (agreements == state.agreements ? state.sent : [:]).filter { $0.key.hasSuffix("|" + period.label) }
        var figures: [RiskAggregates.Figure] = []
        for a in snap.candidates(period).sorted() {
            guard let info = snap.areas[a], info.level == .admin1 || info.level == .admin2 else { continue }
            let s = snap.score(a, period)
            guard s.score > 0 else { continue }
            figures.append(
                .init(
                    area: a, name: info.name, areaLevel: info.level, score: s.score, level: s.level, incidents: s.incidents, fatalities: s.fatalities)
            )
        }
        let changes = RiskAggregates.changes(figures, period: period, previous: previous) { snap.areas[$0].map { ($0.name, $0.level) } }
        let (y, m, d) = CivilDate.civil(period.firstDay)
        let monday = String(format: "%04d-%02d-%02d", y, m, d)
        try await app.write { sql in
            let outbox = FederationOutbox(sql: sql)
            for f in changes {
                let record = ShareableRecord(
                    type: .riskAggregate, id: RiskAggregates.id(area: f.area, period: period), classification: .internal,
                    areaPath: ShareableRecord.steps(path: AreaPath.text(snap.path(f.area))), occurredOn: monday, level: .national,
                    fields: RiskAggregates.fields(f, period: period))
                try await outbox.share(record, kind: FederationKind.shared)
            }
        }
        var sent = previous
        for f in changes { sent[RiskAggregates.id(area: f.area, period: period)] = f.fingerprint }
        return State(sent: sent, agreements: agreements, revision: snap.revision, period: period.label)
    }
}

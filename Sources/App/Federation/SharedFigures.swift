import AgoraCore
import Foundation
import SQLKit
import Vapor

/// DDR programmes' figures (`ddr-aggregate`) and peace agreements' implementation (`agreement-implementation`), for
/// the agreements that carry them: like the risk aggregates, run once a minute by `FederationJobs`, each record written
/// to the outbox only when it changed since the last run.
struct SharedFigures: Sendable {
    let app: Application

    struct State: Sendable, Equatable {
        /// `type|id` → the payload last written.
        var sent: [String: String] = [:]
        var agreements: [String] = []
    }

    func share(_ state: State, today: String = Timestamp.today()) async throws -> State {
        guard let me = FederationIdentity.current else { return state }
        let agreements = try await FederationStore(sql: app.sql).agreements().filter {
            $0.origin == me.installation && $0.inForce(on: today) && $0.types.contains { $0 == .ddrAggregate || $0 == .agreementImplementation }
        }
        guard !agreements.isEmpty else { return State() }
        let ids = agreements.map(\.id).sorted()
        let types = Set(agreements.flatMap(\.types))
        var records: [ShareableRecord] = []
        if types.contains(.ddrAggregate) { records += try await ddr(today) }
        if types.contains(.agreementImplementation) { records += try await implementation(today) }
        // A new agreement hears everything again.
        var sent = ids == state.agreements ? state.sent : [:]
        let changed = try records.compactMap { r -> (String, String, ShareableRecord)? in
            let key = r.type.rawValue + "|" + r.id
            let print = String(decoding: try JSONEncoder.sorted.encode(r.fields), as: UTF8.self) + r.classification.rawValue
            return sent[key] == print ? nil : (key, print, r)
        }
        if !changed.isEmpty {
            try await app.write { sql in
                for (_, _, r) in changed { try await FederationOutbox(sql: sql).share(r, kind: FederationKind.shared) }
            }
        }
        for (key, print, _) in changed { sent[key] = print }
        return State(sent: sent, agreements: ids)
    }

    /// Every programme's suppressed counts, placed in its area.
    func ddr(_ today: String) async throws -> [ShareableRecord] {
        let store = DDRStore(sql: app.sql)
        var out: [ShareableRecord] = []
        for p in try await store.programmes() {
            let a = DDRAggregates.of(try await store.aggregateRows(programme: p.id))
            out.append(
                ShareableRecord(
                    type: .ddrAggregate, id: p.id, classification: .internal, areaPath: try await steps(p.area), occurredOn: today,
                    level: try await level(p.body),
                    fields: FigureRecords.ddr(name: p.name, body: p.body, startsOn: p.startsOn, total: a.total, by: a.by, funnel: a.funnel)))
        }
        return out
    }

    /// Every agreement with stipulations: this month's share of full implementation, from published scores, placed in
    /// its body's first area (an agreement with no body here has no place to be shared for).
    func implementation(_ today: String) async throws -> [ShareableRecord] {
        let store = AgreementStore(sql: app.sql)
        var out: [ShareableRecord] = []
        for r in try await store.trackedRows() {
            guard let code = r.bodyCode, let body = try await BodyStore(sql: app.sql).get(code), let area = body.jurisdiction.first else { continue }
            let stipulations = try await store.stipulations(r.id)
            let scores = try await store.scores(r.id, publishedOnly: true).map(\.entry)
            let rollup = Implementation.rollup(stipulations, scores, at: String(today.prefix(7)))
            out.append(
                ShareableRecord(
                    type: .agreementImplementation, id: r.id, classification: r.classification, areaPath: try await steps(area), occurredOn: today,
                    level: BodyLevel(rawValue: body.level) ?? .national,
                    fields: FigureRecords.implementation(title: r.title, signedOn: r.signedOn, stipulations: stipulations.count, rollup: rollup)))
        }
        return out
    }

    func steps(_ area: String) async throws -> [ShareableRecord.AreaStep] {
        ShareableRecord.steps(path: AreaPath.text(try await AreaStore(sql: app.sql).path(area)))
    }

    func level(_ body: String) async throws -> BodyLevel {
        (try await BodyStore(sql: app.sql).refs([body])[body]?.level).flatMap(BodyLevel.init(rawValue:)) ?? .national
    }
}

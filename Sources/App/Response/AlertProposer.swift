import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Keeps risk current when incidents change, and proposes an alert when an area crosses the
/// installation's threshold in the current (or last) week.
struct RiskUpdater: Sendable {
    let app: Application

    /// Inside the transaction that changed the incidents: their old forms (nil when new) out of the
    /// cells, their new forms in. Returns what to hand to `committed` afterwards.
    static func change(_ sql: any SQLDatabase, ids: [String], before: [RiskEvent], snapshot: RiskSnapshot) async throws -> (
        deltas: [(RiskCube.Key, RiskCell)], revision: Int, events: [RiskEvent]
    ) {
        let after = try await RiskStore(sql: sql).events(ids: ids)
        var deltas = before.flatMap { RiskCube.deltas($0, snapshot.weights, snapshot.settings.risk, removing: true) }
        deltas += after.flatMap { RiskCube.deltas($0, snapshot.weights, snapshot.settings.risk) }
        let revision = try await RiskStore(sql: sql).apply(deltas)
        return (deltas, revision, after)
    }

    /// After the commit: the in-memory cube follows, then the touched areas are checked.
    func committed(_ change: (deltas: [(RiskCube.Key, RiskCell)], revision: Int, events: [RiskEvent])) async throws {
        await app.risk.applied(change.deltas, revision: change.revision)
        let snapshot = try await app.risk.current(app.sql)
        var areas = Set<String>()
        var weeks = Set<Period>()
        for e in change.events {
            for a in e.areaPath {
                areas.insert(a)
                areas.formUnion(snapshot.neighbours[a] ?? [])
            }
            weeks.insert(.week(containing: e.day))
        }
        try await propose(areas: areas, weeks: weeks, snapshot: snapshot)
    }

    /// Proposals for areas at or above the threshold, in this week or the last; not again for an area
    /// that already has an alert this week at the same or a higher severity (whatever became of it).
    func propose(areas: Set<String>, weeks: Set<Period>, snapshot: RiskSnapshot) async throws {
        let sql = app.sql
        let thisWeek = Period.week(containing: CivilDate.parse(Timestamp.now())!)
        for week in weeks.sorted() where week.index >= thisWeek.index - 1 && week.index <= thisWeek.index {
            for area in areas.sorted() {
                let s = snapshot.score(area, week)
                guard s.level >= snapshot.settings.risk.proposeAt, let name = snapshot.areas[area]?.name else { continue }
                let events = try await RiskStore(sql: sql).events(area: area, period: week, broad: snapshot.isBroad(area))
                let drivers = RiskExplanation.drivers(events, neighbours: s.neighbours, weights: snapshot.weights, settings: snapshot.settings.risk)
                var draft = AlertRules.proposal(for: s, areaName: name, drivers: drivers, indicatorNames: snapshot.weights.names)
                let since = Timestamp.format(Date(timeIntervalSince1970: Double(week.firstDay) * 86400))
                let earlier = try await AlertStore(sql: sql).recent(area: area, since: since)
                if earlier.contains(where: { (CAPSeverity(rawValue: $0.severity) ?? .Unknown) >= draft.severity! }) { continue }
                let path = snapshot.path(area)
                guard let owner = try await BodyStore(sql: sql).competence(areaPath: path, topic: .earlyWarning).competent?.code else { continue }
                draft.body = owner
                try await insertProposal(draft, owner: owner, path: path, evidence: RiskEvidence(score: s, drivers: drivers), actor: "system:risk")
            }
        }
    }

    /// A proposal to the competent body, with the classification it chose for its alerts; its people are told.
    func insertProposal(_ draft: AlertDraft, owner: String, path: [String], evidence: RiskEvidence?, actor: String) async throws {
        let classification = try await BodyStore(sql: app.sql).alertClassification(owner)
        try await app.write { tx in
            let id = try await AlertStore(sql: tx).insert(
                draft, state: .proposed, msgType: .Alert, refersTo: nil, caseID: nil, body: owner, classification: classification,
                areaPath: AreaPath.text(path), risk: evidence, actor: actor, sent: nil)
            try await OutboxStore(sql: tx).enqueue("alert.proposed", bodies: [owner], alertID: id)
        }
    }

    /// Proposals from stored forecasts at or above the installation's chance (when it set one), for districts and
    /// regions; not again for an area with an alert since the period began at the same or a higher severity.
    func proposeFromForecasts(_ forecasts: [StoredForecast], snapshot: RiskSnapshot) async throws -> Int {
        guard let threshold = snapshot.settings.risk.proposeAtChance else { return 0 }
        let sql = app.sql
        var made = 0
        for f in forecasts.sorted(by: { ($0.area, $0.period) < ($1.area, $1.period) }) where f.fatal >= threshold {
            guard let info = snapshot.areas[f.area], info.level == .admin1 || info.level == .admin2, let period = Period.parse(f.period) else {
                continue
            }
            // Proposals are written in English, as the risk's are; the names are the pages' own.
            let names = f.drivers.map { T(lang: .en)("feature." + $0.feature) }
            var draft = AlertRules.forecastProposal(
                area: f.area, areaName: info.name, period: f.period, chance: f.fatal, deaths: f.deaths, low: f.deathsLow, high: f.deathsHigh,
                drivers: names)
            let since = Timestamp.format(Date(timeIntervalSince1970: Double(period.firstDay) * 86400))
            let earlier = try await AlertStore(sql: sql).recent(area: f.area, since: since)
            if earlier.contains(where: { (CAPSeverity(rawValue: $0.severity) ?? .Unknown) >= draft.severity! }) { continue }
            let path = snapshot.path(f.area)
            guard let owner = try await BodyStore(sql: sql).competence(areaPath: path, topic: .earlyWarning).competent?.code else { continue }
            draft.body = owner
            try await insertProposal(draft, owner: owner, path: path, evidence: nil, actor: "system:forecast")
            made += 1
        }
        return made
    }
}

import AgoraCore
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Everything a score needs, as one immutable value: cells, settings, weights, the area tree and its
/// neighbours. Scoring reads only this; nothing touches the store per area.
struct RiskSnapshot: Sendable {
    struct Area: Sendable {
        var name: String
        var level: AreaLevel
        var parent: String?
    }
    var cube: RiskCube
    var settings: ResponseSettings
    var weights: RiskWeights
    var framework: IndicatorFramework
    var areas: [String: Area]
    var neighbours: [String: [String]]
    /// The store's risk revision this snapshot stands at.
    var revision = -1
    /// Country codes, for the installation's total in `isBroad`.
    var countries: [String] = []
    /// Countries and first-level areas, countries first, by name: what the filter forms offer (sorted once here, not per
    /// page).
    var places: [(code: String, name: String)] = []
    /// The areas of each country by level (`"KEN|admin1"`), and the countries that have areas under them: the dashboard
    /// read every area's path for these on each request.
    var inCountry: [String: [String]] = [:]
    var countriesWithAreas: [String] = []

    /// Scores already computed from this snapshot's cube: a dashboard scores every area of a country and its last
    /// week on each request (a quarter of the page's time). A new cube gets a new memo (`RiskService.applied`).
    var scores = ScoreMemo()

    func score(_ area: String, _ period: Period) -> RiskScore {
        scores.score(area, period) {
            RiskModel.score(
                area, level: areas[area]?.level ?? .admin2, period: period, cube: cube, neighbours: neighbours[area] ?? [], settings: settings.risk)
        }
    }

    /// Areas whose score may be above zero in the period: those with cells, and their neighbours.
    func candidates(_ period: Period) -> Set<String> {
        var out = Set(cube.areas(in: period))
        for a in out { out.formUnion(neighbours[a] ?? []) }
        return out
    }

    /// Whether an area holds so large a share of the incidents that a date-ordered scan finds a page of
    /// its incidents sooner than reading (and sorting) all of them through the area index: the
    /// installation's own counts, as a query planner would use statistics. (At two million incidents
    /// one region held 465,000: through the area index a list took seconds, by date milliseconds.)
    func isBroad(_ area: String) -> Bool {
        let n = cube.incidentCount(area)
        guard n >= 5_000 else { return false }
        let total = countries.reduce(0) { $0 + cube.incidentCount($1) }
        return n * 50 >= total
    }

    func path(_ code: String) -> [String] {
        var out = [code]
        while let p = areas[out.last!]?.parent, !out.contains(p), out.count < 16 { out.append(p) }
        return out
    }
}

/// Scores of one cube, by area and period (at most 100,000: then forgotten and computed again).
final class ScoreMemo: Sendable {
    private struct Key: Hashable {
        var area: String
        var period: Period
    }
    private let known = NIOLockedValueBox([Key: RiskScore]())

    func score(_ area: String, _ period: Period, compute: () -> RiskScore) -> RiskScore {
        let key = Key(area: area, period: period)
        if let s = known.withLockedValue({ $0[key] }) { return s }
        let s = compute()
        known.withLockedValue {
            if $0.count >= 100_000 { $0.removeAll(keepingCapacity: true) }
            $0[key] = s
        }
        return s
    }
}

/// The in-memory risk structure of this process. Incremental updates from this process are applied
/// in place; a revision that moved otherwise (another process, an import, a recompute) reloads it.
actor RiskService {
    private var snapshot: RiskSnapshot?
    private var revision = -1
    private var geoRevision = -1
    /// Drivers of (area, period) at the current revision, before the caller's visibility is applied:
    /// reading an area's incidents of a week is the one costly part of an area's risk (thousands of rows
    /// in a busy region), and the answer only changes with the revision.
    /// Requests arriving together for the same area share one computation.
    private var drivers: [String: Task<[RiskDriver], any Error>] = [:]

    func drivers(
        area: String, period: Period, revision: Int,
        compute: @escaping @Sendable () async throws -> [RiskDriver]
    ) async throws -> [RiskDriver] {
        guard revision == self.revision else { return try await compute() }
        let key = "\(area)|\(period.label)"
        if let known = drivers[key] { return try await known.value }
        if drivers.count >= 2_000 { drivers.removeAll() }
        let task = Task { try await compute() }
        drivers[key] = task
        do { return try await task.value } catch {
            drivers[key] = nil
            throw error
        }
    }

    var currentRevision: Int { revision }

    /// `seen`: the counters as the caller already read them. They only confirm the snapshot: when they
    /// differ (a request's may be older than an update this process applied since), the counters are read
    /// again before anything is reloaded.
    func current(_ sql: any SQLDatabase, seen: StoreRevisions? = nil) async throws -> RiskSnapshot {
        if let s = snapshot, let seen, seen.risk == revision, seen.geo == geoRevision { return s }
        let store = RiskStore(sql: sql)
        let now = try await StoreRevisions.read(sql)
        let rev = now.risk
        let geo = now.geo
        if let s = snapshot, rev == revision, geo == geoRevision { return s }
        let framework = try await FrameworkStore(sql: sql).active()
        var s = RiskSnapshot(
            cube: try await store.load(), settings: try await SettingsStore(sql: sql).load(), weights: RiskWeights(framework),
            framework: framework, areas: [:], neighbours: [:])
        let areas = AreaStore(sql: sql)
        for r in try await areas.tree() {
            s.areas[r.code] = .init(name: r.name, level: AreaLevel(rawValue: r.level) ?? .community, parent: r.parentCode)
        }
        for (a, b) in try await areas.neighbourPairs() {
            if !(s.neighbours[a]?.contains(b) ?? false) { s.neighbours[a, default: []].append(b) }
            if !(s.neighbours[b]?.contains(a) ?? false) { s.neighbours[b, default: []].append(a) }
        }
        s.revision = rev
        s.countries = s.areas.filter { $0.value.level == .country }.keys.sorted()
        var parents = Set<String>()
        for (code, a) in s.areas {
            if let country = s.path(code).last { s.inCountry["\(country)|\(a.level.rawValue)", default: []].append(code) }
            if let p = a.parent { parents.insert(p) }
        }
        s.countriesWithAreas = s.countries.filter { parents.contains($0) }
        s.places = s.areas.filter { $0.value.level <= .admin1 }.map { (code: $0.key, name: $0.value.name, level: $0.value.level) }
            .sorted { ($0.level, $0.name, $0.code) < ($1.level, $1.name, $1.code) }.map { (code: $0.code, name: $0.name) }
        snapshot = s
        revision = rev
        geoRevision = geo
        drivers.removeAll()
        return s
    }

    /// After this process committed `deltas` as `newRevision`: apply them without reloading, when
    /// nothing else happened in between.
    func applied(_ deltas: [(RiskCube.Key, RiskCell)], revision newRevision: Int) {
        guard var s = snapshot, newRevision == revision + 1 else {
            snapshot = nil
            return
        }
        s.cube.apply(deltas)
        s.scores = ScoreMemo()
        s.revision = newRevision
        snapshot = s
        revision = newRevision
        drivers.removeAll()
    }

    func invalidate() {
        snapshot = nil
        drivers.removeAll()
    }
}

extension Application {
    private struct RiskKey: StorageKey { typealias Value = RiskService }

    var risk: RiskService {
        if let c = storage[RiskKey.self] { return c }
        let c = RiskService()
        storage[RiskKey.self] = c
        return c
    }
}

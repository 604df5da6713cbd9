import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The public statistics, counted about a minute ago. Counting a year of public incidents reads every one of them
/// (two million in a large store: seconds, on a reader the other pages need); the page is aggregates by region and
/// month, and a minute's delay costs its readers nothing. Only the first count is waited for: after it, an older
/// count is served while the next one runs (waiting for each recount held every connection of the 2M-event mix for
/// seconds, once a minute: p99 2.8 s).
actor PublicStatistics {
    typealias Counts = (counts: [(area: String, incidents: Int, deaths: Int)], byMonth: [(month: String, incidents: Int)])
    let maxAge: Duration

    init(maxAge: Duration = .seconds(60)) { self.maxAge = maxAge }

    private var running: Task<Counts, any Error>?
    private var counted: (at: ContinuousClock.Instant, value: Counts)?

    func counts(_ sql: any SQLDatabase) async throws -> Counts {
        if let c = counted, ContinuousClock.now - c.at < maxAge { return c.value }
        let task = running ?? start(sql)
        if let c = counted { return c.value }  // the next count runs; this one is still a minute's
        return try await task.value
    }

    /// Waits for the count under way, if any (tests).
    func settled() async { _ = try? await running?.value }

    private func start(_ sql: any SQLDatabase) -> Task<Counts, any Error> {
        let task = Task {
            do {
                let value = try await Self.count(sql)
                self.finished(value)
                return value
            } catch {
                self.finished(nil)
                throw error
            }
        }
        running = task
        return task
    }

    private func finished(_ value: Counts?) {
        if let value { counted = (ContinuousClock.now, value) }
        running = nil
    }

    /// Public incidents of the last 365 days by first-level area (incidents and deaths) and by month.
    static func count(_ sql: any SQLDatabase) async throws -> Counts {
        let since = CivilDate.text(CivilDate.parse(Timestamp.now())! - 365)
        var counts: [String: (incidents: Int, deaths: Int)] = [:]
        var byMonth: [String: Int] = [:]
        for r in try await IncidentStore(sql: sql).publicCounts(since: since) {
            let admin1 = r.path.count >= 2 ? r.path[r.path.count - 2] : r.path.last ?? "?"
            byMonth[r.month, default: 0] += r.incidents
            counts[admin1, default: (0, 0)].incidents += r.incidents
            counts[admin1, default: (0, 0)].deaths += r.fatalities
        }
        return (
            counts.sorted { ($0.value.incidents, $1.key) > ($1.value.incidents, $0.key) }.map {
                (area: $0.key, incidents: $0.value.incidents, deaths: $0.value.deaths)
            },
            byMonth.sorted { $0.key < $1.key }.map { (month: $0.key, incidents: $0.value) }
        )
    }
}

extension Application {
    private struct PublicStatisticsKey: StorageKey { typealias Value = PublicStatistics }

    var publicStatistics: PublicStatistics { shared(PublicStatisticsKey.self) { PublicStatistics() } }
}

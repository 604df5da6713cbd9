import AgoraCore
import NIOConcurrencyHelpers
import Vapor

/// What an answer was read under: the revision of what it reads, the reader's scope, the query.
struct AnswerKey<Query: Hashable & Sendable>: Hashable, Sendable {
    var revision: Int
    var scope: AccessScope
    var query: Query
}

/// Answers read from the store, kept while nothing they were read from has changed. The key holds the store's
/// revision counters for those tables (moved by triggers in the store itself, so no write path can forget them), the
/// reader's whole access scope and the query: a reader gets only what was read under their own scope, and any write
/// makes a new key. Entries of older revisions go when the first answer of a newer one is kept; the rest go least
/// recently used first beyond `capacity`.
final class AnswerCache<Query: Hashable & Sendable, Value: Sendable>: Sendable {
    typealias Key = AnswerKey<Query>

    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    private struct State {
        var entries: [Key: (value: Value, used: UInt64)] = [:]
        var newest = 0
        var tick: UInt64 = 0
        var hits = 0, misses = 0
    }
    private let state = NIOLockedValueBox(State())

    /// How often an answer was served from memory and how often read from the store.
    var counts: (hits: Int, misses: Int) { state.withLockedValue { ($0.hits, $0.misses) } }

    func value(_ key: Key, read: () async throws -> Value) async throws -> Value {
        let found: Value? = state.withLockedValue { s in
            s.tick += 1
            guard let e = s.entries[key] else {
                s.misses += 1
                return nil
            }
            s.entries[key] = (e.value, s.tick)
            s.hits += 1
            return e.value
        }
        if let found { return found }
        let value = try await read()
        state.withLockedValue { s in
            // A reader that read the counters before a write may finish after the first reader of the new revision:
            // its answer is kept only under its own, older key, and only if that revision is still the newest.
            guard key.revision >= s.newest else { return }
            if key.revision > s.newest {
                s.entries = s.entries.filter { $0.key.revision >= key.revision }
                s.newest = key.revision
            }
            s.entries[key] = (value, s.tick)
            guard s.entries.count > capacity else { return }
            // Down to seven eighths at a time: one sort for many insertions.
            for (k, _) in s.entries.sorted(by: { $0.value.used < $1.value.used }).prefix(s.entries.count - capacity + capacity / 8) {
                s.entries[k] = nil
            }
        }
        return value
    }
}

/// The incident answers kept between writes: the list pages (API and page) and the API's JSON of them, the newest places
/// for the list's map, and the source names offered as a filter. Their revision is `StoreRevisions.incidentAnswers`.
struct IncidentAnswers: Sendable {
    struct ListQuery: Hashable, Sendable {
        var filter: IncidentStore.Filter
        var page: PageRequest
    }
    struct PlacesQuery: Hashable, Sendable {
        var filter: IncidentStore.Filter
        var limit: Int
    }

    typealias ListKey = AnswerKey<ListQuery>

    let pages = AnswerCache<ListQuery, Page<IncidentView>>(capacity: 2_000)
    /// The API's encoded answers, by the same key.
    let json = AnswerCache<ListQuery, ByteBuffer>(capacity: 2_000)
    let places = AnswerCache<PlacesQuery, [(area: String?, point: GeoPoint?)]>(capacity: 500)
    let sources = AnswerCache<String, [String]>(capacity: 200)
}

extension Application {
    private struct IncidentAnswersKey: StorageKey { typealias Value = IncidentAnswers }

    /// Set up in `configure` (storage is not for concurrent first use).
    var incidentAnswers: IncidentAnswers {
        if let c = storage[IncidentAnswersKey.self] { return c }
        let c = IncidentAnswers()
        storage[IncidentAnswersKey.self] = c
        return c
    }
}

import AgoraCore
import NIOConcurrencyHelpers
import Vapor

/// What an answer was read under; it holds at least the revision of what the answer reads.
protocol AnswerCacheKey: Hashable, Sendable {
    var revision: Int { get }
}

/// A reader's answer: the revision of what it reads, the reader's scope, the query.
struct AnswerKey<Query: Hashable & Sendable>: AnswerCacheKey {
    var revision: Int
    var scope: AccessScope
    var query: Query
}

/// An answer the same for every reader (the public directory of bodies, forecasts of areas): the revision, the query.
struct SharedAnswerKey<Query: Hashable & Sendable>: AnswerCacheKey {
    var revision: Int
    var query: Query
}

/// Answers read from the store, kept while nothing they were read from has changed. The key holds the store's
/// revision counters for those tables (moved by triggers in the store itself, so no write path can forget them), the
/// reader's whole access scope and the query: a reader gets only what was read under their own scope, and any write
/// makes a new key. Entries of older revisions go when the first answer of a newer one is kept; the rest go least
/// recently used first beyond `capacity`.
final class AnswerCache<Key: AnswerCacheKey, Value: Sendable>: Sendable {
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

extension AnswerCache where Value == ByteBuffer {
    /// An API answer kept as its encoded JSON (encoding was a fifth of a list's time), served as first written.
    func response<T: Content>(_ key: Key, read: () async throws -> T) async throws -> Response {
        let body = try await value(key) {
            let res = Response()
            try res.content.encode(try await read(), as: .json)
            return res.body.buffer ?? ByteBuffer()
        }
        return Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(buffer: body))
    }
}

/// The answers kept between writes, by what they read.
struct Answers: Sendable {
    let incidents = IncidentAnswers()
    let directory = DirectoryAnswers()
    let forecasts = ForecastAnswers()
    /// Which areas hold a point, by `StoreRevisions.geo` (partners look up the same places over and over).
    let lookups = AnswerCache<SharedAnswerKey<Point>, AreaController.Lookup>(capacity: 5_000)

    struct Point: Hashable, Sendable {
        var lat, lon: Double
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

    let pages = AnswerCache<ListKey, Page<IncidentView>>(capacity: 2_000)
    /// The API's encoded answers, by the same key.
    let json = AnswerCache<ListKey, ByteBuffer>(capacity: 2_000)
    let places = AnswerCache<AnswerKey<PlacesQuery>, [(area: String?, point: GeoPoint?)]>(capacity: 500)
    let sources = AnswerCache<AnswerKey<String>, [String]>(capacity: 200)
}

/// The directory of bodies as lists read it (the API, the directory page, how to report, the report form), and the API's
/// JSON of it, by `StoreRevisions.directory`. The directory is public: one answer for every reader.
struct DirectoryAnswers: Sendable {
    struct ListQuery: Hashable, Sendable {
        var filter: BodyStore.Filter
        var page: PageRequest
    }
    typealias ListKey = SharedAnswerKey<ListQuery>

    let lists = AnswerCache<ListKey, [BodyView]>(capacity: 500)
    let json = AnswerCache<ListKey, ByteBuffer>(capacity: 500)
}

/// Every area's forecast for one horizon and period, by `StoreRevisions.forecast` (they change when models are trained).
struct ForecastAnswers: Sendable {
    struct Query: Hashable, Sendable {
        var horizon: Period.Kind
        var period: String
    }

    let byPeriod = AnswerCache<SharedAnswerKey<Query>, [String: StoredForecast]>(capacity: 50)
}

extension Application {
    private struct AnswersKey: StorageKey { typealias Value = Answers }

    /// Set up in `configure` (storage is not for concurrent first use).
    var answers: Answers {
        if let c = storage[AnswersKey.self] { return c }
        let c = Answers()
        storage[AnswersKey.self] = c
        return c
    }
}

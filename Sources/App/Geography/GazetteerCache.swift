import AgoraCore
import SQLKit
import Vapor

/// Holds the point-lookup index in memory and rebuilds it when the stored geography revision moves,
/// so several server processes on one PostgreSQL stay right without talking to each other.
actor GazetteerCache {
    private var revision: Int = -1
    private var gazetteer = Gazetteer([])

    func current(_ store: AreaStore) async throws -> Gazetteer {
        try await currentWithRevision(store).gazetteer
    }

    /// The index and the revision it was built at (maps drawn from its shapes are cached by that revision).
    func currentWithRevision(_ store: AreaStore) async throws -> (gazetteer: Gazetteer, revision: Int) {
        let now = try await store.revision()
        if now != revision {
            let shapes = try await store.shapes()
            gazetteer = Gazetteer(shapes.map { Gazetteer.Entry(code: $0.code, level: $0.level, geometry: $0.geometry) })
            revision = now
        }
        return (gazetteer, revision)
    }
}

extension Application {
    private struct GazetteerKey: StorageKey { typealias Value = GazetteerCache }

    var gazetteer: GazetteerCache {
        if let c = storage[GazetteerKey.self] { return c }
        let c = GazetteerCache()
        storage[GazetteerKey.self] = c
        return c
    }
}

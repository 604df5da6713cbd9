import AgoraCore
import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Maps drawn once. `SVG.map` walks every vertex of every shape, which was most of the risk dashboard's time (47
/// requests/s); the same areas with the same colours, labels and links at the same geography revision draw the same
/// string, so it is kept, keyed by a digest of all of that, up to `budget` bytes (about five hundred country maps), least
/// recently used out first. The
/// colours and labels carry the scores, so a new risk revision makes a new key by itself.
final class MapCache: Sendable {
    private let cache: RenderCache
    /// Whole page parts drawn around a map (the risk dashboard's), by a digest their page makes.
    let pages: RenderCache

    init(budget: Int = 24 << 20) {
        cache = RenderCache(budget: budget)
        pages = RenderCache(budget: budget / 3)
    }

    /// How often a map was served from memory and how often drawn (for tests and `/metrics`-style checks).
    var counts: (hits: Int, draws: Int) { cache.counts }

    func map(_ areas: [SVG.MapArea], title: String, width: Double, pins: [SVG.Pin], revision: Int) -> String {
        cache.value(Self.key(areas, title: title, width: width, pins: pins, revision: revision)) {
            SVG.map(areas, title: title, width: width, pins: pins)
        }
    }

    /// Everything `SVG.map` draws from except the geometry, which the revision stands for.
    static func key(_ areas: [SVG.MapArea], title: String, width: Double, pins: [SVG.Pin], revision: Int) -> SHA256Digest {
        var k = RenderCache.Key("map")
        k.add("\(revision)|\(width)|\(title)")
        for a in areas { k.add("\(a.code)|\(a.name)|\(a.fill)|\(a.href ?? "")|\(a.label)|\(a.spill)") }
        for p in pins { k.add("\(p.point.lat)|\(p.point.lon)|\(p.radius)|\(p.label)|\(p.count ?? -1)") }
        return k.finalize()
    }
}

/// What a page needs to draw maps: the shapes (from the gazetteer, already in memory) and the cache, both at one
/// geography revision.
struct Maps: Sendable {
    let gazetteer: Gazetteer
    let revision: Int
    let cache: MapCache

    func shapes(of codes: some Sequence<String>) -> [String: AreaGeometry] {
        var out: [String: AreaGeometry] = [:]
        for c in codes { if let g = gazetteer.geometry(c) { out[c] = g } }
        return out
    }

    func draw(_ areas: [SVG.MapArea], title: String, width: Double = 1000, pins: [SVG.Pin] = []) -> String {
        cache.map(areas, title: title, width: width, pins: pins, revision: revision)
    }
}

extension Request {
    func maps() async throws -> Maps {
        let (gazetteer, revision) = try await application.gazetteer.currentWithRevision(AreaStore(sql: sql))
        return Maps(gazetteer: gazetteer, revision: revision, cache: application.mapCache)
    }
}

extension Application {
    private struct MapCacheKey: StorageKey { typealias Value = MapCache }

    var mapCache: MapCache {
        if let c = storage[MapCacheKey.self] { return c }
        let c = MapCache()
        storage[MapCacheKey.self] = c
        return c
    }
}

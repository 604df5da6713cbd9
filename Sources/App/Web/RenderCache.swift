import Crypto
import Foundation
import NIOConcurrencyHelpers

/// Strings drawn once: a piece of a page kept by a digest of everything it is drawn from, up to `budget` bytes, least
/// recently used out first. The key is the content's own: the same inputs draw the same string, so nothing needs
/// invalidating — new data is a new key. Maps (`MapCache`) and long option lists (`Fragments`) are kept this way.
final class RenderCache: Sendable {
    let budget: Int

    init(budget: Int) { self.budget = budget }

    private struct State {
        var entries: [SHA256Digest: (value: String, used: UInt64)] = [:]
        var tick: UInt64 = 0
        var bytes = 0
        var hits = 0, draws = 0
    }
    private let state = NIOLockedValueBox(State())

    /// How often a string was served from memory and how often drawn.
    var counts: (hits: Int, draws: Int) { state.withLockedValue { ($0.hits, $0.draws) } }

    func value(_ key: SHA256Digest, draw: () -> String) -> String {
        let found: String? = state.withLockedValue { s in
            s.tick += 1
            guard let e = s.entries[key] else { return nil }
            s.entries[key] = (e.value, s.tick)
            s.hits += 1
            return e.value
        }
        if let found { return found }
        let value = draw()
        state.withLockedValue { s in
            s.draws += 1
            if s.entries[key] == nil { s.bytes += value.utf8.count }
            s.entries[key] = (value, s.tick)
            guard s.bytes > budget else { return }
            // Out go the least recently used, down to seven eighths of the budget: one sort for many insertions, as a
            // cache of table rows holds thousands of entries.
            for (k, e) in s.entries.sorted(by: { $0.value.used < $1.value.used }) where s.bytes > budget - budget / 8 {
                s.entries[k] = nil
                s.bytes -= e.value.utf8.count
            }
        }
        return value
    }

    /// A digest of strings, each ended so that ("ab","c") and ("a","bc") differ.
    struct Key {
        private var h = SHA256()
        init(_ kind: String) { add(kind) }
        mutating func add(_ s: String) {
            var s = s
            s.withUTF8 { h.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: UInt8(0)) { h.update(bufferPointer: $0) }
        }
        /// A number by its bits: no text made for it.
        mutating func add(_ d: Double) { withUnsafeBytes(of: d.bitPattern) { h.update(bufferPointer: $0) } }
        func finalize() -> SHA256Digest { h.finalize() }
    }
}

/// Pieces of pages other than maps. One for the process: a key is a digest of everything drawn, so two installations
/// (tests start several) can share it.
enum Fragments {
    static let cache = RenderCache(budget: 8 << 20)
}

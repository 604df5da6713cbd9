import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora bench lookup`: how fast the stored shapes answer "which area contains this point?".
/// Prints figures; asserts nothing (speed targets live in docs/PERFORMANCE.md, not in tests).
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "case", help: "lookup") var which: String
        @Option(name: "points", help: "how many random points (default 100000)") var points: Int?
        @Option(name: "seed", help: "random seed (default 1)") var seed: Int?
    }
    var help: String { "Benchmarks that print figures (today: lookup)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.which == "lookup" else { throw ValidationError("unknown benchmark '\(signature.which)'; try lookup") }
        let store = AreaStore(sql: context.application.db as! any SQLDatabase)
        let clock = ContinuousClock()
        var gazetteer = Gazetteer([])
        let build = try await clock.measure { gazetteer = try await context.application.gazetteer.current(store) }
        guard gazetteer.count > 0 else { throw ValidationError("no stored shapes: import boundaries first (or run `agora demo`)") }
        let shapes = try await store.shapes()
        let box = shapes.map(\.geometry.bbox).reduce(shapes[0].geometry.bbox) { $0.union($1) }
        var rng = SplitMix64(seed: UInt64(signature.seed ?? 1))
        let n = signature.points ?? 100_000
        let points = (0..<n).map { _ in
            GeoPoint(lat: box.minLat + (box.maxLat - box.minLat) * rng.unit(), lon: box.minLon + (box.maxLon - box.minLon) * rng.unit())
        }
        var hits = 0
        let took = clock.measure { for p in points where !gazetteer.areas(containing: p).isEmpty { hits += 1 } }
        let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
        let vertices = shapes.reduce(0) { $0 + $1.geometry.vertexCount }
        context.console.print("shapes: \(shapes.count) (\(vertices) vertices); index built in \(build)")
        context.console.print(String(format: "lookup: %d points in %.3f s = %.0f lookups/s, %.1f µs each; %d inside some area",
                                     n, seconds, Double(n) / seconds, seconds / Double(n) * 1e6, hits))
    }
}

/// A small deterministic generator, so runs compare.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora bench CASE`: benchmarks that print figures and assert nothing (targets and results live in
/// docs/PERFORMANCE.md; `scripts/bench-compare` runs them beside DuckDB).
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "case", help: "lookup | import | risk | incremental | memory") var which: String
        @Option(name: "points", help: "lookup: how many random points (default 100000)") var points: Int?
        @Option(name: "seed", help: "random seed (default 1)") var seed: Int?
        @Option(name: "file", help: "import: the event file") var file: String?
        @Option(name: "body", help: "import: the owning body (default the first national body)") var body: String?
        @Option(name: "repeat", help: "risk, incremental: repetitions (default 5 / 10000)") var repetitions: Int?
    }
    var help: String { "Benchmarks that print figures: lookup, import, risk, incremental, memory." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let sql = app.sql
        switch signature.which {
        case "lookup": try await lookup(context, signature)
        case "import": try await importEvents(context, signature, sql)
        case "risk": try await risk(context, signature, sql)
        case "incremental": try await incremental(context, signature, sql)
        case "memory":
            let clock = ContinuousClock()
            var snap: RiskSnapshot?
            let took = try await clock.measure { snap = try await app.risk.current(sql) }
            context.console.print(
                String(
                    format: "memory: risk snapshot of %d cells over %d areas loaded in %@; resident %.0f MB",
                    snap!.cube.cellCount, snap!.areas.count, "\(took)", Self.residentMB()))
        default: throw ValidationError("unknown benchmark '\(signature.which)'; try lookup, import, risk, incremental or memory")
        }
    }

    static func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

    static func median(_ xs: [Double]) -> Double { ResponseGap.median(xs) ?? 0 }

    /// Resident memory of this process, from /proc (Linux).
    static func residentMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kb = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kb / 1024
    }

    func lookup(_ context: CommandContext, _ signature: Signature) async throws {
        let store = AreaStore(sql: context.application.sql)
        let clock = ContinuousClock()
        var gazetteer = Gazetteer([])
        let build = try await clock.measure { gazetteer = try await context.application.gazetteer.current(store) }
        guard gazetteer.count > 0 else { throw ValidationError("no stored shapes: import boundaries first (or run `agora demo`)") }
        let shapes = try await store.shapes()
        let box = shapes.map(\.geometry.bbox).reduce(shapes[0].geometry.bbox) { $0.union($1) }
        var rng = SeededRandom(seed: UInt64(signature.seed ?? 1))
        let n = signature.points ?? 100_000
        let points = (0..<n).map { _ in
            GeoPoint(lat: box.minLat + (box.maxLat - box.minLat) * rng.unit(), lon: box.minLon + (box.maxLon - box.minLon) * rng.unit())
        }
        var hits = 0
        let seconds = Self.seconds(clock.measure { for p in points where !gazetteer.areas(containing: p).isEmpty { hits += 1 } })
        let vertices = shapes.reduce(0) { $0 + $1.geometry.vertexCount }
        context.console.print("shapes: \(shapes.count) (\(vertices) vertices); index built in \(build)")
        context.console.print(
            String(
                format: "lookup: %d points in %.3f s = %.0f lookups/s, %.1f µs each; %d inside some area",
                n, seconds, Double(n) / seconds, seconds / Double(n) * 1e6, hits))
    }

    /// The import as `agora events import` does it: parse, resolve areas, insert incidents, indicators,
    /// search rows and risk cells in one transaction.
    func importEvents(_ context: CommandContext, _ signature: Signature, _ sql: any SQLDatabase) async throws {
        guard let file = signature.file, let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("--file: name a readable event file")
        }
        let clock = ContinuousClock()
        var parsed = 0
        let parse = Self.seconds(try clock.measure { parsed = try EventImport.parse(data).records.count })
        let body: String
        if let b = signature.body {
            body = b
        } else {
            guard let b = try await BodyStore(sql: sql).list(.init(level: .national), page: PageRequest(limit: 1)).first?.code else {
                throw ValidationError("--body: no body stored; run `agora demo` first")
            }
            body = b
        }
        let gazetteer = try await context.application.gazetteer.current(AreaStore(sql: sql))
        var summary: EventImporter.Summary?
        let total = Self.seconds(
            try await clock.measure {
                summary = try await EventImporter(body: body, classification: .internal, actor: cliActor).run(
                    data, app: context.application, gazetteer: gazetteer)
            })
        let s = summary!
        context.console.print(
            String(
                format:
                    "import: %d rows, %d imported, %d rejected, %d already there; parse %.2f s (%.0f rows/s); whole import %.2f s = %.0f events/s",
                s.rows, s.imported, s.rejected.count, s.duplicates, parse, Double(parsed) / parse, total, Double(s.imported) / total))
    }

    /// Full recompute in memory: every stored incident into cells for its area path, weeks and months.
    func risk(_ context: CommandContext, _ signature: Signature, _ sql: any SQLDatabase) async throws {
        let clock = ContinuousClock()
        var events = RiskEventTable()
        let load = try await clock.measure { events = try await RiskStore(sql: sql).table() }
        let framework = try await FrameworkStore(sql: sql).active()
        let weights = RiskWeights(framework)
        let settings = try await SettingsStore(sql: sql).load().risk
        var times: [Double] = []
        var cube = RiskCube()
        for _ in 0..<(signature.repetitions ?? 5) {
            times.append(Self.seconds(clock.measure { cube = RiskCube.build(events, weights, settings) }))
        }
        let areas = cube.areaCount
        context.console.print(
            String(
                format:
                    "risk: %d incidents loaded from the store in %@; full recompute (weeks and months, every level) median %.1f ms over %d runs; %d cells, %d areas",
                events.count, "\(load)", Self.median(times) * 1000, times.count, cube.cellCount, areas))
        // And the scores of every area for the newest week, from the built cube.
        let snap = try await context.application.risk.current(sql)
        if let newest = try await IncidentStore(sql: sql).newestDay().flatMap(CivilDate.parse) {
            let week = Period.week(containing: newest)
            let candidates = snap.candidates(week)
            let scoring = Self.seconds(clock.measure { for a in candidates { _ = snap.score(a, week) } })
            context.console.print(String(format: "risk: scored %d areas for %@ in %.1f ms", candidates.count, week.label, scoring * 1000))
        }
    }

    /// One verified incident into a loaded cube, and the scores it moves: its areas and their neighbours.
    func incremental(_ context: CommandContext, _ signature: Signature, _ sql: any SQLDatabase) async throws {
        let snap = try await context.application.risk.current(sql)
        var cube = snap.cube
        guard let sample = try await RiskStore(sql: sql).events(ids: try await IncidentStore(sql: sql).someIDs(limit: 1000)).first else {
            throw ValidationError("no incident stored: import or generate events first")
        }
        let n = signature.repetitions ?? 10_000
        var rng = SeededRandom(seed: UInt64(signature.seed ?? 1))
        let clock = ContinuousClock()
        var times: [Double] = []
        times.reserveCapacity(n)
        for i in 0..<n {
            var e = sample
            e.id = "bench-\(i)"
            e.day = sample.day - Int(rng.unit() * 60)
            let t = clock.measure {
                cube.add(e, snap.weights, snap.settings.risk)
                let week = Period.week(containing: e.day)
                for a in e.areaPath {
                    _ = RiskModel.score(
                        a, level: snap.areas[a]?.level ?? .admin2, period: week, cube: cube, neighbours: snap.neighbours[a] ?? [],
                        settings: snap.settings.risk)
                }
            }
            times.append(Self.seconds(t))
            cube.remove(e, snap.weights, snap.settings.risk)
        }
        times.sort()
        context.console.print(
            String(
                format: "incremental: %d updates on a cube of %d cells; median %.1f µs, p99 %.1f µs (add the incident, rescore its %d areas)",
                n, snap.cube.cellCount, Self.median(times) * 1e6, times[min(times.count - 1, Int(Double(times.count) * 0.99))] * 1e6,
                sample.areaPath.count))
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora generate events --count N --seed S --out FILE [--countries NGA,KEN]`: ACLED-layout CSV over
/// the stored area tree, deterministic for a seed, for benchmarks and load tests.
struct GenerateCommand: AsyncCommandGroup {
    var help: String { "Generate realistic test data." }
    var commands: [String: any AnyAsyncCommand] { ["events": GenerateEventsCommand()] }
}

struct GenerateEventsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", help: "how many events (default 100000)") var count: Int?
        @Option(name: "seed", help: "random seed (default 1)") var seed: Int?
        @Option(name: "out", help: "the CSV file to write") var out: String?
        @Option(name: "countries", help: "ISO3 codes, comma-separated (default: every country with first-level areas stored)") var countries: String?
        @Option(name: "last-day", help: "newest event date, YYYY-MM-DD (default today)") var lastDay: String?
    }
    var help: String { "Write ACLED-layout events clustered in space and time, with heavy-tailed deaths." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let out = signature.out else { throw ValidationError("--out: name the CSV file to write") }
        let count = signature.count ?? 100_000
        guard count > 0 else { throw ValidationError("--count: must be positive") }
        guard let last = CivilDate.parse(signature.lastDay ?? Timestamp.now()) else { throw ValidationError("--last-day: use YYYY-MM-DD") }
        let areas = try await Self.areas(
            context.application.sql,
            countries: signature.countries.map { Set($0.uppercased().split(separator: ",").map(String.init)) })
        guard !areas.isEmpty else {
            throw ValidationError("no first-level areas stored for those countries: import boundaries or P-codes first (or run `agora demo`)")
        }
        let gen = EventGenerator(areas: areas, seed: UInt64(signature.seed ?? 1), lastDay: last, count: count)
        guard FileManager.default.createFile(atPath: out, contents: nil), let h = FileHandle(forWritingAtPath: out) else {
            throw ValidationError("\(out): cannot be written")
        }
        defer { try? h.close() }
        let started = ContinuousClock.now
        var done = 0
        while done < count {
            let n = min(50_000, count - done)
            h.write(Data(gen.csv(done..<(done + n)).utf8))
            done += n
        }
        context.console.print(
            "\(out): \(count) events over \(areas.count) areas in \(Set(areas.map(\.country)).count) countries, seed \(signature.seed ?? 1), in \(ContinuousClock.now - started)"
        )
    }

    /// The deepest areas below each country (admin2, else admin1), placed at their own centre or the
    /// nearest ancestor's, spread over their box, and marked when they (or their region) touch a border.
    static func areas(_ sql: any SQLDatabase, countries: Set<String>?) async throws -> [GeneratorArea] {
        let store = AreaStore(sql: sql)
        let rows = try await store.tree()
        let byCode = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var crossBorder = Set<String>()
        for (a, b) in try await store.neighbourPairs() {
            if byCode[a]?.countryCode != byCode[b]?.countryCode { crossBorder.formUnion([a, b]) }
        }
        let parents = Set(rows.compactMap { $0.level == "admin2" ? $0.parentCode : nil })
        var out: [GeneratorArea] = []
        for r in rows
        where (r.level == "admin2" || (r.level == "admin1" && !parents.contains(r.code))) && (countries?.contains(r.countryCode) ?? true) {
            var place = r
            while place.centroidLat == nil, let p = place.parentCode, let up = byCode[p] { place = up }
            let centre =
                place.centroidLat.flatMap { lat in place.centroidLon.map { GeoPoint(lat: lat, lon: $0) } }
                ?? Country.find(r.countryCode)?.centroid ?? GeoPoint(lat: 0, lon: 0)
            let spread = place.minLat.flatMap { lo in place.maxLat.map { ($0 - lo) / (place.code == r.code ? 2 : 6) } } ?? 0.3
            let admin1 = r.level == "admin1" ? r.name : r.parentCode.flatMap { byCode[$0]?.name } ?? r.name
            let border = crossBorder.contains(r.code) || r.parentCode.map(crossBorder.contains) == true
            out.append(
                GeneratorArea(
                    country: r.countryCode, countryName: Country.find(r.countryCode)?.name ?? r.countryCode, admin1: admin1,
                    admin2: r.level == "admin2" ? r.name : nil, centre: centre, spread: max(0.02, min(spread, 2)), border: border))
        }
        return out.sorted { ($0.country, $0.admin1, $0.admin2 ?? "") < ($1.country, $1.admin1, $1.admin2 ?? "") }
    }
}

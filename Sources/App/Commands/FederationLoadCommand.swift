import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora federation load --rate N --seconds S`: the benchmark's writer (scripts/bench-federation). Writes shareable
/// incident changes through the outbox — the agreement filter, the signature, the transaction — at a steady rate,
/// while the serving installation publishes them. It writes no incident rows: what it measures is the federation's
/// path from outbox to the hub, not report intake (measured by `agora bench`).
struct FederationLoadCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rate", help: "events per second (default 200)") var rate: Int?
        @Option(name: "seconds", help: "how long (default 60)") var seconds: Int?
        @Option(name: "country", help: "the country whose areas the events lie in (default: the first of AGORA_FEDERATION_COUNTRIES)")
        var country: String?
    }
    var help: String { "Benchmark load: shareable incident events through the outbox at a steady rate (scripts/bench-federation)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let me = try app.federationIdentity else { throw ValidationError("set AGORA_INSTALLATION_ID first") }
        let rate = signature.rate ?? 200
        let seconds = signature.seconds ?? 60
        guard (1...100_000).contains(rate), (1...86_400).contains(seconds) else { throw ValidationError("--rate 1…100000, --seconds 1…86400") }
        guard let country = signature.country ?? app.agora.federationCountries.first else { throw ValidationError("name --country") }
        let areas = try await AreaStore(sql: app.sql).centroids(country: country).keys.sorted().prefix(20)
        guard !areas.isEmpty else { throw ValidationError("no areas of \(country) in this store") }
        var found: [String] = []
        for a in areas { found.append(AreaPath.text(try await AreaStore(sql: app.sql).path(a))) }
        let paths = found
        // Twenty transactions a second, each with its share of the events.
        let ticks = seconds * 20
        let start = ContinuousClock.now
        var written = 0
        var withheld = 0
        let key = try app.vault.auditKey
        for tick in 0..<ticks {
            let due = rate * (tick + 1) / 20 - rate * tick / 20
            let batch = try await AuditKeys.$bound.withValue(key) {
                try await FederationIdentity.$bound.withValue(me) {
                    try await app.write { sql -> (Int, Int) in
                        var out = (0, 0)
                        for i in 0..<due {
                            let r = FederationOutbox.incident(
                                id: UUID().uuidString.lowercased(), classification: .internal, areaPath: paths[(tick + i) % paths.count], lat: nil,
                                lon: nil, occurredOn: Timestamp.today(), bodyLevel: "district", title: "Load \(tick).\(i)", eventType: "Violence",
                                fatalities: 0, injured: 0, displaced: 0, actors: "")
                            if try await FederationOutbox(sql: sql).share(r, kind: FederationKind.shared).isEmpty { out.1 += 1 } else { out.0 += 1 }
                        }
                        return out
                    }
                }
            }
            written += batch.0
            withheld += batch.1
            try await Task.sleep(until: start.advanced(by: .milliseconds(50 * (tick + 1))), clock: .continuous)
        }
        let d = ContinuousClock.now - start
        let took = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        context.console.print("load: \(written) events written in \(String(format: "%.1f", took)) s (\(withheld) withheld by the agreements)")
        if written == 0 { throw ValidationError("no agreement in force let anything out: nothing was written") }
    }
}

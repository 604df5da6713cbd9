import AgoraCore
import Crypto
import Fluent
import Foundation
import SQLKit
import Vapor

/// `agora serve --demo`: a realistic installation, from the real boundary files when `../shared/data`
/// is there and from a small built-in set otherwise. Seeding is idempotent: run it as often as you like.
enum DemoInstallation {
    static func makeToken() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func seed(_ app: Application) async throws {
        let started = Date()
        let areas = try areaDrafts(shared: app.agora.sharedData, logger: app.logger)
        try await app.db.transaction { tx in
            let sql = tx as! any SQLDatabase
            let store = AreaStore(sql: sql)
            for batch in areas { try await store.upsert(batch) }
            try await store.upsert(DemoData.communities)
            if app.agora.sharedData != nil { try await store.recomputeNeighbours(tolerance: Neighbourhood.defaultTolerance) }
            // Turkana West and Moroto face each other across the border; say so even without shapes.
            try await store.declareNeighbours("KE023124", "UG3086")
            let bodies = BodyStore(sql: sql)
            try await bodies.upsert(DemoData.organisations)
            try await bodies.upsert(DemoData.bodies)
            for (body, member) in DemoData.members where try await !bodies.members(of: body).contains(where: { $0.name == member.name }) {
                _ = try await bodies.addMember(member, to: body)
            }
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        app.logger.notice("demo installation ready (\(areas.joined().count + DemoData.communities.count) areas, \(DemoData.bodies.count) bodies) in \(seconds) s")
        printBanner(app)
    }

    /// Countries always (from the built-in ISO table), then shapes and P-codes from the shared data if present.
    static func areaDrafts(shared: URL?, logger: Logger) throws -> [[AreaDraft]] {
        let countries = Country.all.map(AreaImport.countryDraft)
        guard let shared else {
            logger.notice("../shared/data is absent: the demo uses its small built-in area set, without shapes")
            return [countries, try BoundaryProfiles.drafts(fromPcodeCSV: DemoData.builtInAreas, countries: [])]
        }
        let boundaries = shared.appendingPathComponent("boundaries")
        var out = [countries]
        for file in ["ne_110m_admin0_countries_v4.1.0.geojson", "nga_admin1_ocha_cod_20161215.geojson", "ken_admin1_counties_osm_simplified.geojson"] {
            out.append(try AreaImport.drafts(file: boundaries.appendingPathComponent(file), format: .geojson, mapping: BoundaryMapping(), countries: []))
        }
        out.append(try AreaImport.drafts(file: boundaries.appendingPathComponent("ocha_global_pcodes_adm1_adm2.csv"), format: .pcodes,
                                         mapping: BoundaryMapping(), countries: ["GHA", "NGA", "KEN", "UGA"]))
        return out
    }

    static func printBanner(_ app: Application) {
        let args = app.environment.arguments
        func option(_ names: [String]) -> String? {
            for (i, a) in args.enumerated() {
                for n in names {
                    if a == n, i + 1 < args.count { return args[i + 1] }
                    if a.hasPrefix(n + "=") { return String(a.dropFirst(n.count + 1)) }
                }
            }
            return nil
        }
        let host = option(["--hostname", "-H"]) ?? "127.0.0.1"
        let port = option(["--port", "-p"]) ?? "8080"
        let store = app.agora.databaseURL == nil ? app.agora.sqliteFile.path : "PostgreSQL (AGORA_DATABASE_URL)"
        print("""

        Agora demo installation
          open:   http://\(host):\(port)/
          API:    http://\(host):\(port)/api/v1/openapi.json
          store:  \(store)
          sign-in: there are no personal accounts yet; API writes take the admin token
                   Authorization: Bearer \(app.agora.adminToken ?? "(none)")

        """)
    }
}

import AgoraCore
import Crypto
import Foundation
import SQLKit
import Vapor

/// `agora serve --demo`: a realistic installation, from the real boundary files when `../shared/data`
/// is there and from a small built-in set otherwise. Seeding is idempotent: run it as often as you like.
enum DemoInstallation {
    /// Seeds everything and returns each demo account with the password it was given this time.
    @discardableResult
    static func seed(_ app: Application) async throws -> [(username: String, password: String, what: String)] {
        let started = Date()
        let actor = "system:demo"
        let digest = try areaDigest(shared: app.agora.sharedData)
        // A restart on the same boundary files finds its areas loaded: about half of a start's CPU went to parsing
        // and rewriting them again (3 s of a 6 s first start in a debug build).
        let loaded = try await AreaStore(sql: app.sql).loadedDigest() == digest
        let areas = loaded ? [] : try areaDrafts(shared: app.agora.sharedData, logger: app.logger)
        try await app.write { tx in
            let sql = tx
            let store = AreaStore(sql: sql)
            var created = 0
            for batch in areas { created += try await store.upsert(batch, actor: actor).created }
            if !loaded { created += try await store.upsert(DemoData.communities, actor: actor).created }
            // Neighbours from the shapes: when areas came in, or none were ever computed (a restart finds them done).
            let computed = try await store.hasComputedNeighbours()
            if app.agora.sharedData != nil, created > 0 || !computed {
                try await store.recomputeNeighbours(tolerance: Neighbourhood.defaultTolerance)
            }
            if !loaded { try await store.setLoadedDigest(digest) }
            // Turkana West and Moroto face each other across the border; say so even without shapes.
            try await store.declareNeighbours("KE023124", "UG3086", actor: actor)
            let bodies = BodyStore(sql: sql)
            try await bodies.upsert(DemoData.organisations, actor: actor)
            try await bodies.upsert(DemoData.bodies, actor: actor)
            for (body, member) in DemoData.members where try await !bodies.members(of: body).contains(where: { $0.name == member.name }) {
                _ = try await bodies.addMember(member, to: body, actor: actor)
            }
        }
        let accounts = try await seedPeople(app, actor: actor)
        try await DemoMediation.seed(app, actor: actor)
        try await DemoAccountability.seed(app, actor: actor)
        try await DemoAccreditation.seed(app, actor: actor)
        try await DemoArms.seed(app, actor: actor)
        if app.agora.demoActivity { try await DemoActivity.run(app) }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let areaCount = loaded ? "areas as loaded before" : "\(areas.joined().count + DemoData.communities.count) areas"
        app.logger.notice("demo installation ready (\(areaCount), \(DemoData.bodies.count) bodies) in \(seconds) s")
        printBanner(app, accounts: accounts)
        return accounts
    }

    /// One account per role, a fresh password each time the demo is seeded (printed, never stored in clear),
    /// and a few papers and a reporter so that access rules have something to decide about.
    static func seedPeople(_ app: Application, actor: String) async throws -> [(username: String, password: String, what: String)] {
        var out: [(String, String, String)] = []
        var list: [(DemoData.Account, String, String)] = []
        for a in DemoData.accounts {
            let pw = Passwords.generate()
            list.append((a, pw, try await Passwords.hash(pw, on: app)))
        }
        let hashed = list
        let vault = try app.vault
        try await app.write { tx in
            let sql = tx
            let people = PeopleStore(sql: sql)
            var ids: [String: String] = [:]
            for (a, _, hash) in hashed {
                if let p = try await people.person(username: a.username) {
                    try await people.setPassword(personID: p.id, hash: hash, actor: actor)
                    ids[a.username] = p.id
                } else {
                    ids[a.username] = try await people.create(
                        username: a.username, displayName: a.displayName, passwordHash: hash,
                        installationAdmin: a.grant == nil, actor: actor
                    ).id
                }
                if let g = a.grant { try await people.grant(g, to: ids[a.username]!, actor: actor) }
            }
            let docs = DocumentStore(sql: sql)
            if try await docs.counts(AccessPolicy.scope(for: .person(id: "", installationAdmin: true, roles: []), in: BodyTree([])), .init()).isEmpty
            {
                for d in DemoData.documents(coordinator: ids["coordinator.bawku"]!) { _ = try await docs.create(d, actor: actor) }
            }
            if try await !ReporterStore(sql: sql).isTaken(pseudonym: "R-DEMO0001") {
                _ = try await ReporterStore(sql: sql).create(
                    pseudonym: "R-DEMO0001", body: "GH-DPC-BAWKU",
                    contact: ContactDetails(name: "Demo Source", phone: "+233 20 000 0001"), vault: vault, actor: actor)
            }
        }
        for (a, pw, _) in hashed { out.append((a.username, pw, a.what)) }
        return out
    }

    /// What the demo's areas are made of: the boundary files (whole), the built-in table and communities, and the
    /// countries whose P-codes are loaded; 63 bits of its SHA-256, as the meta table holds integers.
    static func areaDigest(shared: URL?) throws -> Int {
        var h = SHA256()
        h.update(data: Data("demo-areas-v1|\(DemoData.builtInAreas)|\(DemoData.pcodeCountries)|\(DemoData.communities)".utf8))
        if let shared {
            for file in boundaryFiles { h.update(data: try Data(contentsOf: shared.appendingPathComponent("boundaries/" + file))) }
        }
        return h.finalize().withUnsafeBytes { raw in Int(raw.loadUnaligned(as: UInt64.self) & 0x7FFF_FFFF_FFFF_FFFF) }
    }

    static let boundaryFiles = [
        "ne_110m_admin0_countries_v4.1.0.geojson", "nga_admin1_ocha_cod_20161215.geojson", "ken_admin1_counties_osm_simplified.geojson",
        "ocha_global_pcodes_adm1_adm2.csv",
    ]

    /// Countries always (from the built-in ISO table), then shapes and P-codes from the shared data if present.
    static func areaDrafts(shared: URL?, logger: Logger) throws -> [[AreaDraft]] {
        let countries = Country.all.map(AreaImport.countryDraft)
        guard let shared else {
            logger.notice("../shared/data is absent: the demo uses its small built-in area set, without shapes")
            return [countries, try BoundaryProfiles.drafts(fromPcodeCSV: DemoData.builtInAreas, countries: [])]
        }
        let boundaries = shared.appendingPathComponent("boundaries")
        var out = [countries]
        for file in boundaryFiles.dropLast() {
            out.append(
                try AreaImport.drafts(file: boundaries.appendingPathComponent(file), format: .geojson, mapping: BoundaryMapping(), countries: []))
        }
        out.append(
            try AreaImport.drafts(
                file: boundaries.appendingPathComponent(boundaryFiles.last!), format: .pcodes,
                mapping: BoundaryMapping(), countries: Set(DemoData.pcodeCountries)))
        return out
    }

    static func printBanner(_ app: Application, accounts: [(username: String, password: String, what: String)]) {
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
        let banner = bannerText(host: host, port: port, store: store, accounts: accounts, smsSecret: app.agora.smsSecret)
        // Written straight to the file descriptor: under a supervisor or a test stdout is a pipe, and a
        // buffered print would show the sign-ins only when the server stops.
        FileHandle.standardOutput.write(Data(banner.utf8))
    }

    static func bannerText(
        host: String, port: String, store: String, accounts: [(username: String, password: String, what: String)], smsSecret: String? = nil
    ) -> String {
        // The demo reporter R-DEMO0001 (Bawku) has the number +233 20 000 0001: an SMS from it files a report.
        let sms =
            smsSecret.map {
                "curl -s -X POST http://\(host):\(port)/api/v1/channels/sms/generic -H 'X-Agora-Secret: \($0)' -H 'Content-Type: application/json' "
                    + #"-d '{"from":"+233200000001","text":"R CS01 GH1201 K0 I2 market clash","id":"demo-1"}'"#
            } ?? "start with AGORA_SMS_SECRET=… to take reports by SMS (docs/CHANNELS.md)"
        return """

            Agora demo installation
              open:   http://\(host):\(port)/
              API:    http://\(host):\(port)/api/v1/openapi.json
              store:  \(store)
              sign in at http://\(host):\(port)/sign-in as one of (passwords are new each time the demo starts):
            \(accounts.map { "    \($0.username.padding(toLength: 20, withPad: " ", startingAt: 0)) \($0.password)   \($0.what)" }.joined(separator: "\n"))
              API token: POST /api/v1/auth/token {"username": …, "password": …, "name": "my laptop"}
              SMS:    \(sms)

            """

    }
}

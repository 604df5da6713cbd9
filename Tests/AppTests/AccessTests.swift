import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Sign-in, tokens, roles, source protection and the audit trail, on every engine.
@Suite struct AccessTests {
    static func seed(_ app: Application) async throws {
        _ = try await AreaImport.apply(
            Country.all.map(AreaImport.countryDraft) + (try BoundaryProfiles.drafts(fromPcodeCSV: DemoData.builtInAreas, countries: [])),
            on: app, actor: "test")
        try await BodyStore(sql: app.sql).upsert(DemoData.organisations, actor: "test")
        try await BodyStore(sql: app.sql).upsert(DemoData.bodies, actor: "test")
    }

    static func makePerson(_ app: Application, _ username: String, password: String, roles: [RoleGrant] = []) async throws -> String {
        let hash = try await Passwords.hash(password, on: app)
        let p = try await PeopleStore(sql: app.sql).create(
            username: username, displayName: username, passwordHash: hash, installationAdmin: false, actor: "test")
        for g in roles { try await PeopleStore(sql: app.sql).grant(g, to: p.id, actor: "test") }
        return p.id
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(
            string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
    }

    @Test(arguments: Engine.available)
    func theWebSignInUsesCSRFAndASecureCookie(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            _ = try await Self.makePerson(app, "amina", password: "correct horse battery")
            let t = try app.testing()
            let page = try await t.sendRequest(.GET, "/sign-in")
            #expect(page.status == .ok)
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
            let csrf = try #require(page.headers.setCookie?[AuthController.csrfCookie]?.string)
            #expect(page.body.string.contains(csrf))

            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            // No CSRF token: refused, nothing signed in.
            let bare = try await t.sendRequest(
                .POST, "/sign-in", headers: h, body: Self.form(["username": "amina", "password": "correct horse battery"]))
            #expect(bare.status == .forbidden)
            #expect(bare.headers.setCookie?[Authenticator.sessionCookie] == nil)

            h.cookie = HTTPCookies(dictionaryLiteral: (AuthController.csrfCookie, HTTPCookies.Value(string: csrf)))
            let wrong = try await t.sendRequest(
                .POST, "/sign-in", headers: h, body: Self.form(["username": "amina", "password": "nope nope nope", "_csrf": csrf]))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("Wrong username or password"))
            let nobody = try await t.sendRequest(
                .POST, "/sign-in", headers: h, body: Self.form(["username": "ghost", "password": "nope nope nope", "_csrf": csrf]))
            #expect(nobody.body.string.contains("Wrong username or password"))  // the same words: no telling who exists

            let ok = try await t.sendRequest(
                .POST, "/sign-in", headers: h, body: Self.form(["username": "amina", "password": "correct horse battery", "_csrf": csrf]))
            #expect(ok.status == .seeOther)
            let session = try #require(ok.headers.setCookie?[Authenticator.sessionCookie])
            #expect(session.isHTTPOnly && session.isSecure && session.sameSite == .strict)
            #expect(ok.headers.first(name: .setCookie)?.contains("HttpOnly") == true)

            var signed = HTTPHeaders()
            signed.cookie = HTTPCookies(dictionaryLiteral: (Authenticator.sessionCookie, session))
            let me = try await t.sendRequest(.GET, "/api/v1/people/me", headers: signed)
            #expect(try object(me)["username"] as? String == "amina")

            // Signing out needs the session's own CSRF token.
            let refused = try await t.sendRequest(.POST, "/sign-out", headers: signed)
            #expect(refused.status == .forbidden)
            let stored = try await PeopleStore(sql: app.sql).session(token: session.string)
            var out = signed
            out.contentType = .urlEncodedForm
            let done = try await t.sendRequest(.POST, "/sign-out", headers: out, body: Self.form(["_csrf": stored!.csrf]))
            #expect(done.status == .seeOther)
            #expect(try await t.sendRequest(.GET, "/api/v1/people/me", headers: signed).status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func repeatedFailuresLockTheAccountAndTokensCanBeRevoked(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            _ = try await Self.makePerson(app, "kofi", password: "a long enough secret")
            let t = try app.testing()
            func token(_ pw: String) async throws -> TestingHTTPResponse {
                try await t.sendRequest(
                    .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                    body: json(#"{"username":"kofi","password":"\#(pw)","name":"laptop"}"#))
            }
            let good = try await token("a long enough secret")
            #expect(good.status == .created)
            let secret = try #require(try object(good)["token"] as? String)
            let tokenID = try #require(try object(good)["id"] as? String)
            #expect(try await t.sendRequest(.GET, "/api/v1/people/me", headers: .bearer(secret)).status == .ok)
            // Listing tokens never shows a secret again.
            let list = try await t.sendRequest(.GET, "/api/v1/tokens", headers: .bearer(secret))
            #expect(!list.body.string.contains(secret))
            // Only the digest is stored.
            let stored = try await app.sql.select().column("token_hash").from("api_tokens").where("id", .equal, tokenID).first(
                decodingColumn: "token_hash", as: String.self)
            #expect(stored == Secrets.digest(secret))

            for _ in 0..<5 { #expect(try await token("wrong wrong wrong").status == .unauthorized) }
            // Locked: even the right password answers exactly as an unknown name does, so a lock tells nobody the name exists.
            let locked = try await token("a long enough secret")
            #expect(locked.status == .unauthorized)
            let unknown = try await t.sendRequest(
                .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                body: json(#"{"username":"nobody-here","password":"a long enough secret","name":"x"}"#))
            #expect(locked.body.string == unknown.body.string)
            #expect(try await PeopleStore(sql: app.sql).person(username: "kofi").map { $0.lockedUntil != nil } == true)

            #expect(try await t.sendRequest(.DELETE, "/api/v1/tokens/\(tokenID)", headers: .bearer(secret)).status == .noContent)
            let after = try await t.sendRequest(.GET, "/api/v1/people/me", headers: .bearer(secret))
            #expect(after.status == .unauthorized)
            #expect(try object(after)["field"] as? String == "Authorization")

            // An expired token is no token.
            let p = try await PeopleStore(sql: app.sql).person(username: "kofi")!
            try await app.sql.insert(into: "api_tokens").columns("id", "person_id", "name", "token_hash", "created_at", "expires_at")
                .values(
                    SQLBind("old"), SQLBind(p.id), SQLBind("old"), SQLBind(Secrets.digest("expired-one")), SQLBind("2020-01-01T00:00:00.000Z"),
                    SQLBind("2020-02-01T00:00:00.000Z")
                ).run()
            #expect(try await t.sendRequest(.GET, "/api/v1/people/me", headers: .bearer("expired-one")).status == .unauthorized)
        }
    }

    /// Who a token or session names is read in one joined query: every role comes with it, a person with
    /// none is still signed in, and a disabled person is nobody whatever credential they hold.
    @Test(arguments: Engine.available)
    func credentialsCarryEveryRoleAndADisabledPersonIsNobody(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let grants = [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor), RoleGrant(body: "GH-NPC", role: .analyst)]
            let (id, token) = try await TestInstallation.person(app, "yaw", roles: grants.reversed())
            let (plainID, plainToken) = try await TestInstallation.person(app, "ama")
            let people = PeopleStore(sql: app.sql)
            #expect(try await people.viewer(forToken: token) == .person(id: id, installationAdmin: false, roles: grants))
            #expect(try await people.viewer(forToken: plainToken) == .person(id: plainID, installationAdmin: false, roles: []))
            #expect(try await people.viewer(forToken: "tok-nobody") == nil)
            let session = try await people.createSession(for: id)
            let signed = try #require(try await people.session(token: session.token))
            #expect(signed.viewer == .person(id: id, installationAdmin: false, roles: grants))
            #expect(signed.csrf == session.csrf)
            // First use is recorded.
            let used = try await app.sql.select().column("last_used_at").from("api_tokens").where("id", .equal, "t-yaw")
                .first(decodingColumn: "last_used_at", as: String?.self)
            #expect(used != nil && used! != nil)

            try await app.sql.update("people").set("disabled", to: true).where("id", .equal, id).run()
            #expect(try await people.viewer(forToken: token) == nil)
            #expect(try await people.session(token: session.token) == nil)
            let t = try app.testing()
            #expect(try await t.sendRequest(.GET, "/api/v1/people/me", headers: .bearer(token)).status == .unauthorized)
            var cookie = HTTPHeaders()
            cookie.cookie = HTTPCookies(dictionaryLiteral: (Authenticator.sessionCookie, HTTPCookies.Value(string: session.token)))
            #expect(try await t.sendRequest(.GET, "/api/v1/people/me", headers: cookie).status == .unauthorized)
            #expect(try await t.sendRequest(.GET, "/api/v1/people/me", headers: .bearer(plainToken)).status == .ok)
        }
    }

    @Test func signInIsRateLimitedPerClient() async throws {
        try await TestInstallation.run(.sqlite) { app in
            let t = try app.testing()
            var statuses: [UInt] = []
            for _ in 0..<12 {
                let r = try await t.sendRequest(
                    .POST, "/api/v1/auth/token", headers: ["Content-Type": "application/json"],
                    body: json(#"{"username":"nobody","password":"whatever1234","name":"x"}"#))
                statuses.append(r.status.code)
            }
            #expect(statuses.prefix(10).allSatisfy { $0 == 401 })
            #expect(statuses.suffix(2).allSatisfy { $0 == 429 })
        }
    }

    @Test(arguments: Engine.available)
    func badGrantsAndClassificationsAreRefused(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let id = try await Self.makePerson(app, "esi", password: "another good password")
            let t = try app.testing()
            let noBody = try await t.sendRequest(
                .POST, "/api/v1/people/\(id)/roles", headers: .admin, body: json(#"{"body":"NO-SUCH-BODY","role":"analyst"}"#))
            #expect(noBody.status == .unprocessableEntity)
            #expect(try object(noBody)["field"] as? String == "body")
            let noRole = try await t.sendRequest(
                .POST, "/api/v1/people/\(id)/roles", headers: .admin, body: json(#"{"body":"GH-NPC","role":"king"}"#))
            #expect(noRole.status == .unprocessableEntity)
            #expect(try object(noRole)["field"] as? String == "role")
            #expect(try await PeopleStore(sql: app.sql).roles(of: id).isEmpty)

            // A body administrator grants in their body, not elsewhere.
            let (_, npcAdmin) = try await TestInstallation.person(app, "npc.admin", roles: [RoleGrant(body: "GH-NPC", role: .bodyAdmin)])
            #expect(
                try await t.sendRequest(
                    .POST, "/api/v1/people/\(id)/roles", headers: .bearer(npcAdmin), body: json(#"{"body":"GH-DPC-BAWKU","role":"monitor"}"#)
                ).status == .ok)
            #expect(
                try await t.sendRequest(
                    .POST, "/api/v1/people/\(id)/roles", headers: .bearer(npcAdmin), body: json(#"{"body":"KE-NSC","role":"monitor"}"#)
                ).status == .forbidden)

            let (_, monitor) = try await TestInstallation.person(app, "m.bawku", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let badClass = try await t.sendRequest(
                .POST, "/api/v1/documents", headers: .bearer(monitor),
                body: json(#"{"title":"x","body":"GH-DPC-BAWKU","classification":"top-secret"}"#))
            #expect(badClass.status == .unprocessableEntity)
            #expect(try object(badClass)["field"] as? String == "classification")
            let elsewhere = try await t.sendRequest(
                .POST, "/api/v1/documents", headers: .bearer(monitor),
                body: json(#"{"title":"x","body":"GH-NPC","classification":"internal"}"#))
            #expect(elsewhere.status == .forbidden)
            let count = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("documents").first(
                decodingColumn: "n", as: Int.self)
            #expect(count == 0)
            // Writes to the directory need an installation administrator.
            #expect(
                try await t.sendRequest(.POST, "/api/v1/areas", headers: .bearer(monitor), body: json(#"{"code":"X","name":"X","level":"country"}"#))
                    .status == .forbidden)
        }
    }

    @Test(arguments: Engine.available)
    func onlyACoordinatorOfTheReportersBodyOpensContactsAndEachOpeningIsAudited(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let t = try app.testing()
            let (_, monitor) = try await TestInstallation.person(app, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (coordID, coord) = try await TestInstallation.person(app, "coord", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .coordinator)])
            let (_, analyst) = try await TestInstallation.person(app, "npc.analyst", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
            let (_, otherCoord) = try await TestInstallation.person(
                app, "tamale.coord", roles: [RoleGrant(body: "GH-DPC-TAMALE", role: .coordinator)])
            let created = try await t.sendRequest(
                .POST, "/api/v1/reporters", headers: .bearer(monitor),
                body: json(#"{"body":"GH-DPC-BAWKU","contact":{"name":"Abiba","phone":"+233 24 555 0199"}}"#))
            #expect(created.status == .created)
            let rid = try #require(try object(created)["id"] as? String)
            #expect((try object(created)["pseudonym"] as? String)?.hasPrefix("R-") == true)
            #expect(!created.body.string.contains("555 0199"))

            // The analyst above sees the pseudonym but cannot open the contact; nor can another district's coordinator.
            #expect(try await t.sendRequest(.GET, "/api/v1/reporters/\(rid)", headers: .bearer(analyst)).status == .ok)
            #expect(try await t.sendRequest(.POST, "/api/v1/reporters/\(rid)/contact", headers: .bearer(analyst)).status == .forbidden)
            #expect(try await t.sendRequest(.POST, "/api/v1/reporters/\(rid)/contact", headers: .bearer(otherCoord)).status == .notFound)
            #expect(try await t.sendRequest(.POST, "/api/v1/reporters/\(rid)/contact", headers: .bearer(monitor)).status == .forbidden)
            #expect(try await t.sendRequest(.POST, "/api/v1/reporters/\(rid)/contact").status == .unauthorized)
            let opened = try await t.sendRequest(.POST, "/api/v1/reporters/\(rid)/contact", headers: .bearer(coord))
            #expect(try object(opened)["phone"] as? String == "+233 24 555 0199")

            let trail = try await AuditStore(sql: app.sql).entries(recordType: "reporter", recordID: rid)
            #expect(trail.map(\.action) == ["create", "decrypt"])
            #expect(trail.last?.actor == "person:\(coordID)")
            // The sealed blob is bound to its record: copied onto another, it does not open.
            let sealed = try #require(try await ReporterStore(sql: app.sql).sealedContact(rid)?.sealed)
            #expect(throws: (any Error).self) { try app.vault.open(sealed, recordID: "another-id") }
        }
    }

    @Test(arguments: Engine.available)
    func contactDetailsAreNotInTheStoreInClear(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let phone = "+233 20 987 6543"
            _ = try await ReporterStore(sql: app.sql).create(
                pseudonym: "R-RAWBYTES", body: "GH-DPC-BAWKU",
                contact: ContactDetails(name: "Yaa Rawbytes", phone: phone, email: "yaa@example.org"),
                vault: try app.vault, actor: "test")
            let needles = [phone, "987 6543", "Yaa Rawbytes", "yaa@example.org"].map { Data($0.utf8) }
            switch engine {
            case .sqlite:
                try await app.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
                let file = app.agora.sqliteFile
                var checked = 0
                for suffix in ["", "-wal", "-shm"] {
                    guard let bytes = FileManager.default.contents(atPath: file.path + suffix) else { continue }
                    checked += bytes.count
                    for n in needles { #expect(bytes.range(of: n) == nil, "clear contact in \(file.lastPathComponent)\(suffix)") }
                }
                #expect(checked > 0)
                #expect(FileManager.default.contents(atPath: file.path)!.range(of: Data("R-RAWBYTES".utf8)) != nil)  // the reader works
            case .postgres:
                let rows = try await app.sql.raw("SELECT reporters::text AS t FROM reporters").all()
                for r in rows {
                    for n in needles { #expect(!(try r.decode(column: "t", as: String.self)).contains(String(decoding: n, as: UTF8.self))) }
                }
                try await app.sql.raw("CHECKPOINT").run()
                let dir = try await app.sql.raw("SELECT current_setting('data_directory') AS d").first(decodingColumn: "d", as: String.self) ?? ""
                let rel = try await app.sql.raw("SELECT pg_relation_filepath('reporters') AS p").first(decodingColumn: "p", as: String.self) ?? ""
                if let bytes = FileManager.default.contents(atPath: dir + "/" + rel) {
                    #expect(bytes.range(of: Data("R-RAWBYTES".utf8)) != nil)  // the reader works
                    for n in needles { #expect(bytes.range(of: n) == nil, "clear contact in the PostgreSQL heap file") }
                } else {
                    print("note: the PostgreSQL data directory is not readable here; checked the rows as text only")
                }
            }
        }
    }

    @Test(arguments: Engine.available)
    func everyWriteIsInTheTrailAndAnEditedEntryIsFound(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let t = try app.testing()
            _ = try await t.sendRequest(.PATCH, "/api/v1/bodies/GH-NPC", headers: .admin, body: json(#"{"description":"Act 818"}"#))
            let log = AuditStore(sql: app.sql)
            let trail = try await log.entries(recordType: "body", recordID: "GH-NPC")
            #expect(trail.last?.action == "update")
            #expect(try await log.verify().broken == nil)
            let auditor = try await TestInstallation.person(app, "aud", roles: [RoleGrant(body: "GH-NPC", role: .auditor)])
            let read = try await t.sendRequest(.GET, "/api/v1/audit?recordType=body&recordID=GH-NPC", headers: .bearer(auditor.token))
            #expect(try array(read).last?["action"] as? String == "update")
            let (_, monitor) = try await TestInstallation.person(app, "mon2", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            #expect(try await t.sendRequest(.GET, "/api/v1/audit?recordType=body&recordID=GH-NPC", headers: .bearer(monitor)).status == .forbidden)

            // Someone edits entry 3 behind the application's back.
            try await app.sql.raw("UPDATE audit_log SET actor = 'person:someone-else' WHERE seq = 3").run()
            let broken = try await log.verify().broken
            #expect(broken == .altered(seq: 3))
            let answer = try object(try await t.sendRequest(.GET, "/api/v1/audit/verify", headers: .bearer(auditor.token)))
            #expect(answer["intact"] as? Bool == false)
            #expect(answer["firstBroken"] as? Int == 3)
        }
    }
}

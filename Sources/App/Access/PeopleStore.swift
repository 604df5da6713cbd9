import AgoraCore
import Foundation
import SQLKit
import Vapor

struct PersonRecord: Codable, Sendable {
    var id: String
    var username: String
    var displayName: String
    var passwordHash: String
    var installationAdmin: Bool
    var disabled: Bool
    var failedSignIns: Int
    var lockedUntil: String?
    var createdAt: String
    var updatedAt: String
}

/// A person as the API shows them: never the password hash.
struct PersonView: Content {
    var id: String
    var username: String
    var displayName: String
    var installationAdmin: Bool
    var disabled: Bool
    var roles: [RoleGrant]
}

struct TokenView: Content {
    var id: String
    var name: String
    var createdAt: String
    var expiresAt: String?
    var lastUsedAt: String?
    var revokedAt: String?
    /// Only in the answer that creates the token; never again.
    var token: String?
}

/// People, their roles per body, sessions and API tokens.
struct PeopleStore: Sendable {
    let sql: any SQLDatabase
    private var decoder: SQLRowDecoder { AreaStore.decoder }
    static let personColumns = [
        "id", "username", "display_name", "password_hash", "installation_admin", "disabled",
        "failed_sign_ins", "locked_until", "created_at", "updated_at",
    ]
    static let personSelected = ColumnList(personColumns)

    func person(id: String) async throws -> PersonRecord? {
        try await sql.select().column(Self.personSelected).from("people").where("id", .equal, id)
            .first(decoding: PersonRecord.self, with: decoder)
    }

    func person(username: String) async throws -> PersonRecord? {
        try await sql.select().column(Self.personSelected).from("people")
            .where("username", .equal, username.lowercased()).first(decoding: PersonRecord.self, with: decoder)
    }

    func roles(of personID: String) async throws -> [RoleGrant] {
        let rows = try await sql.select().columns("body_code", "role").from("role_grants").where("person_id", .equal, personID)
            .orderBy("body_code").orderBy("role").all()
        return try rows.compactMap { r in
            let body = try r.decode(column: "body_code", as: String.self)
            return Role(rawValue: try r.decode(column: "role", as: String.self)).map { RoleGrant(body: body, role: $0) }
        }
    }

    func view(_ p: PersonRecord) async throws -> PersonView {
        PersonView(
            id: p.id, username: p.username, displayName: p.displayName, installationAdmin: p.installationAdmin,
            disabled: p.disabled, roles: try await roles(of: p.id))
    }

    func list(page: PageRequest) async throws -> [PersonRecord] {
        var q = sql.select().column(Self.personSelected).from("people")
        if let after = page.after { q = q.where("username", .greaterThan, after) }
        return try await q.orderBy("username").limit(page.limit + 1).all(decoding: PersonRecord.self, with: decoder)
    }

    // MARK: Writes (each audited in the caller's transaction)

    static func checkUsername(_ u: String, into issues: inout IssueCollector) {
        let ok =
            (3...64).contains(u.count)
            && u.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0) }
        if !ok { issues.add("username", "3 to 64 letters, digits, '.', '_', '-' or '@'") }
    }

    static func checkPassword(_ p: String, into issues: inout IssueCollector, field: String = "password") {
        if p.count < 10 { issues.add(field, "must be at least 10 characters") }
        if p.count > 200 { issues.add(field, "must be at most 200 characters") }
    }

    func create(username: String, displayName: String, passwordHash: String, installationAdmin: Bool, actor: String) async throws -> PersonRecord {
        var issues = IssueCollector()
        Self.checkUsername(username, into: &issues)
        if displayName.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("displayName", "is required") }
        try issues.throwIfAny()
        if try await person(username: username) != nil { throw APIError.conflict(field: "username", "'\(username.lowercased())' is taken") }
        let now = Timestamp.now()
        let p = PersonRecord(
            id: UUID().uuidString.lowercased(), username: username.lowercased(), displayName: displayName,
            passwordHash: passwordHash, installationAdmin: installationAdmin, disabled: false, failedSignIns: 0,
            lockedUntil: nil, createdAt: now, updatedAt: now)
        try await sql.insert(into: "people").columns(Self.personColumns)
            .values(
                [
                    SQLBind(p.id), SQLBind(p.username), SQLBind(p.displayName), SQLBind(p.passwordHash), SQLBind(p.installationAdmin),
                    SQLBind(p.disabled), SQLBind(p.failedSignIns), SQLBind(p.lockedUntil), SQLBind(now), SQLBind(now),
                ] as [any SQLExpression]
            ).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "create", recordType: "person", recordID: p.id,
            content: ["username": p.username, "displayName": p.displayName, "installationAdmin": String(installationAdmin)])
        return p
    }

    func setPassword(personID: String, hash: String, actor: String) async throws {
        try await sql.update("people").set("password_hash", to: hash).set("failed_sign_ins", to: 0).set("locked_until", to: SQLLiteral.null)
            .set("updated_at", to: Timestamp.now()).where("id", .equal, personID).run()
        // Every session and token of the person ends with the old password.
        try await sql.delete(from: "sessions").where("person_id", .equal, personID).run()
        try await sql.update("api_tokens").set("revoked_at", to: Timestamp.now()).where("person_id", .equal, personID)
            .where(SQLColumn("revoked_at"), .is, SQLLiteral.null).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "password.reset", recordType: "person", recordID: personID)
    }

    func grant(_ g: RoleGrant, to personID: String, actor: String) async throws {
        guard try await person(id: personID) != nil else { throw APIError.notFound("person", personID) }
        guard try await BodyStore(sql: sql).refs([g.body])[g.body] != nil else {
            throw APIError(ValidationFailure(field: "body", "unknown body code '\(g.body)'"))
        }
        try await sql.insert(into: "role_grants").columns("person_id", "body_code", "role", "granted_by", "granted_at")
            .values(SQLBind(personID), SQLBind(g.body), SQLBind(g.role.rawValue), SQLBind(actor), SQLBind(Timestamp.now()))
            .ignoringConflicts(with: ["person_id", "body_code", "role"]).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "role.grant", recordType: "person", recordID: personID, content: g)
    }

    func revoke(_ g: RoleGrant, from personID: String, actor: String) async throws {
        try await sql.delete(from: "role_grants").where("person_id", .equal, personID).where("body_code", .equal, g.body)
            .where("role", .equal, g.role.rawValue).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "role.revoke", recordType: "person", recordID: personID, content: g)
    }

    // MARK: Sign-in bookkeeping

    /// After five failures in a row the account locks, for 1 minute, doubling with each further failure up to an hour.
    func recordFailure(_ p: PersonRecord) async throws {
        let failures = p.failedSignIns + 1
        var lock: String? = nil
        if failures >= 5 {
            let minutes = min(60, 1 << min(failures - 5, 6))
            lock = Timestamp.format(Date().addingTimeInterval(Double(minutes) * 60))
        }
        try await sql.update("people").set("failed_sign_ins", to: failures).set("locked_until", to: lock).where("id", .equal, p.id).run()
        try await AuditStore(sql: sql).append(actor: "person:\(p.id)", action: "sign-in.failed", recordType: "person", recordID: p.id)
    }

    func recordSuccess(_ p: PersonRecord, via: String) async throws {
        try await sql.update("people").set("failed_sign_ins", to: 0).set("locked_until", to: SQLLiteral.null).where("id", .equal, p.id).run()
        try await AuditStore(sql: sql).append(actor: "person:\(p.id)", action: "sign-in", recordType: "person", recordID: p.id, content: ["via": via])
    }

    // MARK: Sessions

    static let sessionLifetime: TimeInterval = 12 * 3600

    func createSession(for personID: String) async throws -> (token: String, csrf: String) {
        let token = Secrets.token()
        let csrf = Secrets.token()
        let now = Date()
        try await sql.insert(into: "sessions").columns("token_hash", "person_id", "csrf_token", "created_at", "expires_at")
            .values(
                SQLBind(Secrets.digest(token)), SQLBind(personID), SQLBind(csrf), SQLBind(Timestamp.format(now)),
                SQLBind(Timestamp.format(now.addingTimeInterval(Self.sessionLifetime)))
            ).run()
        return (token, csrf)
    }

    /// The person signed in by this session cookie, with their roles, and the session's CSRF token; nil when
    /// the session is unknown or expired or its holder disabled.
    func session(token: String) async throws -> (viewer: Viewer, csrf: String)? {
        let rows = try await signedIn(via: "sessions", extra: "csrf_token") {
            $0.where(SQLColumn("token_hash", table: "sessions"), .equal, SQLBind(Secrets.digest(token)))
                .where(SQLColumn("expires_at", table: "sessions"), .greaterThan, SQLBind(Timestamp.now()))
        }
        guard let viewer = try Self.viewer(from: rows) else { return nil }
        return (viewer, try rows[0].decode(column: "csrf_token", as: String.self))
    }

    func endSession(token: String) async throws {
        try await sql.delete(from: "sessions").where("token_hash", .equal, Secrets.digest(token)).run()
    }

    // MARK: API tokens

    func createToken(for personID: String, name: String, expiresInDays: Int?, actor: String) async throws -> TokenView {
        var issues = IssueCollector()
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 100 {
            issues.add("name", "1 to 100 characters, to tell your tokens apart")
        }
        if let d = expiresInDays, !(1...3650).contains(d) { issues.add("expiresInDays", "must be between 1 and 3650") }
        try issues.throwIfAny()
        let token = "agora_" + Secrets.token()
        let now = Date()
        let view = TokenView(
            id: UUID().uuidString.lowercased(), name: name, createdAt: Timestamp.format(now),
            expiresAt: expiresInDays.map { Timestamp.format(now.addingTimeInterval(Double($0) * 86400)) },
            lastUsedAt: nil, revokedAt: nil, token: token)
        try await sql.insert(into: "api_tokens").columns("id", "person_id", "name", "token_hash", "created_at", "expires_at")
            .values(
                SQLBind(view.id), SQLBind(personID), SQLBind(name), SQLBind(Secrets.digest(token)), SQLBind(view.createdAt), SQLBind(view.expiresAt)
            )
            .run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "token.create", recordType: "api_token", recordID: view.id, content: ["name": name])
        return view
    }

    func tokens(of personID: String) async throws -> [TokenView] {
        try await sql.select().columns("id", "name", "created_at", "expires_at", "last_used_at", "revoked_at").from("api_tokens")
            .where("person_id", .equal, personID).orderBy("created_at").all(decoding: TokenView.self, with: decoder)
    }

    func revokeToken(id: String, personID: String?, actor: String) async throws {
        var q = sql.select().column("id").from("api_tokens").where("id", .equal, id)
        if let personID { q = q.where("person_id", .equal, personID) }
        guard try await q.first() != nil else { throw APIError.notFound("token", id) }
        try await sql.update("api_tokens").set("revoked_at", to: Timestamp.now()).where("id", .equal, id)
            .where(SQLColumn("revoked_at"), .is, SQLLiteral.null).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "token.revoke", recordType: "api_token", recordID: id)
    }

    /// The person holding this API token, with their roles; nil when the token is unknown, revoked or
    /// expired, or its holder disabled.
    func viewer(forToken token: String) async throws -> Viewer? {
        let digest = Secrets.digest(token)
        let now = Timestamp.now()
        let rows = try await signedIn(via: "api_tokens", extra: "last_used_at") {
            $0.where(SQLColumn("token_hash", table: "api_tokens"), .equal, SQLBind(digest))
                .where(SQLColumn("revoked_at", table: "api_tokens"), .is, SQLLiteral.null)
                .where {
                    $0.where(SQLColumn("expires_at", table: "api_tokens"), .is, SQLLiteral.null)
                        .orWhere(SQLColumn("expires_at", table: "api_tokens"), .greaterThan, SQLBind(now))
                }
        }
        guard let viewer = try Self.viewer(from: rows) else { return nil }
        // Last use is kept to the nearest five minutes: a write on every request would serialise readers.
        let last = try rows[0].decode(column: "last_used_at", as: String?.self)
        if last == nil || last! < Timestamp.format(Date().addingTimeInterval(-300)) {
            try await sql.update("api_tokens").set("last_used_at", to: now).where("token_hash", .equal, digest).run()
        }
        return viewer
    }

    // MARK: Who is signed in: one query per request

    /// A credential row (`table`, holding `person_id`) joined to its person and their role grants: one row per
    /// grant (or one with NULL grant columns). This runs on every signed-in request, so it is one round trip
    /// rather than three.
    private func signedIn(
        via table: String, extra: String,
        _ filter: (SQLSelectBuilder) -> SQLSelectBuilder
    ) async throws -> [any SQLRow] {
        let q = sql.select()
            .column(SQLColumn(extra, table: table))
            .column(SQLAlias(SQLColumn("id", table: "people"), as: SQLIdentifier("person_id")))
            .column(SQLColumn("installation_admin", table: "people"))
            .column(SQLColumn("disabled", table: "people"))
            .column(SQLColumn("body_code", table: "role_grants"))
            .column(SQLColumn("role", table: "role_grants"))
            .from(table)
            .join("people", on: SQLColumn("person_id", table: table), .equal, SQLColumn("id", table: "people"))
            .join(
                "role_grants", method: SQLJoinMethod.left, on: SQLColumn("person_id", table: "role_grants"), .equal, SQLColumn("id", table: "people"))
        return try await filter(q).orderBy(SQLColumn("body_code", table: "role_grants")).orderBy(SQLColumn("role", table: "role_grants")).all()
    }

    private static func viewer(from rows: [any SQLRow]) throws -> Viewer? {
        guard let first = rows.first, try !first.decode(column: "disabled", as: Bool.self) else { return nil }
        let roles: [RoleGrant] = try rows.compactMap { r in
            guard let body = try r.decode(column: "body_code", as: String?.self),
                let role = Role(rawValue: try r.decode(column: "role", as: String.self))
            else { return nil }
            return RoleGrant(body: body, role: role)
        }
        return .person(
            id: try first.decode(column: "person_id", as: String.self),
            installationAdmin: try first.decode(column: "installation_admin", as: Bool.self), roles: roles)
    }
}

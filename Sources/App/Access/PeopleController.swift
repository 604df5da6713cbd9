import AgoraCore
import Vapor

/// `/api/v1/people`: accounts and their roles per body. Installation administrators manage people;
/// a body's administrators grant and revoke roles in their body and the bodies below it.
struct PeopleController {
    func register(_ api: any RoutesBuilder) {
        let people = api.grouped("people")
        people.get(use: list)
        people.post(use: create)
        people.get(":id", use: get)
        people.post(":id", "password", use: resetPassword)
        people.post(":id", "roles", use: grant)
        people.delete(":id", "roles", ":body", ":role", use: revoke)
    }

    func list(req: Request) async throws -> Page<PersonView> {
        try req.requireInstallationAdmin()
        let page = try PageRequest(req)
        let store = PeopleStore(sql: req.sql)
        let rows = try await store.list(page: page)
        var views: [PersonView] = []
        for r in rows { views.append(try await store.view(r)) }
        return Page(rows: views, request: page, code: \.username)
    }

    func get(req: Request) async throws -> PersonView {
        let viewer = try req.requireSignedIn()
        let id = try req.parameters.require("id")
        guard viewer.isInstallationAdmin || viewer.personID == id else { throw APIError.forbidden("you may read your own account only") }
        let store = PeopleStore(sql: req.sql)
        guard let p = try await store.person(id: id) else { throw APIError.notFound("person", id) }
        return try await store.view(p)
    }

    struct NewPerson: Content {
        var username: String
        var displayName: String
        var password: String
        var installationAdmin: Bool?
    }

    func create(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let input = try req.input(NewPerson.self)
        var issues = IssueCollector()
        PeopleStore.checkPassword(input.password, into: &issues)
        try issues.throwIfAny()
        let hash = try await Passwords.hash(input.password, on: req.application)
        let actor = req.actor
        let view = try await req.write { tx in
            let store = PeopleStore(sql: tx)
            let p = try await store.create(
                username: input.username, displayName: input.displayName, passwordHash: hash,
                installationAdmin: input.installationAdmin ?? false, actor: actor)
            return try await store.view(p)
        }
        return try await view.created(at: "/api/v1/people/\(view.id)", for: req)
    }

    struct NewPassword: Content { var password: String }

    func resetPassword(req: Request) async throws -> Response {
        let viewer = try req.requireSignedIn()
        let id = try req.parameters.require("id")
        guard viewer.isInstallationAdmin || viewer.personID == id else { throw APIError.forbidden("you may change your own password only") }
        let input = try req.input(NewPassword.self)
        var issues = IssueCollector()
        PeopleStore.checkPassword(input.password, into: &issues)
        try issues.throwIfAny()
        let hash = try await Passwords.hash(input.password, on: req.application)
        let actor = req.actor
        try await req.write { tx in
            let store = PeopleStore(sql: tx)
            guard try await store.person(id: id) != nil else { throw APIError.notFound("person", id) }
            try await store.setPassword(personID: id, hash: hash, actor: actor)
        }
        return Response(status: .noContent)
    }

    func grant(req: Request) async throws -> PersonView {
        let id = try req.parameters.require("id")
        let g = try req.input(RoleGrant.self)
        try await BodyController.requireBodyAdmin(req, g.body)
        let actor = req.actor
        return try await req.write { tx in
            let store = PeopleStore(sql: tx)
            try await store.grant(g, to: id, actor: actor)
            return try await store.view(try await store.person(id: id)!)
        }
    }

    func revoke(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let body = try req.parameters.require("body")
        let role = try Role.parse(try req.parameters.require("role"), field: "role")
        try await BodyController.requireBodyAdmin(req, body)
        let actor = req.actor
        try await req.write { tx in
            try await PeopleStore(sql: tx).revoke(RoleGrant(body: body, role: role), from: id, actor: actor)
        }
        return Response(status: .noContent)
    }
}

/// `/api/v1/audit`: the trail of one record, for auditors and installation administrators.
struct AuditController {
    func register(_ api: any RoutesBuilder) {
        api.get("audit", use: trail)
        api.get("audit", "verify", use: verify)
        api.get("audit", "head", use: head)
    }

    /// The signed head of the chain, for anyone to keep: a copy held outside the installation shows later
    /// whether entries up to it were removed. It tells how many writes there were, nothing of what they were.
    func head(req: Request) async throws -> AuditCheckpoint {
        try await AuditStore(sql: req.sql).head()
    }

    static func requireAuditor(_ req: Request) throws {
        let viewer = try req.requireSignedIn()
        guard viewer.isInstallationAdmin || viewer.roles.contains(where: { $0.role == .auditor }) else {
            throw APIError.forbidden("the audit trail is for auditors and installation administrators")
        }
    }

    func trail(req: Request) async throws -> [AuditEntry] {
        try Self.requireAuditor(req)
        guard let type = try req.query.get(String?.self, at: "recordType"), !type.isEmpty else {
            throw APIError.badRequest(field: "recordType", "is required, e.g. body, area, person, document")
        }
        guard let id = try req.query.get(String?.self, at: "recordID"), !id.isEmpty else {
            throw APIError.badRequest(field: "recordID", "is required")
        }
        return try await AuditStore(sql: req.sql).entries(recordType: type, recordID: id)
    }

    struct Verification: Content {
        var intact: Bool
        var checked: Int
        var firstBroken: Int?
        var problem: String?
    }

    func verify(req: Request) async throws -> Verification {
        try Self.requireAuditor(req)
        let (checked, broken) = try await AuditStore(sql: req.sql).verify(checkpoints: try req.application.auditCheckpoints.read())
        await req.application.auditStatus.record(broken)
        return Verification(intact: broken == nil, checked: checked, firstBroken: broken?.seq, problem: broken?.description)
    }
}

extension AuditEntry: Content {}
extension AuditCheckpoint: Content {}
extension RoleGrant: Content {}

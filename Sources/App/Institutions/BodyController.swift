import AgoraCore
import SQLKit
import Vapor

/// `/api/v1/bodies` and `/api/v1/organisations`: the institutions of the infrastructure.
struct BodyController {
    /// The directory is public; member names are for the body's own people and those above it.
    func register(_ routes: any RoutesBuilder) {
        let bodies = routes.grouped("bodies")
        bodies.get(use: listJSON)
        bodies.get("competent", use: competent)
        bodies.get(":code", use: get)
        bodies.post(use: create)
        bodies.patch(":code", use: update)
        bodies.get(":code", "members", use: members)
        bodies.post(":code", "members", use: addMember)
        routes.get("organisations", use: organisations)
        routes.get("organisations", ":code", use: organisation)
        routes.post("organisations", use: createOrganisation)
    }

    /// Installation administrators, and the body's own administrators (or those of a body above it).
    static func requireBodyAdmin(_ req: Request, _ code: String) async throws {
        let viewer = try req.requireSignedIn()
        if viewer.isInstallationAdmin { return }
        guard AccessPolicy.holds(viewer, [.bodyAdmin], in: code, orAbove: try await req.bodyTree()) else {
            throw APIError.forbidden("this needs an administrator of \(code) or of a body above it")
        }
    }

    /// The list as the API answers it, its JSON kept with it: partners poll the directory, and it changes rarely.
    func listJSON(req: Request) async throws -> Response {
        let key = try await Self.listKey(req)
        return try await req.application.answers.directory.json.response(key) {
            Page(rows: try await Self.bodies(req, key), request: key.query.page, code: \.code)
        }
    }

    static func listKey(_ req: Request) async throws -> DirectoryAnswers.ListKey {
        let page = try PageRequest(req)
        var filter = BodyStore.Filter(
            level: try req.query.get(String?.self, at: "level").map { try BodyLevel.parse($0, field: "level") },
            kind: try req.query.get(String?.self, at: "kind").map { try BodyKind.parse($0, field: "kind") },
            topic: try req.query.get(String?.self, at: "topic").map { try Topic.parse($0, field: "topic") },
            parent: try req.query.get(String?.self, at: "parent"),
            organisation: try req.query.get(String?.self, at: "organisation"),
            text: try req.query.get(String?.self, at: "q"))
        if let area = try req.query.get(String?.self, at: "area") {
            let path = try await AreaStore(sql: req.sql).path(area)
            if path.isEmpty { throw APIError.notFound("area", area, field: "area") }
            filter.areaPath = path
        }
        return .init(revision: try await req.revisions().directory, query: .init(filter: filter, page: page))
    }

    /// Bodies as every list reads them (the API, the directory, how to report, the public report form): from memory until
    /// a body, or anything its record shows, changes (`directory_revision`, moved by the store's triggers).
    static func bodies(_ req: Request, _ filter: BodyStore.Filter, page: PageRequest) async throws -> [BodyView] {
        try await bodies(req, .init(revision: try await req.revisions().directory, query: .init(filter: filter, page: page)))
    }

    private static func bodies(_ req: Request, _ key: DirectoryAnswers.ListKey) async throws -> [BodyView] {
        try await req.application.answers.directory.lists.value(key) {
            try await BodyStore(sql: req.sql).list(key.query.filter, page: key.query.page)
        }
    }

    func get(req: Request) async throws -> BodyView {
        let code = try req.parameters.require("code")
        guard let b = try await BodyStore(sql: req.sql).get(code) else { throw APIError.notFound("body", code) }
        return b
    }

    struct CompetentAnswer: Content {
        var area: AreaRef
        /// The area, then its parents up to the country.
        var areaPath: [AreaRef]
        var topic: String
        /// The lowest-level body whose jurisdiction covers the area and whose mandate covers the topic.
        var competent: BodyRef?
        /// `competent`, then the body to turn to at each higher level, up to the highest competent one.
        var chain: [BodyRef]
        var explanation: String
    }

    func competent(req: Request) async throws -> CompetentAnswer {
        guard let areaCode = try req.query.get(String?.self, at: "area"), !areaCode.isEmpty else {
            throw APIError.badRequest(field: "area", "is required: an area code")
        }
        guard let topicText = try req.query.get(String?.self, at: "topic"), !topicText.isEmpty else {
            throw APIError.badRequest(field: "topic", "is required; one of \(Topic.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let topic = try Topic.parse(topicText, field: "topic")
        let areas = AreaStore(sql: req.sql)
        let path = try await areas.path(areaCode)
        if path.isEmpty { throw APIError.notFound("area", areaCode, field: "area") }
        let bodies = BodyStore(sql: req.sql)
        let answer = try await bodies.competence(areaPath: path, topic: topic)
        let refs = try await bodies.refs(answer.chain.map(\.code))
        let areaRefs = try await areas.refs(path)
        let chain = answer.chain.compactMap { refs[$0.code] }
        let explanation =
            chain.first.map {
                "\($0.name) is the lowest-level body whose jurisdiction covers \(areaRefs[0].name) and whose mandate covers \(topic.rawValue)."
            } ?? "No body's jurisdiction covers \(areaRefs[0].name) with a mandate for \(topic.rawValue)."
        return CompetentAnswer(
            area: areaRefs[0], areaPath: areaRefs, topic: topic.rawValue, competent: chain.first, chain: chain, explanation: explanation)
    }

    func create(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let actor = req.actor
        let draft = try req.input(BodyDraft.self)
        let view = try await req.write { tx in
            let store = BodyStore(sql: tx)
            if try await store.get(draft.code) != nil {
                throw APIError.conflict(field: "code", "a body with code '\(draft.code)' exists; PATCH it instead")
            }
            try await store.upsert([draft], actor: actor)
            return try await store.get(draft.code)!
        }
        return try await view.created(at: "/api/v1/bodies/\(view.code)", for: req)
    }

    /// Every field optional: what is sent replaces what is stored.
    struct Patch: Content {
        var code: String?
        var name: String?
        var names: [String: String]?
        var level: BodyLevel?
        var kind: BodyKind?
        var organisation: String?
        var parent: String?
        var legalBasis: String?
        var description: String?
        var website: String?
        var jurisdiction: [String]?
        var worldwide: Bool?
        var topics: [Topic]?
        var partners: [String]?
        var sharesRestrictedWith: [String]?
        var contact: BodyContact?
        var alertClassification: Classification?
    }

    func update(req: Request) async throws -> BodyView {
        let code = try req.parameters.require("code")
        try await Self.requireBodyAdmin(req, code)
        let viewer = req.viewer
        let actor = req.actor
        let p = try req.input(Patch.self)
        if let c = p.code, c != code { throw APIError.badRequest(field: "code", "cannot change; a body's code is its identity") }
        return try await req.write { tx in
            let store = BodyStore(sql: tx)
            guard let b = try await store.get(code) else { throw APIError.notFound("body", code) }
            if !viewer.isInstallationAdmin { try Self.refuseStructuralChange(p, to: b) }
            let draft = BodyDraft(
                code: code, name: p.name ?? b.name, names: p.names ?? b.names,
                level: p.level ?? BodyLevel(rawValue: b.level)!, kind: p.kind ?? BodyKind(rawValue: b.kind)!,
                organisation: p.organisation ?? b.organisation, parent: p.parent ?? b.parent,
                legalBasis: p.legalBasis ?? b.legalBasis, description: p.description ?? b.description, website: p.website ?? b.website,
                jurisdiction: p.jurisdiction ?? b.jurisdiction, worldwide: p.worldwide ?? b.worldwide,
                topics: p.topics ?? b.topics.compactMap(Topic.init(rawValue:)), partners: p.partners,
                sharesRestrictedWith: p.sharesRestrictedWith, contact: p.contact,
                alertClassification: p.alertClassification)
            try await store.upsert([draft], actor: actor)
            return try await store.get(code)!
        }
    }

    /// Where a body sits — parent, level, kind, jurisdiction, worldwide reach, partners, sharing — decides who reads
    /// whose restricted records ("above" follows these), so only installation administrators change it.
    /// Body administrators edit what describes the body. A field sent unchanged is no change.
    static func refuseStructuralChange(_ p: Patch, to b: BodyView) throws {
        var changed: [String] = []
        if let v = p.parent, v != b.parent { changed.append("parent") }
        if let v = p.level, v.rawValue != b.level { changed.append("level") }
        if let v = p.kind, v.rawValue != b.kind { changed.append("kind") }
        if let v = p.jurisdiction, Set(v) != Set(b.jurisdiction) { changed.append("jurisdiction") }
        if let v = p.worldwide, v != b.worldwide { changed.append("worldwide") }
        if let v = p.partners, Set(v) != Set(b.partners) { changed.append("partners") }
        if let v = p.sharesRestrictedWith, Set(v) != Set(b.sharesRestrictedWith) { changed.append("sharesRestrictedWith") }
        guard changed.isEmpty else {
            let why = "changes where the body sits in the tree, and with it who may read restricted records: installation administrators only"
            throw APIError(
                status: .forbidden, code: "forbidden", reason: "\(changed.joined(separator: ", ")): \(why)", field: changed[0],
                issues: changed.map { ValidationIssue(field: $0, message: why) })
        }
    }

    func members(req: Request) async throws -> [MemberView] {
        let code = try req.parameters.require("code")
        let viewer = try req.requireSignedIn()
        if !viewer.isInstallationAdmin {
            let tree = try await req.bodyTree()
            guard viewer.roles.contains(where: { $0.body == code || tree.isAbove($0.body, code) }) else {
                throw APIError.forbidden("member names are for people of \(code) and of the bodies above it")
            }
        }
        let store = BodyStore(sql: req.sql)
        guard try await store.get(code) != nil else { throw APIError.notFound("body", code) }
        return try await store.members(of: code)
    }

    func addMember(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        try await Self.requireBodyAdmin(req, code)
        let actor = req.actor
        let input = try req.input(MemberDraft.self)
        let member = try await req.write { tx in
            let store = BodyStore(sql: tx)
            guard try await store.get(code) != nil else { throw APIError.notFound("body", code) }
            return try await store.addMember(input, to: code, actor: actor)
        }
        return try await member.created(at: "/api/v1/bodies/\(code)/members", for: req)
    }

    func organisations(req: Request) async throws -> Page<OrganisationView> {
        let page = try PageRequest(req)
        let kind = try req.query.get(String?.self, at: "kind").map { try OrganisationKind.parse($0, field: "kind") }
        return Page(rows: try await BodyStore(sql: req.sql).organisations(page: page, kind: kind), request: page, code: \.code)
    }

    func organisation(req: Request) async throws -> OrganisationView {
        let code = try req.parameters.require("code")
        guard let o = try await BodyStore(sql: req.sql).organisation(code) else { throw APIError.notFound("organisation", code) }
        return o
    }

    func createOrganisation(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let actor = req.actor
        let draft = try req.input(OrganisationDraft.self)
        let view = try await req.write { tx in
            let store = BodyStore(sql: tx)
            if try await store.organisation(draft.code) != nil {
                throw APIError.conflict(field: "code", "an organisation with code '\(draft.code)' exists")
            }
            try await store.upsert([draft], actor: actor)
            return try await store.organisation(draft.code)!
        }
        return try await view.created(at: "/api/v1/organisations/\(view.code)", for: req)
    }
}

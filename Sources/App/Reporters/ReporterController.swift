import AgoraCore
import Foundation
import SQLKit
import Vapor

/// A source known to the system by a pseudonym. Contact details are sealed with the installation key;
/// only a coordinator of the reporter's own body can open them, and every opening is audited.
struct ReporterView: Content {
    var id: String
    var pseudonym: String
    var body: String
    var hasContact: Bool
    var createdAt: String
}

struct ReporterController {
    func register(_ api: any RoutesBuilder) {
        let r = api.grouped("reporters")
        r.get(use: list)
        r.post(use: create)
        r.get(":id", use: get)
        r.post(":id", "contact", use: openContact)
    }

    func list(req: Request) async throws -> Page<ReporterView> {
        try req.requireSignedIn()
        let page = try PageRequest(req)
        let rows = try await ReporterStore(sql: req.sql).list(try await req.scope(), body: try req.query.get(String?.self, at: "body"), page: page)
        return Page(rows: rows, request: page, code: \.id)
    }

    func get(req: Request) async throws -> ReporterView {
        let id = try req.parameters.require("id")
        // Not visible and not there answer alike: a 404 says nothing about who exists.
        guard let r = try await ReporterStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("reporter", id) }
        return r
    }

    struct NewReporter: Content {
        var body: String
        var pseudonym: String?
        var contact: ContactDetails?
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.requireSignedIn()
        let input = try req.input(NewReporter.self)
        guard viewer.isInstallationAdmin || AccessPolicy.holds(viewer, [.monitor, .coordinator, .bodyAdmin], in: input.body) else {
            throw APIError.forbidden("registering a reporter needs a monitor, coordinator or administrator of \(input.body)")
        }
        var issues = IssueCollector()
        let pseudonym = input.pseudonym?.trimmingCharacters(in: .whitespaces) ?? Self.newPseudonym()
        if !(3...40).contains(pseudonym.count) { issues.add("pseudonym", "3 to 40 characters; leave it out to get a random one") }
        if let c = input.contact {
            for (field, value, limit) in [("contact.name", c.name, 200), ("contact.phone", c.phone, 40), ("contact.email", c.email, 200)] {
                if let v = value, v.count > limit { issues.add(field, "at most \(limit) characters") }
            }
        }
        try issues.throwIfAny()
        let vault = try req.application.vault
        let actor = req.actor
        let view = try await req.write { tx in
            let sql = tx
            guard try await BodyStore(sql: sql).refs([input.body])[input.body] != nil else {
                throw APIError(ValidationFailure(field: "body", "unknown body code '\(input.body)'"))
            }
            if try await ReporterStore(sql: sql).isTaken(pseudonym: pseudonym) {
                throw APIError.conflict(field: "pseudonym", "is taken")
            }
            return try await ReporterStore(sql: sql).create(
                pseudonym: pseudonym, body: input.body, contact: input.contact, vault: vault, actor: actor)
        }
        return try await view.created(at: "/api/v1/reporters/\(view.id)", for: req)
    }

    /// `R-` and eight characters that say nothing about the person.
    static func newPseudonym() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return "R-" + String((0..<8).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// POST, not GET: opening a contact is an act, recorded in the audit trail, never cached or prefetched.
    func openContact(req: Request) async throws -> ContactDetails {
        let viewer = try req.requireSignedIn()
        let id = try req.parameters.require("id")
        let store = ReporterStore(sql: req.sql)
        guard try await store.get(id, try await req.scope()) != nil, let row = try await store.sealedContact(id) else {
            throw APIError.notFound("reporter", id)
        }
        guard AccessPolicy.holds(viewer, [.coordinator], in: row.body) else {
            throw APIError.forbidden("only a coordinator of \(row.body) can open this reporter's contact details")
        }
        guard let sealed = row.sealed else { return ContactDetails() }
        let contact = try req.application.vault.open(sealed, recordID: id)
        let actor = req.actor
        try await req.write { tx in
            try await AuditStore(sql: tx).append(actor: actor, action: "decrypt", recordType: "reporter", recordID: id)
        }
        return contact
    }
}

extension ContactDetails: Content {}

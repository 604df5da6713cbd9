import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/federation`: this installation's key, its peers, its data-sharing agreements, the state of the link, and
/// what it received and quarantined. Installation administrators only: agreements are the installation's word.
struct FederationController {
    func register(_ api: any RoutesBuilder) {
        let r = api.grouped("federation")
        r.get("status", use: status)
        r.post("peers", use: addPeer)
        r.get("agreements", use: agreements)
        r.post("agreements", use: propose)
        r.post("agreements", ":id", "actions", use: act)
        r.get("received", use: received)
        r.post("answers", use: answer)
        r.get("quarantine", use: quarantine)
        r.post("quarantine", ":id", "release", use: release)
        r.delete("quarantine", ":id", use: discard)
    }

    struct Status: Content, Equatable {
        var installation: String?
        var publicKey: String?
        var nats: String?
        var hub: Bool
        var peers: [String]
        var agreements: [AgreementSummary]
        var figures: FederationStore.Figures
        /// Per peer: pending, sent, received, quarantined, and when last.
        var peerFigures: [FederationStore.PeerFigures]
        /// The link to NATS while this installation runs one.
        var link: FederationJobs.LinkState?
    }

    struct AgreementSummary: Content, Equatable {
        var id: String
        var origin: String
        var recipient: String
        var state: AgreementState
    }

    func status(req: Request) async throws -> Status {
        try req.requireInstallationAdmin()
        return try await Self.status(req.application, sql: req.sql)
    }

    /// Shared with `agora federation status`.
    static func status(_ app: Application, sql: any SQLDatabase) async throws -> Status {
        let store = FederationStore(sql: sql)
        let me = try app.federationIdentity
        return Status(
            installation: me?.installation, publicKey: me?.keys.publicKey,
            nats: app.agora.natsURL.map { FederationJobs.address($0) }.map { "\($0.0):\($0.1)" },
            hub: app.agora.federationHub, peers: try await store.peers().keys.sorted(),
            agreements: try await store.agreements().map { AgreementSummary(id: $0.id, origin: $0.origin, recipient: $0.recipient, state: $0.state) },
            figures: try await store.figures(), peerFigures: try await store.peerFigures(), link: app.federationJobs.link)
    }

    struct NewPeer: Content {
        var id: String
        var name: String
        var publicKey: String
        /// The countries it speaks for (ISO 3166 alpha-3): its events about any other are quarantined.
        var countries: [String]?
    }

    func addPeer(req: Request) async throws -> HTTPStatus {
        try req.requireInstallationAdmin()
        let p = try req.input(NewPeer.self)
        var issues = IssueCollector()
        if !SharingAgreement.isInstallationID(p.id) {
            issues.add("id", "letters, digits and hyphens, at most 64")
        }
        if p.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || p.name.count > 200 { issues.add("name", "between 1 and 200 characters") }
        if Data(base64Encoded: p.publicKey)?.count != 32 { issues.add("publicKey", "the peer's Ed25519 public key, base64 of 32 bytes") }
        let countries = (p.countries ?? []).map { $0.uppercased() }
        if let bad = countries.first(where: { $0.count != 3 || !$0.allSatisfy { $0.isASCII && $0.isLetter } }) {
            issues.add("countries", "'\(bad.prefix(20))' is not an ISO 3166 alpha-3 code")
        }
        try issues.throwIfAny()
        let actor = req.actor
        try await req.write { tx in
            try await FederationStore(sql: tx).addPeer(id: p.id, name: p.name, publicKey: p.publicKey, countries: countries)
            try await AuditStore(sql: tx).append(
                actor: actor, action: "create", recordType: "federation-peer", recordID: p.id, content: [p.id, p.publicKey] + countries)
        }
        await req.application.natsPermissionsChanged()
        return .created
    }

    func agreements(req: Request) async throws -> [SharingAgreement] {
        try req.requireInstallationAdmin()
        return try await FederationStore(sql: req.sql).agreements()
    }

    struct NewAgreement: Content {
        var id: String?
        var origin: String
        var recipient: String
        var purpose: String
        var types: [SharedRecordType]
        var maxClassification: Classification
        var areas: [String]?
        var granularity: Granularity
        var place: LocationPrecision?
        var dates: DatePrecision?
        var retentionDays: Int?
        var validFrom: String
        var validUntil: String?
    }

    /// A draft: its parties sign it in turn (`actions`), as the two installations' administrators agree it. Both
    /// installations hold the same agreement under the same id.
    func propose(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let n = try req.input(NewAgreement.self)
        if let id = n.id, !SharingAgreement.isInstallationID(id) {
            throw APIError(ValidationFailure(field: "id", "letters, digits and hyphens, at most 64"))
        }
        let a = SharingAgreement(
            id: n.id ?? UUID().uuidString.lowercased(), origin: n.origin, recipient: n.recipient, purpose: n.purpose, types: n.types,
            maxClassification: n.maxClassification, areas: n.areas ?? [], granularity: n.granularity, place: n.place ?? .admin1,
            dates: n.dates ?? .day,
            retentionDays: n.retentionDays ?? 365, validFrom: n.validFrom, validUntil: n.validUntil)
        try a.validate()
        let actor = req.actor
        let saved = a
        try await req.write { tx in
            let store = FederationStore(sql: tx)
            guard try await store.agreement(saved.id) == nil else { throw APIError.conflict(field: "id", "agreement '\(saved.id)' exists") }
            try await store.save(saved)
            try await AuditStore(sql: tx).append(actor: actor, action: "create", recordType: "sharing-agreement", recordID: saved.id, content: saved)
        }
        return try await saved.created(at: "/api/v1/federation/agreements", for: req)
    }

    struct Act: Content {
        var action: AgreementAction
        /// The party acting: this installation, or (for a signature recorded on the peer's word) the other party.
        var party: String?
    }

    func act(req: Request) async throws -> SharingAgreement {
        try req.requireInstallationAdmin()
        let id = try req.parameters.require("id")
        let input = try req.input(Act.self)
        guard let me = try req.application.federationIdentity?.installation ?? input.party else {
            throw APIError(ValidationFailure(field: "party", "set AGORA_INSTALLATION_ID, or name the party acting"))
        }
        let actor = req.actor
        let next = try await req.write { tx in
            let store = FederationStore(sql: tx)
            guard let a = try await store.agreement(id) else { throw Abort(.notFound, reason: "no agreement '\(id)'") }
            let next = try SharingRules.apply(input.action, by: input.party ?? me, to: a, on: Timestamp.today())
            try await store.save(next)
            if next.state == .terminated {
                // At once: nothing more leaves under it, and what came under it is marked and purged after its retention.
                try await store.withdrawPending(agreement: id)
                try await store.agreementEnded(next, on: Timestamp.today())
            }
            try await AuditStore(sql: tx).append(
                actor: actor, action: input.action.rawValue, recordType: "sharing-agreement", recordID: id, content: next)
            return next
        }
        // A hub's NATS server revokes the grant at once, connected leaf nodes included.
        await req.application.natsPermissionsChanged()
        return next
    }

    struct Answer: Content {
        var origin: String
        var caseID: String
        var answer: ElevationAnswer
        var reason: String?
    }

    /// The regional body answers a case elevated to it; the answer goes back to the national installation's case.
    func answer(req: Request) async throws -> ReceivedRecord {
        try req.requireInstallationAdmin()
        let input = try req.input(Answer.self)
        let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if input.answer == .declined && reason.isEmpty { throw APIError(ValidationFailure(field: "reason", "say why the case is declined")) }
        guard try req.application.federationIdentity != nil else {
            throw APIError(ValidationFailure(field: "origin", "federation is off here (AGORA_INSTALLATION_ID)"))
        }
        let actor = req.actor
        return try await req.write { tx in
            let store = FederationStore(sql: tx)
            guard let r = try await store.record(origin: input.origin, type: .case, sharedID: input.caseID), r.kind == FederationKind.elevated else {
                throw Abort(.notFound, reason: "no case '\(input.caseID)' elevated by '\(input.origin)'")
            }
            var payload: [String: JSONValue] = ["answer": .string(input.answer.rawValue)]
            if !reason.isEmpty { payload["reason"] = .string(reason) }
            try await FederationOutbox(sql: tx).answer(
                origin: r.origin, agreement: r.agreement, sharedID: r.sharedID, payload: payload, country: r.country,
                level: BodyLevel(rawValue: r.level) ?? .subRegional)
            try await store.annotate(origin: r.origin, type: .case, sharedID: r.sharedID, key: "answer", value: .object(payload))
            try await AuditStore(sql: tx).append(
                actor: actor, action: "answer." + input.answer.rawValue, recordType: "federation-case", recordID: "\(r.origin)/\(r.sharedID)",
                content: [input.answer.rawValue, reason])
            return try await store.record(origin: r.origin, type: .case, sharedID: r.sharedID)!
        }
    }

    func received(req: Request) async throws -> [ReceivedRecord] {
        try req.requireInstallationAdmin()
        return try await FederationStore(sql: req.sql).received(origin: req.query[String.self, at: "origin"])
    }

    func quarantine(req: Request) async throws -> [QuarantinedEvent] {
        try req.requireInstallationAdmin()
        return try await FederationStore(sql: req.sql).quarantined()
    }

    /// Checked again against today's peers and agreements and applied if it now passes; 409 with the reason if not.
    func release(req: Request) async throws -> FederationQuarantine.Released {
        try req.requireInstallationAdmin()
        return try await FederationQuarantine(app: req.application).release(try req.parameters.require("id"), actor: req.actor)
    }

    func discard(req: Request) async throws -> HTTPStatus {
        try req.requireInstallationAdmin()
        try await FederationQuarantine(app: req.application).discard(try req.parameters.require("id"), actor: req.actor)
        return .noContent
    }
}

extension SharingAgreement: Content {}

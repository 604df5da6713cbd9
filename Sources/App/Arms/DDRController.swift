import AgoraCore
import Foundation
import SQLKit
import Vapor

extension DDRIdentity: Content {}
extension DDRStep: Content {}

/// DDR programmes over HTTP: participants registered under a pseudonym (identity sealed, double registration caught
/// by keyed hashes), moved through their stages, paid their entitlements, visited; aggregates with small cells
/// suppressed for everyone signed in, participants for the programme's body only.
struct DDRController {
    func register(_ api: any RoutesBuilder) {
        let d = api.grouped("ddr")
        d.get("programmes", use: programmes)
        d.post("programmes", use: createProgramme)
        d.get("programmes", ":id", use: programme)
        d.get("programmes", ":id", "participants", use: participants)
        d.post("programmes", ":id", "participants", use: registerParticipant)
        d.get("participants", ":id", use: participant)
        d.post("participants", ":id", "steps", use: step)
        d.post("participants", ":id", "payments", use: pay)
        d.post("participants", ":id", "visits", use: visit)
        d.post("participants", ":id", "identity", use: openIdentity)
    }

    // MARK: programmes

    struct ProgrammeInput: Content {
        var body, name, area, startsOn, childProtection: String
    }

    struct ProgrammeAnswer: Content {
        var programme: ProgrammeView
        var total: String
        var by: [String: [String: String]]
        var funnel: [FunnelStep]
    }

    struct FunnelStep: Content {
        var stage: DDRStage
        var count: String
    }

    func programmes(req: Request) async throws -> [ProgrammeView] {
        try req.requireSignedIn()
        return try await DDRStore(sql: req.sql).programmes()
    }

    func programme(req: Request) async throws -> ProgrammeAnswer { try await Self.programme(try req.parameters.require("id"), req: req) }

    /// The programme with its aggregates: what may travel above it.
    static func programme(_ id: String, req: Request) async throws -> ProgrammeAnswer {
        try req.requireSignedIn()
        let store = DDRStore(sql: req.sql)
        guard let p = try await store.programmes(id: id).first else { throw APIError.notFound("programme", id) }
        let a = DDRAggregates.of(try await store.aggregateRows(programme: id))
        return ProgrammeAnswer(programme: p, total: a.total, by: a.by, funnel: a.funnel.map { FunnelStep(stage: $0.stage, count: $0.count) })
    }

    func createProgramme(req: Request) async throws -> Response {
        let input = try req.input(ProgrammeInput.self)
        var issues = IssueCollector()
        if MediationRules.blank(input.name) { issues.add("name", "name the programme") }
        if !CivilDate.isDay(input.startsOn) { issues.add("startsOn", "a date, YYYY-MM-DD") }
        if MediationRules.blank(input.childProtection) { issues.add("childProtection", "who children are referred to (a child-protection agency)") }
        try issues.throwIfAny()
        try await ArmsAccess.requireOfficer(req, input.body)
        let p = ProgrammeView(
            id: UUID().uuidString.lowercased(), body: input.body, name: input.name, area: input.area, startsOn: input.startsOn,
            childProtection: input.childProtection)
        let actor = req.actor
        try await req.write { tx in
            guard try await BodyStore(sql: tx).refs([p.body])[p.body] != nil else { throw APIError.notFound("body", p.body, field: "body") }
            guard try await AreaStore(sql: tx).exists([p.area]).contains(p.area) else { throw APIError.notFound("area", p.area, field: "area") }
            try await DDRStore(sql: tx).createProgramme(p, actor: actor)
        }
        return try await p.encodeResponse(status: .created, for: req)
    }

    // MARK: participants

    struct ParticipantInput: Content {
        var category: DDRCategory
        var sex, area: String
        var faction: String?
        var identity: DDRIdentity
        var registeredOn: String?
        /// Registers someone whose keys match another participant after the officer checked they are two people:
        /// the pseudonym of the other, named on the audit chain.
        var notDuplicateOf: String?
    }

    func participants(req: Request) async throws -> [ParticipantView] {
        let id = try req.parameters.require("id")
        try req.requireSignedIn()
        return try await DDRStore(sql: req.sql).list(try await req.scope(), programme: id)
    }

    func participant(req: Request) async throws -> ParticipantView {
        let id = try req.parameters.require("id")
        guard let p = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        return p
    }

    func registerParticipant(req: Request) async throws -> Response {
        let p = try await Self.registerParticipant(programme: try req.parameters.require("id"), try req.input(ParticipantInput.self), req: req)
        return try await p.encodeResponse(status: .created, for: req)
    }

    static func registerParticipant(programme id: String, _ input: ParticipantInput, req: Request) async throws -> ParticipantView {
        let store = DDRStore(sql: req.sql)
        guard let prog = try await store.programmes(id: id).first else { throw APIError.notFound("programme", id) }
        try await ArmsAccess.requireOfficer(req, prog.body)
        let today = ArmsAccess.today
        let on = input.registeredOn ?? today
        var issues = IssueCollector()
        do { try input.identity.validate() } catch let f as ValidationFailure { for i in f.issues { issues.add(i.field, i.message) } }
        do { try DDRRules.checkRegistration(category: input.category, birth: input.identity.birthDate, sex: input.sex, today: on) } catch let f
            as ValidationFailure
        { for i in f.issues { issues.add(i.field, i.message) } }
        if !CivilDate.isDay(on) || on > today { issues.add("registeredOn", "a date, YYYY-MM-DD, not in the future") }
        try issues.throwIfAny()
        let vault = try req.application.vault
        let keys = vault.identityKeys.keys(input.identity)
        let pid = UUID().uuidString.lowercased()
        let p = ParticipantView(
            id: pid, pseudonym: Self.pseudonym(), programme: id, body: prog.body, sex: input.sex,
            ageGroup: DDRRules.ageGroup(DDRRules.age(birth: input.identity.birthDate, on: on)), area: input.area, registeredOn: on,
            category: input.category, stage: .registered, furthest: .registered, faction: input.faction,
            referredOn: input.category == .child ? on : nil)
        let sealed = try vault.seal(value: input.identity, recordID: pid)
        let actor = req.actor
        try await req.write { tx in
            let store = DDRStore(sql: tx)
            guard try await AreaStore(sql: tx).exists([p.area]).contains(p.area) else { throw APIError.notFound("area", p.area, field: "area") }
            let matches = try await store.holders(of: keys)
            let others = matches.filter { $0.pseudonym != input.notDuplicateOf }
            if let m = others.first {
                throw APIError.conflict(
                    field: "identity",
                    "possible double registration: the name and birth details (or document) match participant \(m.pseudonym); if they are two people, register again with notDuplicateOf: \(m.pseudonym)"
                )
            }
            try await store.register(p, sealedIdentity: sealed, keys: keys, actor: actor)
            if let n = input.notDuplicateOf {
                try await store.event(pid, kind: "not-duplicate", on: on, stage: nil, details: ["of": n], actor: actor)
            }
            if p.category == .child {
                try await OutboxStore(sql: tx).enqueue("ddr.child-referred", bodies: [prog.body])
            }
        }
        guard let out = try await DDRStore(sql: req.sql).get(pid, try await req.scope()) else { throw APIError.notFound("participant", pid) }
        return out
    }

    /// `P-` and eight characters of Crockford's alphabet: random, so it says nothing of the person.
    static func pseudonym() -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var g = SystemRandomNumberGenerator()
        return "P-" + String((0..<8).map { _ in alphabet[Int(g.next() % 32)] })
    }

    func step(req: Request) async throws -> ParticipantView {
        try await Self.step(try req.parameters.require("id"), try req.input(DDRStep.self), req: req)
    }

    /// A stage reached, with what it needs; disarmament links weapons of the register (surrendered into the programme
    /// body's custody).
    static func step(_ id: String, _ s: DDRStep, req: Request) async throws -> ParticipantView {
        guard let p = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        try await ArmsAccess.requireOfficer(req, p.body)
        if let r = DDRRules.refusal(from: p.stage, category: p.category, s) { throw APIError(ValidationFailure(field: r.field, r.message)) }
        let today = ArmsAccess.today
        let actor = req.actor
        var details: [String: String] = [:]
        for (k, v) in [
            ("criterion", s.criterion), ("reason", s.reason), ("certificate", s.certificate), ("site", s.site), ("option", s.option),
            ("provider", s.provider), ("note", s.note),
        ] {
            if let v, !MediationRules.blank(v) { details[k] = v }
        }
        if let m = s.milestones, !m.isEmpty { details["milestones"] = m.joined(separator: "\n") }
        if let w = s.weapons, !w.isEmpty { details["weapons"] = w.joined(separator: " ") }
        if s.to == .ineligible || s.to == .screened { details["reviewer"] = actor }
        let furthest = DDRStage.path.contains(s.to) ? s.to : p.furthest
        let stepDetails = details
        try await req.write { tx in
            if s.to == .disarmed {
                let weapons = try await WeaponStore(sql: tx).system(s.weapons ?? [])
                var issues = IssueCollector()
                for (i, w) in (s.weapons ?? []).enumerated() {
                    guard let v = weapons[w] else {
                        issues.add("weapons[\(i)]", "'\(w)' is no weapon on the register")
                        continue
                    }
                    if let why = WeaponRules.refusal(from: v.status, to: .surrendered) { issues.add("weapons[\(i)]", why) }
                }
                try issues.throwIfAny()
                for w in s.weapons ?? [] {
                    try await WeaponStore(sql: tx).event(
                        w, kind: .status, on: today, status: .surrendered, body: p.body, details: ["ddr": p.pseudonym], actor: actor)
                }
            }
            try await DDRStore(sql: tx).move(id, to: s.to, furthest: furthest, on: today, details: stepDetails, actor: actor)
        }
        guard let out = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        return out
    }

    struct PaymentInput: Content {
        var tranche, currency, channel: String
        var amount: Double
        var paidOn: String?
        var acknowledged: Bool?
        /// A second payment of a tranche is refused unless the reason for it is given; it is then kept flagged.
        var secondPaymentReason: String?
    }

    func pay(req: Request) async throws -> ParticipantView {
        let id = try req.parameters.require("id")
        let input = try req.input(PaymentInput.self)
        guard let p = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        try await ArmsAccess.requireOfficer(req, p.body)
        var issues = IssueCollector()
        if MediationRules.blank(input.tranche) { issues.add("tranche", "which tranche (e.g. 'transitional safety allowance 1')") }
        if !(input.amount > 0) { issues.add("amount", "more than 0") }
        if input.currency.range(of: #"^[A-Z]{3}$"#, options: .regularExpression) == nil { issues.add("currency", "an ISO 4217 code (GHS, XOF, USD)") }
        if !["cash", "mobile-money", "bank", "in-kind"].contains(input.channel) { issues.add("channel", "cash, mobile-money, bank or in-kind") }
        let on = input.paidOn ?? ArmsAccess.today
        if !CivilDate.isDay(on) || on > ArmsAccess.today { issues.add("paidOn", "a date, YYYY-MM-DD, not in the future") }
        if [.ineligible, .reRecruited, .deceased].contains(p.stage) {
            issues.add("tranche", "a \(p.stage.rawValue) participant is paid nothing more")
        }
        try issues.throwIfAny()
        let second = DDRRules.isSecondPayment(tranche: input.tranche, paid: (p.payments ?? []).map(\.tranche))
        let reason = input.secondPaymentReason.flatMap { MediationRules.blank($0) ? nil : $0 }
        if second, reason == nil {
            throw APIError.conflict(
                field: "tranche", "'\(input.tranche)' was already paid to \(p.pseudonym): a second payment needs secondPaymentReason, and is flagged")
        }
        let payment = PaymentView(
            id: UUID().uuidString.lowercased(), tranche: input.tranche, currency: input.currency, paidOn: on, channel: input.channel,
            amount: input.amount, acknowledged: input.acknowledged ?? false, secondPayment: second, reason: reason)
        let actor = req.actor
        try await req.write { tx in try await DDRStore(sql: tx).pay(payment, participant: id, actor: actor) }
        guard let out = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        return out
    }

    struct VisitInput: Content {
        var on: String?
        var note: String
        var situation: String?
    }

    func visit(req: Request) async throws -> ParticipantView {
        let id = try req.parameters.require("id")
        let input = try req.input(VisitInput.self)
        guard let p = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        try await ArmsAccess.requireOfficer(req, p.body)
        if MediationRules.blank(input.note) { throw APIError(ValidationFailure(field: "note", "what the visit found")) }
        let on = input.on ?? ArmsAccess.today
        if !CivilDate.isDay(on) || on > ArmsAccess.today {
            throw APIError(ValidationFailure(field: "on", "a date, YYYY-MM-DD, not in the future"))
        }
        let actor = req.actor
        var details = ["note": input.note]
        if let s = input.situation { details["situation"] = s }
        let d = details
        try await req.write { tx in try await DDRStore(sql: tx).event(id, kind: "visit", on: on, stage: nil, details: d, actor: actor) }
        guard let out = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        return out
    }

    struct OpenInput: Content {
        var reason: String
    }

    /// The identity, to the programme body's coordinators and administrators only, with a reason; every opening audited.
    func openIdentity(req: Request) async throws -> DDRIdentity {
        let id = try req.parameters.require("id")
        let input = try req.input(OpenInput.self)
        if MediationRules.blank(input.reason) { throw APIError(ValidationFailure(field: "reason", "why the identity is needed")) }
        guard let p = try await DDRStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("participant", id) }
        let viewer = try req.requireSignedIn()
        guard AccessPolicy.holds(viewer, [.coordinator, .bodyAdmin], in: p.body) else {
            throw APIError.forbidden("identities are opened by coordinators and administrators of \(p.body) only")
        }
        let actor = req.actor
        let sealed = try await req.write { tx in try await DDRStore(sql: tx).sealedIdentity(id, reason: input.reason, actor: actor) }
        guard let sealed else { throw APIError.notFound("participant", id) }
        return try req.application.vault.open(DDRIdentity.self, sealed, recordID: id)
    }
}

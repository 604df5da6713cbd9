import AgoraCore
import Foundation
import SQLKit
import Vapor

extension WeaponEntry: Content {}

/// Who may keep a register, a tracing file or a DDR programme: checked before every write of this module.
enum ArmsAccess {
    static var today: String { String(Timestamp.now().prefix(10)) }

    static func requireOfficer(_ req: Request, _ body: String) async throws {
        let viewer = try req.requireSignedIn()
        if viewer.isInstallationAdmin { return }
        guard AccessPolicy.holds(viewer, WeaponRules.officers, in: body, orAbove: try await req.bodyTree()) else {
            throw APIError.forbidden(
                "only officers of \(body) or of a body above it (analysts, coordinators, responders, administrators) keep its register")
        }
    }

    /// Bodies a report or list for `body` covers: the body and those below it; the viewer must read its restricted records.
    static func coveredBodies(_ req: Request, _ body: String) async throws -> Set<String> {
        let scope = try await req.scope()
        guard scope.restrictedOwners.contains(body) else { throw APIError.notFound("body", body) }
        return try await req.bodyTree().selfAndBelow(body)
    }
}

/// The weapons register over HTTP: register (one, or a CSV all or nothing), search by serial, read with history,
/// record events (status, custody, marking, seizure, transfer); ammunition lots. A recovered weapon whose marks match
/// a lost-or-stolen record raises a proposed alert to the commission.
struct WeaponController {
    func register(_ api: any RoutesBuilder) {
        api.get("weapons", use: list)
        api.post("weapons", use: create)
        api.on(.POST, "weapons", "import", body: .collect(maxSize: "20mb"), use: importCSV)
        api.get("weapons", ":id", use: get)
        api.post("weapons", ":id", "events", use: addEvent)
        api.get("ammunition", use: lots)
        api.post("ammunition", use: addLot)
    }

    func list(req: Request) async throws -> [WeaponView] {
        let q = try req.query.decode(ListQuery.self)
        return try await WeaponStore(sql: req.sql).list(
            try await req.scope(),
            .init(q: q.q, status: try q.status.map { try WeaponStatus.parse($0, field: "status") }, bodies: q.body.map { [$0] }, campaign: q.campaign)
        )
    }

    struct ListQuery: Content {
        var q, status, body, campaign: String?
    }

    func get(req: Request) async throws -> WeaponView {
        let id = try req.parameters.require("id")
        guard let w = try await WeaponStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("weapon", id) }
        return w
    }

    func create(req: Request) async throws -> Response {
        let entry = try req.input(WeaponEntry.self)
        let w = try await Self.create([entry], req: req, field: { _ in "" })
        return try await w[0].encodeResponse(status: .created, for: req)
    }

    /// A CSV of weapons (the layout in `WeaponCSV`): every line stored or none, errors by line.
    func importCSV(req: Request) async throws -> ImportResult {
        guard let text = req.body.string, !text.isEmpty else { throw APIError.badRequest(field: "file", "send the CSV as the request body") }
        let entries = try WeaponCSV.parse(text, today: ArmsAccess.today)
        let made = try await Self.create(entries, req: req, field: { "line \($0 + 2)" })
        return ImportResult(imported: made.count, ids: made.map(\.id))
    }

    struct ImportResult: Content {
        var imported: Int
        var ids: [String]
    }

    /// Weapons written in one transaction after every check passed (the caller's rights over each body first).
    static func create(_ entries: [WeaponEntry], req: Request, field: @escaping @Sendable (Int) -> String, campaign: String? = nil) async throws
        -> [WeaponView]
    {
        let today = ArmsAccess.today
        for (i, e) in entries.enumerated() { try e.validate(field: field(i), today: today) }
        for b in Set(entries.map(\.body)).sorted() { try await ArmsAccess.requireOfficer(req, b) }
        try await Self.checkIncidents(entries.map(\.incident), req: req, field: { "\(field($0).isEmpty ? "" : field($0) + ".")incident" })
        let actor = req.actor
        let ids = try await req.write { tx in
            var issues = IssueCollector()
            let bodies = try await BodyStore(sql: tx).refs(Array(Set(entries.map(\.body))))
            let areas = try await AreaStore(sql: tx).exists(entries.compactMap(\.area))
            for (i, e) in entries.enumerated() {
                let p = field(i).isEmpty ? "" : field(i) + "."
                if bodies[e.body] == nil { issues.add(p + "body", "unknown body '\(e.body)'") }
                if let a = e.area, !areas.contains(a) { issues.add(p + "area", "unknown area code '\(a)'") }
            }
            try issues.throwIfAny()
            var made: [String] = []
            for e in entries {
                let w = NewWeapon(
                    id: UUID().uuidString.lowercased(), body: e.body, classification: e.classification ?? .restricted, store: e.store, type: e.type,
                    status: e.status ?? .inCustody, marks: e.marks, incident: e.incident, area: e.area, campaign: campaign ?? e.campaign,
                    registeredOn: e.registeredOn ?? today)
                try await WeaponStore(sql: tx).insert(
                    w, actor: actor, kind: w.status == .collected ? .collected : w.status == .seized ? .seized : .registered)
                try await DivertedWeapons(sql: tx).check(w, actor: actor)
                made.append(w.id)
            }
            return made
        }
        let scope = try await req.scope()
        var out: [WeaponView] = []
        for id in ids { if let w = try await WeaponStore(sql: req.sql).get(id, scope) { out.append(w) } }
        return out
    }

    /// A seizure is linked to an incident the caller reads (the incident's own access rule decides).
    static func checkIncidents(_ ids: [String?], req: Request, field: (Int) -> String) async throws {
        var issues = IssueCollector()
        let scope = try await req.scope()
        for (i, id) in ids.enumerated() {
            if let id, try await IncidentStore(sql: req.sql).get(id, scope) == nil { issues.add(field(i), "no incident '\(id)' that you can read") }
        }
        try issues.throwIfAny()
    }

    struct EventInput: Content {
        var kind: WeaponEventKind
        var on: String?
        var status: WeaponStatus?
        var body: String?
        var store: String?
        /// Marking: what was marked and where on the weapon.
        var marks: String?
        var direction: TransferDirection?
        var partner: String?
        var incident: String?
        var note: String?
    }

    func addEvent(req: Request) async throws -> WeaponView {
        let id = try req.parameters.require("id")
        let input = try req.input(EventInput.self)
        guard let w = try await WeaponStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("weapon", id) }
        try await ArmsAccess.requireOfficer(req, w.body)
        if let b = input.body { try await ArmsAccess.requireOfficer(req, b) }
        let on = input.on ?? ArmsAccess.today
        var issues = IssueCollector()
        if !CivilDate.isDay(on) || on > ArmsAccess.today { issues.add("on", "a date, YYYY-MM-DD, not in the future") }
        var status = input.status
        switch input.kind {
        case .status, .seized, .collected:
            if input.kind == .seized { status = .seized }
            if input.kind == .collected { status = .collected }
            guard let s = status else {
                issues.add("status", "the new status")
                break
            }
            if let why = WeaponRules.refusal(from: w.status, to: s) { issues.add("status", why) }
        case .custody:
            if input.body == nil && input.store == nil { issues.add("body", "the body (or store) now holding the weapon") }
            if !WeaponRules.heldByState.contains(w.status) { issues.add("kind", "a \(w.status.rawValue) weapon is in no one's custody") }
        case .marked:
            if MediationRules.blank(input.marks ?? "") {
                issues.add("marks", "what was marked and where (e.g. 'GH-NACSA 2026 0042 on the receiver')")
            }
        case .transfer:
            if input.direction == nil { issues.add("direction", "export or import") }
            if (input.partner ?? "").range(of: #"^[A-Z]{2}$"#, options: .regularExpression) == nil {
                issues.add("partner", "the other state's ISO 3166 alpha-2 code")
            }
            if input.direction == .export {
                status = .exported
                if let why = WeaponRules.refusal(from: w.status, to: .exported) { issues.add("direction", why) }
            }
        case .registered, .traced, .destroyed:
            issues.add("kind", "\(input.kind.rawValue) is recorded by the register itself (registration, tracing answers, destructions)")
        }
        try issues.throwIfAny()
        try await Self.checkIncidents([input.incident], req: req, field: { _ in "incident" })
        var details: [String: String] = [:]
        for (k, v) in [
            ("marks", input.marks), ("direction", input.direction?.rawValue), ("partner", input.partner), ("incident", input.incident),
            ("note", input.note),
        ] {
            if let v, !MediationRules.blank(v) { details[k] = v }
        }
        let actor = req.actor
        let (newStatus, eventDetails) = (status, details)
        try await req.write { tx in
            if let b = input.body, try await BodyStore(sql: tx).refs([b])[b] == nil { throw APIError.notFound("body", b, field: "body") }
            try await WeaponStore(sql: tx).event(
                id, kind: input.kind, on: on, status: newStatus, body: input.body, store: input.store, details: eventDetails, actor: actor)
            if let s = newStatus {
                try await DivertedWeapons(sql: tx).check(
                    NewWeapon(
                        id: id, body: input.body ?? w.body, classification: w.classification, store: w.store, type: w.type, status: s, marks: w.marks,
                        incident: input.incident, area: w.area, campaign: w.campaign, registeredOn: on), actor: actor)
            }
        }
        guard let out = try await WeaponStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("weapon", id) }
        return out
    }

    // MARK: ammunition

    struct LotInput: Content {
        var body, lot: String
        var headstamp, calibre, store: String?
        var quantity: Int
        var status: WeaponStatus?
        var classification: Classification?
    }

    func lots(req: Request) async throws -> [AmmunitionView] { try await ArmsStore(sql: req.sql).lots(try await req.scope()) }

    func addLot(req: Request) async throws -> Response {
        let input = try req.input(LotInput.self)
        var issues = IssueCollector()
        if MediationRules.blank(input.lot) { issues.add("lot", "the lot number") }
        if input.quantity <= 0 { issues.add("quantity", "the rounds in the lot, more than 0") }
        if input.status == .destroyed { issues.add("status", "ammunition is destroyed through a destruction record") }
        try issues.throwIfAny()
        try await ArmsAccess.requireOfficer(req, input.body)
        let a = AmmunitionView(
            id: UUID().uuidString.lowercased(), body: input.body, lot: input.lot, classification: input.classification ?? .restricted,
            headstamp: input.headstamp, calibre: input.calibre, store: input.store, quantity: input.quantity, status: input.status ?? .inCustody)
        let actor = req.actor
        try await req.write { tx in
            guard try await BodyStore(sql: tx).refs([a.body])[a.body] != nil else { throw APIError.notFound("body", a.body, field: "body") }
            try await ArmsStore(sql: tx).addLot(a, actor: actor)
        }
        return try await a.encodeResponse(status: .created, for: req)
    }
}

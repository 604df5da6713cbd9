import AgoraCore
import Crypto
import Foundation
import Vapor

/// Collection campaigns and what they collect, destructions (public summaries), tracing requests and the yearly
/// reports generated from the register. Pages call the same typed actions.
struct ArmsActivityController {
    func register(_ api: any RoutesBuilder) {
        let a = api.grouped("arms")
        a.get("campaigns", use: campaigns)
        a.post("campaigns", use: createCampaign)
        a.get("campaigns", ":id", use: campaign)
        a.post("campaigns", ":id", "collections", use: collect)
        a.get("destructions", use: destructions)
        a.post("destructions", use: destroy)
        a.get("destructions", ":id", use: destruction)
        a.get("tracing", use: traces)
        a.post("tracing", use: createTrace)
        a.get("tracing", ":id", use: trace)
        a.post("tracing", ":id", "steps", use: stepTrace)
        a.get("reports", ":year", use: report)
        a.post("reports", ":year", "sign", use: sign)
    }

    // MARK: campaigns

    struct CampaignInput: Content {
        var body, name, startsOn, endsOn: String
        var areas: [String]
        var incentives: String?
        var points: [CollectionPoint]?
        var ddrProgramme: String?
    }

    func campaigns(req: Request) async throws -> [CampaignView] { try await ArmsStore(sql: req.sql).campaigns(body: req.query["body"]) }

    func campaign(req: Request) async throws -> CampaignView {
        let id = try req.parameters.require("id")
        guard let c = try await ArmsStore(sql: req.sql).campaigns(id: id).first else { throw APIError.notFound("campaign", id) }
        return c
    }

    func createCampaign(req: Request) async throws -> Response {
        let c = try await Self.createCampaign(try req.input(CampaignInput.self), req: req)
        return try await c.encodeResponse(status: .created, for: req)
    }

    static func createCampaign(_ input: CampaignInput, req: Request) async throws -> CampaignView {
        var issues = IssueCollector()
        if MediationRules.blank(input.name) { issues.add("name", "name the campaign") }
        for (f, d) in [("startsOn", input.startsOn), ("endsOn", input.endsOn)] where !CivilDate.isDay(d) {
            issues.add(f, "a date, YYYY-MM-DD")
        }
        if input.endsOn < input.startsOn { issues.add("endsOn", "ends before it starts") }
        if input.areas.isEmpty { issues.add("areas", "where the campaign collects") }
        try issues.throwIfAny()
        try await ArmsAccess.requireOfficer(req, input.body)
        let c = CampaignView(
            id: UUID().uuidString.lowercased(), body: input.body, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn,
            areas: input.areas,
            incentives: input.incentives, points: input.points ?? [], ddrProgramme: input.ddrProgramme, collected: [:])
        let actor = req.actor
        try await req.write { tx in
            guard try await BodyStore(sql: tx).refs([c.body])[c.body] != nil else { throw APIError.notFound("body", c.body, field: "body") }
            let known = try await AreaStore(sql: tx).exists(c.areas + c.points.compactMap(\.area))
            var issues = IssueCollector()
            for (i, a) in c.areas.enumerated() where !known.contains(a) { issues.add("areas[\(i)]", "unknown area code '\(a)'") }
            for (i, p) in c.points.enumerated() where p.area.map(known.contains) == false { issues.add("points[\(i)].area", "unknown area code") }
            if let p = c.ddrProgramme, try await DDRStore(sql: tx).programmes(id: p).isEmpty {
                issues.add("ddrProgramme", "unknown programme '\(p)'")
            }
            try issues.throwIfAny()
            try await ArmsStore(sql: tx).createCampaign(c, actor: actor)
        }
        return c
    }

    struct CollectedWeapon: Content {
        var type: WeaponType
        var marks: WeaponMarks
        var status: WeaponStatus?
        var store: String?
    }

    struct CollectionInput: Content {
        var point: String?
        var on: String?
        var weapons: [CollectedWeapon]
    }

    /// Weapons handed in at a point of the campaign: each on the register, `collected` (or `surrendered`), in the
    /// campaign body's custody; all or none.
    func collect(req: Request) async throws -> [WeaponView] {
        let id = try req.parameters.require("id")
        return try await Self.collect(id, try req.input(CollectionInput.self), req: req)
    }

    static func collect(_ id: String, _ input: CollectionInput, req: Request) async throws -> [WeaponView] {
        guard let c = try await ArmsStore(sql: req.sql).campaigns(id: id).first else { throw APIError.notFound("campaign", id) }
        var issues = IssueCollector()
        if input.weapons.isEmpty { issues.add("weapons", "list the weapons collected") }
        let point = input.point.flatMap { p in c.points.first { $0.name == p } }
        if let p = input.point, point == nil { issues.add("point", "'\(p)' is not a collection point of the campaign") }
        let on = input.on ?? ArmsAccess.today
        if on < c.startsOn || on > c.endsOn { issues.add("on", "the campaign runs \(c.startsOn) to \(c.endsOn)") }
        for (i, w) in input.weapons.enumerated() where ![nil, .collected, .surrendered].contains(w.status) {
            issues.add("weapons[\(i)].status", "collected or surrendered")
        }
        try issues.throwIfAny()
        let entries = input.weapons.map {
            WeaponEntry(
                body: c.body, type: $0.type, status: $0.status ?? .collected, marks: $0.marks, store: $0.store, area: point?.area ?? c.areas.first,
                registeredOn: on)
        }
        return try await WeaponController.create(entries, req: req, field: { "weapons[\($0)]" }, campaign: c.id)
    }

    // MARK: destructions

    struct RoundsInput: Content {
        var lot: String
        var quantity: Int
    }

    struct DestructionInput: Content {
        var body, on, place: String
        var method: DestructionMethod
        var witnesses: [String]
        var certificate: String?
        var summary: String?
        /// Weapon ids or serials (a serial must name exactly one weapon in the body's custody).
        var weapons: [String]?
        var ammunition: [RoundsInput]?
    }

    func destructions(req: Request) async throws -> [DestructionView] { try await ArmsStore(sql: req.sql).destructions(body: req.query["body"]) }

    /// The public summary; the serials only to those who read the weapons.
    func destruction(req: Request) async throws -> DestructionView {
        let id = try req.parameters.require("id")
        let store = ArmsStore(sql: req.sql)
        guard var d = try await store.destructions(id: id).first else { throw APIError.notFound("destruction", id) }
        let scope = try await req.scope()
        if scope.signedIn {
            let ids = try await store.destroyedWeapons(id)
            var serials: [String] = []
            for w in ids { if let v = try await WeaponStore(sql: req.sql).get(w, scope) { serials.append(v.marks.serial ?? "unmarked \(v.id)") } }
            if !serials.isEmpty { d.serials = serials.sorted() }
        }
        return d
    }

    func destroy(req: Request) async throws -> Response {
        let d = try await Self.destroy(try req.input(DestructionInput.self), req: req)
        return try await d.encodeResponse(status: .created, for: req)
    }

    static func destroy(_ input: DestructionInput, req: Request) async throws -> DestructionView {
        let weapons = input.weapons ?? []
        let rounds = input.ammunition ?? []
        var issues = IssueCollector()
        if MediationRules.blank(input.place) { issues.add("place", "where the weapons were destroyed") }
        for (i, r) in rounds.enumerated() where r.quantity <= 0 { issues.add("ammunition[\(i)].quantity", "more than 0") }
        do {
            try WeaponRules.checkDestruction(
                on: input.on, today: ArmsAccess.today, witnesses: input.witnesses, weapons: weapons.count,
                rounds: rounds.reduce(0) { $0 + $1.quantity })
        } catch let f as ValidationFailure { for i in f.issues { issues.add(i.field, i.message) } }
        try await ArmsAccess.requireOfficer(req, input.body)
        let actor = req.actor
        let id = UUID().uuidString.lowercased()
        let checked = issues
        return try await req.write { tx in
            let store = WeaponStore(sql: tx)
            // Every problem at once: the form's, then the register's.
            var issues = checked
            var chosen: [WeaponView] = []
            let byID = try await store.system(weapons)
            let held = try await store.held(by: input.body)
            for (i, ref) in weapons.enumerated() {
                let found = byID[ref].map { [$0] } ?? held.filter { SerialSearch.key($0.marks.serial ?? "") == SerialSearch.key(ref) && !ref.isEmpty }
                guard found.count == 1, let w = found.first else {
                    issues.add(
                        "weapons[\(i)]",
                        found.isEmpty ? "'\(ref)' is no weapon in \(input.body)'s register" : "'\(ref)' names \(found.count) weapons: give their ids")
                    continue
                }
                if let why = WeaponRules.destructionRefusal(status: w.status, custodyBody: w.body, by: input.body) {
                    issues.add("weapons[\(i)]", "\(ref) \(why)")
                } else if chosen.contains(where: { $0.id == w.id }) {
                    issues.add("weapons[\(i)]", "\(ref) is listed twice")
                } else {
                    chosen.append(w)
                }
            }
            let lots = try await ArmsStore(sql: tx).lots(heldBy: input.body)
            for (i, r) in rounds.enumerated() {
                guard let lot = lots.first(where: { $0.id == r.lot || $0.lot == r.lot }), lot.body == input.body else {
                    issues.add("ammunition[\(i)].lot", "'\(r.lot)' is no lot in \(input.body)'s custody")
                    continue
                }
                if r.quantity > lot.quantity { issues.add("ammunition[\(i)].quantity", "the lot holds \(lot.quantity) rounds") }
            }
            try issues.throwIfAny()
            var byType: [String: Int] = [:]
            for w in chosen { byType[w.type.rawValue, default: 0] += 1 }
            let total = rounds.reduce(0) { $0 + $1.quantity }
            let summary =
                input.summary.flatMap { MediationRules.blank($0) ? nil : $0 }
                ?? "\(chosen.count) weapons and \(total) rounds destroyed by \(input.method.rawValue) at \(input.place) on \(input.on), witnessed by \(input.witnesses.joined(separator: ", "))."
            let d = DestructionView(
                id: id, body: input.body, on: input.on, place: input.place, summary: summary, method: input.method, witnesses: input.witnesses,
                certificate: input.certificate, weapons: chosen.count, rounds: total, byType: byType)
            try await ArmsStore(sql: tx).createDestruction(d, weaponIDs: chosen.map(\.id), actor: actor)
            for w in chosen {
                try await store.event(
                    w.id, kind: .destroyed, on: input.on, status: .destroyed, details: ["destruction": id, "method": input.method.rawValue],
                    actor: actor)
            }
            for r in rounds {
                if let lot = lots.first(where: { $0.id == r.lot || $0.lot == r.lot }) {
                    try await ArmsStore(sql: tx).destroyRounds(lot: lot.id, quantity: r.quantity, left: lot.quantity - r.quantity, actor: actor)
                }
            }
            return d
        }
    }

    // MARK: tracing

    struct TraceInput: Content {
        var body, counterpart, circumstances: String
        var direction: TracingDirection
        var weapon: String?
        var marks: WeaponMarks?
        var type: WeaponType?
        var dueOn: String?
        var classification: Classification?
        /// Send at once (an outgoing request) or record as received (incoming): not a draft.
        var send: Bool?
    }

    struct TraceStep: Content {
        var to: TracingState
        var outcome: TracingOutcome?
        var answer, note, dueOn: String?
    }

    func traces(req: Request) async throws -> [TracingView] {
        try await TracingStore(sql: req.sql).list(try await req.scope(), today: ArmsAccess.today, weapon: req.query["weapon"])
    }

    func trace(req: Request) async throws -> TracingView {
        let id = try req.parameters.require("id")
        guard let t = try await TracingStore(sql: req.sql).get(id, try await req.scope(), today: ArmsAccess.today) else {
            throw APIError.notFound("tracing request", id)
        }
        return t
    }

    func createTrace(req: Request) async throws -> Response {
        let t = try await Self.createTrace(try req.input(TraceInput.self), req: req)
        return try await t.encodeResponse(status: .created, for: req)
    }

    static func createTrace(_ input: TraceInput, req: Request) async throws -> TracingView {
        var issues = IssueCollector()
        if MediationRules.blank(input.counterpart) { issues.add("counterpart", "the state (ISO code) or INTERPOL") }
        if MediationRules.blank(input.circumstances) { issues.add("circumstances", "how the weapon was found, seized or surrendered") }
        if input.weapon == nil, input.marks == nil { issues.add("weapon", "the weapon on the register, or its marks") }
        if let d = input.dueOn, !CivilDate.isDay(d) { issues.add("dueOn", "a date, YYYY-MM-DD") }
        try issues.throwIfAny()
        try await ArmsAccess.requireOfficer(req, input.body)
        var marks = input.marks ?? WeaponMarks()
        var type = input.type ?? .other
        if let wid = input.weapon {
            guard let w = try await WeaponStore(sql: req.sql).get(wid, try await req.scope()) else {
                throw APIError.notFound("weapon", wid, field: "weapon")
            }
            marks = input.marks ?? w.marks
            type = input.type ?? w.type
        }
        let today = ArmsAccess.today
        let send = input.send == true
        let due = input.dueOn ?? (send ? CivilDate.text(CivilDate.parse(today)! + TracingRules.defaultDueDays) : nil)
        let t = TracingView(
            id: UUID().uuidString.lowercased(), body: input.body, counterpart: input.counterpart, circumstances: input.circumstances,
            classification: input.classification ?? .restricted, direction: input.direction, weapon: input.weapon, marks: marks, type: type,
            state: send ? .sent : .draft, outcome: nil, answer: nil, sentOn: send ? today : nil, dueOn: due, answeredOn: nil, overdue: false,
            createdAt: "", updatedAt: "")
        let actor = req.actor
        try await req.write { tx in
            guard try await BodyStore(sql: tx).refs([t.body])[t.body] != nil else { throw APIError.notFound("body", t.body, field: "body") }
            try await TracingStore(sql: tx).create(t, actor: actor)
        }
        guard let out = try await TracingStore(sql: req.sql).get(t.id, try await req.scope(), today: today) else {
            throw APIError.notFound("tracing request", t.id)
        }
        return out
    }

    func stepTrace(req: Request) async throws -> TracingView {
        try await Self.stepTrace(try req.parameters.require("id"), try req.input(TraceStep.self), req: req)
    }

    /// A step of the request; an answer goes onto the weapon's history as well.
    static func stepTrace(_ id: String, _ s: TraceStep, req: Request) async throws -> TracingView {
        let today = ArmsAccess.today
        guard var t = try await TracingStore(sql: req.sql).get(id, try await req.scope(), today: today) else {
            throw APIError.notFound("tracing request", id)
        }
        try await ArmsAccess.requireOfficer(req, t.body)
        if let why = TracingRules.refusal(from: t.state, to: s.to, outcome: s.outcome) {
            throw APIError(ValidationFailure(field: s.to == .answered ? "outcome" : "to", why))
        }
        if let d = s.dueOn, !CivilDate.isDay(d) { throw APIError(ValidationFailure(field: "dueOn", "a date, YYYY-MM-DD")) }
        t.state = s.to
        if s.to == .sent {
            t.sentOn = today
            t.dueOn = s.dueOn ?? t.dueOn ?? CivilDate.text(CivilDate.parse(today)! + TracingRules.defaultDueDays)
        }
        if let d = s.dueOn { t.dueOn = d }
        if s.to == .answered {
            t.outcome = s.outcome
            t.answer = s.answer
            t.answeredOn = today
        }
        let actor = req.actor
        let updated = t
        try await req.write { tx in
            try await TracingStore(sql: tx).update(updated, note: s.note, actor: actor)
            if s.to == .answered, let w = updated.weapon {
                var details = ["request": updated.id, "outcome": updated.outcome?.rawValue ?? "", "counterpart": updated.counterpart]
                if let a = updated.answer { details["answer"] = a }
                try await WeaponStore(sql: tx).event(w, kind: .traced, on: today, details: details, actor: actor)
            }
        }
        guard let out = try await TracingStore(sql: req.sql).get(id, try await req.scope(), today: today) else {
            throw APIError.notFound("tracing request", id)
        }
        return out
    }

    // MARK: reports

    struct ReportAnswer: Content {
        var draft: ArmsYearReport
        var signed: SignedArmsReport?
        /// The signed figures no longer agree with the register (something was entered after signing).
        var changedSinceSigning: Bool
    }

    static func yearReport(year: Int, body: String, req: Request) async throws -> ArmsYearReport {
        guard (1990...2100).contains(year) else { throw APIError(ValidationFailure(field: "year", "a year, e.g. 2026")) }
        let bodies = try await ArmsAccess.coveredBodies(req, body)
        let (weapons, events) = try await WeaponStore(sql: req.sql).facts(bodies: bodies)
        let (destructions, campaigns) = try await ArmsStore(sql: req.sql).facts(bodies: bodies)
        let traces = try await TracingStore(sql: req.sql).facts(bodies: bodies)
        return ArmsYearReport.of(
            year: year, body: body, weapons: weapons, events: events, traces: traces, destructions: destructions, campaigns: campaigns,
            today: ArmsAccess.today)
    }

    func report(req: Request) async throws -> Response {
        guard let year = Int(try req.parameters.require("year")) else { throw APIError(ValidationFailure(field: "year", "a year, e.g. 2026")) }
        guard let body: String = req.query["body"] else { throw APIError.badRequest(field: "body", "the reporting body, e.g. ?body=GH-NACSA") }
        let r = try await Self.yearReport(year: year, body: body, req: req)
        if req.query["format"] == "csv" {
            return try await CSVExport.response(
                req, name: "arms-\(body)-\(year).csv", recordType: "arms-report",
                .init(columns: ["section", "item", "value"], rows: r.rows.map { (id: "\(body)/\(year)", fields: [$0.section, $0.item, $0.value]) }))
        }
        let signed = try await ArmsStore(sql: req.sql).signed(body: body, year: year)
        return try await ReportAnswer(draft: r, signed: signed, changedSinceSigning: signed.map { $0.figures != r } ?? false).encodeResponse(for: req)
    }

    struct SignInput: Content {
        var body: String
    }

    func sign(req: Request) async throws -> SignedArmsReport {
        guard let year = Int(try req.parameters.require("year")) else { throw APIError(ValidationFailure(field: "year", "a year, e.g. 2026")) }
        return try await Self.sign(year: year, body: try req.input(SignInput.self).body, req: req)
    }

    /// The commission's coordinator or administrator signs the figures as they stand: kept with their digest.
    static func sign(year: Int, body: String, req: Request) async throws -> SignedArmsReport {
        let viewer = try req.requireSignedIn()
        guard viewer.isInstallationAdmin || AccessPolicy.holds(viewer, [.coordinator, .bodyAdmin], in: body) else {
            throw APIError.forbidden("the report is signed by a coordinator or administrator of \(body)")
        }
        let figures = try await yearReport(year: year, body: body, req: req)
        let digest = SHA256.hash(data: Data(MediationStore.json(figures).utf8)).map { String(format: "%02x", $0) }.joined()
        let s = SignedArmsReport(body: body, year: year, figures: figures, digest: digest, signedBy: req.actor, signedAt: Timestamp.now())
        let actor = req.actor
        try await req.write { tx in try await ArmsStore(sql: tx).sign(s, actor: actor) }
        return s
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Accreditation over HTTP, part two: the public register (JSON, CSV, HXL), what a body does to an accreditation
/// after the grant (renew, hear and suspend, reinstate, withdraw, reclassify, obligations met), complaints about an
/// accredited organisation, and nominations by accredited networks.
struct AccreditationRegisterController {
    func register(_ api: any RoutesBuilder) {
        api.get("accreditations", use: list)
        api.get("accreditations.csv", use: csv)
        api.get("accreditations.hxl.csv", use: hxl)
        api.get("accreditations", ":id", use: get)
        api.post("accreditations", ":id", "actions", use: act)
        api.get("accreditations", ":id", "complaints", use: complaints)
        api.post("accreditations", ":id", "complaints", use: complain)
        api.post("accreditation", "complaints", ":id", "decision", use: decideComplaint)
        api.get("nominations", use: nominations)
        api.post("nominations", use: nominate)
        api.post("nominations", ":id", "decision", use: decideNomination)
    }

    // MARK: the register

    /// What the register shows of an accreditation's history; reminders, hearings under way and replies are the
    /// organisation's and the body's business until decided.
    static let publicEvents: Set<String> = [
        "granted", "renewed", "renewal-due", "suspended", "suspended-automatically", "reinstated", "expired", "withdrawn", "reclassified",
        "complaint-upheld", "complaint-dismissed", "obligation-met",
    ]

    static func view(
        _ r: AccreditationStore.Row, sql: any SQLDatabase, names: [String: String]? = nil, ids: [String: [OrgIdentifier]]? = nil, full: Bool = false
    ) async throws -> AccreditationView {
        let store = AccreditationStore(sql: sql)
        var names = names ?? [:]
        if names.isEmpty { names = try await store.organisationNames() }
        var ids = ids ?? [:]
        if ids.isEmpty { ids = try await store.identifiers(of: [r.organisationCode]) }
        return AccreditationView(
            id: r.id, body: r.bodyCode, organisation: r.organisationCode, organisationName: names[r.organisationCode] ?? r.organisationCode,
            category: r.category, grantedOn: r.grantedOn, validUntil: r.validUntil, application: r.applicationId, status: r.status,
            identifiers: (ids[r.organisationCode] ?? []).map(\.text), obligations: r.obligationList, hearingUntil: r.hearingUntil,
            suspendedUntil: r.suspendedUntil, grounds: r.grounds, automatic: r.automatic,
            history: try await store.history(r.id).filter { full || publicEvents.contains($0.kind) }.map { e in
                var e = e
                if !full { e.actor = e.actor.hasPrefix("system:") ? e.actor : "—" }
                return e
            })
    }

    static func all(_ req: Request) async throws -> [AccreditationView] {
        let body = try req.query.get(String?.self, at: "body")
        let status = try req.query.get(String?.self, at: "status").map { try AccreditationStatus.parse($0, field: "status") }
        let store = AccreditationStore(sql: req.sql)
        let rows = try await store.accreditations(body: body, statuses: status.map { [$0] })
        let names = try await store.organisationNames()
        let ids = try await store.identifiers(of: Array(Set(rows.map(\.organisationCode))))
        var out: [AccreditationView] = []
        for r in rows { out.append(try await view(r, sql: req.sql, names: names, ids: ids)) }
        return out
    }

    func list(req: Request) async throws -> [AccreditationView] { try await Self.all(req) }

    func get(req: Request) async throws -> AccreditationView {
        let id = try req.parameters.require("id")
        guard let r = try await AccreditationStore(sql: req.sql).accreditation(id) else { throw APIError.notFound("accreditation", id) }
        let viewer = req.viewer
        let own = try await AccreditationStore(sql: req.sql).organisations(ofBodies: viewer.roles.map(\.body)).contains(r.organisationCode)
        return try await Self.view(r, sql: req.sql, full: own || viewer.keepsRecords(of: r.bodyCode))
    }

    static let csvHeader = ["body", "organisation", "name", "identifiers", "category", "status", "since", "until", "suspensions"]
    /// HXL hashtags (hxlstandard.org) for the same columns.
    static let hxlTags = [
        "#org+accrediting+code", "#org+code", "#org+name", "#org+id", "#org+type+category", "#status", "#date+start", "#date+end",
        "#description+suspensions",
    ]

    static func rows(_ views: [AccreditationView]) -> [[String]] {
        views.map { v in
            let suspensions = v.history.filter { ["suspended", "suspended-automatically"].contains($0.kind) }
                .map { String($0.at.prefix(10)) + ": " + ($0.note ?? "") }
            return [
                v.body, v.organisation, v.organisationName, v.identifiers.joined(separator: " "), v.category, v.status.rawValue, v.grantedOn,
                v.validUntil,
                suspensions.joined(separator: "; "),
            ]
        }
    }

    static func csvResponse(_ lines: [[String]], file: String) -> Response {
        var text = ""
        for l in lines { text += l.map(DocumentController.csvField).joined(separator: ",") + "\r\n" }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(file)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    func csv(req: Request) async throws -> Response {
        Self.csvResponse([Self.csvHeader] + Self.rows(try await Self.all(req)), file: "accreditations.csv")
    }

    /// The register as HXL: the CSV with a row of hashtags under the header, which humanitarian tools read as is.
    func hxl(req: Request) async throws -> Response {
        Self.csvResponse([Self.csvHeader, Self.hxlTags] + Self.rows(try await Self.all(req)), file: "accreditations-hxl.csv")
    }

    // MARK: after the grant

    struct Action: Content {
        /// `renew`, `propose-suspension`, `drop-hearing`, `reply`, `reinstate`, `withdraw`, `reclassify`, `fulfil`, `add-obligation`.
        var action: String
        var note: String?
        var replyBy: String?
        /// Days the suspension lasts once the hearing is over.
        var suspendDays: Int?
        var category: String?
        var decision: AccreditationDecision?
        var obligation: Int?
        var obligationKind: String?
        var dueOn: String?
        var everyMonths: Int?
    }

    func act(req: Request) async throws -> AccreditationView {
        let id = try req.parameters.require("id")
        try await Self.act(id, try req.input(Action.self), req: req)
        return try await get(req: req)
    }

    static func act(_ id: String, _ a: Action, req: Request) async throws {
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            let store = AccreditationStore(sql: tx)
            guard let r = try await store.accreditation(id) else { throw APIError.notFound("accreditation", id) }
            guard let scheme = try await store.scheme(of: r.bodyCode) else { throw APIError.conflict(field: "body", "\(r.bodyCode) has no scheme") }
            let orgs = try await store.organisations(ofBodies: viewer.roles.map(\.body))
            let byOrganisation = ["reply", "fulfil"].contains(a.action)
            if byOrganisation {
                guard orgs.contains(r.organisationCode) || viewer.keepsRecords(of: r.bodyCode) else {
                    throw APIError.forbidden("the people of \(r.organisationCode) or of \(r.bodyCode) do this")
                }
            } else {
                guard viewer.keepsRecords(of: r.bodyCode) else {
                    throw APIError.forbidden("only the people of \(r.bodyCode) act on its accreditations")
                }
            }
            func need(_ ok: Bool, _ field: String, _ message: String) throws { if !ok { throw APIError(ValidationFailure(field: field, message)) } }
            func decided() throws -> AccreditationDecision {
                guard let d = a.decision else {
                    throw APIError(ValidationFailure(field: "decision", "record the organ, the session, the vote and the reasons"))
                }
                try d.validate()
                return d
            }
            func state(_ allowed: [AccreditationStatus]) throws {
                guard allowed.contains(r.status) else {
                    throw APIError.conflict(field: "action", "not while the accreditation is \(r.status.rawValue)")
                }
            }
            switch a.action {
            case "renew":
                try state([.active, .renewalDue])
                let d = try decided()
                let term = scheme.category(r.category)?.termYears ?? 4
                try await store.setStatus(
                    r, .active, kind: "renewed", note: d.reasons, validUntil: AccreditationRules.adding(months: term * 12, to: r.validUntil),
                    actor: actor)
            case "propose-suspension":
                try state([.active, .renewalDue])
                try need(!MediationRules.blank(a.note ?? ""), "note", "state the grounds for suspending")
                let earliest = CivilDate.text((CivilDate.parse(today) ?? 0) + scheme.hearingDays)
                guard let by = a.replyBy, CivilDate.parse(by) != nil else {
                    throw APIError(
                        ValidationFailure(field: "replyBy", "the organisation is heard first: give the day its reply is due (\(earliest) or later)"))
                }
                try need(by >= earliest, "replyBy", "a right of reply of at least \(scheme.hearingDays) days: \(earliest) or later")
                try need((1...730).contains(a.suspendDays ?? 0), "suspendDays", "the suspension's length, 1 to 730 days")
                try await store.setStatus(
                    r, .hearing, kind: "suspension-proposed", note: (a.note ?? "") + " — reply by \(by)", hearingUntil: .some(by),
                    suspendedUntil: .some(CivilDate.text((CivilDate.parse(by) ?? 0) + (a.suspendDays ?? 0))), grounds: .some(a.note), actor: actor)
            case "reply":
                try state([.hearing])
                try need(!MediationRules.blank(a.note ?? ""), "note", "write the organisation's reply")
                try await store.event(r.id, kind: "reply", note: a.note, actor: actor)
            case "drop-hearing":
                try state([.hearing])
                try need(!MediationRules.blank(a.note ?? ""), "note", "say why the suspension is dropped")
                try await store.setStatus(
                    r, .active, kind: "hearing-closed", note: a.note, hearingUntil: .some(nil), suspendedUntil: .some(nil), grounds: .some(nil),
                    actor: actor)
            case "reinstate":
                try state([.suspended])
                try need(!MediationRules.blank(a.note ?? ""), "note", "say why it is reinstated")
                try await store.setStatus(
                    r, .active, kind: "reinstated", note: a.note, hearingUntil: .some(nil), suspendedUntil: .some(nil), grounds: .some(nil),
                    automatic: false, actor: actor)
            case "withdraw":
                try state([.active, .renewalDue, .hearing, .suspended])
                let d = try decided()
                try await store.setStatus(r, .withdrawn, kind: "withdrawn", note: d.reasons, actor: actor)
            case "reclassify":
                try state([.active, .renewalDue])
                let d = try decided()
                guard let c = a.category, scheme.category(c) != nil, c != r.category else {
                    throw APIError(
                        ValidationFailure(
                            field: "category", "another category of \(r.bodyCode): \(scheme.categories.map(\.code).joined(separator: ", "))"))
                }
                try await store.setStatus(r, r.status, kind: "reclassified", note: "\(r.category) → \(c): \(d.reasons)", category: c, actor: actor)
            case "fulfil":
                var obligations = r.obligationList
                guard let n = a.obligation, obligations.indices.contains(n) else {
                    throw APIError(ValidationFailure(field: "obligation", "the obligation's number, 0 to \(obligations.count - 1)"))
                }
                try need(!MediationRules.blank(a.note ?? ""), "note", "say what was sent (the report, a link)")
                let o = obligations[n]
                obligations[n] = Obligation(
                    kind: o.kind, everyMonths: o.everyMonths, dueOn: AccreditationRules.adding(months: o.everyMonths, to: o.dueOn))
                try await store.setObligations(r.id, obligations)
                try await store.event(r.id, kind: "obligation-met", note: "\(o.kind) due \(o.dueOn): \(a.note ?? "")", actor: actor)
            case "add-obligation":
                try need(!MediationRules.blank(a.obligationKind ?? ""), "obligationKind", "say what is due")
                guard let due = a.dueOn, CivilDate.parse(due) != nil, due.count == 10 else {
                    throw APIError(ValidationFailure(field: "dueOn", "a date, YYYY-MM-DD"))
                }
                try need(due >= today, "dueOn", "\(due) is already past: an obligation falls due today or later")
                try need((1...120).contains(a.everyMonths ?? 0), "everyMonths", "1 to 120 months")
                try await store.setObligations(
                    r.id, r.obligationList + [Obligation(kind: a.obligationKind ?? "", everyMonths: a.everyMonths ?? 12, dueOn: due)])
                try await store.event(r.id, kind: "obligation-added", note: "\(a.obligationKind ?? "") due \(due)", actor: actor)
            default:
                throw APIError(
                    ValidationFailure(
                        field: "action",
                        "'\(a.action)' is not an action; use renew, propose-suspension, reply, drop-hearing, reinstate, withdraw, reclassify, fulfil or add-obligation"
                    ))
            }
            try await OutboxStore(sql: tx).enqueue(
                "accreditation.\(a.action)", bodies: [r.bodyCode] + (try await store.bodies(ofOrganisation: r.organisationCode)))
        }
    }

    // MARK: complaints

    struct NewComplaint: Content {
        var text: String
        var evidence: [String]?
    }

    /// Anyone signed in may complain about an accredited organisation; the complainant is never shown, and the body
    /// answers within 60 days, its outcome on the public history.
    func complain(req: Request) async throws -> Response {
        let viewer = try req.requireSignedIn()
        let id = try req.parameters.require("id")
        let input = try req.input(NewComplaint.self)
        guard !MediationRules.blank(input.text) else { throw APIError(ValidationFailure(field: "text", "say what the organisation did")) }
        let today = String(Timestamp.now().prefix(10))
        let c = AccreditationStore.Complaint(
            id: UUID().uuidString.lowercased(), accreditation: id, text: input.text, receivedOn: today,
            dueOn: CivilDate.text((CivilDate.parse(today) ?? 0) + 60), state: "received", evidence: input.evidence ?? [])
        let actor = req.actor
        try await req.write { tx in
            guard let r = try await AccreditationStore(sql: tx).accreditation(id) else { throw APIError.notFound("accreditation", id) }
            try await AccreditationStore(sql: tx).addComplaint(c, person: viewer.personID, actor: actor)
            try await OutboxStore(sql: tx).enqueue("accreditation.complaint", bodies: [r.bodyCode])
        }
        return try await c.encodeResponse(status: .created, for: req)
    }

    func complaints(req: Request) async throws -> [AccreditationStore.Complaint] {
        let id = try req.parameters.require("id")
        guard let r = try await AccreditationStore(sql: req.sql).accreditation(id) else { throw APIError.notFound("accreditation", id) }
        guard try req.requireSignedIn().keepsRecords(of: r.bodyCode) else {
            throw APIError.forbidden("complaints are read by the people of \(r.bodyCode)")
        }
        return try await AccreditationStore(sql: req.sql).complaints(of: id)
    }

    struct ComplaintDecision: Content {
        var outcome: String
        var upheld: Bool
    }

    func decideComplaint(req: Request) async throws -> HTTPStatus {
        let id = try req.parameters.require("id")
        let input = try req.input(ComplaintDecision.self)
        guard !MediationRules.blank(input.outcome) else { throw APIError(ValidationFailure(field: "outcome", "say what was found and done")) }
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        try await req.write { tx in
            let store = AccreditationStore(sql: tx)
            guard let c = try await store.complaint(id), let r = try await store.accreditation(c.accreditation) else {
                throw APIError.notFound("complaint", id)
            }
            guard viewer.keepsRecords(of: r.bodyCode) else { throw APIError.forbidden("only the people of \(r.bodyCode) decide it") }
            try await store.decideComplaint(
                c, state: input.upheld ? "upheld" : "dismissed", outcome: input.outcome, today: String(Timestamp.now().prefix(10)), actor: actor)
        }
        return .noContent
    }

    // MARK: nominations

    struct NewNomination: Content {
        var organisation: String
        var body: String
        var forum: String?
        var name: String
        var categories: [StakeholderCategory]
        var termUntil: String?
    }

    func nominations(req: Request) async throws -> [AccreditationStore.Nomination] {
        try await AccreditationStore(sql: req.sql).nominations(
            body: try req.query.get(String?.self, at: "body"), org: try req.query.get(String?.self, at: "organisation"))
    }

    /// An accredited organisation whose category allows it nominates a participant to a forum or a seat on a body.
    func nominate(req: Request) async throws -> Response {
        let input = try req.input(NewNomination.self)
        try await AccreditationController.requireActsFor(req, input.organisation)
        var issues = IssueCollector()
        if MediationRules.blank(input.name) { issues.add("name", "is empty") }
        if input.categories.isEmpty { issues.add("categories", "name at least one stakeholder category") }
        if let t = input.termUntil, CivilDate.parse(t) == nil || t < String(Timestamp.now().prefix(10)) {
            issues.add("termUntil", "a date today or later")
        }
        try issues.throwIfAny()
        // A seat needs `nominate`; a forum's participant also needs the organisation to take part in forums (`join-forums`).
        let chain = Self.chain(from: input.body, try await req.bodyTree())
        for p in input.forum == nil ? [AccreditationPermission.nominate] : [.nominate, .joinForums] {
            if let why = try await Self.refusal(input.organisation, p, chain: chain, sql: req.sql) { throw APIError.forbidden(why) }
        }
        let n = AccreditationStore.Nomination(
            id: UUID().uuidString.lowercased(), organisation: input.organisation, body: input.body, name: input.name, state: "proposed",
            forum: input.forum, termUntil: input.termUntil, member: nil, categories: input.categories.map(\.rawValue))
        let actor = req.actor
        try await req.write { tx in
            if let f = input.forum, try await ForumStore(sql: tx).get(f)?.body != input.body {
                throw APIError(ValidationFailure(field: "forum", "no forum '\(f)' of \(input.body)"))
            }
            try await AccreditationStore(sql: tx).addNomination(n, actor: actor)
        }
        return try await n.encodeResponse(status: .created, for: req)
    }

    struct NominationDecision: Content { var accept: Bool }

    func decideNomination(req: Request) async throws -> HTTPStatus {
        let id = try req.parameters.require("id")
        let input = try req.input(NominationDecision.self)
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        try await req.write { tx in
            let store = AccreditationStore(sql: tx)
            guard let n = try await store.nominations(body: nil, org: nil).first(where: { $0.id == id }) else {
                throw APIError.notFound("nomination", id)
            }
            guard viewer.keepsRecords(of: n.body) else { throw APIError.forbidden("only the people of \(n.body) accept its nominations") }
            try await store.decideNomination(n, accept: input.accept, actor: actor)
        }
        return .noContent
    }

    // MARK: permissions

    /// What the nearest body of `chain` (nearest first) that runs a scheme says about `org` doing `permission`: nil when
    /// no body of the chain accredits (nothing to ask), otherwise the refusal or `.none` for allowed.
    static func ruling(_ org: String, _ permission: AccreditationPermission, chain: [String], sql: any SQLDatabase) async throws -> String?? {
        let store = AccreditationStore(sql: sql)
        for body in chain {
            guard let scheme = try await store.scheme(of: body) else { continue }
            let held = try await store.accreditations(body: body, orgs: [org])
            guard let a = held.first(where: { $0.status.permits }) ?? held.first else {
                return .some("\(org) is not accredited to \(body), which accredits the organisations that \(permission.rawValue) with it")
            }
            if !a.status.permits { return .some("\(org)'s accreditation to \(body) is \(a.status.rawValue)" + (a.grounds.map { ": \($0)" } ?? "")) }
            guard scheme.category(a.category)?.permissions.contains(permission) == true else {
                return .some("\(org)'s category at \(body) (\(a.category)) does not allow it to \(permission.rawValue)")
            }
            return .some(nil)
        }
        return nil
    }

    /// Why `org` may not do `permission` with a body of `chain`, or nil when it may (or no body there accredits).
    static func refusal(_ org: String, _ permission: AccreditationPermission, chain: [String], sql: any SQLDatabase) async throws -> String? {
        try await ruling(org, permission, chain: chain, sql: sql) ?? nil
    }

    /// A body and those above it, nearest first.
    static func chain(from body: String, _ tree: BodyTree) -> [String] {
        var out = [body]
        var b = body
        while let p = tree.nodes[b]?.parent, !out.contains(p) {
            out.append(p)
            b = p
        }
        return out
    }

    /// The organisations a person acts for as a CSO liaison (the organisation of each body they are liaison of).
    static func liaisonOrganisations(_ viewer: Viewer, sql: any SQLDatabase) async throws -> Set<String> {
        try await AccreditationStore(sql: sql).organisations(ofBodies: viewer.roles.filter { $0.role == .csoLiaison }.map(\.body))
    }

    /// Whether a liaison of an accredited organisation may do `permission` with `body` by that accreditation alone.
    static func accredited(_ viewer: Viewer, _ permission: AccreditationPermission, body: String, tree: BodyTree, sql: any SQLDatabase) async throws
        -> Bool
    {
        for org in try await liaisonOrganisations(viewer, sql: sql) {
            if case .some(.none) = try await ruling(org, permission, chain: chain(from: body, tree), sql: sql) { return true }
        }
        return false
    }
}

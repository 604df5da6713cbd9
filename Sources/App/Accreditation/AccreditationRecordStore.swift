import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Applications and accreditations: rows, steps and the grant. The caller checks who may act; these write the record,
/// its history and the audit trail in the caller's transaction.
extension AccreditationStore {
    struct ApplicationRow: Decodable, Sendable {
        var id, bodyCode, organisationCode, category, statement, assessments, createdBy, createdAt, updatedAt: String
        var state: ApplicationState
        var decision, deferredTo, decidedOn, accreditationId: String?
    }

    static let applicationColumns = [
        "id", "body_code", "organisation_code", "category", "state", "statement", "assessments", "decision", "deferred_to", "decided_on",
        "accreditation_id", "created_by", "created_at", "updated_at",
    ]

    func createApplication(id: String, body: String, org: String, category: String, statement: String, state: ApplicationState, actor: String)
        async throws
    {
        let now = Timestamp.now()
        try await sql.insert(into: "accreditation_applications").columns(Self.applicationColumns)
            .values(
                [
                    SQLBind(id), SQLBind(body), SQLBind(org), SQLBind(category), SQLBind(state.rawValue), SQLBind(statement), SQLBind("[]"),
                    SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(actor), SQLBind(now),
                    SQLBind(now),
                ] as [any SQLExpression]
            ).run()
        try await event(id, kind: state.rawValue, note: nil, actor: actor)
    }

    func application(_ id: String) async throws -> ApplicationRow? {
        try await sql.select().columns(Self.applicationColumns).from("accreditation_applications").where("id", .equal, id)
            .first(decoding: ApplicationRow.self, with: AreaStore.decoder)
    }

    /// Applications to `body` or of `orgs` (either filter may be absent), newest first.
    func applications(body: String?, orgs: Set<String>?) async throws -> [ApplicationRow] {
        var q = sql.select().columns(Self.applicationColumns).from("accreditation_applications")
        if let b = body { q = q.where("body_code", .equal, b) }
        if let o = orgs {
            guard !o.isEmpty else { return [] }
            q = q.where(SQLColumn("organisation_code"), .in, SQLBind.group(o.sorted()))
        }
        return try await q.orderBy("created_at", .descending).limit(500).all(decoding: ApplicationRow.self, with: AreaStore.decoder)
    }

    func stepApplication(
        _ r: ApplicationRow, to: ApplicationState, category: String?, assessments: [CriterionAssessment]?, decision: AccreditationDecision?,
        deferredTo: String?, note: String?, today: String, actor: String
    ) async throws {
        var q = sql.update("accreditation_applications").set("state", to: to.rawValue).set("updated_at", to: Timestamp.now())
        if let c = category { q = q.set("category", to: c) }
        if let a = assessments { q = q.set("assessments", to: MediationStore.json(a)) }
        if let d = decision { q = q.set("decision", to: MediationStore.json(d)).set("decided_on", to: today) }
        if to == .deferred { q = q.set("deferred_to", to: deferredTo) }
        let changed = try await q.where("id", .equal, r.id).where("state", .equal, r.state.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the application changed meanwhile; reload it") }
        try await event(
            r.id, kind: to.rawValue, note: [note, decision?.reasons, deferredTo].compactMap { $0 }.joined(separator: " — "), actor: actor)
    }

    func linkAccreditation(_ application: String, _ accreditation: String) async throws {
        try await sql.update("accreditation_applications").set("accreditation_id", to: accreditation).where("id", .equal, application).run()
    }

    // MARK: accreditations

    struct Row: Decodable, Sendable {
        var id, bodyCode, organisationCode, category, grantedOn, validUntil, obligations, applicationId, updatedAt: String
        var status: AccreditationStatus
        var hearingUntil, suspendedUntil, grounds: String?
        var automatic: Bool
        var obligationList: [Obligation] { MediationStore.decode([Obligation].self, obligations) ?? [] }
    }

    static let columns = [
        "id", "body_code", "organisation_code", "category", "status", "granted_on", "valid_until", "obligations", "hearing_until", "suspended_until",
        "grounds", "automatic", "application_id", "updated_at",
    ]

    func grant(
        id: String, body: String, org: String, category: AccreditationCategory, scheme: AccreditationScheme, application: String, today: String,
        actor: String
    ) async throws {
        let obligations = scheme.obligations.map {
            Obligation(kind: $0.kind, everyMonths: $0.everyMonths, dueOn: AccreditationRules.adding(months: $0.everyMonths, to: today))
        }
        try await sql.insert(into: "accreditations").columns(Self.columns)
            .values(
                [
                    SQLBind(id), SQLBind(body), SQLBind(org), SQLBind(category.code), SQLBind(AccreditationStatus.active.rawValue), SQLBind(today),
                    SQLBind(AccreditationRules.adding(months: category.termYears * 12, to: today)), SQLBind(MediationStore.json(obligations)),
                    SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(false), SQLBind(application),
                    SQLBind(Timestamp.now()),
                ] as [any SQLExpression]
            ).run()
        try await event(id, kind: "granted", note: category.name, actor: actor)
        try await linkAccreditation(application, id)
    }

    func accreditation(_ id: String) async throws -> Row? {
        try await sql.select().columns(Self.columns).from("accreditations").where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder)
    }

    func accreditations(body: String? = nil, orgs: Set<String>? = nil, statuses: [AccreditationStatus]? = nil) async throws -> [Row] {
        var q = sql.select().columns(Self.columns).from("accreditations")
        if let b = body { q = q.where("body_code", .equal, b) }
        if let o = orgs {
            guard !o.isEmpty else { return [] }
            q = q.where(SQLColumn("organisation_code"), .in, SQLBind.group(o.sorted()))
        }
        if let s = statuses { q = q.where(SQLColumn("status"), .in, SQLBind.group(s.map(\.rawValue))) }
        return try await q.orderBy("body_code").orderBy("organisation_code").all(decoding: Row.self, with: AreaStore.decoder)
    }

    /// A change of status with what goes with it; `nil` leaves a field as it is, `.some(nil)` clears it.
    func setStatus(
        _ r: Row, _ status: AccreditationStatus, kind: String, note: String?, hearingUntil: String?? = nil, suspendedUntil: String?? = nil,
        grounds: String?? = nil, automatic: Bool? = nil, validUntil: String? = nil, category: String? = nil, actor: String
    ) async throws {
        var q = sql.update("accreditations").set("status", to: status.rawValue).set("updated_at", to: Timestamp.now())
        if let h = hearingUntil { q = q.set("hearing_until", to: h) }
        if let s = suspendedUntil { q = q.set("suspended_until", to: s) }
        if let g = grounds { q = q.set("grounds", to: g) }
        if let a = automatic { q = q.set("automatic", to: a) }
        if let v = validUntil { q = q.set("valid_until", to: v) }
        if let c = category { q = q.set("category", to: c) }
        let changed = try await q.where("id", .equal, r.id).where("status", .equal, r.status.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "status", "the accreditation changed meanwhile; reload it") }
        try await event(r.id, kind: kind, note: note, actor: actor)
    }

    /// An accreditation's past, as recorded before it was entered here (the demo; a register moved from paper).
    func backdate(_ id: String, grantedOn: String, validUntil: String, obligations: [Obligation]) async throws {
        try await sql.update("accreditations").set("granted_on", to: grantedOn).set("valid_until", to: validUntil)
            .set("obligations", to: MediationStore.json(obligations)).where("id", .equal, id).run()
    }

    func setObligations(_ id: String, _ obligations: [Obligation]) async throws {
        try await sql.update("accreditations").set("obligations", to: MediationStore.json(obligations)).where("id", .equal, id).run()
    }

    // MARK: complaints

    struct Complaint: Content {
        var id, accreditation, text, receivedOn, dueOn, state: String
        var evidence: [String]
        var outcome, decidedOn: String?
    }

    func addComplaint(_ c: Complaint, person: String?, actor: String) async throws {
        try await sql.insert(into: "accreditation_complaints").columns(
            "id", "accreditation_id", "text", "evidence", "complainant_person", "received_on", "due_on", "state", "outcome", "decided_on"
        )
        .values(
            [
                SQLBind(c.id), SQLBind(c.accreditation), SQLBind(c.text), SQLBind(MediationStore.json(c.evidence)), SQLBind(person),
                SQLBind(c.receivedOn), SQLBind(c.dueOn), SQLBind(c.state), SQLBind(nil as String?), SQLBind(nil as String?),
            ] as [any SQLExpression]
        ).run()
        // The complainant is not named on the accreditation's public history, nor here.
        try await event(c.accreditation, kind: "complaint-received", note: "answer due \(c.dueOn)", actor: "complainant")
        _ = actor
    }

    func complaints(of accreditation: String) async throws -> [Complaint] {
        try await sql.select().columns("id", "accreditation_id", "text", "evidence", "received_on", "due_on", "state", "outcome", "decided_on")
            .from("accreditation_complaints").where("accreditation_id", .equal, accreditation).orderBy("received_on").all().map {
                Complaint(
                    id: try $0.decode(column: "id", as: String.self), accreditation: accreditation,
                    text: try $0.decode(column: "text", as: String.self),
                    receivedOn: try $0.decode(column: "received_on", as: String.self), dueOn: try $0.decode(column: "due_on", as: String.self),
                    state: try $0.decode(column: "state", as: String.self),
                    evidence: MediationStore.decode([String].self, try $0.decode(column: "evidence", as: String.self)) ?? [],
                    outcome: try $0.decode(column: "outcome", as: String?.self), decidedOn: try $0.decode(column: "decided_on", as: String?.self))
            }
    }

    /// One complaint by id, with the accreditation it is about.
    func complaint(_ id: String) async throws -> Complaint? {
        guard
            let acc = try await sql.select().column("accreditation_id").from("accreditation_complaints").where("id", .equal, id).first()?
                .decode(column: "accreditation_id", as: String.self)
        else { return nil }
        return try await complaints(of: acc).first { $0.id == id }
    }

    func decideComplaint(_ c: Complaint, state: String, outcome: String, today: String, actor: String) async throws {
        let changed = try await sql.update("accreditation_complaints").set("state", to: state).set("outcome", to: outcome).set(
            "decided_on", to: today
        )
        .where("id", .equal, c.id).where("state", .equal, "received").returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the complaint is already decided") }
        try await event(c.accreditation, kind: "complaint-" + state, note: outcome, actor: actor)
    }

    // MARK: nominations

    struct Nomination: Content {
        var id, organisation, body, name, state: String
        var forum, termUntil, member: String?
        var categories: [String]
    }

    func addNomination(_ n: Nomination, actor: String) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "nominations").columns(
            "id", "organisation_code", "body_code", "forum_id", "name", "categories", "state", "term_until", "member_id", "created_by", "created_at",
            "updated_at"
        )
        .values(
            [
                SQLBind(n.id), SQLBind(n.organisation), SQLBind(n.body), SQLBind(n.forum), SQLBind(n.name),
                SQLBind(MediationStore.json(n.categories)),
                SQLBind(n.state), SQLBind(n.termUntil), SQLBind(nil as String?), SQLBind(actor), SQLBind(now), SQLBind(now),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "nominate", recordType: "nomination", recordID: n.id, content: [n.organisation, n.body])
    }

    func nominations(body: String?, org: String?) async throws -> [Nomination] {
        var q = sql.select().columns(
            "id", "organisation_code", "body_code", "forum_id", "name", "categories", "state", "term_until", "member_id"
        ).from("nominations")
        if let b = body { q = q.where("body_code", .equal, b) }
        if let o = org { q = q.where("organisation_code", .equal, o) }
        return try await q.orderBy("created_at", .descending).all().map {
            Nomination(
                id: try $0.decode(column: "id", as: String.self), organisation: try $0.decode(column: "organisation_code", as: String.self),
                body: try $0.decode(column: "body_code", as: String.self), name: try $0.decode(column: "name", as: String.self),
                state: try $0.decode(column: "state", as: String.self), forum: try $0.decode(column: "forum_id", as: String?.self),
                termUntil: try $0.decode(column: "term_until", as: String?.self), member: try $0.decode(column: "member_id", as: String?.self),
                categories: MediationStore.decode([String].self, try $0.decode(column: "categories", as: String.self)) ?? [])
        }
    }

    /// An accepted nomination to a seat becomes a member of the body: its composition figures follow.
    func decideNomination(_ n: Nomination, accept: Bool, actor: String) async throws {
        var member: String?
        if accept && n.forum == nil {
            let draft = MemberDraft(
                name: n.name, organisation: n.organisation,
                categories: try n.categories.map { try StakeholderCategory.parse($0, field: "categories") },
                role: "nominated by \(n.organisation)", since: String(Timestamp.now().prefix(10)))
            member = try await BodyStore(sql: sql).addMember(draft, to: n.body, actor: actor).id
        }
        let changed = try await sql.update("nominations").set("state", to: accept ? "accepted" : "declined").set("member_id", to: member)
            .set("updated_at", to: Timestamp.now()).where("id", .equal, n.id).where("state", .equal, "proposed").returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the nomination is already decided") }
        try await AuditStore(sql: sql).append(actor: actor, action: accept ? "accept" : "decline", recordType: "nomination", recordID: n.id)
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

struct MediationEventView: Content {
    var seq: Int
    var at, kind, actor: String
    var from, to, reason: String?
}

struct SessionView: Content {
    var id, caseId, createdAt: String
    var session: SessionDraft
}

struct MediationView: Content {
    var id, title, body, topic, openedAt, updatedAt: String
    var track: MediationTrack
    var mode: MediationMode
    var state: MediationState
    var classification: Classification
    var areas, incidents: [String]
    var parties: [MediationParty]
    var mediators: [Mediator]
    var responseCase: String?
    /// What the viewer is to the case, and so which notes they read.
    var reach: Visibility
    var next: [MediationState]
}

/// Mediation cases, their history and sessions. A case is read through the one scoping (confidential by default:
/// the mediating body, the mediators and the parties named on it); a session's notes are then cut to the viewer's
/// reach here, in the data layer, and every read of a session of a confidential case is audited.
struct MediationStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "mediation", table: "mediation_cases", hasParties: true)
    static let columns = [
        "id", "title", "body_code", "track", "mode", "topic", "areas", "incidents", "parties", "mediators", "state", "classification",
        "response_case", "opened_at", "updated_at",
    ]
    static let selected = ColumnList(columns, table: "mediation_cases")

    struct Row: Decodable, Sendable {
        var id, title, bodyCode, topic, areas, incidents, parties, mediators, openedAt, updatedAt: String
        var track: MediationTrack
        var mode: MediationMode
        var state: MediationState
        var classification: Classification
        var responseCase: String?
    }

    static func json(_ v: some Encodable) -> String { String(decoding: (try? JSONEncoder.sorted.encode(v)) ?? Data("[]".utf8), as: UTF8.self) }
    static func decode<T: Decodable>(_ t: T.Type, _ s: String) -> T? { try? JSONDecoder().decode(t, from: Data(s.utf8)) }

    func get(_ id: String, _ scope: AccessScope) async throws -> Row? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder)
    }

    /// Unscoped: for the installation's own work on a case it has just written (demo seeding).
    func get(_ id: String) async throws -> Row? {
        try await Self.table.unscoped(sql, because: "the installation acts on a case it has just written").columns(Self.columns)
            .where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder)
    }

    /// Unscoped: whether the installation holds any case at all (demo seeding runs once).
    func isEmpty() async throws -> Bool {
        try await Self.table.unscoped(sql, because: "the demo seeds an installation without cases").column("id").limit(1).first() == nil
    }

    func list(_ scope: AccessScope, body: String?, state: MediationState?, page: PageRequest) async throws -> [Row] {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let b = body { q = q.where("body_code", .equal, b) }
        if let s = state { q = q.where("state", .equal, s.rawValue) }
        if let after = page.after { q = q.where("id", .lessThan, after) }
        return try await q.orderBy("id", .descending).limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder)
    }

    /// Unscoped: the stall rule acts for the installation on the case an agreement came from.
    func responseCase(of id: String) async throws -> (body: String, responseCase: String?, area: String?)? {
        try await Self.table.unscoped(sql, because: "the stall rule acts for the installation").columns("body_code", "response_case", "areas")
            .where("id", .equal, id).first().map {
                (
                    try $0.decode(column: "body_code", as: String.self), try $0.decode(column: "response_case", as: String?.self),
                    Self.decode([String].self, try $0.decode(column: "areas", as: String.self))?.first
                )
            }
    }

    static func reach(_ r: Row, _ viewer: Viewer) -> Visibility {
        let parties = decode([MediationParty].self, r.parties) ?? []
        let mediators = decode([Mediator].self, r.mediators) ?? []
        let me = viewer.personID
        let bodies = Set(viewer.roles.map(\.body))
        let mediator = me.map { p in mediators.contains { $0.person == p } } ?? false
        let party = parties.contains {
            ($0.kind == .person && $0.ref != nil && $0.ref == me) || ($0.kind == .body && $0.ref.map(bodies.contains) == true)
        }
        return Visibility.reach(mediator: mediator, party: party, bodyMember: bodies.contains(r.bodyCode) || viewer.isInstallationAdmin)
    }

    static func view(_ r: Row, _ viewer: Viewer) -> MediationView {
        MediationView(
            id: r.id, title: r.title, body: r.bodyCode, topic: r.topic, openedAt: r.openedAt, updatedAt: r.updatedAt, track: r.track, mode: r.mode,
            state: r.state, classification: r.classification, areas: decode([String].self, r.areas) ?? [],
            incidents: decode([String].self, r.incidents) ?? [], parties: decode([MediationParty].self, r.parties) ?? [],
            mediators: decode([Mediator].self, r.mediators) ?? [], responseCase: r.responseCase, reach: reach(r, viewer), next: r.state.next)
    }

    /// `openedOn` back-dates a case that began before it was recorded (YYYY-MM-DD; checked by the caller).
    func create(_ d: MediationDraft, classification: Classification, responseCase: String?, openedOn: String? = nil, actor: String) async throws
        -> String
    {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        let opened = openedOn.map { $0 + "T00:00:00.000Z" } ?? now
        try await sql.insert(into: "mediation_cases").columns(Self.columns)
            .values(
                [
                    SQLBind(id), SQLBind(d.title), SQLBind(d.body), SQLBind(d.track.rawValue), SQLBind(d.mode.rawValue), SQLBind(d.topic),
                    SQLBind(Self.json(d.areas)), SQLBind(Self.json(d.incidents)), SQLBind(Self.json(d.parties)), SQLBind(Self.json(d.mediators)),
                    SQLBind(MediationState.referred.rawValue), SQLBind(classification.rawValue), SQLBind(responseCase), SQLBind(opened), SQLBind(now),
                ] as [any SQLExpression]
            ).run()
        try await Parties(sql: sql).add("mediation", id, body: d.body, role: "mediating")
        try await grant(id, d)
        try await event(
            id, kind: "opened", to: MediationState.referred.rawValue, reason: responseCase.map { "from response case \($0)" }, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "mediation", recordID: id, content: d)
        return id
    }

    /// The mediators and parties with accounts (or bodies) read the case by name.
    private func grant(_ id: String, _ d: MediationDraft) async throws {
        var grants = Set(d.mediators.compactMap(\.person).map { "person|" + $0 })
        for p in d.parties {
            guard let ref = p.ref else { continue }
            if p.kind == .person { grants.insert("person|" + ref) } else if p.kind == .body { grants.insert("body|" + ref) }
        }
        for g in grants.sorted() {
            let parts = g.split(separator: "|", maxSplits: 1).map(String.init)
            try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                .values(SQLBind("mediation"), SQLBind(id), SQLBind(parts[0]), SQLBind(parts[1]))
                .ignoringConflicts(with: ["record_type", "record_id", "grantee_kind", "grantee"]).run()
        }
    }

    func updateTable(_ r: Row, parties: [MediationParty], mediators: [Mediator], actor: String) async throws {
        try await sql.update("mediation_cases").set("parties", to: Self.json(parties)).set("mediators", to: Self.json(mediators))
            .set("updated_at", to: Timestamp.now()).where("id", .equal, r.id).run()
        var d = MediationDraft(title: r.title, body: r.bodyCode, track: r.track, mode: r.mode, topic: r.topic, areas: [], parties: parties)
        d.mediators = mediators
        try await grant(r.id, d)
        try await event(r.id, kind: "table", reason: "parties and mediators", actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "update", recordType: "mediation", recordID: r.id, content: d)
    }

    func transition(_ r: Row, to: MediationState, reason: String, actor: String) async throws {
        let changed = try await sql.update("mediation_cases").set("state", to: to.rawValue).set("updated_at", to: Timestamp.now())
            .where("id", .equal, r.id).where("state", .equal, r.state.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the case changed meanwhile; reload it") }
        try await event(r.id, kind: "state", from: r.state.rawValue, to: to.rawValue, reason: reason, actor: actor)
        try await AuditStore(sql: sql).append(
            actor: actor, action: "transition", recordType: "mediation", recordID: r.id, content: [to.rawValue, reason])
    }

    func event(_ id: String, kind: String, from: String? = nil, to: String? = nil, reason: String? = nil, actor: String) async throws {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("mediation_events").where("case_id", .equal, id)
                .first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await sql.insert(into: "mediation_events").columns("case_id", "seq", "at", "kind", "from_state", "to_state", "reason", "actor")
            .values(SQLBind(id), SQLBind(seq), SQLBind(Timestamp.now()), SQLBind(kind), SQLBind(from), SQLBind(to), SQLBind(reason), SQLBind(actor))
            .run()
    }

    /// The history of a case the caller was allowed to read (checked by `get` first).
    func events(_ id: String) async throws -> [MediationEventView] {
        try await sql.select().columns("seq", "at", "kind", "actor", "from_state", "to_state", "reason").from("mediation_events")
            .where("case_id", .equal, id).orderBy("seq").all().map {
                MediationEventView(
                    seq: try $0.decode(column: "seq", as: Int.self), at: try $0.decode(column: "at", as: String.self),
                    kind: try $0.decode(column: "kind", as: String.self), actor: try $0.decode(column: "actor", as: String.self),
                    from: try $0.decode(column: "from_state", as: String?.self), to: try $0.decode(column: "to_state", as: String?.self),
                    reason: try $0.decode(column: "reason", as: String?.self))
            }
    }

    func addSession(_ caseID: String, _ s: SessionDraft, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        try await sql.insert(into: "mediation_sessions").columns(
            "id", "case_id", "held_on", "area_code", "format", "attendance", "notes", "outcomes", "next_steps", "documents", "created_by",
            "created_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(caseID), SQLBind(s.date), SQLBind(s.area), SQLBind(s.format.rawValue), SQLBind(Self.json(s.attendance)),
                SQLBind(Self.json(s.notes)), SQLBind(Self.json(s.outcomes)), SQLBind(Self.json(s.nextSteps)), SQLBind(Self.json(s.documents)),
                SQLBind(actor),
                SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await event(caseID, kind: "session", reason: s.date, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "mediation-session", recordID: id, content: s)
        return id
    }

    /// Sessions of a case the caller may read, each cut to `reach`. Reads of a confidential case's sessions are
    /// audited (who read which, at what reach) in the caller's transaction.
    func sessions(_ r: Row, reach: Visibility, actor: String, audit: Bool) async throws -> [SessionView] {
        let rows = try await sql.select().columns(
            "id", "held_on", "area_code", "format", "attendance", "notes", "outcomes", "next_steps", "documents", "created_at"
        )
        .from("mediation_sessions").where("case_id", .equal, r.id).orderBy("held_on").orderBy("id").all()
        let out = try rows.map { row -> SessionView in
            let s = SessionDraft(
                date: try row.decode(column: "held_on", as: String.self), area: try row.decode(column: "area_code", as: String.self),
                format: try row.decode(column: "format", as: SessionFormat.self),
                attendance: Self.decode([Attendance].self, try row.decode(column: "attendance", as: String.self)) ?? [],
                notes: Self.decode([SessionNote].self, try row.decode(column: "notes", as: String.self)) ?? [],
                outcomes: Self.decode([SessionNote].self, try row.decode(column: "outcomes", as: String.self)) ?? [],
                documents: Self.decode([SessionDocument].self, try row.decode(column: "documents", as: String.self)) ?? [],
                nextSteps: Self.decode([NextStep].self, try row.decode(column: "next_steps", as: String.self)) ?? [])
            return SessionView(
                id: try row.decode(column: "id", as: String.self), caseId: r.id, createdAt: try row.decode(column: "created_at", as: String.self),
                session: s.seen(by: reach))
        }
        if audit, r.classification == .confidential, !out.isEmpty {
            try await AuditStore(sql: sql).append(
                actor: actor, action: "read", recordType: "mediation-session", recordID: r.id, content: [reach.rawValue] + out.map(\.id))
        }
        return out
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

struct TracingView: Content {
    var id, body, counterpart, circumstances: String
    var classification: Classification
    var direction: TracingDirection
    var weapon: String?
    var marks: WeaponMarks
    var type: WeaponType
    var state: TracingState
    var outcome: TracingOutcome?
    var answer, sentOn, dueOn, answeredOn: String?
    var overdue: Bool
    var createdAt, updatedAt: String
    var history: [AccreditationEventView]?
}

/// Tracing requests sent and received, restricted to the requesting (or requested) body and those above it.
struct TracingStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "tracing-request", table: "tracing_requests")
    static let columns = [
        "id", "body_code", "classification", "direction", "counterpart", "weapon_id", "marks", "type", "circumstances", "state", "outcome", "answer",
        "sent_on", "due_on", "answered_on", "created_at", "updated_at",
    ]

    func create(_ t: TracingView, actor: String) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "tracing_requests").columns(Self.columns + ["created_by"]).values(
            [
                SQLBind(t.id), SQLBind(t.body), SQLBind(t.classification.rawValue), SQLBind(t.direction.rawValue), SQLBind(t.counterpart),
                SQLBind(t.weapon), SQLBind(MediationStore.json(t.marks)), SQLBind(t.type.rawValue), SQLBind(t.circumstances),
                SQLBind(t.state.rawValue), SQLBind(t.outcome?.rawValue), SQLBind(t.answer), SQLBind(t.sentOn), SQLBind(t.dueOn),
                SQLBind(t.answeredOn), SQLBind(now), SQLBind(now), SQLBind(actor),
            ] as [any SQLExpression]
        ).run()
        try await event(t.id, kind: t.state.rawValue, note: nil, actor: actor)
    }

    func update(_ t: TracingView, note: String?, actor: String) async throws {
        try await sql.update("tracing_requests").set("state", to: t.state.rawValue).set("outcome", to: t.outcome?.rawValue).set(
            "answer", to: t.answer
        )
        .set("sent_on", to: t.sentOn).set("due_on", to: t.dueOn).set("answered_on", to: t.answeredOn).set("updated_at", to: Timestamp.now())
        .where("id", .equal, t.id).run()
        try await event(t.id, kind: t.state.rawValue, note: note, actor: actor)
    }

    func event(_ id: String, kind: String, note: String?, actor: String) async throws {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("tracing_events")
                .where("request_id", .equal, id).first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await sql.insert(into: "tracing_events").columns("request_id", "seq", "at", "kind", "note", "actor")
            .values(SQLBind(id), SQLBind(seq), SQLBind(Timestamp.now()), SQLBind(kind), SQLBind(note), SQLBind(actor)).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "tracing.\(kind)", recordType: "tracing-request", recordID: id, content: [note ?? ""])
    }

    func get(_ id: String, _ scope: AccessScope, today: String) async throws -> TracingView? {
        guard let r = try await Self.table.select(sql, scope).columns(Self.columns.map { SQLColumn($0) }).where("id", .equal, id).first() else {
            return nil
        }
        var t = try Self.view(r, today: today)
        t.history = try await sql.select().columns("seq", "at", "kind", "note", "actor").from("tracing_events").where("request_id", .equal, id)
            .orderBy("seq").all().map {
                AccreditationEventView(
                    seq: try $0.decode(column: "seq", as: Int.self), at: try $0.decode(column: "at", as: String.self),
                    kind: try $0.decode(column: "kind", as: String.self), actor: try $0.decode(column: "actor", as: String.self),
                    note: try $0.decode(column: "note", as: String?.self))
            }
        return t
    }

    func list(_ scope: AccessScope, today: String, weapon: String? = nil) async throws -> [TracingView] {
        var q = Self.table.select(sql, scope).columns(Self.columns.map { SQLColumn($0) })
        if let weapon { q = q.where("weapon_id", .equal, weapon) }
        return try await q.orderBy("created_at", .descending).limit(500).all().map { try Self.view($0, today: today) }
    }

    /// The requests of these bodies, for the year's report.
    func facts(bodies: Set<String>) async throws -> [ArmsYearReport.Trace] {
        try await Self.table.unscoped(sql, because: "the yearly report counts the reporting body's requests; only figures leave")
            .columns(Self.columns.map { SQLColumn($0) }).where(SQLColumn("body_code"), .in, SQLBind.group(bodies.sorted())).all().map {
                let t = try Self.view($0, today: "")
                return .init(
                    weapon: t.weapon, direction: t.direction, state: t.state, outcome: t.outcome, sentOn: t.sentOn, answeredOn: t.answeredOn,
                    dueOn: t.dueOn)
            }
    }

    static func view(_ r: any SQLRow, today: String) throws -> TracingView {
        let state = TracingState(rawValue: try r.decode(column: "state", as: String.self)) ?? .draft
        let due = try r.decode(column: "due_on", as: String?.self)
        return TracingView(
            id: try r.decode(column: "id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
            counterpart: try r.decode(column: "counterpart", as: String.self), circumstances: try r.decode(column: "circumstances", as: String.self),
            classification: Classification(rawValue: try r.decode(column: "classification", as: String.self)) ?? .restricted,
            direction: TracingDirection(rawValue: try r.decode(column: "direction", as: String.self)) ?? .outgoing,
            weapon: try r.decode(column: "weapon_id", as: String?.self),
            marks: MediationStore.decode(WeaponMarks.self, try r.decode(column: "marks", as: String.self)) ?? WeaponMarks(),
            type: WeaponType(rawValue: try r.decode(column: "type", as: String.self)) ?? .other, state: state,
            outcome: try r.decode(column: "outcome", as: String?.self).flatMap(TracingOutcome.init(rawValue:)),
            answer: try r.decode(column: "answer", as: String?.self), sentOn: try r.decode(column: "sent_on", as: String?.self), dueOn: due,
            answeredOn: try r.decode(column: "answered_on", as: String?.self),
            overdue: TracingRules.overdue(state, dueOn: due, today: today), createdAt: try r.decode(column: "created_at", as: String.self),
            updatedAt: try r.decode(column: "updated_at", as: String.self))
    }
}

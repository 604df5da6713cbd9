import AgoraCore
import Foundation
import SQLKit
import Vapor

struct ForumView: Content {
    var id, body, name, mandate, createdAt: String
    var topics, areas, partners: [String]
    var standing: Bool
    var targets: InclusionTargets
}

struct ForumSessionView: Content {
    var id, forum, heldOn, agenda: String
    var participants: [Attendance]
    var resolutions: [String]
}

/// Forums and their sessions. Forums are public facts about a body, as its composition is: who convenes what, and who
/// takes part (counted, never named).
struct ForumStore: Sendable {
    let sql: any SQLDatabase

    struct Row: Decodable {
        var id, bodyCode, name, mandate, topics, areas, partners, targets, createdAt: String
        var standing: Bool
    }

    static func view(_ r: Row) -> ForumView {
        ForumView(
            id: r.id, body: r.bodyCode, name: r.name, mandate: r.mandate, createdAt: r.createdAt,
            topics: MediationStore.decode([String].self, r.topics) ?? [],
            areas: MediationStore.decode([String].self, r.areas) ?? [], partners: MediationStore.decode([String].self, r.partners) ?? [],
            standing: r.standing, targets: MediationStore.decode(InclusionTargets.self, r.targets) ?? InclusionTargets())
    }

    func list(body: String?) async throws -> [ForumView] {
        var q = sql.select().columns("id", "body_code", "name", "mandate", "topics", "areas", "partners", "targets", "created_at", "standing").from(
            "forums")
        if let body { q = q.where("body_code", .equal, body) }
        return try await q.orderBy("name").all(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    func get(_ id: String) async throws -> ForumView? {
        try await sql.select().columns("id", "body_code", "name", "mandate", "topics", "areas", "partners", "targets", "created_at", "standing")
            .from("forums").where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    func create(_ f: ForumView, actor: String) async throws {
        try await sql.insert(into: "forums").columns(
            "id", "body_code", "name", "mandate", "topics", "areas", "partners", "standing", "targets", "created_at"
        )
        .values(
            [
                SQLBind(f.id), SQLBind(f.body), SQLBind(f.name), SQLBind(f.mandate), SQLBind(MediationStore.json(f.topics)),
                SQLBind(MediationStore.json(f.areas)),
                SQLBind(MediationStore.json(f.partners)), SQLBind(f.standing), SQLBind(MediationStore.json(f.targets)), SQLBind(f.createdAt),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "forum", recordID: f.id, content: f)
    }

    func sessions(forums: [String], from: String? = nil, to: String? = nil) async throws -> [ForumSessionView] {
        guard !forums.isEmpty else { return [] }
        var q = sql.select().columns("id", "forum_id", "held_on", "participants", "agenda", "resolutions").from("forum_sessions").where(
            "forum_id", .in, forums)
        if let from { q = q.where("held_on", .greaterThanOrEqual, from) }
        if let to { q = q.where("held_on", .lessThanOrEqual, to) }
        return try await q.orderBy("held_on").all().map {
            ForumSessionView(
                id: try $0.decode(column: "id", as: String.self), forum: try $0.decode(column: "forum_id", as: String.self),
                heldOn: try $0.decode(column: "held_on", as: String.self), agenda: try $0.decode(column: "agenda", as: String.self),
                participants: MediationStore.decode([Attendance].self, try $0.decode(column: "participants", as: String.self)) ?? [],
                resolutions: MediationStore.decode([String].self, try $0.decode(column: "resolutions", as: String.self)) ?? [])
        }
    }

    func addSession(_ s: ForumSessionView, actor: String) async throws {
        try await sql.insert(into: "forum_sessions").columns(
            "id", "forum_id", "held_on", "participants", "agenda", "resolutions", "created_by", "created_at"
        )
        .values(
            [
                SQLBind(s.id), SQLBind(s.forum), SQLBind(s.heldOn), SQLBind(MediationStore.json(s.participants)), SQLBind(s.agenda),
                SQLBind(MediationStore.json(s.resolutions)), SQLBind(actor), SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "forum-session", recordID: s.id, content: s)
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Subscriptions of bodies (webhooks, e-mail), and the outbox and delivery attempts as their administrators see them.
struct SubscriptionStore: Sendable {
    let sql: any SQLDatabase

    static let columns = ["id", "body_code", "channel", "target", "events", "active", "created_at"]

    static func view(_ r: any SQLRow) throws -> SubscriptionView {
        SubscriptionView(
            id: try r.decode(column: "id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
            channel: try r.decode(column: "channel", as: String.self), target: try r.decode(column: "target", as: String.self),
            events: CaseStore.list(try r.decode(column: "events", as: String.self)), active: try r.decode(column: "active", as: Bool.self),
            createdAt: try r.decode(column: "created_at", as: String.self))
    }

    func list(body: String) async throws -> [SubscriptionView] {
        try await sql.select().columns(Self.columns).from("subscriptions").where("body_code", .equal, body)
            .where(SQLColumn("submission_id"), .is, SQLLiteral.null).orderBy("created_at").all().map(Self.view)
    }

    func get(_ id: String) async throws -> SubscriptionView? {
        try await sql.select().columns(Self.columns).from("subscriptions").where("id", .equal, id).first().map(Self.view)
    }

    /// In the caller's transaction; a webhook's signing secret is stored sealed.
    func create(id: String, body: String, _ input: SubscriptionController.NewSubscription, sealedSecret: String?, actor: String) async throws {
        try await sql.insert(into: "subscriptions").columns(
            "id", "body_code", "channel", "target", "secret_sealed", "events", "active", "created_by", "created_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(body), SQLBind(input.channel), SQLBind(input.target), SQLBind(sealedSecret),
                SQLBind(JSONText.array(input.events ?? [])),
                SQLBind(true), SQLBind(actor), SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "subscribe", recordType: "body", recordID: body, content: [id, input.channel])
    }

    func stop(_ s: SubscriptionView, actor: String) async throws {
        try await sql.update("subscriptions").set("active", to: false).where("id", .equal, s.id).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "unsubscribe", recordType: "body", recordID: s.body, content: [s.id])
    }

    func attempts(of outboxID: String) async throws -> [DeliveryView] {
        try await sql.select().columns("attempt", "at", "ok", "detail", "duration_ms").from("deliveries").where("outbox_id", .equal, outboxID)
            .orderBy("attempt").all().map {
                DeliveryView(
                    attempt: try $0.decode(column: "attempt", as: Int.self), at: try $0.decode(column: "at", as: String.self),
                    ok: try $0.decode(column: "ok", as: Bool.self), detail: try $0.decode(column: "detail", as: String.self),
                    durationMs: try $0.decode(column: "duration_ms", as: Int.self))
            }
    }

    func outbox(subscription: String?, status: String?, limit: Int) async throws -> [OutboxView] {
        var q = sql.select().columns(
            "id", "subscription_id", "event", "status", "attempts", "next_attempt_at", "last_error", "created_at", "delivered_at"
        ).from("outbox")
        if let s = subscription { q = q.where("subscription_id", .equal, s) }
        if let s = status { q = q.where("status", .equal, s) }
        return try await q.orderBy("created_at", .descending).limit(limit).all().map {
            OutboxView(
                id: try $0.decode(column: "id", as: String.self), subscription: try $0.decode(column: "subscription_id", as: String.self),
                event: try $0.decode(column: "event", as: String.self), status: try $0.decode(column: "status", as: String.self),
                createdAt: try $0.decode(column: "created_at", as: String.self),
                nextAttemptAt: try $0.decode(column: "next_attempt_at", as: String.self),
                attempts: try $0.decode(column: "attempts", as: Int.self), lastError: try $0.decode(column: "last_error", as: String?.self),
                deliveredAt: try $0.decode(column: "delivered_at", as: String?.self))
        }
    }
}

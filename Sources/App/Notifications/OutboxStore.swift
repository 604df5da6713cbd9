import AgoraCore
import Foundation
import SQLKit
import Vapor

/// What a subscriber receives. Restricted and confidential alerts are named by id and severity only:
/// an e-mail or a webhook leaves the installation, and its access rules with it.
struct NotificationPayload: Content {
    var event: String
    var at: String
    var caseID: String?
    var alertID: String?
    var body: String?
    var status: String?
    var severity: String?
    var area: String?
    var areaName: String?
    var acknowledgeBy: String?
    var headline: String?
    var link: String?
}

/// Notifications are rows written in the same transaction as the event they tell of; a worker
/// delivers them later, so nothing is announced that did not happen and nothing that happened is lost.
struct OutboxStore: Sendable {
    let sql: any SQLDatabase

    static let events = ["alert.proposed", "alert.issued", "case.opened", "case.shared", "case.escalated", "case.escalation-failed", "case.closed"]

    func enqueue(_ event: String, bodies: [String], caseID: String? = nil, alertID: String? = nil) async throws {
        guard !bodies.isEmpty else { return }
        let subs = try await sql.select().columns("id", "events").from("subscriptions").where("body_code", .in, bodies).where("active", .equal, true)
            .where(SQLColumn("submission_id"), .is, SQLLiteral.null).all()
            .filter { r in
                let evs = (try? r.decode(column: "events", as: String.self)).map { CaseStore.list($0) } ?? []
                return evs.isEmpty || evs.contains(event) || evs.contains("*")
            }
        guard !subs.isEmpty else { return }
        var p = NotificationPayload(event: event, at: Timestamp.now(), caseID: caseID, alertID: alertID)
        if let caseID, let c = try await CaseStore(sql: sql).get(caseID) {
            p.alertID = c.alertId
            p.body = c.bodyCode
            p.status = c.status.rawValue
            p.severity = c.severity
            p.area = c.areaCode
            p.acknowledgeBy = c.ackDue
            p.link = "/api/v1/cases/\(c.id)"
        }
        if let aid = p.alertID,
            let a = try await AlertStore.table.unscoped(sql, because: "a notification carries the headline only of an alert cleared for it (below)")
                .columns("classification", "headline", "severity", "area_code", "body_code")
                .where("id", .equal, aid).first()
        {
            let cls = Classification(rawValue: try a.decode(column: "classification", as: String.self)) ?? .confidential
            if cls <= .internal { p.headline = try a.decode(column: "headline", as: String.self) }
            let severity = try a.decode(column: "severity", as: String.self)
            let area = try a.decode(column: "area_code", as: String.self)
            let body = try a.decode(column: "body_code", as: String.self)
            p.severity = p.severity ?? severity
            p.area = p.area ?? area
            p.body = p.body ?? body
            p.link = p.link ?? "/api/v1/alerts/\(aid)"
        }
        if let area = p.area { p.areaName = try await AreaStore(sql: sql).refs([area]).first?.name }
        try await insert(p, subscriptions: try subs.map { try $0.decode(column: "id", as: String.self) })
    }

    /// To the followers of one submission (subscriptions tied to it).
    func enqueue(_ p: NotificationPayload, submission: String) async throws {
        let subs = try await sql.select().column("id").from("subscriptions").where("submission_id", .equal, submission)
            .where("active", .equal, true).all().map { try $0.decode(column: "id", as: String.self) }
        try await insert(p, subscriptions: subs)
    }

    private func insert(_ p: NotificationPayload, subscriptions: [String]) async throws {
        let payload = String(decoding: try JSONEncoder.sorted.encode(p), as: UTF8.self)
        let now = Timestamp.now()
        for s in subscriptions {
            try await sql.insert(into: "outbox").columns(
                "id", "subscription_id", "event", "payload", "status", "attempts", "next_attempt_at", "created_at"
            )
            .values(
                [
                    SQLBind(UUID().uuidString.lowercased()), SQLBind(s), SQLBind(p.event), SQLBind(payload),
                    SQLBind("pending"), SQLBind(0), SQLBind(now), SQLBind(now),
                ] as [any SQLExpression]
            ).run()
        }
    }
}

struct SubscriptionView: Content {
    var id, body, channel, target: String
    var events: [String]
    var active: Bool
    var createdAt: String
    /// Shown once, when a webhook subscription is made: the key its deliveries are signed with.
    var secret: String?
}

struct OutboxView: Content {
    var id, subscription, event, status, createdAt, nextAttemptAt: String
    var attempts: Int
    var lastError, deliveredAt: String?
}

struct DeliveryView: Content {
    var attempt: Int
    var at: String
    var ok: Bool
    var detail: String
    var durationMs: Int
}

/// A notification due for delivery, with where it goes.
struct DueNotification: Sendable {
    var id, event, payload, subscriptionID, channel, target: String
    var attempts: Int
    var sealedSecret: String?
}

extension OutboxStore {
    /// Pending rows whose time has come, oldest first (the worker's read; system-wide, no viewer).
    func due(limit: Int) async throws -> [DueNotification] {
        let o = { (c: String) in SQLColumn(c, table: "o") }
        let s = { (c: String) in SQLColumn(c, table: "s") }
        return try await sql.select().columns(
            o("id"), o("event"), o("payload"), o("attempts"), o("subscription_id"), s("channel"), s("target"), s("secret_sealed")
        )
        .from(SQLAlias(SQLIdentifier("outbox"), as: SQLIdentifier("o")))
        .join(
            SQLAlias(SQLIdentifier("subscriptions"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner, on: o("subscription_id"), .equal, s("id")
        )
        .where(o("status"), .equal, SQLBind("pending")).where(o("next_attempt_at"), .lessThanOrEqual, SQLBind(Timestamp.now()))
        .orderBy(o("next_attempt_at")).limit(limit).all().map { r in
            DueNotification(
                id: try r.decode(column: "id", as: String.self), event: try r.decode(column: "event", as: String.self),
                payload: try r.decode(column: "payload", as: String.self), subscriptionID: try r.decode(column: "subscription_id", as: String.self),
                channel: try r.decode(column: "channel", as: String.self), target: try r.decode(column: "target", as: String.self),
                attempts: try r.decode(column: "attempts", as: Int.self), sealedSecret: try r.decode(column: "secret_sealed", as: String?.self))
        }
    }

    /// One delivery attempt: its log row, and the notification's new state (`retryAt` nil: delivered; `failed`: given up).
    func recordAttempt(_ id: String, attempt: Int, ok: Bool, detail: String, milliseconds: Int, retryAt: String?, failed: Bool) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "deliveries").columns("id", "outbox_id", "attempt", "at", "ok", "detail", "duration_ms")
            .values(
                [
                    SQLBind(UUID().uuidString.lowercased()), SQLBind(id), SQLBind(attempt), SQLBind(now), SQLBind(ok), SQLBind(detail),
                    SQLBind(milliseconds),
                ]
                    as [any SQLExpression]
            ).run()
        var u = sql.update("outbox").set("attempts", to: attempt)
        if ok {
            u = u.set("status", to: "delivered").set("delivered_at", to: now).set("last_error", to: SQLLiteral.null)
        } else {
            u = u.set("last_error", to: detail)
            if let retryAt { u = u.set("next_attempt_at", to: retryAt) }
            if failed { u = u.set("status", to: "failed") }
        }
        try await u.where("id", .equal, id).run()
    }
}

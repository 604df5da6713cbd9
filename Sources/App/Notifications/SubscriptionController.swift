import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Where a body wants to hear of alerts and cases: webhooks (signed) and e-mail addresses.
struct SubscriptionController {
    func register(_ api: any RoutesBuilder) {
        api.get("bodies", ":code", "subscriptions", use: list)
        api.post("bodies", ":code", "subscriptions", use: create)
        api.delete("subscriptions", ":id", use: remove)
        api.get("subscriptions", ":id", "deliveries", use: deliveries)
        api.get("outbox", use: outbox)
    }

    static let columns = ["id", "body_code", "channel", "target", "events", "active", "created_at"]

    static func view(_ r: any SQLRow) throws -> SubscriptionView {
        SubscriptionView(id: try r.decode(column: "id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
                         channel: try r.decode(column: "channel", as: String.self), target: try r.decode(column: "target", as: String.self),
                         events: CaseStore.list(try r.decode(column: "events", as: String.self)), active: try r.decode(column: "active", as: Bool.self),
                         createdAt: try r.decode(column: "created_at", as: String.self))
    }

    func list(req: Request) async throws -> [SubscriptionView] {
        let code = try req.parameters.require("code")
        try await BodyController.requireBodyAdmin(req, code)
        return try await req.sql.select().columns(Self.columns).from("subscriptions").where("body_code", .equal, code).orderBy("created_at").all().map(Self.view)
    }

    struct NewSubscription: Content {
        var channel: String
        var target: String
        var events: [String]?
    }

    func create(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        try await BodyController.requireBodyAdmin(req, code)
        guard try await BodyStore(sql: req.sql).refs([code])[code] != nil else { throw APIError.notFound("body", code) }
        let input = try req.input(NewSubscription.self)
        var issues = IssueCollector()
        switch input.channel {
        case "webhook":
            if let u = URL(string: input.target), ["http", "https"].contains(u.scheme ?? ""), u.host != nil {} else {
                issues.add("target", "a webhook target is an http(s) URL")
            }
        case "email":
            if input.target.range(of: "^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$", options: .regularExpression) == nil { issues.add("target", "not an e-mail address") }
        default: issues.add("channel", "use webhook or email")
        }
        for (i, e) in (input.events ?? []).enumerated() where !Outbox.events.contains(e) && e != "*" {
            issues.add("events[\(i)]", "unknown event '\(e)'; use \(Outbox.events.joined(separator: ", ")) or *")
        }
        try issues.throwIfAny()
        let id = UUID().uuidString.lowercased()
        let secret = input.channel == "webhook" ? Secrets.token() : nil
        let sealed = try secret.map { try req.application.vault.seal(ContactDetails(name: $0), recordID: id) }
        let actor = req.actor
        try await req.write { tx in
            let sql = tx
            try await sql.insert(into: "subscriptions").columns("id", "body_code", "channel", "target", "secret_sealed", "events", "active", "created_by", "created_at")
                .values([SQLBind(id), SQLBind(code), SQLBind(input.channel), SQLBind(input.target), SQLBind(sealed), SQLBind(JSONText.array(input.events ?? [])),
                         SQLBind(true), SQLBind(actor), SQLBind(Timestamp.now())] as [any SQLExpression]).run()
            try await AuditLog(sql: sql).append(actor: actor, action: "subscribe", recordType: "body", recordID: code, content: [id, input.channel])
        }
        var v = try Self.view(try await req.sql.select().columns(Self.columns).from("subscriptions").where("id", .equal, id).first()!)
        v.secret = secret
        return try await v.created(at: "/api/v1/bodies/\(code)/subscriptions", for: req)
    }

    static func find(_ req: Request) async throws -> SubscriptionView {
        let id = try req.parameters.require("id")
        guard let row = try await req.sql.select().columns(Self.columns).from("subscriptions").where("id", .equal, id).first() else {
            throw APIError.notFound("subscription", id)
        }
        let s = try Self.view(row)
        try await BodyController.requireBodyAdmin(req, s.body)
        return s
    }

    func remove(req: Request) async throws -> HTTPStatus {
        let s = try await Self.find(req)
        let actor = req.actor
        try await req.write { tx in
            let sql = tx
            try await sql.update("subscriptions").set("active", to: false).where("id", .equal, s.id).run()
            try await AuditLog(sql: sql).append(actor: actor, action: "unsubscribe", recordType: "body", recordID: s.body, content: [s.id])
        }
        return .noContent
    }

    struct DeliveryLog: Content { var notification: OutboxView; var attempts: [DeliveryView] }

    func deliveries(req: Request) async throws -> [DeliveryLog] {
        let s = try await Self.find(req)
        let rows = try await Self.outboxRows(req.sql, subscription: s.id, status: nil, limit: 100)
        var out: [DeliveryLog] = []
        for o in rows {
            let attempts = try await req.sql.select().columns("attempt", "at", "ok", "detail", "duration_ms").from("deliveries").where("outbox_id", .equal, o.id)
                .orderBy("attempt").all().map {
                    DeliveryView(attempt: try $0.decode(column: "attempt", as: Int.self), at: try $0.decode(column: "at", as: String.self),
                                 ok: try $0.decode(column: "ok", as: Bool.self), detail: try $0.decode(column: "detail", as: String.self),
                                 durationMs: try $0.decode(column: "duration_ms", as: Int.self))
                }
            out.append(DeliveryLog(notification: o, attempts: attempts))
        }
        return out
    }

    /// The installation's whole outbox, for its administrators: what is pending, delivered, failed.
    func outbox(req: Request) async throws -> [OutboxView] {
        try req.requireInstallationAdmin()
        let status = try req.query.get(String?.self, at: "status")
        if let s = status, !["pending", "delivered", "failed"].contains(s) { throw APIError.badRequest(field: "status", "use pending, delivered or failed") }
        return try await Self.outboxRows(req.sql, subscription: nil, status: status, limit: 500)
    }

    static func outboxRows(_ sql: any SQLDatabase, subscription: String?, status: String?, limit: Int) async throws -> [OutboxView] {
        var q = sql.select().columns("id", "subscription_id", "event", "status", "attempts", "next_attempt_at", "last_error", "created_at", "delivered_at").from("outbox")
        if let s = subscription { q = q.where("subscription_id", .equal, s) }
        if let s = status { q = q.where("status", .equal, s) }
        return try await q.orderBy("created_at", .descending).limit(limit).all().map {
            OutboxView(id: try $0.decode(column: "id", as: String.self), subscription: try $0.decode(column: "subscription_id", as: String.self),
                       event: try $0.decode(column: "event", as: String.self), status: try $0.decode(column: "status", as: String.self),
                       createdAt: try $0.decode(column: "created_at", as: String.self), nextAttemptAt: try $0.decode(column: "next_attempt_at", as: String.self),
                       attempts: try $0.decode(column: "attempts", as: Int.self), lastError: try $0.decode(column: "last_error", as: String?.self),
                       deliveredAt: try $0.decode(column: "delivered_at", as: String?.self))
        }
    }
}

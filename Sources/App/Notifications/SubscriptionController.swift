import AgoraCore
import Foundation
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

    func list(req: Request) async throws -> [SubscriptionView] {
        let code = try req.parameters.require("code")
        try await BodyController.requireBodyAdmin(req, code)
        return try await SubscriptionStore(sql: req.sql).list(body: code)
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
        Self.checkTarget(channel: input.channel, target: input.target, &issues)
        for (i, e) in (input.events ?? []).enumerated() where !OutboxStore.events.contains(e) && e != "*" {
            issues.add("events[\(i)]", "unknown event '\(e)'; use \(OutboxStore.events.joined(separator: ", ")) or *")
        }
        try issues.throwIfAny()
        let id = UUID().uuidString.lowercased()
        let secret = input.channel == "webhook" ? Secrets.token() : nil
        let sealed = try secret.map { try req.application.vault.seal(ContactDetails(name: $0), recordID: id) }
        let actor = req.actor
        try await req.write { tx in
            try await SubscriptionStore(sql: tx).create(id: id, body: code, input, sealedSecret: sealed, actor: actor)
        }
        var v = try await SubscriptionStore(sql: req.sql).get(id)!
        v.secret = secret
        return try await v.created(at: "/api/v1/bodies/\(code)/subscriptions", for: req)
    }

    /// A channel Agora delivers on and a target of its kind; `field` prefixes the names in the errors.
    static func checkTarget(channel: String, target: String, field: String = "", _ issues: inout IssueCollector) {
        switch channel {
        case "webhook":
            if let u = URL(string: target), ["http", "https"].contains(u.scheme ?? ""), u.host != nil {
            } else {
                issues.add(field + "target", "a webhook target is an http(s) URL")
            }
        case "email":
            if target.range(of: "^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$", options: .regularExpression) == nil {
                issues.add(field + "target", "not an e-mail address")
            }
        default: issues.add(field + "channel", "use webhook or email")
        }
    }

    static func find(_ req: Request) async throws -> SubscriptionView {
        let id = try req.parameters.require("id")
        guard let s = try await SubscriptionStore(sql: req.sql).get(id) else { throw APIError.notFound("subscription", id) }
        try await BodyController.requireBodyAdmin(req, s.body)
        return s
    }

    func remove(req: Request) async throws -> HTTPStatus {
        let s = try await Self.find(req)
        let actor = req.actor
        try await req.write { tx in try await SubscriptionStore(sql: tx).stop(s, actor: actor) }
        return .noContent
    }

    struct DeliveryLog: Content {
        var notification: OutboxView
        var attempts: [DeliveryView]
    }

    func deliveries(req: Request) async throws -> [DeliveryLog] {
        let s = try await Self.find(req)
        let store = SubscriptionStore(sql: req.sql)
        var out: [DeliveryLog] = []
        for o in try await store.outbox(subscription: s.id, status: nil, limit: 100) {
            out.append(DeliveryLog(notification: o, attempts: try await store.attempts(of: o.id)))
        }
        return out
    }

    /// The installation's whole outbox, for its administrators: what is pending, delivered, failed.
    func outbox(req: Request) async throws -> [OutboxView] {
        try req.requireInstallationAdmin()
        let status = try req.query.get(String?.self, at: "status")
        if let s = status, !["pending", "delivered", "failed"].contains(s) {
            throw APIError.badRequest(field: "status", "use pending, delivered or failed")
        }
        return try await SubscriptionStore(sql: req.sql).outbox(subscription: nil, status: status, limit: 500)
    }
}

import AgoraCore
import Foundation
import Logging
import SQLKit
import Vapor

/// Delivers due outbox rows: webhooks signed with HMAC-SHA256, e-mail over SMTP. A failure is
/// logged in `deliveries` and retried with doubling back-off until `maxAttempts`, then marked failed.
struct DeliveryWorker: Sendable {
    let app: Application
    var maxAttempts = 8

    @discardableResult
    func deliverDue(limit: Int = 50) async throws -> (delivered: Int, failed: Int) {
        let sql = app.sql
        let due = try await sql.select().columns(SQLColumn("id", table: "o"), SQLColumn("event", table: "o"), SQLColumn("payload", table: "o"), SQLColumn("attempts", table: "o"),
                     SQLColumn("subscription_id", table: "o"), SQLColumn("channel", table: "s"), SQLColumn("target", table: "s"), SQLColumn("secret_sealed", table: "s"))
            .from(SQLAlias(SQLIdentifier("outbox"), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier("subscriptions"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner, on: SQLColumn("subscription_id", table: "o"), .equal, SQLColumn("id", table: "s"))
            .where(SQLColumn("status", table: "o"), .equal, SQLBind("pending")).where(SQLColumn("next_attempt_at", table: "o"), .lessThanOrEqual, SQLBind(Timestamp.now()))
            .orderBy(SQLColumn("next_attempt_at", table: "o")).limit(limit).all()
        var delivered = 0, failed = 0
        for row in due {
            let id = try row.decode(column: "id", as: String.self)
            let attempts = try row.decode(column: "attempts", as: Int.self) + 1
            let started = Date()
            var detail = ""
            var ok = false
            do {
                detail = try await deliver(event: try row.decode(column: "event", as: String.self), payload: try row.decode(column: "payload", as: String.self),
                                           channel: try row.decode(column: "channel", as: String.self), target: try row.decode(column: "target", as: String.self),
                                           sealed: try row.decode(column: "secret_sealed", as: String?.self), subscription: try row.decode(column: "subscription_id", as: String.self),
                                           deliveryID: id)
                ok = true
            } catch {
                detail = String(describing: error).prefix(500).description
            }
            let ms = Int(Date().timeIntervalSince(started) * 1000)
            let now = Timestamp.now()
            try await sql.insert(into: "deliveries").columns("id", "outbox_id", "attempt", "at", "ok", "detail", "duration_ms")
                .values([SQLBind(UUID().uuidString.lowercased()), SQLBind(id), SQLBind(attempts), SQLBind(now), SQLBind(ok), SQLBind(detail), SQLBind(ms)] as [any SQLExpression]).run()
            var u = sql.update("outbox").set("attempts", to: attempts)
            if ok {
                u = u.set("status", to: "delivered").set("delivered_at", to: now).set("last_error", to: SQLLiteral.null)
                delivered += 1
            } else {
                let wait = WebhookSignature.backoff(failures: attempts, base: app.agora.retryBaseSeconds)
                u = u.set("last_error", to: detail).set("next_attempt_at", to: Timestamp.format(Date().addingTimeInterval(wait)))
                if attempts >= maxAttempts { u = u.set("status", to: "failed") }
                failed += 1
                app.logger.warning("notification \(id) attempt \(attempts) failed: \(detail)")
            }
            try await u.where("id", .equal, id).run()
        }
        return (delivered, failed)
    }

    func deliver(event: String, payload: String, channel: String, target: String, sealed: String?, subscription: String, deliveryID: String) async throws -> String {
        switch channel {
        case "webhook":
            let secret = try sealed.map { try app.vault.open($0, recordID: subscription).name ?? "" } ?? ""
            let ts = Int(Date().timeIntervalSince1970)
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.add(name: "X-Agora-Event", value: event)
            headers.add(name: "X-Agora-Delivery", value: deliveryID)
            headers.add(name: "X-Agora-Timestamp", value: String(ts))
            headers.add(name: "X-Agora-Signature", value: WebhookSignature.sign(secret: secret, timestamp: ts, body: Data(payload.utf8)))
            let res = try await app.client.post(URI(string: target), headers: headers) { $0.body = ByteBuffer(string: payload) }
            guard (200..<300).contains(res.status.code) else { throw DeliveryError(description: "HTTP \(res.status.code)") }
            return "HTTP \(res.status.code)"
        case "email":
            guard let host = app.agora.smtpHost else { throw DeliveryError(description: "no SMTP server configured (AGORA_SMTP_HOST)") }
            let p = try JSONDecoder().decode(NotificationPayload.self, from: Data(payload.utf8))
            let subject = "[Agora] \(p.event): \(p.severity ?? "") \(p.areaName ?? p.area ?? "")"
            var lines = ["Agora notification: \(p.event)", ""]
            if let h = p.headline { lines.append(h) }
            if let c = p.caseID { lines.append("Case: \(c) (\(p.status ?? "")), with \(p.body ?? "")") }
            if let a = p.acknowledgeBy { lines.append("Acknowledge by: \(a)") }
            if let l = p.link { lines.append("Open: \(app.agora.publicURL)\(l)") }
            lines.append("")
            lines.append("Sign in to Agora for the details; they are not sent by e-mail.")
            let reply = try await SMTPClient(host: host, port: app.agora.smtpPort).send(
                from: app.agora.smtpFrom, to: target, subject: subject, body: lines.joined(separator: "\r\n"), messageID: "<\(deliveryID)@agora>")
            return reply
        default:
            throw DeliveryError(description: "unknown channel \(channel)")
        }
    }
}

struct DeliveryError: Error, CustomStringConvertible { var description: String }

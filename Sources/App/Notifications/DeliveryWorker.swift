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
        let due = try await OutboxStore(sql: app.sql).due(limit: limit)
        var delivered = 0
        var failed = 0
        for n in due {
            let attempts = n.attempts + 1
            let started = Date()
            var detail = ""
            var ok = false
            do {
                detail = try await deliver(
                    event: n.event, payload: n.payload, channel: n.channel, target: n.target, sealed: n.sealedSecret,
                    subscription: n.subscriptionID, deliveryID: n.id)
                ok = true
            } catch {
                detail = String(describing: error).prefix(500).description
            }
            let ms = Int(Date().timeIntervalSince(started) * 1000)
            var retryAt: String?
            if ok {
                delivered += 1
            } else {
                retryAt = Timestamp.format(Date().addingTimeInterval(WebhookSignature.backoff(failures: attempts, base: app.agora.retryBaseSeconds)))
                failed += 1
                app.logger.warning("notification \(n.id) attempt \(attempts) failed: \(detail)")
            }
            // The attempt's log row and the notification's state change together.
            let (id, giveUp, result, retry, done) = (n.id, attempts >= maxAttempts, detail, retryAt, ok)
            try await app.write { tx in
                try await OutboxStore(sql: tx).recordAttempt(
                    id, attempt: attempts, ok: done, detail: result, milliseconds: ms, retryAt: retry, failed: !done && giveUp)
            }
        }
        return (delivered, failed)
    }

    func deliver(event: String, payload: String, channel: String, target: String, sealed: String?, subscription: String, deliveryID: String)
        async throws -> String
    {
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
            if let l = p.link { lines.append("Open: \(app.publicBase)\(l)") }
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

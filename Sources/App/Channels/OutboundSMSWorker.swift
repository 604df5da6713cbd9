import AgoraCore
import Foundation
import Vapor

/// Sends due replies through Africa's Talking's SMS API (`POST …/version1/messaging`: `username`, `to`, `message`,
/// `from`; the `apiKey` header). Accepted when the recipient's status code is 100–102 (processed, sent, queued);
/// anything else is retried with doubling back-off, then given up on. The number is opened from the vault only to
/// send, and erased once sent or given up.
struct OutboundSMSWorker: Sendable {
    let app: Application
    var maxAttempts = 6

    @discardableResult
    func sendDue(limit: Int = 50) async throws -> (sent: Int, failed: Int) {
        guard let account = app.agora.africasTalking else { return (0, 0) }
        var sent = 0
        var failed = 0
        for m in try await OutboundSMSStore(sql: app.sql).due(limit: limit) {
            let attempts = m.attempts + 1
            var ok = false
            var detail: String
            do {
                let to = try app.vault.open(String.self, m.toSealed, recordID: m.id)
                detail = try await Self.send(to: to, message: m.message, account: account, app: app)
                ok = true
                sent += 1
            } catch {
                detail = String(describing: error)
                failed += 1
                app.logger.warning("outbound SMS \(m.id) attempt \(attempts) failed: \(detail)")  // no number, no text
            }
            let retry =
                ok ? nil : Timestamp.format(Date().addingTimeInterval(WebhookSignature.backoff(failures: attempts, base: app.agora.retryBaseSeconds)))
            let (id, result, giveUp) = (m.id, detail, !ok && attempts >= maxAttempts)
            let done = ok
            try await app.write { tx in
                try await OutboundSMSStore(sql: tx).record(id, attempts: attempts, sent: done, giveUp: giveUp, detail: result, retryAt: retry)
            }
        }
        return (sent, failed)
    }

    struct Answer: Decodable {
        struct Data: Decodable {
            struct Recipient: Decodable {
                var statusCode: Int
                var status: String
                var messageId: String?
            }
            var Recipients: [Recipient]
        }
        var SMSMessageData: Data
    }

    static func send(to: String, message: String, account: AfricasTalkingAccount, app: Application) async throws -> String {
        var headers = HTTPHeaders()
        headers.add(name: "apiKey", value: account.apiKey)
        headers.add(name: .accept, value: "application/json")
        headers.contentType = .urlEncodedForm
        var form = [("username", account.username), ("to", "+" + PhoneNumbers.normalise(to)), ("message", message)]
        if let s = account.sender { form.append(("from", s)) }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        let res = try await app.client.post(URI(string: account.url), headers: headers) { $0.body = ByteBuffer(string: body) }
        guard (200..<300).contains(res.status.code), let buffer = res.body,
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(buffer: buffer)), let r = answer.SMSMessageData.Recipients.first
        else { throw DeliveryError(description: "HTTP \(res.status.code)") }
        guard (100...102).contains(r.statusCode) else { throw DeliveryError(description: "\(r.statusCode) \(r.status)") }
        return "\(r.statusCode) \(r.status) \(r.messageId ?? "")"
    }
}

import AgoraCore
import Crypto
import Foundation
import SQLKit
import Vapor

/// `POST /api/v1/channels/sms/{gateway}`: inbound SMS from RapidPro/TextIt, Africa's Talking, Twilio or a generic JSON
/// gateway. Authenticated (Twilio's signature; a shared secret for the others), idempotent on the gateway's message
/// id, the sender recognised by the keyed hash of the number, the text read by `SMSGrammar`, and the report filed
/// through the same intake as the web form (`ReportController.prepare/store`, channel `sms`). The answer carries the
/// reply in the gateway's format: one SMS confirming with a reference or saying the first thing wrong.
struct SMSController {
    func register(_ app: Application, api: any RoutesBuilder) {
        api.grouped(FailureLimit(limiter: app.rateLimits.webhooks)).post("channels", "sms", ":gateway", use: receive)
    }

    func receive(req: Request) async throws -> Response {
        guard let gateway = InboundSMS.Gateway(rawValue: try req.parameters.require("gateway")) else {
            throw APIError.notFound("gateway", try req.parameters.require("gateway"))
        }
        let fields = try Self.fields(req, json: gateway == .generic)
        try Self.authenticate(req, gateway, fields)
        let sms = try InboundSMS.read(gateway, fields)
        let (reply, reference) = try await Self.handle(sms, req: req)
        return Self.answer(gateway, reply: reply, reference: reference)
    }

    /// The message's fields: form-encoded (RapidPro, Africa's Talking, Twilio) or a JSON object (generic); values as text.
    static func fields(_ req: Request, json: Bool) throws -> [String: String] {
        guard let body = req.body.string, !body.isEmpty else { throw APIError(ValidationFailure(field: "body", "send the message")) }
        if json || req.headers.contentType == .json {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] else {
                throw APIError(ValidationFailure(field: "body", "a JSON object: {\"from\": …, \"text\": …, \"id\": …}"))
            }
            return object.compactMapValues { v in
                if let s = v as? String { return s }
                if let n = v as? NSNumber { return n.stringValue }
                return nil
            }
        }
        return decodeForm(body)
    }

    /// `a=1&b=x+y` as fields (`+` a space, percent-escapes decoded).
    static func decodeForm(_ body: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if let k = kv.first, !k.isEmpty { out[k] = kv.count > 1 ? kv[1] : "" }
        }
        return out
    }

    /// Twilio signs with the account's auth token; the others carry the installation's shared secret in the
    /// `X-Agora-Secret` header or a `secret` query parameter (Africa's Talking and RapidPro can only set a URL).
    static func authenticate(_ req: Request, _ gateway: InboundSMS.Gateway, _ fields: [String: String]) throws {
        let settings = req.application.agora
        let refused = APIError(status: .unauthorized, code: "unauthorized", reason: "the webhook is not signed by a gateway this installation knows")
        if gateway == .twilio {
            guard let token = settings.twilioAuthToken, let given = req.headers.first(name: "X-Twilio-Signature") else { throw refused }
            let url = settings.publicURL.map { $0 + req.url.string } ?? "https://\(req.headers.first(name: .host) ?? "")\(req.url.string)"
            guard TwilioSignature.valid(given, url: url, params: fields.map { ($0.key, $0.value) }, authToken: token) else { throw refused }
            return
        }
        guard let secret = settings.smsSecret, let given = req.headers.first(name: "X-Agora-Secret") ?? req.query[String.self, at: "secret"],
            Secrets.digest(given) == Secrets.digest(secret)
        else { throw refused }
    }

    /// The reply and the report's reference (nil when nothing was filed).
    static func handle(_ sms: InboundSMS, req: Request) async throws -> (String, String?) {
        let sql = req.sql
        let gateway = sms.gateway.rawValue
        if let earlier = try await InboundMessageStore(sql: sql).reply(gateway: gateway, messageID: sms.messageID) {
            return (earlier.reply, earlier.report.map { "R-" + $0.prefix(8).uppercased() })
        }
        let vault = try req.application.vault
        guard let senderKey = vault.phoneKeys.key(sms.from) else { throw APIError(ValidationFailure(field: "from", "the sender's phone number")) }
        let parsed = SMSGrammar.parse(sms.text, try await context(req))
        // Africa's Talking sends nothing back from the answer: the reply is queued for its SMS API, the number sealed.
        let replyTo: InboundMessageStore.ReplyTo? = try {
            guard sms.gateway == .africastalking, req.application.agora.africasTalking != nil else { return nil }
            let id = UUID().uuidString.lowercased()
            return .init(id: id, sealedNumber: try vault.seal(value: sms.from, recordID: id))
        }()
        guard let reporter = try await ReporterStore(sql: sql).reporter(phoneKey: senderKey) else {
            let lang: SMSGrammar.Language = if case .report(let r) = parsed { r.language } else { .en }
            return try await keep(sms, senderKey, report: nil, reply: SMSReply.unknownSender(lang), replyTo: replyTo, req: req)
        }
        switch parsed {
        case .help(let l): return try await keep(sms, senderKey, report: nil, reply: SMSReply.help(l), replyTo: replyTo, req: req)
        case .problem(let p): return try await keep(sms, senderKey, report: nil, reply: SMSReply.problem(p), replyTo: replyTo, req: req)
        case .report(let r):
            let filed = try await ChannelIntake.file(
                r, description: r.text.isEmpty ? "SMS report: " + r.indicators.joined(separator: " ") : r.text,
                from: .init(reporter: reporter.id, body: reporter.body, key: senderKey, replyTo: replyTo), channel: .sms, gateway: gateway,
                messageID: sms.messageID,
                req: req)
            if filed.reference == nil { return try await keep(sms, senderKey, report: nil, reply: filed.reply, replyTo: replyTo, req: req) }
            return filed
        }
    }

    static func keep(
        _ sms: InboundSMS, _ senderKey: String, report: String?, reply: String, replyTo: InboundMessageStore.ReplyTo?, req: Request
    ) async throws -> (String, String?) {
        try await req.write { tx in
            if try await InboundMessageStore(sql: tx).reply(gateway: sms.gateway.rawValue, messageID: sms.messageID) == nil {
                try await InboundMessageStore(sql: tx).record(
                    gateway: sms.gateway.rawValue, messageID: sms.messageID, senderKey: senderKey, report: report, reply: reply, replyTo: replyTo)
            }
        }
        return (reply, nil)
    }

    /// Indicators of the active framework; areas by code or registered name.
    static func context(_ req: Request) async throws -> SMSGrammar.Context {
        let indicators = Set(try await FrameworkStore(sql: req.sql).active().indicators.map(\.indicator.code))
        let places = try await ChannelPlaces.load(req.sql)
        return SMSGrammar.Context(indicators: indicators, area: { places.code($0) }, nearest: { places.nearest($0) })
    }

    static func answer(_ gateway: InboundSMS.Gateway, reply: String, reference: String?) -> Response {
        var headers = HTTPHeaders()
        let body: String
        switch gateway {
        case .twilio:
            headers.contentType = .xml
            body = #"<?xml version="1.0" encoding="UTF-8"?><Response><Message>\#(CAPMessage.escape(reply))</Message></Response>"#
        case .africastalking:
            headers.contentType = .plainText
            body = reply
        case .rapidpro, .generic:
            headers.contentType = .json
            body = MediationStore.json(["reply": reply, "reference": reference ?? ""])
        }
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}

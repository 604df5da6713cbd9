import Crypto
import Foundation

/// How a report came in. Every channel ends in the same intake (checks, area, routing, audit); an analyst tells them
/// apart by this field only.
public enum ReportChannel: String, Vocabulary {
    public static let noun = "channel"
    case web, api, bulk, sms, ussd, openrosa
    case fileImport = "import"
}

/// Phone numbers as compared: digits only, a leading `+` or `00` dropped, so that `+233 24 412 3456`,
/// `00233244123456` and `233-244-123456` meet. (A national number without its country code is another number.)
public enum PhoneNumbers {
    public static func normalise(_ s: String) -> String {
        var digits = s.filter(\.isNumber).map(String.init).joined()
        if digits.hasPrefix("00") { digits.removeFirst(2) }
        return digits
    }
}

/// Keyed hashes of phone numbers (HMAC-SHA256 under a key derived from the installation's secret): a reporter is
/// recognised by the number an SMS comes from without the number being stored in clear.
public struct PhoneKeys: Sendable {
    let key: SymmetricKey

    public init(secret: SymmetricKey) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret, info: Data("agora phone v1".utf8), outputByteCount: 32)
    }

    /// Nil for text with fewer than six digits (no phone number).
    public func key(_ phone: String) -> String? {
        let n = PhoneNumbers.normalise(phone)
        guard n.count >= 6 else { return nil }
        return Hex.string(HMAC<SHA256>.authenticationCode(for: Data(n.utf8), using: key))
    }
}

/// Twilio's request signature: base64 of HMAC-SHA1 over the full URL Twilio called followed by each POST parameter's
/// name and value, sorted by name, keyed with the account's auth token.
public enum TwilioSignature {
    public static func expected(url: String, params: [(String, String)], authToken: String) -> String {
        let text = url + params.sorted { $0.0 < $1.0 }.map { $0.0 + $0.1 }.joined()
        return Data(HMAC<Insecure.SHA1>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: Data(authToken.utf8))))
            .base64EncodedString()
    }

    /// Compared in constant time.
    public static func valid(_ given: String, url: String, params: [(String, String)], authToken: String) -> Bool {
        let e = Array(expected(url: url, params: params, authToken: authToken).utf8)
        let g = Array(given.utf8)
        guard e.count == g.count else { return false }
        return zip(e, g).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// An inbound SMS as each gateway sends it, read into one shape.
public struct InboundSMS: Sendable, Equatable {
    public enum Gateway: String, Sendable, CaseIterable { case rapidpro, africastalking, twilio, generic }
    public var gateway: Gateway
    public var from: String
    public var text: String
    /// The gateway's message id (what makes a replay idempotent); a digest of the message when the gateway sends none.
    public var messageID: String

    /// Form fields (RapidPro, Africa's Talking, Twilio) or JSON fields (generic) to a message; throws naming the field.
    public static func read(_ gateway: Gateway, _ f: [String: String]) throws -> InboundSMS {
        let names: (from: String, text: String, id: String?) =
            switch gateway {
            case .rapidpro: ("from", "text", "id")
            case .africastalking: ("from", "text", "id")
            case .twilio: ("From", "Body", "MessageSid")
            case .generic: ("from", "text", "id")
            }
        var issues = IssueCollector()
        let from = f[names.from] ?? ""
        let text = f[names.text] ?? ""
        if PhoneNumbers.normalise(from).count < 6 { issues.add(names.from, "the sender's phone number") }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { issues.add(names.text, "the message") }
        try issues.throwIfAny()
        let id = names.id.flatMap { f[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        let digest = AuditChain.sha256(Data("\(gateway.rawValue)|\(PhoneNumbers.normalise(from))|\(text)|\(f["date"] ?? f["channel"] ?? "")".utf8))
        return InboundSMS(gateway: gateway, from: from, text: text, messageID: id ?? "digest:" + digest)
    }
}

import Crypto
import Foundation

/// A reporter's contact details. They exist in clear only in memory, between decryption and use.
public struct ContactDetails: Sendable, Equatable, Codable {
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }

    public var isEmpty: Bool { [name, phone, email].allSatisfy { ($0 ?? "").isEmpty } }
}

/// AES-256-GCM sealing of contact details. The stored form is `v1:` + base64 of nonce‖ciphertext‖tag;
/// the record's id is bound in as associated data, so a sealed blob copied to another record fails to open.
public struct ContactVault: Sendable {
    private let key: SymmetricKey

    public init(key: SymmetricKey) { self.key = key }

    public init(base64Key: String) throws {
        guard let data = Data(base64Encoded: base64Key.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
            throw ValidationFailure(field: "AGORA_SECRET_KEY", "must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)")
        }
        self.key = SymmetricKey(data: data)
    }

    /// The audit chain's key, derived from the same secret (so one key file to keep apart from the store).
    public var auditKey: AuditKey { AuditKey(secret: key) }

    /// The federation's signing and pseudonym keys, derived from the same secret.
    public var federationKeys: FederationKeys { FederationKeys(secret: key) }

    /// Keys that recognise a reporter's phone number (SMS, USSD), derived from the same secret.
    public var phoneKeys: PhoneKeys { PhoneKeys(secret: key) }

    /// The DDR programme's keys for double-registration checks, derived from the same secret.
    public var identityKeys: DDRIdentityKeys { DDRIdentityKeys(secret: key) }

    /// Any value sealed as contacts are (a DDR participant's identity): bound to its record's id.
    public func seal<T: Encodable>(value: T, recordID: String) throws -> String {
        let box = try AES.GCM.seal(try JSONEncoder().encode(value), using: key, authenticating: Data(recordID.utf8))
        return "v1:" + box.combined!.base64EncodedString()
    }

    public func open<T: Decodable>(_ type: T.Type, _ sealed: String, recordID: String) throws -> T {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw ValidationFailure(field: "identity", "is not sealed")
        }
        let plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key, authenticating: Data(recordID.utf8))
        return try JSONDecoder().decode(type, from: plain)
    }

    public static func newKeyBase64() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    public func seal(_ contact: ContactDetails, recordID: String) throws -> String { try seal(value: contact, recordID: recordID) }

    public func open(_ sealed: String, recordID: String) throws -> ContactDetails {
        guard sealed.hasPrefix("v1:") else { throw ValidationFailure(field: "contact", "is not a sealed contact") }
        return try open(ContactDetails.self, sealed, recordID: recordID)
    }
}

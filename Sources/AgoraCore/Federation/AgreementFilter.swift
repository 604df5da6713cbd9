import Crypto
import Foundation

/// A record as the origin installation holds it, before any agreement has looked at it.
public struct ShareableRecord: Sendable {
    public var type: SharedRecordType
    public var id: String
    public var classification: Classification
    /// The record's area and every area above it, deepest first, with their levels.
    public var areaPath: [AreaStep]
    public var point: GeoPoint?
    public var occurredOn: String
    /// The level the record stands at (an alert's issuing body, a case's current holder).
    public var level: BodyLevel
    public var fields: [String: JSONValue]
    /// Fields that name or point at people: left out below `record` granularity.
    public var personal: Set<String>

    public struct AreaStep: Sendable, Equatable {
        public var code: String
        public var level: AreaLevel
        public init(code: String, level: AreaLevel) {
            self.code = code
            self.level = level
        }
    }

    public init(
        type: SharedRecordType, id: String, classification: Classification, areaPath: [AreaStep], point: GeoPoint? = nil,
        occurredOn: String, level: BodyLevel, fields: [String: JSONValue], personal: Set<String> = []
    ) {
        self.type = type
        self.id = id
        self.classification = classification
        self.areaPath = areaPath
        self.point = point
        self.occurredOn = occurredOn
        self.level = level
        self.fields = fields
        self.personal = personal
    }

    /// A stored area path (`/GHA/GH12/GH1201/`, top first) as steps deepest first, levels by depth.
    public static func steps(path: String) -> [AreaStep] {
        let levels: [AreaLevel] = [.country, .admin1, .admin2, .community]
        let codes = path.split(separator: "/").map(String.init)
        return codes.enumerated().map { AreaStep(code: $1, level: levels[min($0, levels.count - 1)]) }.reversed()
    }

    /// The ISO code of the country the record lies in (the top of its area path).
    public var country: String { areaPath.last { $0.level == .country }?.code ?? areaPath.last?.code ?? "" }
}

/// What one agreement lets leave of one record.
public enum SharingDecision: Equatable, Sendable {
    /// The id the recipient will know it by (a pseudonym below `record` granularity) and the reduced payload.
    case share(sharedID: String, payload: [String: JSONValue])
    case withhold(String)
}

/// The agreement as a filter, applied where events are written to the outbox: nothing outside it is ever written.
public enum AgreementFilter {
    public static func decide(_ r: ShareableRecord, under a: SharingAgreement, on day: String, keys: FederationKeys) -> SharingDecision {
        guard a.inForce(on: day) else { return .withhold("agreement \(a.id) is not in force") }
        guard a.types.contains(r.type) else { return .withhold("\(r.type.rawValue) is outside agreement \(a.id)") }
        // Confidential records go by name only; an agreement can never carry one, whatever it says.
        guard r.classification != .confidential, r.classification <= a.maxClassification else {
            return .withhold("\(r.classification.rawValue) is above what agreement \(a.id) allows")
        }
        guard a.granularity != .aggregate || r.type.isAggregate else { return .withhold("agreement \(a.id) carries counts only") }
        guard a.areas.isEmpty || r.areaPath.contains(where: { a.areas.contains($0.code) }) else {
            return .withhold("the record lies outside the areas of agreement \(a.id)")
        }
        var payload = r.fields
        if a.granularity < .record {
            for f in r.personal { payload[f] = nil }
        }
        let target = Self.areaLevel(a.place)
        payload["areas"] = .array(r.areaPath.filter { $0.level <= target }.map { .string($0.code) })
        payload["occurredOn"] = .string(a.dates.coarsen(r.occurredOn))
        payload["classification"] = .string(r.classification.rawValue)
        if a.place == .exact, let p = r.point {
            payload["point"] = .object(["lat": .number(p.lat), "lon": .number(p.lon)])
        } else {
            payload["point"] = nil
        }
        let shared = a.granularity == .record || r.type.isAggregate ? r.id : keys.pseudonym(r.id, agreement: a.id)
        return .share(sharedID: shared, payload: payload)
    }

    static func areaLevel(_ p: LocationPrecision) -> AreaLevel {
        switch p {
        case .exact: .community
        case .admin2: .admin2
        case .admin1: .admin1
        case .country: .country
        }
    }
}

/// The installation's federation keys, derived from its one secret like the audit and phone keys: an Ed25519 key
/// that signs every event it sends, and a key for the pseudonyms its records carry below `record` granularity.
public struct FederationKeys: Sendable {
    let signing: Curve25519.Signing.PrivateKey
    let pseudonyms: SymmetricKey
    let passwords: SymmetricKey

    public init(secret: SymmetricKey) {
        let seed = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret, info: Data("agora federation signing v1".utf8), outputByteCount: 32)
        signing = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed.withUnsafeBytes { Data($0) })  // any 32 bytes are a key
        pseudonyms = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret, info: Data("agora federation pseudonyms v1".utf8), outputByteCount: 32)
        passwords = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret, info: Data("agora federation nats v1".utf8), outputByteCount: 32)
    }

    /// A hub's password for a peer's NATS user: the same each time the configuration is compiled, so recompiling after
    /// an agreement changes does not cut the leaf nodes off.
    public func natsPassword(for user: String) -> String {
        String(Hex.string(HMAC<SHA256>.authenticationCode(for: Data("nats\n\(user)".utf8), using: passwords)).prefix(32))
    }

    /// The public key peers verify this installation's events with (base64 of its 32 bytes).
    public var publicKey: String { signing.publicKey.rawRepresentation.base64EncodedString() }

    public func sign(_ bytes: [UInt8]) -> String {
        (try? signing.signature(for: Data(bytes)))?.base64EncodedString() ?? ""
    }

    public static func verify(_ bytes: [UInt8], signature: String, publicKey: String) -> Bool {
        guard let raw = Data(base64Encoded: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
            let sig = Data(base64Encoded: signature)
        else { return false }
        return key.isValidSignature(sig, for: Data(bytes))
    }

    /// Stable per agreement, so the recipient applies updates to the same record, and unlinkable across agreements.
    public func pseudonym(_ id: String, agreement: String) -> String {
        "p-" + Hex.string(HMAC<SHA256>.authenticationCode(for: Data("\(agreement)\n\(id)".utf8), using: pseudonyms)).prefix(32)
    }
}

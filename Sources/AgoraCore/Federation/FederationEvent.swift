import Foundation

/// One shareable change as it travels between installations. The NATS message body is `body()`; the signature and
/// the origin travel in headers, so the receiver verifies the exact bytes it got, never a re-encoding.
public struct FederationEvent: Sendable, Codable, Equatable {
    /// The newest schema this installation writes and reads; a newer one is quarantined, never half-applied.
    public static let schemaVersion = 1

    /// Time-ordered (UUID v7): also the JetStream `Nats-Msg-Id`, so a publish retried after a crash is stored once.
    public var id: String
    public var schema: Int
    public var origin: String
    public var agreement: String
    /// What happened: `incident.shared`, `alert.issued`, `case.elevated`, `case.answered`, …
    public var kind: String
    public var recordType: SharedRecordType
    /// The id the recipient knows the record by (a pseudonym below `record` granularity).
    public var recordID: String
    /// The head of the origin's audit chain when the change was written: the record's place in the origin's trail.
    public var auditHash: String
    public var at: String
    public var country: String
    public var level: BodyLevel
    public var payload: [String: JSONValue]

    public init(
        id: String, origin: String, agreement: String, kind: String, recordType: SharedRecordType, recordID: String, auditHash: String,
        at: String, country: String, level: BodyLevel, payload: [String: JSONValue], schema: Int = FederationEvent.schemaVersion
    ) {
        self.id = id
        self.schema = schema
        self.origin = origin
        self.agreement = agreement
        self.kind = kind
        self.recordType = recordType
        self.recordID = recordID
        self.auditHash = auditHash
        self.at = at
        self.country = country
        self.level = level
        self.payload = payload
    }

    /// The areas a payload names (`areas`, as the agreement coarsened them), deepest first.
    public static func areas(_ payload: [String: JSONValue]) -> [String] {
        guard case .array(let a) = payload["areas"] else { return [] }
        return a.compactMap(\.text)
    }

    /// `agora.<country>.<type>.<level>`: a recipient's consumer filters on these, an agreement compiles into them.
    public var subject: String { Self.subject(country: country, type: recordType, level: level) }

    public static func subject(country: String, type: SharedRecordType, level: BodyLevel) -> String {
        let c = country.lowercased().filter { $0.isLetter || $0.isNumber }
        return "agora.\(c.isEmpty ? "xx" : c).\(type.rawValue).\(level.rawValue)"
    }

    public func body() throws -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try e.encode(self))
    }
}

/// Kinds of event the receiving side knows how to apply.
public enum FederationKind {
    public static let shared = "record.shared"
    public static let elevated = "case.elevated"
    public static let answered = "case.answered"
    public static let regionalAlert = "alert.regional"
    /// A record the hub passes on from the installation that shared it (`from` in its payload): lost-or-stolen
    /// weapons, which every installation compares with the weapons it recovers.
    public static let relayed = "record.relayed"
    public static let all: Set<String> = [shared, elevated, answered, regionalAlert, relayed]
    /// Answers travel back against the agreement's direction: from its recipient to its origin.
    public static let backwards: Set<String> = [answered]
}

/// The regional body's answer to an elevated case: taken up, or declined with a reason.
public enum ElevationAnswer: String, Vocabulary {
    public static let noun = "answer"
    case acknowledged
    case declined
}

/// The receiving side's checks, in order, before anything is applied. Whatever fails is quarantined with its reason.
public enum FederationIntake {
    public enum Verdict: Equatable, Sendable {
        case apply(FederationEvent)
        case quarantine(String)
    }

    public static func check(
        body: [UInt8], signature: String?, sender: String?, peers: [String: String], agreements: [String: SharingAgreement], me: String,
        on day: String, countries: [String: [String]] = [:]
    ) -> Verdict {
        // The schema before anything else. A newer event may not even decode as this version's type: then it is read from
        // the raw JSON, which only an event that failed to decode pays for (it was a twentieth of the hub's intake).
        let decoded = try? JSONDecoder().decode(FederationEvent.self, from: Data(body))
        let schema: Int?
        if let decoded {
            schema = decoded.schema
        } else {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return .quarantine("not a JSON event") }
            schema = object["schema"] as? Int
        }
        if let v = schema, v > FederationEvent.schemaVersion {
            return .quarantine("schema \(v) is newer than this installation reads (\(FederationEvent.schemaVersion))")
        }
        guard let e = decoded else { return .quarantine("not a valid event") }
        guard let sender, sender == e.origin else { return .quarantine("the sender header does not name the event's origin") }
        guard let key = peers[e.origin] else { return .quarantine("unknown installation '\(e.origin)'") }
        guard let signature, FederationKeys.verify(body, signature: signature, publicKey: key) else {
            return .quarantine("the signature does not verify with \(e.origin)'s key")
        }
        guard FederationKind.all.contains(e.kind) else { return .quarantine("unknown event kind '\(e.kind)'") }
        guard let a = agreements[e.agreement] else { return .quarantine("no agreement '\(e.agreement)'") }
        let backwards = FederationKind.backwards.contains(e.kind)
        let (from, to) = backwards ? (a.recipient, a.origin) : (a.origin, a.recipient)
        guard from == e.origin, to == me else { return .quarantine("agreement \(a.id) does not run from \(e.origin) to \(me)") }
        guard a.inForce(on: day) else { return .quarantine("agreement \(a.id) is \(a.state.rawValue), not in force") }
        guard backwards || a.types.contains(e.recordType) else { return .quarantine("\(e.recordType.rawValue) is outside agreement \(a.id)") }
        guard backwards || a.granularity != .aggregate || e.recordType.isAggregate else {
            return .quarantine("agreement \(a.id) carries counts only")
        }
        if let spoken = countries[e.origin], !spoken.isEmpty, !spoken.contains(e.country.uppercased()) {
            return .quarantine("\(e.origin) does not speak for \(e.country)")
        }
        guard e.kind != FederationKind.regionalAlert || e.recordType == .alert else { return .quarantine("a regional alert must carry an alert") }
        guard e.kind != FederationKind.relayed || e.recordType == .weaponLostOrStolen else {
            return .quarantine("only lost-or-stolen weapons are relayed")
        }
        if case .string(let c) = e.payload["classification"], let cl = Classification(rawValue: c), cl > a.maxClassification || cl == .confidential {
            return .quarantine("a \(c) record is above what agreement \(a.id) allows")
        }
        return .apply(e)
    }
}

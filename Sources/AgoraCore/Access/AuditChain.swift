import Crypto
import Foundation

/// One link of the tamper-evident trail: every write appends one, in the same transaction.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var seq: Int
    public var at: String
    /// `person:<id>`, `cli:<user>`, `system` or `anonymous`.
    public var actor: String
    /// e.g. `create`, `update`, `sign-in`, `role.grant`, `decrypt`, `export`, `import`.
    public var action: String
    public var recordType: String
    public var recordID: String
    /// SHA-256 of the record's new content (empty for actions without content).
    public var contentHash: String
    public var prevHash: String
    public var hash: String

    public init(
        seq: Int, at: String, actor: String, action: String, recordType: String, recordID: String,
        contentHash: String, prevHash: String, hash: String = ""
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.contentHash = contentHash
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// The key the chain is sealed with: HMAC-SHA256 under a key derived from the installation's secret key
/// (kept apart from the store, like the contacts key). Someone who can write the store but does not hold
/// the key can delete or edit entries, but cannot seal an edited entry or a recomputed chain so that it verifies.
public struct AuditKey: Sendable {
    let key: SymmetricKey

    public init(secret: SymmetricKey) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret, info: Data("agora audit chain v1".utf8), outputByteCount: 32)
    }

    public func mac(_ text: String) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }
}

/// The head of the chain at one moment, signed with the audit key: kept where the store's writer cannot
/// rewrite it (a file the operator keeps, the public page, later the regional hub), it shows that the entries
/// up to `seq` were there with this hash, so entries cut off the end and a rewound head are found.
public struct AuditCheckpoint: Sendable, Equatable, Codable {
    public var seq: Int
    public var hash: String
    public var at: String
    public var mac: String

    public static func signed(seq: Int, hash: String, at: String, key: AuditKey) -> AuditCheckpoint {
        AuditCheckpoint(seq: seq, hash: hash, at: at, mac: key.mac(text(seq, hash, at)))
    }

    public func isAuthentic(_ key: AuditKey) -> Bool { key.mac(Self.text(seq, hash, at)) == mac }

    private static func text(_ seq: Int, _ hash: String, _ at: String) -> String { "checkpoint|\(seq)|\(hash)|\(at)" }
}

public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public static func sha256(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// The entry's own hash: every field but itself, length-prefixed so no two entries can collide by
    /// moving a separator. With a key, an HMAC (the chain as stored); without, plain SHA-256 (the chain as it
    /// was before it was keyed, read once when an installation moves to the keyed chain).
    public static func hash(of e: AuditEntry, key: AuditKey?) -> String {
        let fields = [String(e.seq), e.at, e.actor, e.action, e.recordType, e.recordID, e.contentHash, e.prevHash]
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return key.map { $0.mac(text) } ?? sha256(text)
    }

    public static func sealed(_ e: AuditEntry, key: AuditKey?) -> AuditEntry {
        var out = e
        out.hash = hash(of: e, key: key)
        return out
    }

    public enum Break: Sendable, Equatable, CustomStringConvertible {
        /// The entry's content does not match its hash: it was edited.
        case altered(seq: Int)
        /// The entry does not point at the one before it: something was removed, inserted or reordered.
        case unlinked(seq: Int)
        /// A sequence number is missing.
        case gap(after: Int)
        /// A signed checkpoint names an entry the chain no longer has, or has with another hash: entries
        /// were cut off the end (and the head rewound), or the chain was rebuilt.
        case checkpoint(seq: Int, reason: String)

        public var seq: Int {
            switch self {
            case .altered(let s), .unlinked(let s): s
            case .gap(let s): s + 1
            case .checkpoint(let s, _): s
            }
        }

        public var description: String {
            switch self {
            case .altered(let s): "entry \(s) was altered: its content does not match its hash"
            case .unlinked(let s): "entry \(s) does not follow from the entry before it"
            case .gap(let s): "the entry after \(s) is missing"
            case .checkpoint(let s, let reason): "the checkpoint at entry \(s) does not match: \(reason)"
            }
        }
    }

    /// Walks entries in order from `previous` (the hash before the first one given); names the first break.
    public static func verify(_ entries: [AuditEntry], previous: String = genesis, previousSeq: Int = 0, key: AuditKey?) -> Break? {
        var prev = previous
        var seq = previousSeq
        for e in entries {
            if e.seq != seq + 1 { return .gap(after: seq) }
            if hash(of: e, key: key) != e.hash { return .altered(seq: e.seq) }
            if e.prevHash != prev { return .unlinked(seq: e.seq) }
            prev = e.hash
            seq = e.seq
        }
        return nil
    }
}

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

    public init(seq: Int, at: String, actor: String, action: String, recordType: String, recordID: String,
                contentHash: String, prevHash: String, hash: String = "") {
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

public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public static func sha256(_ data: Data) -> String {
        Hex.string(SHA256.hash(data: data))
    }

    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// The entry's own hash: every field but itself, length-prefixed so no two entries can collide by
    /// moving a separator.
    public static func hash(of e: AuditEntry) -> String {
        let fields = [String(e.seq), e.at, e.actor, e.action, e.recordType, e.recordID, e.contentHash, e.prevHash]
        return sha256(fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|"))
    }

    public static func sealed(_ e: AuditEntry) -> AuditEntry {
        var out = e
        out.hash = hash(of: e)
        return out
    }

    public enum Break: Sendable, Equatable, CustomStringConvertible {
        /// The entry's content does not match its hash: it was edited.
        case altered(seq: Int)
        /// The entry does not point at the one before it: something was removed, inserted or reordered.
        case unlinked(seq: Int)
        /// A sequence number is missing.
        case gap(after: Int)

        public var seq: Int {
            switch self {
            case .altered(let s), .unlinked(let s): s
            case .gap(let s): s + 1
            }
        }

        public var description: String {
            switch self {
            case .altered(let s): "entry \(s) was altered: its content does not match its hash"
            case .unlinked(let s): "entry \(s) does not follow from the entry before it"
            case .gap(let s): "the entry after \(s) is missing"
            }
        }
    }

    /// Walks entries in order from `previous` (the hash before the first one given); names the first break.
    public static func verify(_ entries: [AuditEntry], previous: String = genesis, previousSeq: Int = 0) -> Break? {
        var prev = previous
        var seq = previousSeq
        for e in entries {
            if e.seq != seq + 1 { return .gap(after: seq) }
            if hash(of: e) != e.hash { return .altered(seq: e.seq) }
            if e.prevHash != prev { return .unlinked(seq: e.seq) }
            prev = e.hash
            seq = e.seq
        }
        return nil
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Appends to and reads the tamper-evident trail. Appending takes the row lock on `audit_head`
/// first, so concurrent writers line up and every entry points at the one committed before it.
/// Entries are sealed with the installation's audit key (`AuditKeys`).
struct AuditStore: Sendable {
    let sql: any SQLDatabase
    let key: AuditKey?

    init(sql: any SQLDatabase, key: AuditKey? = AuditKeys.current) {
        self.sql = sql
        self.key = key
    }

    /// Records one write. Call it inside the transaction that makes the change.
    func append(actor: String, action: String, recordType: String, recordID: String, content: (any Encodable & Sendable)? = nil) async throws {
        guard let key else { throw AuditError(description: "no audit key: the installation's secret key was not loaded") }
        let contentHash = try content.map { AuditChain.sha256(try JSONEncoder.sorted.encode(AnyEncodable($0))) } ?? ""
        guard let head = try await sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").first() else {
            throw AuditError(description: "the audit trail is not initialised")
        }
        let seq = try head.decode(column: "seq", as: Int.self)
        let prev = try head.decode(column: "hash", as: String.self)
        let entry = AuditChain.sealed(
            AuditEntry(
                seq: seq, at: Timestamp.now(), actor: actor, action: action, recordType: recordType,
                recordID: recordID, contentHash: contentHash, prevHash: prev), key: key)
        try await sql.insert(into: "audit_log")
            .columns("seq", "at", "actor", "action", "record_type", "record_id", "content_hash", "prev_hash", "hash")
            .values(
                SQLBind(entry.seq), SQLBind(entry.at), SQLBind(entry.actor), SQLBind(entry.action), SQLBind(entry.recordType),
                SQLBind(entry.recordID), SQLBind(entry.contentHash), SQLBind(entry.prevHash), SQLBind(entry.hash)
            )
            .run()
        try await sql.update("audit_head").set("hash", to: entry.hash).where("id", .equal, 1).run()
    }

    /// An upsert of one record is its own `create` or `update`; a batch is one `import` entry whose
    /// content hash covers every row (a P-code list of 30,000 areas is one decision, not 30,000).
    /// - Returns: how many records were new and how many updated.
    func appendUpsert(
        actor: String, recordType: String, codes: [String], isNew: (String) -> Bool,
        content: some Encodable & Sendable
    ) async throws -> (created: Int, updated: Int) {
        let created = codes.filter(isNew).count
        if codes.count == 1 {
            try await append(actor: actor, action: created == 1 ? "create" : "update", recordType: recordType, recordID: codes[0], content: content)
        } else {
            try await append(actor: actor, action: "import", recordType: recordType, recordID: "\(codes.count) records", content: content)
        }
        return (created, codes.count - created)
    }

    /// Columns under the names `AuditEntry` decodes (`record_id` → `recordID`).
    private static let columns: [any SQLExpression] = [
        ("seq", "seq"), ("at", "at"), ("actor", "actor"), ("action", "action"), ("record_type", "recordType"),
        ("record_id", "recordID"), ("content_hash", "contentHash"), ("prev_hash", "prevHash"), ("hash", "hash"),
    ].map { SQLAlias(SQLColumn($0.0), as: SQLIdentifier($0.1)) }

    func entries(recordType: String, recordID: String) async throws -> [AuditEntry] {
        try await sql.select().columns(Self.columns).from("audit_log")
            .where("record_type", .equal, recordType).where("record_id", .equal, recordID).orderBy("seq")
            .all(decoding: AuditEntry.self)
    }

    /// Walks the whole chain in pages under the key; returns the first break, or nil when it holds. The head
    /// row must agree with the last entry, and every signed checkpoint must name an entry the chain still has
    /// with the same hash, or entries were cut off the end (the head rewound to match) or the chain rebuilt.
    func verify(checkpoints: [AuditCheckpoint] = []) async throws -> (checked: Int, broken: AuditChain.Break?) {
        guard let key else { throw AuditError(description: "no audit key: the installation's secret key was not loaded") }
        var prev = AuditChain.genesis
        var seq = 0
        var checked = 0
        var wanted = Dictionary(checkpoints.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        for c in checkpoints where !c.isAuthentic(key) {
            return (0, .checkpoint(seq: c.seq, reason: "its signature is wrong (forged, or made with another key)"))
        }
        while true {
            let page = try await sql.select().columns(Self.columns).from("audit_log")
                .where("seq", .greaterThan, seq).orderBy("seq").limit(5000)
                .all(decoding: AuditEntry.self)
            if page.isEmpty { break }
            if let b = AuditChain.verify(page, previous: prev, previousSeq: seq, key: key) { return (checked, b) }
            for e in page {
                if let c = wanted.removeValue(forKey: e.seq), c.hash != e.hash {
                    return (checked, .checkpoint(seq: e.seq, reason: "the entry's hash is not the one signed at \(c.at)"))
                }
            }
            checked += page.count
            prev = page.last!.hash
            seq = page.last!.seq
        }
        let head = try await sql.select().columns("seq", "hash").from("audit_head").where("id", .equal, 1).first()
        if let head, try head.decode(column: "seq", as: Int.self) != seq || head.decode(column: "hash", as: String.self) != prev {
            return (checked, .gap(after: seq))
        }
        if let missing = wanted.values.min(by: { $0.seq < $1.seq }) {
            return (checked, .checkpoint(seq: missing.seq, reason: "the chain ends at entry \(seq): entries signed at \(missing.at) were removed"))
        }
        return (checked, nil)
    }

    /// The head as it stands, signed: what a checkpoint records.
    func head() async throws -> AuditCheckpoint {
        guard let key else { throw AuditError(description: "no audit key: the installation's secret key was not loaded") }
        guard let row = try await sql.select().columns("seq", "hash").from("audit_head").where("id", .equal, 1).first() else {
            throw AuditError(description: "the audit trail is not initialised")
        }
        return AuditCheckpoint.signed(
            seq: try row.decode(column: "seq", as: Int.self), hash: try row.decode(column: "hash", as: String.self),
            at: Timestamp.now(), key: key)
    }

    /// Moves a chain sealed before keys (plain SHA-256) to the keyed chain: checks it as it was, then seals every
    /// entry again under the key, in one transaction. Refuses a chain that is already broken.
    func rekeyLegacyChain() async throws -> Int {
        // A new installation has nothing to move.
        guard try await sql.select().column("seq").from("audit_log").limit(1).first() != nil else { return 0 }
        guard let key else { throw AuditError(description: "no audit key: the installation's secret key was not loaded") }
        var oldPrev = AuditChain.genesis
        var newPrev = AuditChain.genesis
        var seq = 0
        while true {
            let page = try await sql.select().columns(Self.columns).from("audit_log")
                .where("seq", .greaterThan, seq).orderBy("seq").limit(5000).all(decoding: AuditEntry.self)
            if page.isEmpty { break }
            if let b = AuditChain.verify(page, previous: oldPrev, previousSeq: seq, key: nil) {
                throw AuditError(
                    description: "the audit trail was broken before it was keyed (\(b)); it is left as it is and the server does not start")
            }
            for var e in page {
                oldPrev = e.hash
                e.prevHash = newPrev
                e = AuditChain.sealed(e, key: key)
                try await sql.update("audit_log").set("prev_hash", to: e.prevHash).set("hash", to: e.hash).where("seq", .equal, e.seq).run()
                newPrev = e.hash
            }
            seq = page.last!.seq
        }
        try await sql.update("audit_head").set("hash", to: newPrev).where("id", .equal, 1).where("seq", .equal, seq).run()
        return seq
    }
}

struct AuditError: Error, CustomStringConvertible { var description: String }

/// Lets any Encodable value be hashed through the one sorted-keys encoder.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

import AgoraCore
import Foundation
import SQLKit
import Synchronization
import Vapor

/// An event waiting in the outbox, exactly as signed.
struct OutboxEvent: Sendable, Equatable {
    var eventID: String
    var subject: String
    var body: String
    var signature: String
}

/// A record received from another installation, with where it came from.
struct ReceivedRecord: Content, Equatable {
    var origin: String
    var recordType: String
    var sharedID: String
    var agreement: String
    var kind: String
    var country: String
    var level: String
    var payload: [String: JSONValue]
    var firstReceivedAt: String
    var receivedAt: String
    var agreementEndedOn: String?
}

struct QuarantinedEvent: Content, Equatable {
    var id: String
    var sender: String?
    var subject: String
    var reason: String
    var receivedAt: String
    /// Kept with its signature, so it can be checked again and released (not those quarantined before 2026-12).
    var releasable: Bool
}

/// A quarantined event as it came, for another try.
struct HeldEvent: Sendable, Equatable {
    var event: QuarantinedEvent
    var body: [UInt8]
    var signature: String?
}

/// Agreements decoded from their stored documents, kept by the document's exact text: a changed agreement is a new
/// text, decoded afresh. Few agreements exist; the memo is emptied if it ever holds more than 256 texts.
final class DecodedAgreements: Sendable {
    private let memo = Mutex<[String: SharingAgreement]>([:])

    func agreement(_ document: String) throws -> SharingAgreement {
        if let a = memo.withLock({ $0[document] }) { return a }
        let a = try JSONDecoder().decode(SharingAgreement.self, from: Data(document.utf8))
        memo.withLock {
            if $0.count >= 256 { $0.removeAll() }
            $0[document] = a
        }
        return a
    }
}

/// The federation's tables: peers, agreements, the outbox, what was received and what was quarantined.
struct FederationStore: Sendable {
    let sql: any SQLDatabase

    // MARK: peers and agreements

    func addPeer(id: String, name: String, publicKey: String, countries: [String] = []) async throws {
        try await sql.delete(from: "federation_peers").where("id", .equal, id).run()
        try await sql.insert(into: "federation_peers").columns("id", "name", "public_key", "added_at", "countries")
            .values(SQLBind(id), SQLBind(name), SQLBind(publicKey), SQLBind(Timestamp.now()), SQLBind(countries.joined(separator: ","))).run()
    }

    /// Each peer's countries (empty: it speaks for none in particular, as a hub does to its nationals).
    func peerCountries() async throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for r in try await sql.select().columns("id", "countries").from("federation_peers").all() {
            out[try r.decode(column: "id", as: String.self)] = try r.decode(column: "countries", as: String.self).split(separator: ",").map(
                String.init)
        }
        return out
    }

    func peers() async throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try await sql.select().columns("id", "public_key").from("federation_peers").all() {
            out[try r.decode(column: "id", as: String.self)] = try r.decode(column: "public_key", as: String.self)
        }
        return out
    }

    func save(_ a: SharingAgreement) async throws {
        let doc = String(decoding: try JSONEncoder.sorted.encode(a), as: UTF8.self)
        try await sql.delete(from: "sharing_agreements").where("id", .equal, a.id).run()
        try await sql.insert(into: "sharing_agreements").columns("id", "origin", "recipient", "state", "document", "updated_at")
            .values(SQLBind(a.id), SQLBind(a.origin), SQLBind(a.recipient), SQLBind(a.state.rawValue), SQLBind(doc), SQLBind(Timestamp.now())).run()
    }

    /// Read in the caller's transaction every time (a terminated agreement stops what leaves at once, whichever process
    /// terminated it); only the decoding is kept, by the document's text — it was a ninth of every shareable write.
    func agreements() async throws -> [SharingAgreement] {
        try await sql.select().column("document").from("sharing_agreements").orderBy("id").all().map {
            try Self.decoded.agreement(try $0.decode(column: "document", as: String.self))
        }
    }

    func agreement(_ id: String) async throws -> SharingAgreement? {
        try await sql.select().column("document").from("sharing_agreements").where("id", .equal, id).first().map {
            try Self.decoded.agreement(try $0.decode(column: "document", as: String.self))
        }
    }

    static let decoded = DecodedAgreements()

    // MARK: outbox (origin side)

    /// In the caller's transaction, with the change it describes.
    func enqueue(_ e: FederationEvent, body: [UInt8], signature: String, recordID: String) async throws {
        try await sql.insert(into: "federation_outbox")
            .columns("event_id", "agreement_id", "subject", "body", "signature", "record_type", "record_id", "shared_id", "created_at")
            .values(
                SQLBind(e.id), SQLBind(e.agreement), SQLBind(e.subject), SQLBind(String(decoding: body, as: UTF8.self)), SQLBind(signature),
                SQLBind(e.recordType.rawValue), SQLBind(recordID), SQLBind(e.recordID), SQLBind(Timestamp.now())
            ).run()
    }

    /// The oldest unpublished events, in the order they were written.
    func pending(limit: Int) async throws -> [OutboxEvent] { try await outbox(published: false, limit: limit) }

    /// Events already published, newest first (what an operator or a test replays).
    func sent(limit: Int) async throws -> [OutboxEvent] { try await outbox(published: true, limit: limit) }

    private func outbox(published: Bool, limit: Int) async throws -> [OutboxEvent] {
        try await sql.select().columns("event_id", "subject", "body", "signature").from("federation_outbox")
            .where(SQLColumn("published_at"), published ? .isNot : .is, SQLLiteral.null)
            .orderBy("event_id", published ? .descending : .ascending).limit(limit).all().map {
                OutboxEvent(
                    eventID: try $0.decode(column: "event_id", as: String.self), subject: try $0.decode(column: "subject", as: String.self),
                    body: try $0.decode(column: "body", as: String.self), signature: try $0.decode(column: "signature", as: String.self))
            }
    }

    func published(_ eventIDs: [String]) async throws {
        let now = Timestamp.now()
        for chunk in eventIDs.chunked(500) {
            try await sql.update("federation_outbox").set("published_at", to: now).where("event_id", .in, Array(chunk)).run()
        }
    }

    func failed(_ eventID: String, error: String) async throws {
        try await sql.update("federation_outbox").set("attempts", to: SQLRaw("attempts + 1")).set("last_error", to: String(error.prefix(300)))
            .where("event_id", .equal, eventID).run()
    }

    /// Terminating an agreement stops at once what was not yet sent under it.
    func withdrawPending(agreement: String) async throws {
        try await sql.delete(from: "federation_outbox").where("agreement_id", .equal, agreement).where(
            SQLColumn("published_at"), .is, SQLLiteral.null
        )
        .run()
    }

    /// The record an event about `sharedID` under `agreement` was made from (an answer names the shared id).
    func localRecord(sharedID: String, agreement: String) async throws -> String? {
        try await sql.select().column("record_id").from("federation_outbox").where("shared_id", .equal, sharedID).where(
            "agreement_id", .equal, agreement
        )
        .limit(1).first().map { try $0.decode(column: "record_id", as: String.self) }
    }

    // MARK: received (recipient side)

    /// The key an event is applied once under.
    static func seen(_ e: FederationEvent) -> String { e.origin + "\n" + e.id }

    /// Applies events, each once: returns the keys (`seen`) of those never seen before. Two statements a batch — the
    /// events recorded (conflicts ignored, the new ones returned), then one upsert of the newest event per record —
    /// where four a message held the hub to about 570 events a second (docs/FEDERATION.md). A record keeps its
    /// provenance; events of one origin are time-ordered, so an older one arriving late does not overwrite a newer state.
    func apply(_ events: [FederationEvent]) async throws -> Set<String> {
        let now = Timestamp.now()
        var unique: [String: FederationEvent] = [:]
        var order: [String] = []
        for e in events where unique[Self.seen(e)] == nil {
            unique[Self.seen(e)] = e
            order.append(Self.seen(e))
        }
        var fresh = Set<String>()
        for chunk in order.chunked(200) {
            var q = sql.insert(into: "federation_events").columns("origin", "event_id", "kind", "received_at")
            for k in chunk {
                let e = unique[k]!
                q = q.values(SQLBind(e.origin), SQLBind(e.id), SQLBind(e.kind), SQLBind(now))
            }
            for r in try await q.ignoringConflicts(with: ["origin", "event_id"]).returning("origin", "event_id").all() {
                fresh.insert(try r.decode(column: "origin", as: String.self) + "\n" + r.decode(column: "event_id", as: String.self))
            }
        }
        var newest: [String: FederationEvent] = [:]
        for k in order where fresh.contains(k) {
            let e = unique[k]!
            let record = [e.origin, e.recordType.rawValue, e.recordID].joined(separator: "\n")
            if newest[record].map({ $0.id < e.id }) ?? true { newest[record] = e }
        }
        for chunk in newest.values.sorted(by: { $0.id < $1.id }).chunked(100) {
            var q = sql.insert(into: "federation_records").columns(
                "origin", "record_type", "shared_id", "agreement_id", "kind", "country", "level", "payload", "match_key", "last_event",
                "first_received_at", "received_at")
            for e in chunk {
                let payload = String(decoding: try JSONEncoder.sorted.encode(e.payload), as: UTF8.self)
                q = q.values(
                    SQLBind(e.origin), SQLBind(e.recordType.rawValue), SQLBind(e.recordID), SQLBind(e.agreement), SQLBind(e.kind), SQLBind(e.country),
                    SQLBind(e.level.rawValue), SQLBind(payload), SQLBind(Self.matchKey(e)), SQLBind(e.id), SQLBind(now), SQLBind(now))
            }
            try await q.onConflict(with: ["origin", "record_type", "shared_id"]) { update in
                for column in ["agreement_id", "kind", "country", "level", "payload", "match_key", "last_event", "received_at"] {
                    _ = update.set(excludedValueOf: column)
                }
                return update.where(SQLColumn("last_event", table: "federation_records"), .lessThan, SQLColumn("last_event", table: "excluded"))
            }.run()
        }
        return fresh
    }

    /// What a received record is found by beside its id: a weapon's folded serial, a risk figure's week.
    static func matchKey(_ e: FederationEvent) -> String? {
        switch e.recordType {
        case .weaponLostOrStolen: LostWeapons.serialKey(e.payload)
        case .riskAggregate: RiskAggregates.figure(e.payload)?.period
        default: nil
        }
    }

    /// The risk figures received for a period (`2026-W49`), each with the installation it came from; an agreement that
    /// ended no longer draws.
    func receivedRisk(period: String) async throws -> [(figure: RiskAggregates.Figure, origin: String)] {
        try await received(type: .riskAggregate, matchKey: period, limit: 20_000).filter { $0.agreementEndedOn == nil }.compactMap { r in
            RiskAggregates.figure(r.payload).map { ($0.figure, r.origin) }
        }
    }

    /// Held whole with its signature (NATS bounds a message to its `max_payload`, 1 MB by default), so it can be checked
    /// again; what is not UTF-8 cannot be an event and is kept only in part, to be read.
    func quarantine(sender: String?, subject: String, reason: String, body: [UInt8], signature: String?) async throws {
        let text = String(validating: body, as: UTF8.self)
        try await sql.insert(into: "federation_quarantine").columns("id", "sender", "subject", "reason", "body", "signature", "received_at")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(sender), SQLBind(subject), SQLBind(reason),
                SQLBind(text ?? String(decoding: body.prefix(65536), as: UTF8.self)), SQLBind(text == nil ? nil : signature),
                SQLBind(Timestamp.now())
            ).run()
    }

    func held(_ id: String) async throws -> HeldEvent? {
        guard
            let r = try await sql.select().columns("id", "sender", "subject", "reason", "received_at", "body", "signature")
                .from("federation_quarantine").where("id", .equal, id).first()
        else { return nil }
        return HeldEvent(
            event: try Self.quarantined(r), body: Array(try r.decode(column: "body", as: String.self).utf8),
            signature: try r.decode(column: "signature", as: String?.self))
    }

    /// Still refused on another try: the reason it is refused now.
    func requarantine(_ id: String, reason: String) async throws {
        try await sql.update("federation_quarantine").set("reason", to: reason).where("id", .equal, id).run()
    }

    func release(_ id: String) async throws {
        try await sql.delete(from: "federation_quarantine").where("id", .equal, id).run()
    }

    func record(origin: String, type: SharedRecordType, sharedID: String) async throws -> ReceivedRecord? {
        try await received(origin: origin, type: type, sharedID: sharedID, limit: 1).first
    }

    /// Adds what this installation did about a received record (the hub's answer) to its payload.
    func annotate(origin: String, type: SharedRecordType, sharedID: String, key: String, value: JSONValue) async throws {
        guard var r = try await record(origin: origin, type: type, sharedID: sharedID) else { return }
        r.payload[key] = value
        try await sql.update("federation_records").set("payload", to: String(decoding: try JSONEncoder.sorted.encode(r.payload), as: UTF8.self))
            .where("origin", .equal, origin).where("record_type", .equal, type.rawValue).where("shared_id", .equal, sharedID).run()
    }

    func received(
        origin: String? = nil, type: SharedRecordType? = nil, sharedID: String? = nil, matchKey: String? = nil, limit: Int = 500
    ) async throws -> [ReceivedRecord] {
        var q = sql.select()
            .columns(
                "origin", "record_type", "shared_id", "agreement_id", "kind", "country", "level", "payload", "first_received_at", "received_at",
                "agreement_ended_on"
            )
            .from("federation_records")
        if let origin { q = q.where("origin", .equal, origin) }
        if let type { q = q.where("record_type", .equal, type.rawValue) }
        if let sharedID { q = q.where("shared_id", .equal, sharedID) }
        if let matchKey {
            guard !matchKey.isEmpty else { return [] }
            q = q.where("match_key", .equal, matchKey)
        }
        return try await q.orderBy("received_at", .descending).limit(limit).all().map { r in
            ReceivedRecord(
                origin: try r.decode(column: "origin", as: String.self), recordType: try r.decode(column: "record_type", as: String.self),
                sharedID: try r.decode(column: "shared_id", as: String.self), agreement: try r.decode(column: "agreement_id", as: String.self),
                kind: try r.decode(column: "kind", as: String.self), country: try r.decode(column: "country", as: String.self),
                level: try r.decode(column: "level", as: String.self),
                payload: try JSONDecoder().decode([String: JSONValue].self, from: Data(try r.decode(column: "payload", as: String.self).utf8)),
                firstReceivedAt: try r.decode(column: "first_received_at", as: String.self),
                receivedAt: try r.decode(column: "received_at", as: String.self),
                agreementEndedOn: try r.decode(column: "agreement_ended_on", as: String?.self))
        }
    }

    func quarantined(limit: Int = 200) async throws -> [QuarantinedEvent] {
        try await sql.select().columns("id", "sender", "subject", "reason", "received_at", "signature").from("federation_quarantine")
            .orderBy("received_at", .descending).limit(limit).all().map(Self.quarantined)
    }

    static func quarantined(_ r: any SQLRow) throws -> QuarantinedEvent {
        QuarantinedEvent(
            id: try r.decode(column: "id", as: String.self), sender: try r.decode(column: "sender", as: String?.self),
            subject: try r.decode(column: "subject", as: String.self), reason: try r.decode(column: "reason", as: String.self),
            receivedAt: try r.decode(column: "received_at", as: String.self),
            releasable: try r.decode(column: "signature", as: String?.self) != nil)
    }

    /// The agreement ended: what came under it is marked, and purged once its retention has run out.
    func agreementEnded(_ a: SharingAgreement, on day: String) async throws {
        try await sql.update("federation_records").set("agreement_ended_on", to: day)
            .set("purge_after", to: DatePrecision.adding(a.retentionDays, to: day))
            .where("agreement_id", .equal, a.id).where(SQLColumn("agreement_ended_on"), .is, SQLLiteral.null).run()
    }

    /// Deletes what is past its retention; returns how many.
    func purge(on day: String) async throws -> Int {
        let rows = try await sql.select().column("shared_id").from("federation_records").where("purge_after", .lessThan, day).all()
        try await sql.delete(from: "federation_records").where("purge_after", .lessThan, day).run()
        return rows.count
    }

    /// One peer as the operations page shows it: what waits for it and went to it, what came from it.
    struct PeerFigures: Sendable, Codable, Equatable {
        var peer: String
        var name: String
        var pending: Int
        var published: Int
        var oldestPending: String?
        var lastPublished: String?
        var received: Int
        var lastReceived: String?
        var quarantined: Int
    }

    func peerFigures() async throws -> [PeerFigures] {
        var out: [String: PeerFigures] = [:]
        for r in try await sql.select().columns("id", "name").from("federation_peers").all() {
            let id = try r.decode(column: "id", as: String.self)
            out[id] = PeerFigures(
                peer: id, name: try r.decode(column: "name", as: String.self), pending: 0, published: 0, received: 0, quarantined: 0)
        }
        func blank(_ id: String) -> PeerFigures { out[id] ?? PeerFigures(peer: id, name: id, pending: 0, published: 0, received: 0, quarantined: 0) }
        // The outbox by recipient (through each event's agreement).
        let outbox = try await sql.raw(
            """
            SELECT a.recipient AS peer,
                   SUM(CASE WHEN o.published_at IS NULL THEN 1 ELSE 0 END) AS pending,
                   SUM(CASE WHEN o.published_at IS NULL THEN 0 ELSE 1 END) AS published,
                   MIN(CASE WHEN o.published_at IS NULL THEN o.created_at END) AS oldest_pending,
                   MAX(o.published_at) AS last_published
            FROM federation_outbox o JOIN sharing_agreements a ON a.id = o.agreement_id
            GROUP BY a.recipient
            """
        ).all()
        for r in outbox {
            let id = try r.decode(column: "peer", as: String.self)
            var f = blank(id)
            f.pending = try r.decode(column: "pending", as: Int.self)
            f.published = try r.decode(column: "published", as: Int.self)
            f.oldestPending = try r.decode(column: "oldest_pending", as: String?.self)
            f.lastPublished = try r.decode(column: "last_published", as: String?.self)
            out[id] = f
        }
        let received = try await sql.select().column("origin").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MAX", args: SQLColumn("received_at")), as: "last").from("federation_events").groupBy("origin").all()
        for r in received {
            let id = try r.decode(column: "origin", as: String.self)
            var f = blank(id)
            f.received = try r.decode(column: "n", as: Int.self)
            f.lastReceived = try r.decode(column: "last", as: String?.self)
            out[id] = f
        }
        let held = try await sql.select().column("sender").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("federation_quarantine").where(SQLColumn("sender"), .isNot, SQLLiteral.null).groupBy("sender").all()
        for r in held {
            let id = try r.decode(column: "sender", as: String.self)
            var f = blank(id)
            f.quarantined = try r.decode(column: "n", as: Int.self)
            out[id] = f
        }
        return out.values.sorted { $0.peer < $1.peer }
    }

    /// Figures for the operations page and `agora federation status`.
    struct Figures: Sendable, Codable, Equatable {
        var pending: Int
        var published: Int
        var lastPublished: String?
        var oldestPending: String?
        var received: Int
        var quarantined: Int
        var lastReceived: String?
    }

    func figures() async throws -> Figures {
        func count(_ table: String, _ pred: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> Int {
            try await pred(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)).first()?.decode(
                column: "n", as: Int.self)
                ?? 0
        }
        func text(_ q: SQLSelectBuilder) async throws -> String? { try await q.first()?.decode(column: "v", as: String?.self) }
        return Figures(
            pending: try await count("federation_outbox") { $0.where(SQLColumn("published_at"), .is, SQLLiteral.null) },
            published: try await count("federation_outbox") { $0.where(SQLColumn("published_at"), .isNot, SQLLiteral.null) },
            lastPublished: try await text(
                sql.select().column(SQLFunction("MAX", args: SQLColumn("published_at")), as: "v").from("federation_outbox")),
            oldestPending: try await text(
                sql.select().column(SQLFunction("MIN", args: SQLColumn("created_at")), as: "v").from("federation_outbox")
                    .where(SQLColumn("published_at"), .is, SQLLiteral.null)),
            received: try await count("federation_events"), quarantined: try await count("federation_quarantine"),
            lastReceived: try await text(sql.select().column(SQLFunction("MAX", args: SQLColumn("received_at")), as: "v").from("federation_events")))
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Who this installation is to its peers: its id and its keys. Bound to each request's task (`AuditKeyScope`) and to
/// the server's jobs when `AGORA_INSTALLATION_ID` is set; unbound, nothing is written to the outbox.
struct FederationIdentity: Sendable {
    let installation: String
    let keys: FederationKeys

    @TaskLocal static var bound: FederationIdentity?
    nonisolated(unsafe) private static var process: FederationIdentity?
    private static let lock = NSLock()

    static var current: FederationIdentity? {
        if let b = bound { return b }
        lock.lock()
        defer { lock.unlock() }
        return process
    }

    static func setProcess(_ f: FederationIdentity?) {
        lock.lock()
        process = f
        lock.unlock()
    }
}

/// Writes shareable changes to the outbox, in the transaction that makes them: one signed event per agreement in
/// force that lets the record out, reduced to what it allows. The agreement is enforced here, at the source.
struct FederationOutbox: Sendable {
    let sql: any SQLDatabase

    /// - Parameter to: only these recipients, each with the country its subject names (the hub passing a record on
    ///   to the installations of other countries); nil: every recipient, on the record's own country.
    /// - Returns: the recipients an event was written for.
    @discardableResult
    func share(_ r: ShareableRecord, kind: String, on day: String = Timestamp.today(), to: [String: String]? = nil) async throws -> [String] {
        guard let me = FederationIdentity.current else { return [] }
        let store = FederationStore(sql: sql)
        let agreements = try await store.agreements().filter { $0.origin == me.installation && $0.inForce(on: day) }
        guard !agreements.isEmpty else { return [] }
        let head = try await AuditStore(sql: sql).head().hash
        var ids = OrderedIDs()
        var written: [String] = []
        for a in agreements {
            let country: String? = if let to { to[a.recipient] } else { r.country }
            guard let country, case .share(let sharedID, let payload) = AgreementFilter.decide(r, under: a, on: day, keys: me.keys) else { continue }
            let e = FederationEvent(
                id: ids.next(), origin: me.installation, agreement: a.id, kind: kind, recordType: r.type, recordID: sharedID, auditHash: head,
                at: Timestamp.now(), country: country, level: r.level, payload: payload)
            let body = try e.body()
            try await store.enqueue(e, body: body, signature: me.keys.sign(body), recordID: r.id)
            written.append(a.recipient)
        }
        return written
    }

    /// An answer to a record another installation shared with this one (`case.answered`), under that agreement.
    func answer(origin: String, agreement: String, sharedID: String, payload: [String: JSONValue], country: String, level: BodyLevel) async throws {
        guard let me = FederationIdentity.current else { return }
        let head = try await AuditStore(sql: sql).head().hash
        var ids = OrderedIDs()
        let e = FederationEvent(
            id: ids.next(), origin: me.installation, agreement: agreement, kind: FederationKind.answered, recordType: .case, recordID: sharedID,
            auditHash: head, at: Timestamp.now(), country: country, level: level, payload: payload)
        let body = try e.body()
        try await FederationStore(sql: sql).enqueue(e, body: body, signature: me.keys.sign(body), recordID: sharedID)
    }

    /// An incident as the agreements see it: its people (sources, actors named by reporters) are personal.
    static func incident(
        id: String, classification: Classification, areaPath: String, lat: Double?, lon: Double?, occurredOn: String, bodyLevel: String,
        title: String,
        eventType: String, fatalities: Int, injured: Int, displaced: Int, actors: String
    ) -> ShareableRecord {
        ShareableRecord(
            type: .incident, id: id, classification: classification, areaPath: ShareableRecord.steps(path: areaPath),
            point: lat.flatMap { la in lon.map { GeoPoint(lat: la, lon: $0) } }, occurredOn: occurredOn,
            level: BodyLevel(rawValue: bodyLevel) ?? .district,
            fields: [
                "title": .string(title), "eventType": .string(eventType), "fatalities": .number(Double(fatalities)),
                "injured": .number(Double(injured)), "displaced": .number(Double(displaced)), "actors": .string(actors),
            ],
            personal: ["actors"])
    }
}

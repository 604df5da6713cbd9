import AgoraCore
import Foundation
import SQLKit

/// Lost-or-stolen weapons across installations. A national installation shares its records (and says when one is
/// found again); the hub passes each on to the other installations whose countries it knows, under its agreements
/// with them; every installation compares what it receives with the weapons it has recovered, and every weapon it
/// recovers with what it received (`DivertedWeapons`).
struct SharedWeapons: Sendable {
    let sql: any SQLDatabase

    /// A weapon just recorded lost or stolen, or found again: to the outbox, under the agreements that carry it.
    func share(_ id: String, on day: String) async throws {
        guard FederationIdentity.current != nil, let w = try await WeaponStore(sql: sql).system([id])[id] else { return }
        let body = try await BodyStore(sql: sql).get(w.body)
        guard let area = w.area ?? body?.jurisdiction.first else { return }
        let path = AreaPath.text(try await AreaStore(sql: sql).path(area))
        let record = ShareableRecord(
            type: .weaponLostOrStolen, id: w.id, classification: w.classification, areaPath: ShareableRecord.steps(path: path), occurredOn: day,
            level: body.flatMap { BodyLevel(rawValue: $0.level) } ?? .national,
            fields: LostWeapons.fields(type: w.type, status: w.status, marks: w.marks, body: w.body))
        try await FederationOutbox(sql: sql).share(record, kind: FederationKind.shared)
    }

    /// At the hub: a national installation's record, passed on to every other peer that speaks for a country, as the
    /// hub's own event under the hub's agreement with it (which decides, as for anything the hub sends).
    func relay(_ e: FederationEvent) async throws {
        guard e.kind == FederationKind.shared, FederationIdentity.current != nil else { return }
        var to: [String: String] = [:]
        for (peer, countries) in try await FederationStore(sql: sql).peerCountries() where peer != e.origin {
            if let c = countries.first { to[peer] = c }
        }
        guard !to.isEmpty else { return }
        func text(_ k: String) -> String? { e.payload[k]?.text }
        let areas = FederationEvent.areas(e.payload)
        var fields = e.payload
        for k in ["areas", "occurredOn", "classification", "point"] { fields[k] = nil }
        fields["from"] = .string(e.origin)
        let record = ShareableRecord(
            type: .weaponLostOrStolen, id: "\(e.origin):\(e.recordID)",
            classification: text("classification").flatMap(Classification.init) ?? .restricted,
            areaPath: ShareableRecord.steps(path: AreaPath.text(areas)), occurredOn: text("occurredOn") ?? Timestamp.today(),
            level: e.level, fields: fields)
        try await FederationOutbox(sql: sql).share(record, kind: FederationKind.relayed, to: to)
    }

    /// Anywhere: a received record compared with the weapons recovered here; each match a diversion alert.
    func takeUp(_ e: FederationEvent) async throws {
        guard LostWeapons.stillLost(e.payload), let key = LostWeapons.serialKey(e.payload) else { return }
        let marks = LostWeapons.marks(e.payload)
        let lost = DivertedWeapons.lost(origin: e.origin, sharedID: e.recordID, payload: e.payload)
        for w in try await WeaponStore(sql: sql).recovered(serialKey: key) where SerialSearch.diverted(w.marks, marks) {
            try await DivertedWeapons(sql: sql).raise(NewWeapon(w), lost: [lost], actor: "federation:" + e.origin)
        }
    }
}

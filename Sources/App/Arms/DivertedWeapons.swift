import AgoraCore
import Foundation
import SQLKit

/// A weapon recovered (seized, surrendered, collected) with the marks of one recorded lost or stolen — here, or at
/// another installation that shared its record — is a diversion: a proposed alert to the body holding it, the losing
/// body informed when it is one of this installation's, the match in the weapon's history.
struct DivertedWeapons: Sendable {
    let sql: any SQLDatabase

    static let recoveredStates: Set<WeaponStatus> = [.seized, .surrendered, .collected]

    /// A lost-or-stolen record a recovered weapon matches.
    struct Lost: Sendable {
        /// The weapon's id here, or `origin:shared id` for another installation's record.
        var id: String
        /// The body to inform: one of this installation's (nil for another installation's record).
        var body: String?
        var area: String?
        /// How the alert names it.
        var told: String
    }

    /// The check made whenever a weapon is recorded recovered: against this register and what other installations shared.
    func check(_ w: NewWeapon, actor: String) async throws {
        guard Self.recoveredStates.contains(w.status) else { return }
        let key = SerialSearch.key(w.marks.serial ?? "")
        let here = try await WeaponStore(sql: sql).lostOrStolen(serialKey: key).filter { $0.id != w.id && SerialSearch.diverted(w.marks, $0.marks) }
            .map { Lost(id: $0.id, body: $0.body, area: $0.area, told: "\($0.id) recorded lost or stolen by \($0.body)") }
        let abroad = try await FederationStore(sql: sql).received(type: .weaponLostOrStolen, matchKey: key).filter {
            LostWeapons.stillLost($0.payload) && SerialSearch.diverted(w.marks, LostWeapons.marks($0.payload))
        }
        try await raise(w, lost: here + abroad.map { Self.lost(origin: $0.origin, sharedID: $0.sharedID, payload: $0.payload) }, actor: actor)
    }

    /// Another installation's record, as the alert tells it: who recorded it, where, through whom it came.
    static func lost(origin: String, sharedID: String, payload: [String: JSONValue]) -> Lost {
        func text(_ k: String) -> String? { payload[k]?.text }
        let country = FederationEvent.areas(payload).last.map { " in \($0)" } ?? ""
        let from = text("from") ?? origin
        let via = from == origin ? "" : " (through \(origin))"
        return Lost(
            id: "\(from):\(sharedID)", body: nil, area: nil,
            told: "a record of \(from)\(via): lost or stolen by \(text("body") ?? "a body")\(country)")
    }

    func raise(_ w: NewWeapon, lost: [Lost], actor: String) async throws {
        guard !lost.isEmpty else { return }
        let body = try await BodyStore(sql: sql).get(w.body)
        guard let area = w.area ?? lost.compactMap(\.area).first ?? body?.jurisdiction.first else { return }
        let path = try await AreaStore(sql: sql).path(area)
        let draft = AlertDraft(
            body: w.body, classification: .restricted, event: "Diverted small arm recovered", urgency: .Immediate, severity: .Moderate,
            certainty: .Observed, headline: "A \(w.status.rawValue) weapon matches a lost-or-stolen record",
            description:
                "Weapon \(w.id) (\(w.type.rawValue), \(w.marks.manufacturer ?? "maker unknown")) was \(w.status.rawValue) on \(w.registeredOn); its marks match "
                + lost.map(\.told).joined(separator: "; ") + ".",
            instruction: "Trace the weapon to the point of diversion; tell the body that lost it.", areas: [area])
        let id = try await AlertStore(sql: sql).insert(
            draft, state: .proposed, msgType: .Alert, refersTo: nil, caseID: nil, body: w.body, classification: .restricted,
            areaPath: AreaPath.text(path), risk: nil, actor: actor, sent: nil)
        let others = Set(lost.compactMap(\.body)).subtracting([w.body])
        for b in others.sorted() { try await Parties(sql: sql).add("alert", id, body: b, role: "informed") }
        try await OutboxStore(sql: sql).enqueue("alert.proposed", bodies: [w.body] + others.sorted(), alertID: id)
        try await WeaponStore(sql: sql).event(
            w.id, kind: .traced, on: w.registeredOn, details: ["matches": lost.map(\.id).joined(separator: " "), "alert": id], actor: actor)
    }
}

extension NewWeapon {
    init(_ w: WeaponView) {
        self.init(
            id: w.id, body: w.body, classification: w.classification, store: w.store, type: w.type, status: w.status, marks: w.marks,
            incident: w.incident, area: w.area, campaign: w.campaign, registeredOn: w.registeredOn)
    }
}

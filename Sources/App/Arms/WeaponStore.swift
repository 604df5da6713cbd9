import AgoraCore
import Foundation
import SQLKit
import Vapor

extension WeaponMarks: Content {}

struct WeaponEventView: Content {
    var seq: Int
    var on, at: String
    var kind: WeaponEventKind
    var status: WeaponStatus?
    var body: String?
    var details: [String: String]
    var actor: String
}

struct WeaponView: Content {
    var id, body: String
    var classification: Classification
    var store: String?
    var type: WeaponType
    var status: WeaponStatus
    var marks: WeaponMarks
    var incident, area, campaign: String?
    var registeredOn, createdAt, updatedAt: String
    var history: [WeaponEventView]?
    /// Photo ids (`/api/v1/weapons/{id}/photos/{photo}`), with the weapon read alone.
    var photos: [String]?
}

/// What is written of a new weapon.
struct NewWeapon: Sendable {
    var id, body: String
    var classification: Classification
    var store: String?
    var type: WeaponType
    var status: WeaponStatus
    var marks: WeaponMarks
    var incident, area, campaign: String?
    var registeredOn: String
}

/// The weapons register: every weapon with its marks, status and custody; every change an event of its history and an
/// entry of the audit chain. Restricted by default, owned by the body holding (or having recorded) the weapon.
struct WeaponStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "weapon", table: "weapons")
    static let columns = [
        "id", "body_code", "classification", "store", "type", "status", "marks", "incident_id", "area_code", "campaign_id", "registered_on",
        "created_at", "updated_at",
    ]

    func insert(_ w: NewWeapon, actor: String, details: [String: String] = [:], kind: WeaponEventKind = .registered) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "weapons").columns(
            "id", "body_code", "classification", "store", "type", "status", "marks", "serial_key", "altered", "unmarked", "incident_id", "area_code",
            "campaign_id", "registered_on", "created_by", "created_at", "updated_at"
        ).values(
            [
                SQLBind(w.id), SQLBind(w.body), SQLBind(w.classification.rawValue), SQLBind(w.store), SQLBind(w.type.rawValue),
                SQLBind(w.status.rawValue), SQLBind(MediationStore.json(w.marks)), SQLBind(SerialSearch.key(w.marks.serial ?? "")),
                SQLBind(w.marks.altered), SQLBind(w.marks.unmarked), SQLBind(w.incident), SQLBind(w.area), SQLBind(w.campaign),
                SQLBind(w.registeredOn), SQLBind(actor), SQLBind(now), SQLBind(now),
            ] as [any SQLExpression]
        ).run()
        try await event(w.id, kind: kind, on: w.registeredOn, status: w.status, body: w.body, details: details, actor: actor)
    }

    /// An entry of the weapon's history (and of the audit chain); moves its status and custody when they change.
    func event(
        _ id: String, kind: WeaponEventKind, on: String, status: WeaponStatus? = nil, body: String? = nil, store: String? = nil,
        details: [String: String] = [:], actor: String
    ) async throws {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("weapon_events")
                .where("weapon_id", .equal, id).first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        var d = details
        if let store { d["store"] = store }
        try await sql.insert(into: "weapon_events").columns("weapon_id", "seq", "on_date", "at", "kind", "status", "body_code", "details", "actor")
            .values(
                SQLBind(id), SQLBind(seq), SQLBind(on), SQLBind(Timestamp.now()), SQLBind(kind.rawValue), SQLBind(status?.rawValue), SQLBind(body),
                SQLBind(MediationStore.json(d)), SQLBind(actor)
            ).run()
        // A weapon recorded lost or stolen, or found again since, is told to the installations that agreed to know.
        var shareable = status == .lostOrStolen
        if seq > 1, let status, status != .lostOrStolen {
            let before = try await Self.table.unscoped(sql, because: "the register's own write compares the status it replaces")
                .column("status").where("id", .equal, id).first()
            shareable = try before?.decode(column: "status", as: String.self) == WeaponStatus.lostOrStolen.rawValue
        }
        if seq > 1, status != nil || body != nil || store != nil {
            var u = sql.update("weapons").set("updated_at", to: Timestamp.now())
            if let status { u = u.set("status", to: status.rawValue) }
            if let body { u = u.set("body_code", to: body) }
            if let store { u = u.set("store", to: store) }
            try await u.where("id", .equal, id).run()
        }
        try await AuditStore(sql: sql).append(
            actor: actor, action: "weapon.\(kind.rawValue)", recordType: "weapon", recordID: id, content: [status?.rawValue ?? "", body ?? "", on])
        if shareable { try await SharedWeapons(sql: sql).share(id, on: on) }
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> WeaponView? {
        guard let r = try await Self.table.select(sql, scope).columns(Self.columns.map { SQLColumn($0) }).where("id", .equal, id).first() else {
            return nil
        }
        var w = try Self.view(r)
        w.history = try await history(id)
        w.photos = try await ArmsPhotoStore(sql: sql).ids("weapon", [id])[id] ?? []
        return w
    }

    struct Filter: Sendable {
        var q: String?
        var status: WeaponStatus?
        var bodies: Set<String>?
        var campaign: String?
    }

    /// Weapons the scope reads, newest first. A serial query is narrowed in SQL on the folded key (`*`/`?` become
    /// `%`/`_`; a partial serial a substring) and then checked with `SerialSearch.matches`, the one rule.
    func list(_ scope: AccessScope, _ f: Filter, limit: Int = 200) async throws -> [WeaponView] {
        var q = Self.table.select(sql, scope).columns(Self.columns.map { SQLColumn($0) })
        if let text = f.q, !text.isEmpty {
            let wild = text.contains("*") || text.contains("?")
            let key = text.uppercased().compactMap { c -> String? in
                if c == "*" { return "%" }
                if c == "?" { return "_" }
                return c.isLetter || c.isNumber ? SerialSearch.key(String(c)) : nil
            }.joined()
            if wild {
                q = q.where("serial_key", .like, key)
            } else if key.count >= 3 {
                q = q.where("serial_key", .like, "%\(key)%")
            } else {
                q = q.where("serial_key", .equal, key)
            }
        }
        if let s = f.status { q = q.where("status", .equal, s.rawValue) }
        if let b = f.bodies { q = q.where(SQLColumn("body_code"), .in, SQLBind.group(b.sorted())) }
        if let c = f.campaign { q = q.where("campaign_id", .equal, c) }
        let rows = try await q.orderBy("created_at", .descending).orderBy("id").limit(limit).all().map(Self.view)
        guard let text = f.q, !text.isEmpty else { return rows }
        return rows.filter { SerialSearch.matches(text, $0.marks.serial ?? "") }
    }

    /// Lost-or-stolen records with this folded serial, anywhere in the installation.
    func lostOrStolen(serialKey: String) async throws -> [WeaponView] {
        guard !serialKey.isEmpty else { return [] }
        return try await Self.table.unscoped(
            sql, because: "a recovered weapon is compared with every lost-or-stolen record, and only the match is told"
        )
        .columns(Self.columns.map { SQLColumn($0) }).where("serial_key", .equal, serialKey).where(
            "status", .equal, WeaponStatus.lostOrStolen.rawValue
        )
        .all().map(Self.view)
    }

    /// Recovered weapons (seized, surrendered, collected) with this folded serial: what another installation's
    /// lost-or-stolen record is compared with when it arrives.
    func recovered(serialKey: String) async throws -> [WeaponView] {
        guard !serialKey.isEmpty else { return [] }
        return try await Self.table.unscoped(sql, because: "a record shared by another installation is compared with every recovered weapon")
            .columns(Self.columns.map { SQLColumn($0) }).where("serial_key", .equal, serialKey)
            .where(SQLColumn("status"), .in, SQLBind.group(DivertedWeapons.recoveredStates.map(\.rawValue).sorted())).all().map(Self.view)
    }

    /// The weapons of these bodies as the system reads them (destructions, reports and DDR disarmament check them).
    func system(_ ids: [String]) async throws -> [String: WeaponView] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Self.table.unscoped(
            sql, because: "a destruction or disarmament checks the weapons it lists; the caller's rights are checked first"
        )
        .columns(Self.columns.map { SQLColumn($0) }).where(SQLColumn("id"), .in, SQLBind.group(ids)).all().map(Self.view)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The weapons a body holds, as the system reads them: a destruction names them by serial.
    func held(by body: String) async throws -> [WeaponView] {
        try await Self.table.unscoped(sql, because: "a destruction's serials are matched against the body's own register; the caller keeps it")
            .columns(Self.columns.map { SQLColumn($0) }).where("body_code", .equal, body).all().map(Self.view)
    }

    /// Every weapon and event of these bodies, for the year's report (figures only leave the store).
    func facts(bodies: Set<String>) async throws -> (weapons: [ArmsYearReport.Weapon], events: [ArmsYearReport.Event]) {
        let rows = try await Self.table.unscoped(sql, because: "the yearly report counts the reporting body's register; only figures leave")
            .columns(Self.columns.map { SQLColumn($0) }).where(SQLColumn("body_code"), .in, SQLBind.group(bodies.sorted())).all().map(Self.view)
        let weapons = rows.map {
            ArmsYearReport.Weapon(
                id: $0.id, type: $0.type, status: $0.status, registeredOn: $0.registeredOn, unmarked: $0.marks.unmarked, altered: $0.marks.altered)
        }
        var events: [ArmsYearReport.Event] = []
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let ids = rows[chunk..<min(chunk + 500, rows.count)].map(\.id)
            for r in try await sql.select().columns("weapon_id", "kind", "on_date", "status", "details").from("weapon_events")
                .where(SQLColumn("weapon_id"), .in, SQLBind.group(ids)).all()
            {
                let d = MediationStore.decode([String: String].self, try r.decode(column: "details", as: String.self)) ?? [:]
                events.append(
                    ArmsYearReport.Event(
                        weapon: try r.decode(column: "weapon_id", as: String.self),
                        kind: WeaponEventKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .status,
                        on: try r.decode(column: "on_date", as: String.self),
                        status: try r.decode(column: "status", as: String?.self).flatMap(WeaponStatus.init(rawValue:)),
                        direction: d["direction"].flatMap(TransferDirection.init(rawValue:)), partner: d["partner"]))
            }
        }
        return (weapons, events)
    }

    func history(_ id: String) async throws -> [WeaponEventView] {
        try await sql.select().columns("seq", "on_date", "at", "kind", "status", "body_code", "details", "actor").from("weapon_events")
            .where("weapon_id", .equal, id).orderBy("seq").all().map { r in
                WeaponEventView(
                    seq: try r.decode(column: "seq", as: Int.self), on: try r.decode(column: "on_date", as: String.self),
                    at: try r.decode(column: "at", as: String.self),
                    kind: WeaponEventKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .status,
                    status: try r.decode(column: "status", as: String?.self).flatMap(WeaponStatus.init(rawValue:)),
                    body: try r.decode(column: "body_code", as: String?.self),
                    details: MediationStore.decode([String: String].self, try r.decode(column: "details", as: String.self)) ?? [:],
                    actor: try r.decode(column: "actor", as: String.self))
            }
    }

    static func view(_ r: any SQLRow) throws -> WeaponView {
        WeaponView(
            id: try r.decode(column: "id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
            classification: Classification(rawValue: try r.decode(column: "classification", as: String.self)) ?? .restricted,
            store: try r.decode(column: "store", as: String?.self),
            type: WeaponType(rawValue: try r.decode(column: "type", as: String.self)) ?? .other,
            status: WeaponStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .inCustody,
            marks: MediationStore.decode(WeaponMarks.self, try r.decode(column: "marks", as: String.self)) ?? WeaponMarks(),
            incident: try r.decode(column: "incident_id", as: String?.self), area: try r.decode(column: "area_code", as: String?.self),
            campaign: try r.decode(column: "campaign_id", as: String?.self), registeredOn: try r.decode(column: "registered_on", as: String.self),
            createdAt: try r.decode(column: "created_at", as: String.self), updatedAt: try r.decode(column: "updated_at", as: String.self))
    }
}

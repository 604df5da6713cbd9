import AgoraCore
import Foundation
import SQLKit
import Vapor

struct CollectionPoint: Content, Equatable {
    var name: String
    var area: String?
}

struct CampaignView: Content {
    var id, body, name, startsOn, endsOn: String
    var areas: [String]
    var incentives: String?
    var points: [CollectionPoint]
    var ddrProgramme: String?
    /// Weapons collected, by type (counts only: public).
    var collected: [String: Int]
}

struct AmmunitionView: Content {
    var id, body, lot: String
    var classification: Classification
    var headstamp, calibre, store: String?
    var quantity: Int
    var status: WeaponStatus
}

/// What the public reads of a destruction: when, where, how, counted by type, witnessed by whom.
struct DestructionView: Content {
    var id, body, on, place, summary: String
    var method: DestructionMethod
    var witnesses: [String]
    var certificate: String?
    var weapons, rounds: Int
    var byType: [String: Int]
    /// The serials destroyed, for those who read the weapons (absent from the public view).
    var serials: [String]?
    /// Photo ids (`/api/v1/arms/destructions/{id}/photos/{photo}`): public.
    var photos: [String]? = nil
}

struct SignedArmsReport: Content {
    var body: String
    var year: Int
    var figures: ArmsYearReport
    var digest, signedBy, signedAt: String
}

extension ArmsYearReport: Content {}

/// Collection campaigns, destructions, ammunition lots and the signed yearly reports. Campaigns and destruction
/// summaries are public; ammunition lots are scoped as weapons are.
struct ArmsStore: Sendable {
    let sql: any SQLDatabase
    static let ammunition = ScopedTable(recordType: "ammunition", table: "ammunition_lots")

    // MARK: campaigns

    func createCampaign(_ c: CampaignView, actor: String) async throws {
        try await sql.insert(into: "arms_campaigns").columns(
            "id", "body_code", "name", "areas", "starts_on", "ends_on", "incentives", "points", "ddr_programme", "created_by", "created_at"
        ).values(
            [
                SQLBind(c.id), SQLBind(c.body), SQLBind(c.name), SQLBind(MediationStore.json(c.areas)), SQLBind(c.startsOn), SQLBind(c.endsOn),
                SQLBind(c.incentives), SQLBind(MediationStore.json(c.points)), SQLBind(c.ddrProgramme), SQLBind(actor), SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "campaign", recordType: "arms-campaign", recordID: c.id, content: c)
    }

    func campaigns(body: String? = nil, id: String? = nil) async throws -> [CampaignView] {
        var q = sql.select().columns("id", "body_code", "name", "areas", "starts_on", "ends_on", "incentives", "points", "ddr_programme")
            .from("arms_campaigns")
        if let body { q = q.where("body_code", .equal, body) }
        if let id { q = q.where("id", .equal, id) }
        let rows = try await q.orderBy("starts_on", .descending).limit(500).all()
        var counts: [String: [String: Int]] = [:]
        if !rows.isEmpty {
            let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
            for r in try await WeaponStore.table.unscoped(sql, because: "a campaign's public counts by type; no weapon leaves")
                .column("campaign_id").column("type").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").where(
                    SQLColumn("campaign_id"), .in, SQLBind.group(ids)
                ).groupBy("campaign_id").groupBy("type").all()
            {
                counts[try r.decode(column: "campaign_id", as: String.self), default: [:]][try r.decode(column: "type", as: String.self)] =
                    try r.decode(column: "n", as: Int.self)
            }
        }
        return try rows.map { r in
            let id = try r.decode(column: "id", as: String.self)
            return CampaignView(
                id: id, body: try r.decode(column: "body_code", as: String.self), name: try r.decode(column: "name", as: String.self),
                startsOn: try r.decode(column: "starts_on", as: String.self), endsOn: try r.decode(column: "ends_on", as: String.self),
                areas: MediationStore.decode([String].self, try r.decode(column: "areas", as: String.self)) ?? [],
                incentives: try r.decode(column: "incentives", as: String?.self),
                points: MediationStore.decode([CollectionPoint].self, try r.decode(column: "points", as: String.self)) ?? [],
                ddrProgramme: try r.decode(column: "ddr_programme", as: String?.self), collected: counts[id] ?? [:])
        }
    }

    // MARK: destructions

    func createDestruction(_ d: DestructionView, weaponIDs: [String], actor: String) async throws {
        try await sql.insert(into: "arms_destructions").columns(
            "id", "body_code", "on_date", "method", "place", "witnesses", "certificate", "summary", "weapons", "rounds", "by_type", "created_by",
            "created_at"
        ).values(
            [
                SQLBind(d.id), SQLBind(d.body), SQLBind(d.on), SQLBind(d.method.rawValue), SQLBind(d.place),
                SQLBind(MediationStore.json(d.witnesses)),
                SQLBind(d.certificate), SQLBind(d.summary), SQLBind(d.weapons), SQLBind(d.rounds), SQLBind(MediationStore.json(d.byType)),
                SQLBind(actor), SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        for chunk in stride(from: 0, to: weaponIDs.count, by: 200) {
            var q = sql.insert(into: "arms_destruction_items").columns("destruction_id", "weapon_id")
            for w in weaponIDs[chunk..<min(chunk + 200, weaponIDs.count)] { q = q.values(SQLBind(d.id), SQLBind(w)) }
            try await q.run()
        }
        try await AuditStore(sql: sql).append(actor: actor, action: "destruction", recordType: "arms-destruction", recordID: d.id, content: d)
    }

    func destructions(body: String? = nil, id: String? = nil) async throws -> [DestructionView] {
        var q = sql.select().columns(
            "id", "body_code", "on_date", "method", "place", "witnesses", "certificate", "summary", "weapons", "rounds", "by_type"
        )
        .from("arms_destructions")
        if let body { q = q.where("body_code", .equal, body) }
        if let id { q = q.where("id", .equal, id) }
        var out = try await q.orderBy("on_date", .descending).limit(500).all().map { r in
            DestructionView(
                id: try r.decode(column: "id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
                on: try r.decode(column: "on_date", as: String.self), place: try r.decode(column: "place", as: String.self),
                summary: try r.decode(column: "summary", as: String.self),
                method: DestructionMethod(rawValue: try r.decode(column: "method", as: String.self)) ?? .other,
                witnesses: MediationStore.decode([String].self, try r.decode(column: "witnesses", as: String.self)) ?? [],
                certificate: try r.decode(column: "certificate", as: String?.self), weapons: try r.decode(column: "weapons", as: Int.self),
                rounds: try r.decode(column: "rounds", as: Int.self),
                byType: MediationStore.decode([String: Int].self, try r.decode(column: "by_type", as: String.self)) ?? [:])
        }
        let photos = try await ArmsPhotoStore(sql: sql).ids("arms-destruction", out.map(\.id))
        for i in out.indices { out[i].photos = photos[out[i].id] ?? [] }
        return out
    }

    func destroyedWeapons(_ destruction: String) async throws -> [String] {
        try await sql.select().column("weapon_id").from("arms_destruction_items").where("destruction_id", .equal, destruction).all().map {
            try $0.decode(column: "weapon_id", as: String.self)
        }
    }

    // MARK: ammunition

    func addLot(_ a: AmmunitionView, actor: String) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "ammunition_lots").columns(
            "id", "body_code", "classification", "lot", "headstamp", "calibre", "quantity", "status", "store", "created_by", "created_at",
            "updated_at"
        ).values(
            [
                SQLBind(a.id), SQLBind(a.body), SQLBind(a.classification.rawValue), SQLBind(a.lot), SQLBind(a.headstamp), SQLBind(a.calibre),
                SQLBind(a.quantity), SQLBind(a.status.rawValue), SQLBind(a.store), SQLBind(actor), SQLBind(now), SQLBind(now),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "ammunition", recordType: "ammunition", recordID: a.id, content: a)
    }

    func lots(_ scope: AccessScope) async throws -> [AmmunitionView] {
        try await lots(Self.ammunition.select(sql, scope))
    }

    /// A body's own lots, as the system reads them: a destruction names them by lot number.
    func lots(heldBy body: String) async throws -> [AmmunitionView] {
        try await lots(
            Self.ammunition.unscoped(sql, because: "a destruction's lots are matched against the body's own; the caller keeps it").where(
                "body_code", .equal, body))
    }

    private func lots(_ q: SQLSelectBuilder) async throws -> [AmmunitionView] {
        try await q.columns("id", "body_code", "classification", "lot", "headstamp", "calibre", "quantity", "status", "store").orderBy(
            "created_at", .descending
        ).limit(500).all().map { r in
            AmmunitionView(
                id: try r.decode(column: "id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
                lot: try r.decode(column: "lot", as: String.self),
                classification: Classification(rawValue: try r.decode(column: "classification", as: String.self)) ?? .restricted,
                headstamp: try r.decode(column: "headstamp", as: String?.self), calibre: try r.decode(column: "calibre", as: String?.self),
                store: try r.decode(column: "store", as: String?.self), quantity: try r.decode(column: "quantity", as: Int.self),
                status: WeaponStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .inCustody)
        }
    }

    /// Rounds of a lot destroyed: the lot shrinks, and is `destroyed` once empty.
    func destroyRounds(lot: String, quantity: Int, left: Int, actor: String) async throws {
        var u = sql.update("ammunition_lots").set("quantity", to: left).set("updated_at", to: Timestamp.now())
        if left == 0 { u = u.set("status", to: WeaponStatus.destroyed.rawValue) }
        try await u.where("id", .equal, lot).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "ammunition.destroyed", recordType: "ammunition", recordID: lot, content: [quantity])
    }

    // MARK: signed reports

    func sign(_ r: SignedArmsReport, actor: String) async throws {
        try await sql.delete(from: "arms_reports").where("body_code", .equal, r.body).where("year", .equal, r.year).run()
        try await sql.insert(into: "arms_reports").columns("body_code", "year", "figures", "digest", "signed_by", "signed_at")
            .values(
                SQLBind(r.body), SQLBind(r.year), SQLBind(MediationStore.json(r.figures)), SQLBind(r.digest), SQLBind(r.signedBy), SQLBind(r.signedAt)
            )
            .run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "arms-report.signed", recordType: "arms-report", recordID: "\(r.body)/\(r.year)", content: [r.digest])
    }

    func signed(body: String, year: Int) async throws -> SignedArmsReport? {
        guard
            let r = try await sql.select().columns("figures", "digest", "signed_by", "signed_at").from("arms_reports").where(
                "body_code", .equal, body
            )
            .where("year", .equal, year).first(),
            let figures = MediationStore.decode(ArmsYearReport.self, try r.decode(column: "figures", as: String.self))
        else { return nil }
        return SignedArmsReport(
            body: body, year: year, figures: figures, digest: try r.decode(column: "digest", as: String.self),
            signedBy: try r.decode(column: "signed_by", as: String.self), signedAt: try r.decode(column: "signed_at", as: String.self))
    }

    /// Destructions and campaigns of these bodies, for the year's report.
    func facts(bodies: Set<String>) async throws -> (destructions: [ArmsYearReport.Destruction], campaigns: [ArmsYearReport.Campaign]) {
        var d: [ArmsYearReport.Destruction] = []
        var c: [ArmsYearReport.Campaign] = []
        for b in bodies.sorted() {
            d += try await destructions(body: b).map { .init(on: $0.on, method: $0.method, rounds: $0.rounds) }
            c += try await campaigns(body: b).map { .init(startsOn: $0.startsOn, endsOn: $0.endsOn) }
        }
        return (d, c)
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

struct ProgrammeView: Content {
    var id, body, name, area, startsOn, childProtection: String
}

struct DDREventView: Content {
    var seq: Int
    var on, at, kind: String
    var stage: DDRStage?
    var details: [String: String]
    var actor: String
}

struct PaymentView: Content {
    var id, tranche, currency, paidOn, channel: String
    var amount: Double
    var acknowledged, secondPayment: Bool
    var reason: String?
}

/// A participant as the programme's staff see them: a pseudonym and what the programme needs, never the identity.
struct ParticipantView: Content {
    var id, pseudonym, programme, body, sex, ageGroup, area, registeredOn: String
    var category: DDRCategory
    var stage, furthest: DDRStage
    var faction, referredOn: String?
    var history: [DDREventView]?
    var payments: [PaymentView]?
}

/// DDR programmes and their participants. A participant is confidential to the programme's body (a party of the
/// record): bodies above it receive aggregates only. The identity is sealed (AES-GCM, bound to the participant's id);
/// only keyed hashes of its attributes are compared.
struct DDRStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "ddr-participant", table: "ddr_participants", classification: .confidential, hasParties: true)
    static let columns = [
        "id", "pseudonym", "programme_id", "body_code", "category", "sex", "age_group", "area_code", "faction", "stage", "furthest", "referred_on",
        "registered_on",
    ]

    // MARK: programmes

    func createProgramme(_ p: ProgrammeView, actor: String) async throws {
        try await sql.insert(into: "ddr_programmes").columns(
            "id", "body_code", "name", "area_code", "starts_on", "child_protection", "created_by", "created_at"
        )
        .values(
            SQLBind(p.id), SQLBind(p.body), SQLBind(p.name), SQLBind(p.area), SQLBind(p.startsOn), SQLBind(p.childProtection), SQLBind(actor),
            SQLBind(Timestamp.now())
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "ddr-programme", recordType: "ddr-programme", recordID: p.id, content: p)
    }

    func programmes(id: String? = nil) async throws -> [ProgrammeView] {
        var q = sql.select().columns("id", "body_code", "name", "area_code", "starts_on", "child_protection").from("ddr_programmes")
        if let id { q = q.where("id", .equal, id) }
        return try await q.orderBy("starts_on", .descending).all().map {
            ProgrammeView(
                id: try $0.decode(column: "id", as: String.self), body: try $0.decode(column: "body_code", as: String.self),
                name: try $0.decode(column: "name", as: String.self), area: try $0.decode(column: "area_code", as: String.self),
                startsOn: try $0.decode(column: "starts_on", as: String.self),
                childProtection: try $0.decode(column: "child_protection", as: String.self))
        }
    }

    // MARK: participants

    func register(_ p: ParticipantView, sealedIdentity: String, keys: [String], actor: String) async throws {
        try await sql.insert(into: "ddr_participants").columns(Self.columns + ["identity", "created_by", "updated_at"]).values(
            [
                SQLBind(p.id), SQLBind(p.pseudonym), SQLBind(p.programme), SQLBind(p.body), SQLBind(p.category.rawValue), SQLBind(p.sex),
                SQLBind(p.ageGroup), SQLBind(p.area), SQLBind(p.faction), SQLBind(p.stage.rawValue), SQLBind(p.furthest.rawValue),
                SQLBind(p.referredOn), SQLBind(p.registeredOn), SQLBind(sealedIdentity), SQLBind(actor), SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await Parties(sql: sql).add("ddr-participant", p.id, body: p.body, role: "programme")
        for k in Set(keys) {
            try await sql.insert(into: "ddr_identity_keys").columns("match_key", "participant_id").values(SQLBind(k), SQLBind(p.id)).run()
        }
        try await event(p.id, kind: "registered", on: p.registeredOn, stage: .registered, details: ["category": p.category.rawValue], actor: actor)
        if let r = p.referredOn {
            try await event(p.id, kind: "referred", on: r, stage: nil, details: ["to": "child protection"], actor: actor)
        }
    }

    /// Participants already holding any of these keys (a possible double registration), across every programme.
    func holders(of keys: [String]) async throws -> [(id: String, pseudonym: String, programme: String)] {
        guard !keys.isEmpty else { return [] }
        return try await Self.table.unscoped(
            sql, because: "a registration is compared with every participant's keys; the match is told as a pseudonym"
        )
        .columns("id", "pseudonym", "programme_id")
        .where(SQLColumn("id"), .in, SQLQueryString("(SELECT participant_id FROM ddr_identity_keys WHERE match_key IN \(SQLBind.group(keys)))"))
        .all().map {
            (
                try $0.decode(column: "id", as: String.self), try $0.decode(column: "pseudonym", as: String.self),
                try $0.decode(column: "programme_id", as: String.self)
            )
        }
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> ParticipantView? {
        guard let r = try await Self.table.select(sql, scope).columns(Self.columns.map { SQLColumn($0) }).where("id", .equal, id).first() else {
            return nil
        }
        var p = try Self.view(r)
        p.history = try await history(id)
        p.payments = try await payments(id)
        return p
    }

    func list(_ scope: AccessScope, programme: String) async throws -> [ParticipantView] {
        try await Self.table.select(sql, scope).columns(Self.columns.map { SQLColumn($0) }).where("programme_id", .equal, programme)
            .orderBy("registered_on", .descending).orderBy("pseudonym").limit(1000).all().map(Self.view)
    }

    /// The sealed identity, for a caller already checked: the opening is on the audit chain with the reason given.
    func sealedIdentity(_ id: String, reason: String, actor: String) async throws -> String? {
        guard
            let s = try await Self.table.unscoped(sql, because: "the identity vault is opened by named roles, checked by the caller and audited here")
                .column("identity").where("id", .equal, id).first()?.decode(column: "identity", as: String.self)
        else { return nil }
        try await AuditStore(sql: sql).append(
            actor: actor, action: "ddr.identity-opened", recordType: "ddr-participant", recordID: id, content: [reason])
        return s
    }

    func move(_ id: String, to stage: DDRStage, furthest: DDRStage, on: String, details: [String: String], actor: String) async throws {
        try await sql.update("ddr_participants").set("stage", to: stage.rawValue).set("furthest", to: furthest.rawValue)
            .set("updated_at", to: Timestamp.now()).where("id", .equal, id).run()
        try await event(id, kind: "stage", on: on, stage: stage, details: details, actor: actor)
    }

    func event(_ id: String, kind: String, on: String, stage: DDRStage?, details: [String: String], actor: String) async throws {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("ddr_events")
                .where("participant_id", .equal, id).first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await sql.insert(into: "ddr_events").columns("participant_id", "seq", "on_date", "at", "kind", "stage", "details", "actor")
            .values(
                SQLBind(id), SQLBind(seq), SQLBind(on), SQLBind(Timestamp.now()), SQLBind(kind), SQLBind(stage?.rawValue),
                SQLBind(MediationStore.json(details)), SQLBind(actor)
            ).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "ddr.\(kind)", recordType: "ddr-participant", recordID: id, content: [stage?.rawValue ?? ""])
    }

    func history(_ id: String) async throws -> [DDREventView] {
        try await sql.select().columns("seq", "on_date", "at", "kind", "stage", "details", "actor").from("ddr_events")
            .where("participant_id", .equal, id).orderBy("seq").all().map {
                DDREventView(
                    seq: try $0.decode(column: "seq", as: Int.self), on: try $0.decode(column: "on_date", as: String.self),
                    at: try $0.decode(column: "at", as: String.self), kind: try $0.decode(column: "kind", as: String.self),
                    stage: try $0.decode(column: "stage", as: String?.self).flatMap(DDRStage.init(rawValue:)),
                    details: MediationStore.decode([String: String].self, try $0.decode(column: "details", as: String.self)) ?? [:],
                    actor: try $0.decode(column: "actor", as: String.self))
            }
    }

    // MARK: entitlements

    func pay(_ p: PaymentView, participant: String, actor: String) async throws {
        try await sql.insert(into: "ddr_payments").columns(
            "id", "participant_id", "tranche", "amount_minor", "currency", "paid_on", "channel", "acknowledged", "second_payment", "reason",
            "created_by", "created_at"
        ).values(
            [
                SQLBind(p.id), SQLBind(participant), SQLBind(p.tranche), SQLBind(Int((p.amount * 100).rounded())), SQLBind(p.currency),
                SQLBind(p.paidOn), SQLBind(p.channel), SQLBind(p.acknowledged), SQLBind(p.secondPayment), SQLBind(p.reason), SQLBind(actor),
                SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "ddr.payment", recordType: "ddr-participant", recordID: participant, content: p)
    }

    func payments(_ participant: String) async throws -> [PaymentView] {
        try await sql.select().columns("id", "tranche", "amount_minor", "currency", "paid_on", "channel", "acknowledged", "second_payment", "reason")
            .from("ddr_payments").where("participant_id", .equal, participant).orderBy("paid_on").orderBy("created_at").all().map {
                PaymentView(
                    id: try $0.decode(column: "id", as: String.self), tranche: try $0.decode(column: "tranche", as: String.self),
                    currency: try $0.decode(column: "currency", as: String.self), paidOn: try $0.decode(column: "paid_on", as: String.self),
                    channel: try $0.decode(column: "channel", as: String.self),
                    amount: Double(try $0.decode(column: "amount_minor", as: Int.self)) / 100,
                    acknowledged: try $0.decode(column: "acknowledged", as: Bool.self),
                    secondPayment: try $0.decode(column: "second_payment", as: Bool.self), reason: try $0.decode(column: "reason", as: String?.self))
            }
    }

    /// Every participant of a programme reduced to what aggregates count (only suppressed counts leave).
    func aggregateRows(programme: String) async throws -> [DDRAggregates.Row] {
        try await Self.table.unscoped(sql, because: "aggregates leave the programme with small cells suppressed; no row leaves")
            .columns("sex", "age_group", "category", "stage", "furthest", "area_code").where("programme_id", .equal, programme).all().map {
                DDRAggregates.Row(
                    sex: try $0.decode(column: "sex", as: String.self), ageGroup: try $0.decode(column: "age_group", as: String.self),
                    category: DDRCategory(rawValue: try $0.decode(column: "category", as: String.self)) ?? .combatant,
                    stage: DDRStage(rawValue: try $0.decode(column: "stage", as: String.self)) ?? .registered,
                    area: try $0.decode(column: "area_code", as: String.self),
                    furthest: DDRStage(rawValue: try $0.decode(column: "furthest", as: String.self)) ?? .registered)
            }
    }

    static func view(_ r: any SQLRow) throws -> ParticipantView {
        ParticipantView(
            id: try r.decode(column: "id", as: String.self), pseudonym: try r.decode(column: "pseudonym", as: String.self),
            programme: try r.decode(column: "programme_id", as: String.self), body: try r.decode(column: "body_code", as: String.self),
            sex: try r.decode(column: "sex", as: String.self), ageGroup: try r.decode(column: "age_group", as: String.self),
            area: try r.decode(column: "area_code", as: String.self), registeredOn: try r.decode(column: "registered_on", as: String.self),
            category: DDRCategory(rawValue: try r.decode(column: "category", as: String.self)) ?? .combatant,
            stage: DDRStage(rawValue: try r.decode(column: "stage", as: String.self)) ?? .registered,
            furthest: DDRStage(rawValue: try r.decode(column: "furthest", as: String.self)) ?? .registered,
            faction: try r.decode(column: "faction", as: String?.self), referredOn: try r.decode(column: "referred_on", as: String?.self))
    }
}

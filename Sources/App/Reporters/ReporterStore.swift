import AgoraCore
import Foundation
import SQLKit
import Vapor

struct ReporterStore: Sendable {
    let sql: any SQLDatabase
    /// Reporters are never public: members of the body that registered them, and the bodies above, know the pseudonym.
    static let table = ScopedTable(recordType: "reporter", table: "reporters", classification: .restricted)

    private struct Row: Decodable {
        var id, pseudonym, bodyCode, createdAt: String
        var contactSealed: String?
    }

    /// Whether any body has registered this pseudonym, unscoped: a pseudonym is unique installation-wide, and the
    /// answer says only "taken".
    func isTaken(pseudonym: String) async throws -> Bool {
        try await Self.table.unscoped(sql, because: "a pseudonym is unique installation-wide; the answer says only taken").column("id").where(
            "pseudonym", .equal, pseudonym
        ).first() != nil
    }

    func list(_ scope: AccessScope, body: String?, page: PageRequest) async throws -> [ReporterView] {
        var q = Self.table.select(sql, scope).columns("id", "pseudonym", "body_code", "contact_sealed", "created_at")
        if let body { q = q.where("body_code", .equal, body) }
        if let after = page.after { q = q.where("id", .greaterThan, after) }
        return try await q.orderBy("id").limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> ReporterView? {
        try await Self.table.select(sql, scope).columns("id", "pseudonym", "body_code", "contact_sealed", "created_at")
            .where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    private static func view(_ r: Row) -> ReporterView {
        ReporterView(id: r.id, pseudonym: r.pseudonym, body: r.bodyCode, hasContact: r.contactSealed != nil, createdAt: r.createdAt)
    }

    func sealedContact(_ id: String) async throws -> (body: String, sealed: String?)? {
        guard
            let r = try await Self.table.unscoped(sql, because: "the caller checks the coordinator rule before anything is opened").columns(
                "body_code", "contact_sealed"
            ).where("id", .equal, id).first()
        else { return nil }
        return (try r.decode(column: "body_code", as: String.self), try r.decode(column: "contact_sealed", as: String?.self))
    }

    func create(pseudonym: String, body: String, contact: ContactDetails?, vault: ContactVault, actor: String) async throws -> ReporterView {
        let id = UUID().uuidString.lowercased()
        let sealed = try contact.flatMap { $0.isEmpty ? nil : try vault.seal($0, recordID: id) }
        let now = Timestamp.now()
        let phoneKey = contact?.phone.flatMap { vault.phoneKeys.key($0) }
        try await sql.insert(into: "reporters").columns("id", "pseudonym", "body_code", "contact_sealed", "phone_key", "created_by", "created_at")
            .values(SQLBind(id), SQLBind(pseudonym), SQLBind(body), SQLBind(sealed), SQLBind(phoneKey), SQLBind(actor), SQLBind(now)).run()
        // The audit trail hashes the pseudonym and the sealed form only: the clear contact never leaves memory.
        try await AuditStore(sql: sql).append(
            actor: actor, action: "create", recordType: "reporter", recordID: id, content: [pseudonym, body, sealed ?? ""])
        return ReporterView(id: id, pseudonym: pseudonym, body: body, hasContact: sealed != nil, createdAt: now)
    }

    /// The reporter an SMS or USSD session comes from, by the keyed hash of the number (the system reads it for the
    /// channel, which files the report with the reporter's own body).
    func reporter(phoneKey: String) async throws -> (id: String, body: String, pseudonym: String)? {
        guard
            let r = try await Self.table.unscoped(sql, because: "an SMS is matched to its reporter by the keyed hash of the number; nothing is shown")
                .columns("id", "body_code", "pseudonym").where("phone_key", .equal, phoneKey).orderBy("created_at").first()
        else { return nil }
        return (
            try r.decode(column: "id", as: String.self), try r.decode(column: "body_code", as: String.self),
            try r.decode(column: "pseudonym", as: String.self)
        )
    }

    /// Reporters registered before phone keys existed get theirs (at start-up; a handful of rows, each opened in memory).
    func backfillPhoneKeys(vault: ContactVault) async throws -> Int {
        var n = 0
        for r in try await Self.table.unscoped(sql, because: "start-up: phone keys for reporters registered before they existed")
            .columns("id", "contact_sealed").where(SQLColumn("phone_key"), .is, SQLLiteral.null).where(
                SQLColumn("contact_sealed"), .isNot, SQLLiteral.null
            )
            .all()
        {
            let id = try r.decode(column: "id", as: String.self)
            guard let sealed = try r.decode(column: "contact_sealed", as: String?.self), let phone = try? vault.open(sealed, recordID: id).phone,
                let key = vault.phoneKeys.key(phone)
            else { continue }
            try await sql.update("reporters").set("phone_key", to: key).where("id", .equal, id).run()
            n += 1
        }
        return n
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Reads and writes bodies, their jurisdiction, mandate topics, partners and members, and organisations.
struct BodyStore: Sendable {
    let sql: any SQLDatabase

    /// What a body's alerts start as until someone chooses: its setting, else `restricted`.
    func alertClassification(_ code: String) async throws -> Classification {
        try await sql.select().column("alert_classification").from("bodies").where("code", .equal, code).first()
            .flatMap { try $0.decodeNil(column: "alert_classification") ? nil : $0.decode(column: "alert_classification", as: Classification.self) }
            ?? .restricted
    }
    private var decoder: SQLRowDecoder { AreaStore.decoder }

    struct Filter: Hashable, Sendable {
        var level: BodyLevel?
        var kind: BodyKind?
        var topic: Topic?
        /// Bodies whose jurisdiction covers this area (directly or through an ancestor).
        var areaPath: [String]?
        var parent: String?
        var organisation: String?
        var text: String?
    }

    func get(_ code: String) async throws -> BodyView? {
        guard
            let r = try await sql.select().column(BodyRecord.selected).from("bodies")
                .where("code", .equal, code).first().map(BodyRecord.init(row:))
        else { return nil }
        return try await views([r]).first
    }

    func list(_ f: Filter, page: PageRequest) async throws -> [BodyView] {
        var q = sql.select().column(BodyRecord.selected).from("bodies")
        if let l = f.level { q = q.where("level", .equal, l.rawValue) }
        if let k = f.kind { q = q.where("kind", .equal, k.rawValue) }
        if let p = f.parent { q = q.where("parent_code", .equal, p) }
        if let o = f.organisation { q = q.where("organisation_code", .equal, o) }
        if let t = f.text?.lowercased(), !t.isEmpty {
            q = q.where(SQLFunction("LOWER", args: SQLColumn("name")), .like, SQLBind("%" + AreaStore.escapeLike(t) + "%"))
        }
        if let t = f.topic {
            q = q.where("code", .in, SQLSubquery.select { $0.column("body_code").from("body_topics").where("topic", .equal, t.rawValue) })
        }
        if let path = f.areaPath {
            guard !path.isEmpty else { return [] }
            q = q.where { w in
                w.where("worldwide", .equal, true)
                    .orWhere("code", .in, SQLSubquery.select { $0.column("body_code").from("body_jurisdictions").where("area_code", .in, path) })
            }
        }
        if let after = page.after { q = q.where("code", .greaterThan, after) }
        let rows = try await q.orderBy("code").limit(page.limit + 1).all().map(BodyRecord.init(row:))
        return try await views(rows)
    }

    /// Adds jurisdiction, topics, partners and composition to rows, with one query per table.
    private func views(_ rows: [BodyRecord]) async throws -> [BodyView] {
        guard !rows.isEmpty else { return [] }
        let codes = rows.map(\.code)
        func pairs(_ table: String, _ key: String, _ value: String) async throws -> [String: [String]] {
            let found = try await sql.select().columns(key, value).from(table).where(key, .in, codes).orderBy(value).all()
            var out: [String: [String]] = [:]
            for r in found { out[try r.decode(column: key, as: String.self), default: []].append(try r.decode(column: value, as: String.self)) }
            return out
        }
        let jurisdiction = try await pairs("body_jurisdictions", "body_code", "area_code")
        let topics = try await pairs("body_topics", "body_code", "topic")
        let partners = try await pairs("body_partners", "body_code", "partner_code")
        let sharing = try await pairs("body_sharing", "body_code", "reader_code")
        let members = try await pairs("body_members", "body_code", "categories")
        return rows.map { r in
            let cats = (members[r.code] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
            return BodyView(
                code: r.code, name: r.name,
                names: (try? JSONDecoder().decode([String: String].self, from: Data(r.names.utf8))) ?? [:],
                level: r.level, kind: r.kind, organisation: r.organisationCode, parent: r.parentCode, legalBasis: r.legalBasis,
                description: r.description, website: r.website, contact: r.contact,
                alertClassification: r.alertClassification ?? .restricted, worldwide: r.worldwide,
                jurisdiction: jurisdiction[r.code] ?? [], topics: topics[r.code] ?? [], partners: partners[r.code] ?? [],
                sharesRestrictedWith: sharing[r.code] ?? [],
                composition: Dictionary(cats.map { ($0, 1) }, uniquingKeysWith: +), memberCount: members[r.code]?.count ?? 0,
                createdAt: r.createdAt, updatedAt: r.updatedAt)
        }
    }

    struct Name: Sendable, Equatable {
        var name: String
        /// By language code, where the body has a name of its own in it.
        var names: [String: String]
        func named(in lang: String) -> String { names[lang] ?? name }
    }

    /// Every body's names, read column by column (three columns: not the whole record a page only takes the name of).
    func names() async throws -> [String: Name] {
        var out: [String: Name] = [:]
        for r in try await sql.select().columns("code", "name", "names").from("bodies").all() {
            let names = try r.decode(column: "names", as: String.self)
            out[try r.decode(column: "code", as: String.self)] = Name(
                name: try r.decode(column: "name", as: String.self),
                names: names.count > 2 ? (try? JSONDecoder().decode([String: String].self, from: Data(names.utf8))) ?? [:] : [:])
        }
        return out
    }

    func refs(_ codes: [String]) async throws -> [String: BodyRef] {
        guard !codes.isEmpty else { return [:] }
        let rows = try await sql.select().columns("code", "name", "level").from("bodies").where("code", .in, codes).all(decoding: BodyRef.self)
        return Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every body with its level, parent and jurisdiction paths: what access rights follow.
    func tree() async throws -> BodyTree {
        struct Row: Decodable {
            var code: String
            var level: String
            var kind: String
            var parentCode: String?
            var worldwide: Bool
        }
        let rows = try await sql.select().columns("code", "level", "kind", "parent_code", "worldwide").from("bodies").all(
            decoding: Row.self, with: decoder)
        var sharing: [String: Set<String>] = [:]
        for r in try await sql.select().columns("body_code", "reader_code").from("body_sharing").all() {
            sharing[try r.decode(column: "body_code", as: String.self), default: []].insert(try r.decode(column: "reader_code", as: String.self))
        }
        var jurisdiction: [String: [String]] = [:]
        for r in try await sql.select().columns("body_code", "area_code").from("body_jurisdictions").all() {
            jurisdiction[try r.decode(column: "body_code", as: String.self), default: []].append(try r.decode(column: "area_code", as: String.self))
        }
        let areas = try await AreaStore(sql: sql).nodes()
        func path(_ code: String) -> [String] {
            var out = [code]
            while let p = areas[out.last!]?.parent, !out.contains(p), out.count < 16 { out.append(p) }
            return out
        }
        return BodyTree(
            rows.map { r in
                BodyNode(
                    code: r.code, level: BodyLevel(rawValue: r.level) ?? .global, parent: r.parentCode,
                    jurisdictionPaths: (jurisdiction[r.code] ?? []).map(path), worldwide: r.worldwide,
                    civilSociety: r.kind == BodyKind.csoNetwork.rawValue, sharesWith: sharing[r.code] ?? [])
            })
    }

    // MARK: Competence

    /// The lowest body competent for the area and topic, then the way up. Loads only bodies whose
    /// mandate reaches the area, so it stays cheap with thousands of bodies.
    func competence(areaPath: [String], topic: Topic) async throws -> CompetenceAnswer {
        Competence.answer(areaPath: areaPath, topic: topic, bodies: try await profiles(areaPath: areaPath))
    }

    /// Every body whose mandate reaches the area, as the competence rule sees it.
    func profiles(areaPath: [String]) async throws -> [BodyProfile] {
        var profiles: [BodyProfile] = []
        var page = PageRequest(limit: PageRequest.maxLimit)
        while true {
            let batch = try await list(Filter(areaPath: areaPath), page: page)
            profiles += batch.prefix(page.limit).map { b in
                BodyProfile(
                    code: b.code, level: BodyLevel(rawValue: b.level) ?? .global,
                    topics: Set(b.topics.compactMap(Topic.init(rawValue:))), jurisdiction: Set(b.jurisdiction),
                    worldwide: b.worldwide, parent: b.parent)
            }
            guard batch.count > page.limit, let last = batch.prefix(page.limit).last else { break }
            page.after = last.code
        }
        return profiles
    }

    // MARK: Writes

    /// Creates or updates bodies after checking the whole batch against the store.
    /// A draft's `partners`, when given, is the body's full list of partners (links are symmetric).
    @discardableResult
    func upsert(_ drafts: [BodyDraft], actor: String) async throws -> (created: Int, updated: Int) {
        guard !drafts.isEmpty else { return (0, 0) }
        struct Row: Decodable {
            var code: String
            var level: String
            var parentCode: String?
        }
        let stored = try await sql.select().columns("code", "level", "parent_code").from("bodies").all(decoding: Row.self, with: decoder)
        var existing: [String: (level: BodyLevel, parent: String?)] = [:]
        for r in stored { existing[r.code] = (BodyLevel(rawValue: r.level) ?? .global, r.parentCode) }
        let areas = try await AreaStore(sql: sql).exists(Array(Set(drafts.flatMap(\.jurisdiction))))
        let orgs = try await organisationCodes(Array(Set(drafts.compactMap(\.organisation))))
        try BodyRules.check(drafts, context: .init(bodies: existing, areaExists: { areas.contains($0) }, organisationExists: { orgs.contains($0) }))

        let now = Timestamp.now()
        let columns = [
            "code", "name", "names", "level", "kind", "organisation_code", "parent_code", "legal_basis", "description",
            "website", "worldwide", "created_at", "updated_at",
        ]
        // A draft without `contact` keeps the stored one; a draft with it sets every field ("" clears one). The same
        // for `alertClassification`: absent keeps.
        let contactColumns = ["contact_phone", "contact_sms", "contact_email", "contact_address", "alert_classification"]
        for chunk in drafts.chunked(200) {
            var insert = sql.insert(into: "bodies").columns(columns + contactColumns)
            for d in chunk {
                let names = String(decoding: try JSONEncoder.sorted.encode(d.names ?? [:]), as: UTF8.self)
                insert = insert.values(
                    [
                        SQLBind(d.code), SQLBind(d.name), SQLBind(names), SQLBind(d.level.rawValue), SQLBind(d.kind.rawValue),
                        SQLBind(d.organisation), SQLBind(d.parent), SQLBind(d.legalBasis), SQLBind(d.description),
                        SQLBind(d.website), SQLBind(d.worldwide ?? false), SQLBind(now), SQLBind(now),
                    ] + [d.contact?.phone, d.contact?.sms, d.contact?.email, d.contact?.address].map { SQLBind(d.contact == nil ? nil : $0 ?? "") }
                        + [SQLBind(d.alertClassification?.rawValue)]
                        as [any SQLExpression])
            }
            try await insert.onConflict(with: ["code"]) { u in
                let set = columns.filter { $0 != "code" && $0 != "created_at" }.reduce(u) { $0.set(excludedValueOf: $1) }
                return contactColumns.reduce(set) {
                    $0.set(SQLColumn($1), to: SQLFunction("COALESCE", args: SQLExcludedColumn($1), SQLColumn($1, table: "bodies")))
                }
            }.run()
        }
        let codes = drafts.map(\.code)
        try await sql.delete(from: "body_jurisdictions").where("body_code", .in, codes).run()
        try await sql.delete(from: "body_topics").where("body_code", .in, codes).run()
        try await insertPairs("body_jurisdictions", ["body_code", "area_code"], drafts.flatMap { d in Set(d.jurisdiction).map { (d.code, $0) } })
        try await insertPairs("body_topics", ["body_code", "topic"], drafts.flatMap { d in Set(d.topics).map { (d.code, $0.rawValue) } })
        let withPartners = drafts.filter { $0.partners != nil }
        if !withPartners.isEmpty {
            let pc = withPartners.map(\.code)
            try await sql.delete(from: "body_partners").where { $0.where("body_code", .in, pc).orWhere("partner_code", .in, pc) }.run()
            var links = Set<String>()
            for d in withPartners {
                for p in d.partners! {
                    links.insert("\(d.code)|\(p)")
                    links.insert("\(p)|\(d.code)")
                }
            }
            try await insertPairs(
                "body_partners", ["body_code", "partner_code"],
                links.sorted().map {
                    let parts = $0.split(separator: "|", maxSplits: 1).map(String.init)
                    return (parts[0], parts[1])
                })
        }
        let sharing = drafts.filter { $0.sharesRestrictedWith != nil }
        if !sharing.isEmpty {
            try await sql.delete(from: "body_sharing").where("body_code", .in, sharing.map(\.code)).run()
            try await insertPairs(
                "body_sharing", ["body_code", "reader_code"], sharing.flatMap { d in Set(d.sharesRestrictedWith!).sorted().map { (d.code, $0) } })
        }
        try await sql.raw("UPDATE agora_meta SET value = value + 1 WHERE key = 'body_revision'").run()
        return try await AuditStore(sql: sql).appendUpsert(
            actor: actor, recordType: "body", codes: drafts.map(\.code),
            isNew: { existing[$0] == nil }, content: drafts)
    }

    private func insertPairs(_ table: String, _ columns: [String], _ rows: [(String, String)]) async throws {
        for chunk in rows.chunked(300) {
            var insert = sql.insert(into: table).columns(columns)
            for (a, b) in chunk { insert = insert.values(SQLBind(a), SQLBind(b)) }
            try await insert.run()
        }
    }

    // MARK: Organisations

    func organisationCodes(_ codes: [String]) async throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        let rows = try await sql.select().column("code").from("organisations").where("code", .in, codes).all()
        return Set(try rows.map { try $0.decode(column: "code", as: String.self) })
    }

    func organisations(page: PageRequest, kind: OrganisationKind?) async throws -> [OrganisationView] {
        var q = sql.select().columns("code", "name", "kind", "country_code", "website", "created_at", "updated_at").from("organisations")
        if let k = kind { q = q.where("kind", .equal, k.rawValue) }
        if let after = page.after { q = q.where("code", .greaterThan, after) }
        return try await q.orderBy("code").limit(page.limit + 1).all(decoding: OrganisationRow.self, with: decoder).map(\.view)
    }

    func organisation(_ code: String) async throws -> OrganisationView? {
        try await sql.select().columns("code", "name", "kind", "country_code", "website", "created_at", "updated_at").from("organisations")
            .where("code", .equal, code).first(decoding: OrganisationRow.self, with: decoder)?.view
    }

    private struct OrganisationRow: Decodable {
        var code, name, kind: String
        var countryCode, website: String?
        var createdAt, updatedAt: String
        var view: OrganisationView {
            OrganisationView(code: code, name: name, kind: kind, country: countryCode, website: website, createdAt: createdAt, updatedAt: updatedAt)
        }
    }

    func upsert(_ organisations: [OrganisationDraft], actor: String) async throws {
        guard !organisations.isEmpty else { return }
        let areas = try await AreaStore(sql: sql).exists(organisations.compactMap(\.country))
        try BodyRules.check(organisations, areaExists: { areas.contains($0) })
        let now = Timestamp.now()
        let columns = ["code", "name", "kind", "country_code", "website", "created_at", "updated_at"]
        for chunk in organisations.chunked(200) {
            var insert = sql.insert(into: "organisations").columns(columns)
            for o in chunk {
                insert = insert.values(
                    [
                        SQLBind(o.code), SQLBind(o.name), SQLBind(o.kind.rawValue), SQLBind(o.country), SQLBind(o.website),
                        SQLBind(now), SQLBind(now),
                    ] as [any SQLExpression])
            }
            try await insert.onConflict(with: ["code"]) { u in
                columns.filter { $0 != "code" && $0 != "created_at" }.reduce(u) { $0.set(excludedValueOf: $1) }
            }.run()
        }
        try await AuditStore(sql: sql).append(
            actor: actor, action: organisations.count == 1 ? "upsert" : "import", recordType: "organisation",
            recordID: organisations.count == 1 ? organisations[0].code : "\(organisations.count) organisations",
            content: organisations)
    }

    // MARK: Members

    func members(of body: String) async throws -> [MemberView] {
        struct Row: Decodable {
            var id, bodyCode, name, categories: String
            var organisationCode, role, since: String?
        }
        return try await sql.select().columns("id", "body_code", "name", "organisation_code", "categories", "role", "since")
            .from("body_members").where("body_code", .equal, body).orderBy("name").orderBy("id")
            .all(decoding: Row.self, with: decoder)
            .map {
                MemberView(
                    id: $0.id, body: $0.bodyCode, name: $0.name, organisation: $0.organisationCode,
                    categories: $0.categories.split(separator: ",").map(String.init), role: $0.role, since: $0.since)
            }
    }

    func addMember(_ m: MemberDraft, to body: String, actor: String) async throws -> MemberView {
        var issues = IssueCollector()
        if m.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("name", "is required") }
        if m.categories.isEmpty { issues.add("categories", "name at least one stakeholder category") }
        if let o = m.organisation, try await organisationCodes([o]).isEmpty { issues.add("organisation", "unknown organisation code '\(o)'") }
        try issues.throwIfAny()
        let id = UUID().uuidString.lowercased()
        try await sql.insert(into: "body_members").columns(
            "id", "body_code", "name", "organisation_code", "categories", "role", "since", "created_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(body), SQLBind(m.name), SQLBind(m.organisation), SQLBind(m.categories.map(\.rawValue).joined(separator: ",")),
                SQLBind(m.role), SQLBind(m.since), SQLBind(Timestamp.now()),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "member.add", recordType: "body", recordID: body, content: m)
        return MemberView(
            id: id, body: body, name: m.name, organisation: m.organisation, categories: m.categories.map(\.rawValue), role: m.role, since: m.since)
    }
}

/// A person sitting on a body, and whom they speak for.
struct MemberDraft: Codable, Sendable {
    var name: String
    var organisation: String?
    var categories: [StakeholderCategory]
    var role: String?
    var since: String?
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

struct AgreementHeaderView: Content {
    var id: String
    var paxId: Int?
    var title, signedOn, status, stage, parties, thirdParties, country, region: String
    var themes: [ThemeCode]
    var body, caseId: String?
    var classification: Classification
    var version: Int
    var text: String
    var signatories: [Signatory]
}

struct ScoreView: Content {
    var id, createdAt: String
    var entry: ScoreEntry
    var note: String
    var publishedAt: String?
}

struct ViolationView: Content {
    var id, agreement, source, occurredOn, area, description, createdAt, updatedAt: String
    var stipulation, allegedParty, finding, foundParty, foundStipulation: String?
    var state: ViolationState
    var incidents: [String]
    var steps: [ViolationStep]
}

/// Agreements, their versions, commitment trees, implementation scores, stalls and alleged violations. An agreement
/// is read through the one scoping (PA-X rows and public accords are `public`; one from a confidential mediation
/// can be `restricted` to its body until it is made public); everything under it is read only after it.
struct AgreementStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "agreement", table: "agreements")
    static let columns = [
        "id", "pax_id", "title", "signed_on", "status", "stage", "parties", "third_parties", "country", "region", "themes", "body_code", "case_id",
        "classification", "version", "text", "signatories", "created_at", "updated_at",
    ]
    static let selected = ColumnList(columns, table: "agreements")

    struct Row: Decodable, Sendable {
        var id, title, signedOn, status, stage, parties, thirdParties, country, region, themes, text, signatories: String
        var paxId: Int?
        var bodyCode, caseId: String?
        var classification: Classification
        var version: Int
    }

    static func view(_ r: Row) -> AgreementHeaderView {
        AgreementHeaderView(
            id: r.id, paxId: r.paxId, title: r.title, signedOn: r.signedOn, status: r.status, stage: r.stage, parties: r.parties,
            thirdParties: r.thirdParties, country: r.country, region: r.region, themes: MediationStore.decode([ThemeCode].self, r.themes) ?? [],
            body: r.bodyCode, caseId: r.caseId, classification: r.classification, version: r.version, text: r.text,
            signatories: MediationStore.decode([Signatory].self, r.signatories) ?? [])
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> Row? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder)
    }

    struct Filter: Sendable {
        var country: String?
        var caseID: String?
        var text: String?
        var tracked = false
    }

    func list(_ scope: AccessScope, _ f: Filter, page: PageRequest) async throws -> [Row] {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let c = f.country?.lowercased() {
            q = q.where(SQLFunction("LOWER", args: SQLColumn("country")), .like, SQLBind("%" + AreaStore.escapeLike(c) + "%"))
        }
        if let c = f.caseID { q = q.where("case_id", .equal, c) }
        if let t = f.text?.lowercased(), !t.isEmpty {
            q = q.where(SQLFunction("LOWER", args: SQLColumn("title")), .like, SQLBind("%" + AreaStore.escapeLike(t) + "%"))
        }
        // Tracked: agreements with a commitment tree (the ones a council follows), not every PA-X row.
        if f.tracked { q = q.where(SQLQueryString("EXISTS (SELECT 1 FROM stipulations s WHERE s.agreement_id = agreements.id)")) }
        if let after = page.after { q = q.where("id", .greaterThan, after) }
        return try await q.orderBy("id").limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder)
    }

    func create(_ d: AgreementDraft, body: String?, caseID: String?, classification: Classification, actor: String, id: String? = nil) async throws
        -> String
    {
        let id = id ?? UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "agreements").columns(Self.columns).values(Self.values(id, d, body, caseID, classification, now)).run()
        try await sql.insert(into: "agreement_versions").columns("agreement_id", "version", "text", "signatories", "created_by", "created_at")
            .values(SQLBind(id), SQLBind(1), SQLBind(d.text), SQLBind(MediationStore.json(d.signatories)), SQLBind(actor), SQLBind(now)).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "agreement", recordID: id, content: d)
        return id
    }

    static func values(_ id: String, _ d: AgreementDraft, _ body: String?, _ caseID: String?, _ cls: Classification, _ now: String)
        -> [any SQLExpression]
    {
        [
            SQLBind(id), SQLBind(d.paxID), SQLBind(d.title), SQLBind(d.date), SQLBind(d.status), SQLBind(d.stage), SQLBind(d.parties),
            SQLBind(d.thirdParties), SQLBind(d.country), SQLBind(d.region), SQLBind(MediationStore.json(d.themes)), SQLBind(body), SQLBind(caseID),
            SQLBind(cls.rawValue), SQLBind(1), SQLBind(d.text), SQLBind(MediationStore.json(d.signatories)), SQLBind(now), SQLBind(now),
        ]
    }

    /// PA-X rows, all in the caller's transaction: new AgtIds inserted, known ones updated in place (their trees and
    /// scores kept). Returns (created, updated).
    func importPAX(_ rows: [PAX.Row], actor: String) async throws -> (Int, Int) {
        let ids = rows.compactMap(\.draft.paxID)
        var known = Set<Int>()
        for chunk in ids.chunked(500).map(Array.init) {
            for r in try await Self.table.unscoped(sql, because: "an import matches AgtIds, whatever their classification").column("pax_id")
                .where("pax_id", .in, chunk).all()
            {
                known.insert(try r.decode(column: "pax_id", as: Int.self))
            }
        }
        let now = Timestamp.now()
        for row in rows {
            let d = row.draft
            if let pax = d.paxID, known.contains(pax) {
                try await sql.update("agreements").set("title", to: d.title).set("signed_on", to: d.date).set("status", to: d.status)
                    .set("stage", to: d.stage).set("parties", to: d.parties).set("third_parties", to: d.thirdParties).set("country", to: d.country)
                    .set("region", to: d.region).set("themes", to: MediationStore.json(d.themes)).set("updated_at", to: now)
                    .where("pax_id", .equal, pax).run()
            } else {
                try await sql.insert(into: "agreements").columns(Self.columns)
                    .values(Self.values("pax-\(d.paxID ?? 0)", d, nil, nil, .public, now)).run()
            }
        }
        let created = rows.count - known.count
        try await AuditStore(sql: sql).append(
            actor: actor, action: "import", recordType: "agreement", recordID: "pax: \(created) new, \(known.count) updated", content: ids)
        return (created, known.count)
    }

    func newVersion(_ r: Row, text: String, signatories: [Signatory], actor: String) async throws {
        let v = r.version + 1
        try await sql.insert(into: "agreement_versions").columns("agreement_id", "version", "text", "signatories", "created_by", "created_at")
            .values(SQLBind(r.id), SQLBind(v), SQLBind(text), SQLBind(MediationStore.json(signatories)), SQLBind(actor), SQLBind(Timestamp.now()))
            .run()
        try await sql.update("agreements").set("version", to: v).set("text", to: text).set("signatories", to: MediationStore.json(signatories))
            .set("updated_at", to: Timestamp.now()).where("id", .equal, r.id).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "version", recordType: "agreement", recordID: r.id, content: [text])
    }

    func publish(_ r: Row, actor: String) async throws {
        try await sql.update("agreements").set("classification", to: Classification.public.rawValue).set("updated_at", to: Timestamp.now())
            .where("id", .equal, r.id).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "publish", recordType: "agreement", recordID: r.id)
    }

    // MARK: Commitments

    func stipulations(_ agreement: String) async throws -> [Stipulation] {
        try await sql.select().columns("code", "theme", "sub_theme", "text", "responsible", "due_on", "depends_on", "verification", "weight")
            .from("stipulations").where("agreement_id", .equal, agreement).orderBy("position").all().map {
                Stipulation(
                    code: try $0.decode(column: "code", as: String.self), theme: try $0.decode(column: "theme", as: String.self),
                    subTheme: try $0.decode(column: "sub_theme", as: String.self), text: try $0.decode(column: "text", as: String.self),
                    responsible: MediationStore.decode([ResponsibleActor].self, try $0.decode(column: "responsible", as: String.self)) ?? [],
                    due: try $0.decode(column: "due_on", as: String?.self),
                    dependsOn: MediationStore.decode([String].self, try $0.decode(column: "depends_on", as: String.self)) ?? [],
                    verification: try $0.decode(column: "verification", as: String.self), weight: try $0.decode(column: "weight", as: Double.self))
            }
    }

    /// Replaces the tree. A stipulation that already has scores stays (by code): scores are evidence on the record.
    func setStipulations(_ agreement: String, _ list: [Stipulation], actor: String) async throws {
        let scored = Set(
            try await sql.select().column("stipulation").from("implementation_scores").where("agreement_id", .equal, agreement).all()
                .map { try $0.decode(column: "stipulation", as: String.self) })
        let lost = scored.subtracting(list.map(\.code))
        if !lost.isEmpty {
            throw APIError(ValidationFailure(field: "stipulations", "\(lost.sorted().joined(separator: ", ")) already scored: keep them in the tree"))
        }
        try await sql.delete(from: "stipulations").where("agreement_id", .equal, agreement).run()
        for (i, s) in list.enumerated() {
            try await sql.insert(into: "stipulations").columns(
                "agreement_id", "code", "position", "theme", "sub_theme", "text", "responsible", "due_on", "depends_on", "verification", "weight"
            )
            .values(
                [
                    SQLBind(agreement), SQLBind(s.code), SQLBind(i), SQLBind(s.theme), SQLBind(s.subTheme), SQLBind(s.text),
                    SQLBind(MediationStore.json(s.responsible)), SQLBind(s.due), SQLBind(MediationStore.json(s.dependsOn)), SQLBind(s.verification),
                    SQLBind(s.weight),
                ] as [any SQLExpression]
            ).run()
        }
        try await AuditStore(sql: sql).append(actor: actor, action: "commitments", recordType: "agreement", recordID: agreement, content: list)
    }

    // MARK: Scores

    func scores(_ agreement: String, publishedOnly: Bool) async throws -> [ScoreView] {
        var q = sql.select().columns(
            "id", "stipulation", "period", "score", "evidence", "note", "scored_by", "reviewed_by", "reviewer_score", "published", "created_at",
            "published_at"
        ).from("implementation_scores").where("agreement_id", .equal, agreement)
        if publishedOnly { q = q.where("published", .equal, true) }
        return try await q.orderBy("period").orderBy("stipulation").all().map {
            ScoreView(
                id: try $0.decode(column: "id", as: String.self), createdAt: try $0.decode(column: "created_at", as: String.self),
                entry: ScoreEntry(
                    stipulation: try $0.decode(column: "stipulation", as: String.self), period: try $0.decode(column: "period", as: String.self),
                    score: PAMScore(rawValue: try $0.decode(column: "score", as: Int.self)) ?? .notInitiated,
                    evidence: MediationStore.decode([Evidence].self, try $0.decode(column: "evidence", as: String.self)) ?? [],
                    scoredBy: try $0.decode(column: "scored_by", as: String.self), reviewedBy: try $0.decode(column: "reviewed_by", as: String?.self),
                    reviewerScore: try $0.decode(column: "reviewer_score", as: Int?.self).flatMap(PAMScore.init(rawValue:)),
                    published: try $0.decode(column: "published", as: Bool.self)),
                note: try $0.decode(column: "note", as: String.self), publishedAt: try $0.decode(column: "published_at", as: String?.self))
        }
    }

    func addScore(_ agreement: String, _ e: ScoreEntry, note: String, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let taken = try await sql.select().column("published").from("implementation_scores").where("agreement_id", .equal, agreement)
            .where("stipulation", .equal, e.stipulation).where("period", .equal, e.period).first()
        if taken != nil { throw APIError.conflict(field: "period", "\(e.stipulation) already has a score for \(e.period)") }
        try await sql.insert(into: "implementation_scores").columns(
            "id", "agreement_id", "stipulation", "period", "score", "evidence", "note", "scored_by", "reviewed_by", "reviewer_score", "published",
            "created_at", "published_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(agreement), SQLBind(e.stipulation), SQLBind(e.period), SQLBind(e.score.rawValue),
                SQLBind(MediationStore.json(e.evidence)), SQLBind(note), SQLBind(e.scoredBy), SQLBind(nil as String?), SQLBind(nil as Int?),
                SQLBind(false), SQLBind(Timestamp.now()), SQLBind(nil as String?),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "score", recordType: "agreement", recordID: agreement, content: e)
        return id
    }

    /// The second reading: the reviewer's own score, and the score published when the rules allow.
    func review(_ agreement: String, _ s: ScoreView, reviewer: String, score: PAMScore, actor: String) async throws -> ScoreEntry {
        var e = s.entry
        guard !e.published else { throw APIError.conflict(field: "published", "this score is already published") }
        e.reviewedBy = reviewer
        e.reviewerScore = score
        try ScoreRules.checkPublish(e)
        e.published = true
        let changed = try await sql.update("implementation_scores").set("reviewed_by", to: reviewer).set("reviewer_score", to: score.rawValue)
            .set("published", to: true).set("published_at", to: Timestamp.now()).where("id", .equal, s.id).where("published", .equal, false)
            .returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "published", "this score was published meanwhile") }
        try await AuditStore(sql: sql).append(actor: actor, action: "publish-score", recordType: "agreement", recordID: agreement, content: e)
        return e
    }

    // MARK: Stalls

    /// Records stalls not yet flagged; returns the new ones.
    func flag(_ agreement: String, _ stalls: [Implementation.Stall]) async throws -> [Implementation.Stall] {
        var fresh: [Implementation.Stall] = []
        for s in stalls {
            let inserted = try await sql.insert(into: "agreement_stalls").columns("agreement_id", "stipulation", "reason", "since", "flagged_at")
                .values(SQLBind(agreement), SQLBind(s.stipulation), SQLBind(s.reason.rawValue), SQLBind(s.since), SQLBind(Timestamp.now()))
                .ignoringConflicts(with: ["agreement_id", "stipulation", "reason", "since"]).returning("stipulation").all()
            if !inserted.isEmpty { fresh.append(s) }
        }
        return fresh
    }

    /// Unscoped, for the federation's implementation figures: every agreement with stipulations, whole (the agreement
    /// filter then decides, by its classification, what of it may leave).
    func trackedRows() async throws -> [Row] {
        try await Self.table.unscoped(sql, because: "implementation figures go out under data-sharing agreements, which decide by classification")
            .column(Self.selected).where(SQLQueryString("EXISTS (SELECT 1 FROM stipulations s WHERE s.agreement_id = agreements.id)"))
            .orderBy("id").all(decoding: Row.self, with: AreaStore.decoder)
    }

    /// Unscoped, for the stall sweep: every agreement with a tree, its mediating case and start.
    func tracked() async throws -> [(id: String, caseID: String?, signedOn: String, body: String?, title: String)] {
        try await Self.table.unscoped(sql, because: "the stall sweep acts for the installation").columns(
            "id", "case_id", "signed_on", "body_code", "title"
        )
        .where(SQLQueryString("EXISTS (SELECT 1 FROM stipulations s WHERE s.agreement_id = agreements.id)")).orderBy("id").all().map {
            (
                try $0.decode(column: "id", as: String.self), try $0.decode(column: "case_id", as: String?.self),
                try $0.decode(column: "signed_on", as: String.self), try $0.decode(column: "body_code", as: String?.self),
                try $0.decode(column: "title", as: String.self)
            )
        }
    }

    // MARK: Violations

    func violations(_ agreement: String) async throws -> [ViolationView] {
        try await sql.select().columns(
            "id", "stipulation", "source", "alleged_party", "occurred_on", "area_code", "description", "incidents", "state", "finding", "found_party",
            "found_stipulation", "steps", "created_at", "updated_at"
        ).from("agreement_violations").where("agreement_id", .equal, agreement).orderBy("created_at").all().map {
            ViolationView(
                id: try $0.decode(column: "id", as: String.self), agreement: agreement, source: try $0.decode(column: "source", as: String.self),
                occurredOn: try $0.decode(column: "occurred_on", as: String.self), area: try $0.decode(column: "area_code", as: String.self),
                description: try $0.decode(column: "description", as: String.self), createdAt: try $0.decode(column: "created_at", as: String.self),
                updatedAt: try $0.decode(column: "updated_at", as: String.self), stipulation: try $0.decode(column: "stipulation", as: String?.self),
                allegedParty: try $0.decode(column: "alleged_party", as: String?.self), finding: try $0.decode(column: "finding", as: String?.self),
                foundParty: try $0.decode(column: "found_party", as: String?.self),
                foundStipulation: try $0.decode(column: "found_stipulation", as: String?.self),
                state: try $0.decode(column: "state", as: ViolationState.self),
                incidents: MediationStore.decode([String].self, try $0.decode(column: "incidents", as: String.self)) ?? [],
                steps: MediationStore.decode([ViolationStep].self, try $0.decode(column: "steps", as: String.self)) ?? [])
        }
    }

    func allege(_ v: ViolationDraft, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "agreement_violations").columns(
            "id", "agreement_id", "stipulation", "source", "alleged_party", "occurred_on", "area_code", "description", "incidents", "state",
            "finding",
            "found_party", "found_stipulation", "steps", "created_by", "created_at", "updated_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(v.agreement), SQLBind(v.stipulation), SQLBind(v.source.rawValue), SQLBind(v.allegedParty), SQLBind(v.occurredOn),
                SQLBind(v.area), SQLBind(v.description), SQLBind(MediationStore.json(v.incidents)), SQLBind(ViolationState.alleged.rawValue),
                SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind("[]"), SQLBind(actor), SQLBind(now), SQLBind(now),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "allege", recordType: "agreement-violation", recordID: id, content: v)
        return id
    }

    /// Unscoped: which agreement an allegation is about, for the link from its incident (the agreement's page applies
    /// its own access).
    func agreement(ofViolation id: String) async throws -> String? {
        try await sql.select().column("agreement_id").from("agreement_violations").where("id", .equal, id).first()?
            .decode(column: "agreement_id", as: String.self)
    }

    func link(_ violation: String, incident: String) async throws {
        let incidents =
            try await sql.select().column("incidents").from("agreement_violations").where("id", .equal, violation).first()
            .map { MediationStore.decode([String].self, try $0.decode(column: "incidents", as: String.self)) ?? [] } ?? []
        try await sql.update("agreement_violations").set("incidents", to: MediationStore.json(incidents + [incident])).where("id", .equal, violation)
            .run()
    }

    func step(_ v: ViolationView, _ s: ViolationStep, actor: String) async throws {
        var q = sql.update("agreement_violations").set("state", to: s.to.rawValue).set("steps", to: MediationStore.json(v.steps + [s]))
            .set("updated_at", to: Timestamp.now())
        if s.to == .finding {
            q = q.set("finding", to: s.finding?.rawValue).set("found_party", to: s.party).set("found_stipulation", to: s.stipulation)
        }
        let changed = try await q.where("id", .equal, v.id).where("state", .equal, v.state.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the allegation changed meanwhile; reload it") }
        try await AuditStore(sql: sql).append(
            actor: actor, action: "violation-\(s.to.rawValue)", recordType: "agreement-violation", recordID: v.id, content: s)
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

struct AccreditationEventView: Content {
    var seq: Int
    var at, kind: String
    var actor: String
    var note: String?
}

struct ApplicationView: Content {
    var id, body, organisation, organisationName, category, statement, createdAt, updatedAt: String
    var state: ApplicationState
    var assessments: [CriterionAssessment]
    var decision: AccreditationDecision?
    var deferredTo, decidedOn, accreditation: String?
    var history: [AccreditationEventView]
}

struct AccreditationView: Content {
    var id, body, organisation, organisationName, category, grantedOn, validUntil, application: String
    var status: AccreditationStatus
    var identifiers: [String]
    var obligations: [Obligation]
    var hearingUntil, suspendedUntil, grounds: String?
    var automatic: Bool
    /// Public: grants, renewals, suspensions with their grounds, reinstatements, expiry, withdrawal, complaints' outcomes.
    var history: [AccreditationEventView]
}

/// Organisations' identifiers and profiles, accreditation schemes, applications and accreditations, complaints and
/// nominations. Accreditations are public (the register); applications are read by the applicant and the body.
struct AccreditationStore: Sendable {
    let sql: any SQLDatabase

    // MARK: the org-id.guide register and organisations

    func replaceSchemes(_ schemes: [OrgScheme]) async throws {
        try await sql.delete(from: "org_schemes").run()
        for chunk in stride(from: 0, to: schemes.count, by: 200) {
            var q = sql.insert(into: "org_schemes").columns("code", "name", "coverage", "deprecated")
            for s in schemes[chunk..<min(chunk + 200, schemes.count)] {
                q = q.values(SQLBind(s.code), SQLBind(s.name), SQLBind(MediationStore.json(s.coverage)), SQLBind(s.deprecated))
            }
            try await q.run()
        }
    }

    func schemes() async throws -> [String: OrgScheme] {
        var out: [String: OrgScheme] = [:]
        for r in try await sql.select().columns("code", "name", "coverage", "deprecated").from("org_schemes").all() {
            let code = try r.decode(column: "code", as: String.self)
            out[code] = OrgScheme(
                code: code, name: try r.decode(column: "name", as: String.self),
                coverage: MediationStore.decode([String].self, try r.decode(column: "coverage", as: String.self)) ?? [],
                deprecated: try r.decode(column: "deprecated", as: Bool.self))
        }
        return out
    }

    func identifiers(of orgs: [String]) async throws -> [String: [OrgIdentifier]] {
        guard !orgs.isEmpty else { return [:] }
        var out: [String: [OrgIdentifier]] = [:]
        for r in try await sql.select().columns("organisation_code", "scheme", "id").from("organisation_identifiers")
            .where(SQLColumn("organisation_code"), .in, SQLBind.group(orgs)).orderBy("scheme").orderBy("id").all()
        {
            out[try r.decode(column: "organisation_code", as: String.self), default: []].append(
                OrgIdentifier(scheme: try r.decode(column: "scheme", as: String.self), id: try r.decode(column: "id", as: String.self)))
        }
        return out
    }

    /// The organisation already holding an identifier (its match key), if any.
    func holder(of i: OrgIdentifier) async throws -> String? {
        try await sql.select().column("organisation_code").from("organisation_identifiers").where("match_key", .equal, i.key).first()?
            .decode(column: "organisation_code", as: String.self)
    }

    func setIdentifiers(_ ids: [OrgIdentifier], profile: OrganisationProfile?, of org: String, actor: String) async throws {
        try await sql.delete(from: "organisation_identifiers").where("organisation_code", .equal, org).run()
        for i in ids {
            try await sql.insert(into: "organisation_identifiers").columns("organisation_code", "scheme", "id", "match_key")
                .values(SQLBind(org), SQLBind(i.scheme), SQLBind(i.id), SQLBind(i.key)).run()
        }
        if let profile {
            try await sql.update("organisations").set("profile", to: MediationStore.json(profile)).set("updated_at", to: Timestamp.now())
                .where("code", .equal, org).run()
        }
        try await AuditStore(sql: sql).append(actor: actor, action: "identify", recordType: "organisation", recordID: org, content: ids.map(\.text))
    }

    func profile(_ org: String) async throws -> OrganisationProfile? {
        try await sql.select().column("profile").from("organisations").where("code", .equal, org).first()
            .flatMap { MediationStore.decode(OrganisationProfile.self, try $0.decode(column: "profile", as: String.self)) }
    }

    /// Every organisation's name, for duplicate detection and the register.
    func organisationNames() async throws -> [String: String] {
        var out: [String: String] = [:]
        for r in try await sql.select().columns("code", "name").from("organisations").all() {
            out[try r.decode(column: "code", as: String.self)] = try r.decode(column: "name", as: String.self)
        }
        return out
    }

    /// The organisations people of these bodies act for (a CSO's liaisons act for the body's organisation).
    func organisations(ofBodies bodies: [String]) async throws -> Set<String> {
        guard !bodies.isEmpty else { return [] }
        return Set(
            try await sql.select().column("organisation_code").from("bodies").where(SQLColumn("code"), .in, SQLBind.group(bodies)).all()
                .compactMap { try $0.decode(column: "organisation_code", as: String?.self) })
    }

    /// Bodies whose organisation is one of these (where reminders and decisions reach an organisation).
    func bodies(ofOrganisation org: String) async throws -> [String] {
        try await sql.select().column("code").from("bodies").where("organisation_code", .equal, org).all().map {
            try $0.decode(column: "code", as: String.self)
        }
    }

    /// Bodies that accredit an organisation the viewer is liaison of, in a category allowing `restricted-alerts`, while
    /// the accreditation holds (`AccessScope.accreditedAlertOwners`). Asked for every request of a CSO liaison only.
    func alertAccreditors(_ viewer: Viewer) async throws -> Set<String> {
        let bodies = viewer.roles.filter { $0.role == .csoLiaison }.map(\.body)
        guard !bodies.isEmpty else { return [] }
        let orgs = try await organisations(ofBodies: bodies)
        var out = Set<String>()
        for a in try await accreditations(orgs: orgs) where a.status.permits {
            if try await scheme(of: a.bodyCode)?.category(a.category)?.permissions.contains(.restrictedAlerts) == true { out.insert(a.bodyCode) }
        }
        return out
    }

    // MARK: schemes

    func scheme(of body: String) async throws -> AccreditationScheme? {
        try await sql.select().column("definition").from("accreditation_schemes").where("body_code", .equal, body).first()
            .flatMap { MediationStore.decode(AccreditationScheme.self, try $0.decode(column: "definition", as: String.self)) }
    }

    func allSchemes() async throws -> [AccreditationScheme] {
        try await sql.select().column("definition").from("accreditation_schemes").orderBy("body_code").all()
            .compactMap { MediationStore.decode(AccreditationScheme.self, try $0.decode(column: "definition", as: String.self)) }
    }

    func saveScheme(_ s: AccreditationScheme, actor: String) async throws {
        try await sql.delete(from: "accreditation_schemes").where("body_code", .equal, s.body).run()
        try await sql.insert(into: "accreditation_schemes").columns("body_code", "definition", "updated_by", "updated_at")
            .values(SQLBind(s.body), SQLBind(MediationStore.json(s)), SQLBind(actor), SQLBind(Timestamp.now())).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "scheme", recordType: "body", recordID: s.body, content: s)
    }

    // MARK: events

    func event(_ id: String, kind: String, note: String?, actor: String) async throws {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("accreditation_events")
                .where("record_id", .equal, id).first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await sql.insert(into: "accreditation_events").columns("record_id", "seq", "at", "kind", "note", "actor")
            .values(SQLBind(id), SQLBind(seq), SQLBind(Timestamp.now()), SQLBind(kind), SQLBind(note), SQLBind(actor)).run()
        try await AuditStore(sql: sql).append(actor: actor, action: kind, recordType: "accreditation", recordID: id, content: [note ?? ""])
    }

    func history(_ id: String) async throws -> [AccreditationEventView] {
        try await sql.select().columns("seq", "at", "kind", "note", "actor").from("accreditation_events").where("record_id", .equal, id)
            .orderBy("seq").all().map {
                AccreditationEventView(
                    seq: try $0.decode(column: "seq", as: Int.self), at: try $0.decode(column: "at", as: String.self),
                    kind: try $0.decode(column: "kind", as: String.self), actor: try $0.decode(column: "actor", as: String.self),
                    note: try $0.decode(column: "note", as: String?.self))
            }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

extension AccreditationScheme: Content {}

/// Accreditation over HTTP, part one: a body's scheme, an organisation's identifiers and profile (checked against the
/// org-id.guide register, duplicates refused), and applications from draft to grant or refusal. The pages call the
/// same typed actions.
struct AccreditationController {
    func register(_ api: any RoutesBuilder) {
        api.get("bodies", ":code", "accreditation-scheme", use: scheme)
        api.put("bodies", ":code", "accreditation-scheme", use: saveScheme)
        api.get("organisations", ":code", "identity", use: identity)
        api.put("organisations", ":code", "identity", use: saveIdentity)
        api.get("organisations", "duplicates", use: duplicates)
        let a = api.grouped("accreditation", "applications")
        a.get(use: applications)
        a.post(use: apply)
        a.get(":id", use: application)
        a.post(":id", "steps", use: step)
    }

    // MARK: schemes

    func scheme(req: Request) async throws -> AccreditationScheme {
        let code = try req.parameters.require("code")
        guard let s = try await AccreditationStore(sql: req.sql).scheme(of: code) else { throw APIError.notFound("accreditation scheme", code) }
        return s
    }

    /// The scheme as sent: the body comes from the path (a copy of what GET answered may carry it, and must agree).
    struct SchemeInput: Content {
        var body: String?
        var name: String
        var categories: [AccreditationCategory]
        var obligations: [ObligationRule]?
        var reapplyAfterDays: Int?
        var graceDays: Int?
        var hearingDays: Int?
    }

    func saveScheme(req: Request) async throws -> AccreditationScheme {
        let code = try req.parameters.require("code")
        try await BodyController.requireBodyAdmin(req, code)
        let input = try req.input(SchemeInput.self)
        if let b = input.body, b != code { throw APIError(ValidationFailure(field: "body", "the scheme is \(code)'s (the path), not \(b)'s")) }
        let d = AccreditationScheme(body: code, name: "", categories: [])
        let s = AccreditationScheme(
            body: code, name: input.name, categories: input.categories, obligations: input.obligations ?? [],
            reapplyAfterDays: input.reapplyAfterDays ?? d.reapplyAfterDays, graceDays: input.graceDays ?? d.graceDays,
            hearingDays: input.hearingDays ?? d.hearingDays)
        try s.validate()
        let actor = req.actor
        try await req.write { tx in
            guard try await BodyStore(sql: tx).refs([code])[code] != nil else { throw APIError.notFound("body", code) }
            try await AccreditationStore(sql: tx).saveScheme(s, actor: actor)
        }
        return s
    }

    // MARK: identity

    struct Identity: Content {
        var organisation: String
        var name: String
        var identifiers: [OrgIdentifier]
        var profile: OrganisationProfile
        /// Identifiers whose list org-id.guide marks deprecated (still accepted).
        var deprecated: [String]
    }

    struct IdentityInput: Content {
        var identifiers: [OrgIdentifier]
        var profile: OrganisationProfile?
    }

    func identity(req: Request) async throws -> Identity { try await Self.identity(try req.parameters.require("code"), sql: req.sql) }

    static func identity(_ code: String, sql: any SQLDatabase) async throws -> Identity {
        guard let o = try await BodyStore(sql: sql).organisation(code) else { throw APIError.notFound("organisation", code) }
        let store = AccreditationStore(sql: sql)
        let ids = try await store.identifiers(of: [code])[code] ?? []
        let register = try await store.schemes()
        return Identity(
            organisation: code, name: o.name, identifiers: ids, profile: try await store.profile(code) ?? OrganisationProfile(),
            deprecated: ids.filter { register[$0.scheme]?.deprecated == true }.map(\.text))
    }

    /// The organisation's own people (those of a body it runs) or an installation administrator set its identifiers.
    static func requireActsFor(_ req: Request, _ org: String) async throws {
        let viewer = try req.requireSignedIn()
        if viewer.isInstallationAdmin { return }
        let orgs = try await AccreditationStore(sql: req.sql).organisations(ofBodies: viewer.roles.map(\.body))
        guard orgs.contains(org) else { throw APIError.forbidden("only the people of \(org) or an installation administrator act for it") }
    }

    func saveIdentity(req: Request) async throws -> Identity {
        let code = try req.parameters.require("code")
        try await Self.saveIdentity(code, try req.input(IdentityInput.self), req: req)
        return try await Self.identity(code, sql: req.sql)
    }

    static func saveIdentity(_ code: String, _ input: IdentityInput, req: Request) async throws {
        try await requireActsFor(req, code)
        let actor = req.actor
        try await req.write { tx in
            let store = AccreditationStore(sql: tx)
            guard try await BodyStore(sql: tx).organisation(code) != nil else { throw APIError.notFound("organisation", code) }
            let register = try await store.schemes()
            var issues = IssueCollector()
            var keys = Set<String>()
            for (i, id) in input.identifiers.enumerated() {
                do { try OrgIdentifiers.check(id, field: "identifiers[\(i)]", register: register) } catch let f as ValidationFailure {
                    for x in f.issues { issues.add(x.field, x.message) }
                    continue
                }
                if !keys.insert(id.key).inserted { issues.add("identifiers[\(i)]", "\(id.text) is given twice") }
                if let other = try await store.holder(of: id), other != code {
                    issues.add(
                        "identifiers[\(i)]", "\(id.text) already identifies \(other): the same organisation? Ask an administrator to merge them")
                }
            }
            let known = try await AreaStore(sql: tx).exists(input.profile?.areas ?? [])
            for (i, a) in (input.profile?.areas ?? []).enumerated() where !known.contains(a) {
                issues.add("profile.areas[\(i)]", "unknown area code '\(a)'")
            }
            let orgs = try await BodyStore(sql: tx).organisationCodes(input.profile?.networks ?? [])
            for (i, n) in (input.profile?.networks ?? []).enumerated() where !orgs.contains(n) {
                issues.add("profile.networks[\(i)]", "unknown organisation code '\(n)'")
            }
            try issues.throwIfAny()
            try await store.setIdentifiers(input.identifiers, profile: input.profile, of: code, actor: actor)
        }
    }

    struct Candidate: Content {
        var organisation: String
        var name: String
        var why: String
    }

    /// Organisations that may be the one described: a shared identifier, or a name alike.
    func duplicates(req: Request) async throws -> [Candidate] {
        let name = try req.query.get(String?.self, at: "name")
        let identifier = try req.query.get(String?.self, at: "identifier")
        guard name != nil || identifier != nil else { throw APIError.badRequest(field: "name", "give a name or an identifier to look for") }
        let store = AccreditationStore(sql: req.sql)
        var out: [Candidate] = []
        let names = try await store.organisationNames()
        if let text = identifier {
            guard let i = OrgIdentifiers.parse(text, register: try await store.schemes()) else {
                throw APIError.badRequest(field: "identifier", "write it as org-id.guide does: GH-RGD-CG012345")
            }
            if let holder = try await store.holder(of: i) {
                out.append(Candidate(organisation: holder, name: names[holder] ?? holder, why: "holds \(i.text)"))
            }
        }
        if let n = name {
            for (code, other) in names.sorted(by: { $0.key < $1.key })
            where OrgDuplicates.likelySame(n, other) && !out.contains(where: { $0.organisation == code }) {
                out.append(Candidate(organisation: code, name: other, why: "name alike"))
            }
        }
        return out
    }

    // MARK: applications

    struct NewApplication: Content {
        var body: String
        var organisation: String
        var category: String
        var statement: String
        /// Submit at once; otherwise a draft.
        var submit: Bool?
    }

    struct Step: Content {
        var to: ApplicationState
        var category: String?
        var assessments: [CriterionAssessment]?
        var decision: AccreditationDecision?
        var deferredTo: String?
        var note: String?
    }

    func apply(req: Request) async throws -> Response {
        let view = try await Self.apply(try req.input(NewApplication.self), req: req)
        return try await view.created(at: "/api/v1/accreditation/applications/\(view.id)", for: req)
    }

    static func apply(_ input: NewApplication, req: Request) async throws -> ApplicationView {
        try await requireActsFor(req, input.organisation)
        let actor = req.actor
        let id = UUID().uuidString.lowercased()
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            let store = AccreditationStore(sql: tx)
            guard let scheme = try await store.scheme(of: input.body) else {
                throw APIError(ValidationFailure(field: "body", "\(input.body) does not accredit organisations (it has no scheme)"))
            }
            var issues = IssueCollector()
            if scheme.category(input.category) == nil {
                issues.add(
                    "category", "'\(input.category)' is not a category of \(input.body); use \(scheme.categories.map(\.code).joined(separator: ", "))"
                )
            }
            if MediationRules.blank(input.statement) { issues.add("statement", "say what the organisation does and why it applies") }
            try issues.throwIfAny()
            let past = try await store.applications(body: input.body, orgs: [input.organisation])
            if past.contains(where: { $0.state.open }) {
                throw APIError.conflict(field: "organisation", "\(input.organisation) already has an application to \(input.body) under way")
            }
            if try await !store.accreditations(body: input.body, orgs: [input.organisation], statuses: [.active, .renewalDue, .hearing, .suspended])
                .isEmpty
            {
                throw APIError.conflict(field: "organisation", "\(input.organisation) is already accredited to \(input.body)")
            }
            let refused = past.filter { $0.state == .refused }.compactMap { $0.decidedOn.flatMap(CivilDate.parse) }.max()
            if let until = ApplicationRules.mayReapply(refusedOn: refused, today: CivilDate.parse(today) ?? 0, scheme: scheme) {
                throw APIError(
                    ValidationFailure(
                        field: "organisation", "refused on \(CivilDate.text(refused ?? 0)); it may apply again from \(CivilDate.text(until))"))
            }
            try await store.createApplication(
                id: id, body: input.body, org: input.organisation, category: input.category, statement: input.statement,
                state: input.submit == false ? .draft : .submitted, actor: actor)
            try await OutboxStore(sql: tx).enqueue("accreditation.applied", bodies: [input.body])
        }
        return try await view(id, req: req)
    }

    static func find(_ id: String, req: Request, sql: any SQLDatabase) async throws -> (
        AccreditationStore.ApplicationRow, applicant: Bool, keeper: Bool
    ) {
        let viewer = req.viewer
        guard let r = try await AccreditationStore(sql: sql).application(id) else { throw APIError.notFound("application", id) }
        let orgs = try await AccreditationStore(sql: sql).organisations(ofBodies: viewer.roles.map(\.body))
        let applicant = orgs.contains(r.organisationCode)
        let keeper = viewer.keepsRecords(of: r.bodyCode)
        // An application is the applicant's and the body's business: others do not learn it exists.
        guard applicant || keeper else { throw APIError.notFound("application", id) }
        return (r, applicant, keeper)
    }

    static func view(_ id: String, req: Request) async throws -> ApplicationView {
        let (r, _, _) = try await find(id, req: req, sql: req.sql)
        return try await view(r, sql: req.sql)
    }

    static func view(_ r: AccreditationStore.ApplicationRow, sql: any SQLDatabase) async throws -> ApplicationView {
        let store = AccreditationStore(sql: sql)
        return ApplicationView(
            id: r.id, body: r.bodyCode, organisation: r.organisationCode,
            organisationName: try await BodyStore(sql: sql).organisation(r.organisationCode)?.name ?? r.organisationCode, category: r.category,
            statement: r.statement, createdAt: r.createdAt, updatedAt: r.updatedAt, state: r.state,
            assessments: MediationStore.decode([CriterionAssessment].self, r.assessments) ?? [],
            decision: r.decision.flatMap { MediationStore.decode(AccreditationDecision.self, $0) }, deferredTo: r.deferredTo, decidedOn: r.decidedOn,
            accreditation: r.accreditationId, history: try await store.history(r.id))
    }

    func application(req: Request) async throws -> ApplicationView { try await Self.view(try req.parameters.require("id"), req: req) }

    /// The applications the caller's organisations made, and those to the bodies whose records the caller keeps.
    func applications(req: Request) async throws -> [ApplicationView] { try await Self.applications(req: req) }

    static func applications(req: Request) async throws -> [ApplicationView] {
        let viewer = try req.requireSignedIn()
        let store = AccreditationStore(sql: req.sql)
        let orgs = try await store.organisations(ofBodies: viewer.roles.map(\.body))
        var rows = try await store.applications(body: nil, orgs: orgs)
        for b in Set(viewer.roles.map(\.body)).sorted() where viewer.keepsRecords(of: b) {
            rows += try await store.applications(body: b, orgs: nil).filter { r in !rows.contains { $0.id == r.id } }
        }
        if viewer.isInstallationAdmin { rows = try await store.applications(body: nil, orgs: nil) }
        var out: [ApplicationView] = []
        for r in rows { out.append(try await view(r, sql: req.sql)) }
        return out
    }

    func step(req: Request) async throws -> ApplicationView {
        let id = try req.parameters.require("id")
        try await Self.step(id, try req.input(Step.self), req: req)
        return try await Self.view(id, req: req)
    }

    /// A step on an application. The applicant submits, withdraws, and answers the body's questions (back to review);
    /// the body takes the rest, each decision with its organ, session, vote and reasons; a grant opens the accreditation.
    static func step(_ id: String, _ input: Step, req: Request) async throws {
        _ = try req.requireSignedIn()
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            let (r, applicant, keeper) = try await find(id, req: req, sql: tx)
            let store = AccreditationStore(sql: tx)
            guard let scheme = try await store.scheme(of: r.bodyCode) else {
                throw APIError.conflict(field: "body", "\(r.bodyCode) no longer has a scheme")
            }
            let answering = r.state == .questions && input.to == .underReview
            if input.to.byApplicant || answering {
                guard applicant else { throw APIError.forbidden("the applicant takes this step") }
                if answering, MediationRules.blank(input.note ?? "") {
                    throw APIError(ValidationFailure(field: "note", "write the answers to the body's questions"))
                }
            } else {
                guard keeper else { throw APIError.forbidden("only the people of \(r.bodyCode) decide on its applications") }
            }
            let category = input.category ?? r.category
            let assessments = input.assessments ?? MediationStore.decode([CriterionAssessment].self, r.assessments) ?? []
            try ApplicationRules.check(
                from: r.state, to: input.to, scheme: scheme, category: category, assessments: assessments, decision: input.decision,
                deferredTo: input.deferredTo, note: input.note)
            try await store.stepApplication(
                r, to: input.to, category: input.category, assessments: input.assessments, decision: input.decision, deferredTo: input.deferredTo,
                note: input.note, today: today, actor: actor)
            let tell = [r.bodyCode] + (try await store.bodies(ofOrganisation: r.organisationCode))
            if input.to == .granted, let c = scheme.category(category) {
                try await store.grant(
                    id: UUID().uuidString.lowercased(), body: r.bodyCode, org: r.organisationCode, category: c, scheme: scheme, application: r.id,
                    today: today, actor: actor)
            }
            try await OutboxStore(sql: tx).enqueue("accreditation.\(input.to.rawValue)", bodies: tell)
        }
    }
}

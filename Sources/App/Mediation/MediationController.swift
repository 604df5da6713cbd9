import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Mediation cases over HTTP: opened by a body (or from a response case's mediation action), moved through their
/// states with a reason, their table of parties and mediators kept, their sessions recorded.
struct MediationController {
    func register(_ api: any RoutesBuilder) {
        let m = api.grouped("mediations")
        m.get(use: list)
        m.post(use: create)
        m.get(":id", use: get)
        m.post(":id", "transition", use: transition)
        m.put(":id", "table", use: table)
        m.post(":id", "sessions", use: addSession)
    }

    struct NewMediation: Content {
        var title: String
        var body: String
        var track: MediationTrack
        var mode: MediationMode
        var topic: String
        var areas: [String]
        var incidents: [String]?
        var parties: [MediationParty]
        var mediators: [Mediator]?
        /// Confidential unless said otherwise: a mediation is fragile.
        var classification: Classification?
        /// The response case whose mediation action this case carries out.
        var responseCase: String?
        /// When the process began, if before it is recorded here (YYYY-MM-DD): sessions may be dated from then.
        var openedOn: String?

        var draft: MediationDraft {
            MediationDraft(
                title: title, body: body, track: track, mode: mode, topic: topic, areas: areas, incidents: incidents ?? [], parties: parties,
                mediators: mediators ?? [])
        }
    }

    struct MediationFile: Content {
        var mediation: MediationView
        var history: [MediationEventView]
        var sessions: [SessionView]
        var inclusion: InclusionSummary
        var agreements: [AgreementHeaderView]
    }

    struct Transition: Content {
        var to: MediationState
        var reason: String
    }

    /// A session as posted: the lists may be left out.
    struct NewSession: Content {
        var date: String
        var area: String
        var format: SessionFormat
        var attendance: [Attendance]?
        var notes: [SessionNote]?
        var outcomes: [SessionNote]?
        /// Documents of the installation (by id) the session refers to, each with who may see it is there.
        var documents: [SessionDocument]?
        var nextSteps: [NextStep]?

        var draft: SessionDraft {
            SessionDraft(
                date: date, area: area, format: format, attendance: attendance ?? [], notes: notes ?? [], outcomes: outcomes ?? [],
                documents: documents ?? [], nextSteps: nextSteps ?? [])
        }
    }

    struct Table: Content {
        var parties: [MediationParty]
        var mediators: [Mediator]
    }

    func list(req: Request) async throws -> Page<MediationView> {
        let page = try PageRequest(req)
        let state = try req.query.get(String?.self, at: "state").map { try MediationState.parse($0, field: "state") }
        let rows = try await MediationStore(sql: req.sql).list(
            try await req.scope(), body: try req.query.get(String?.self, at: "body"), state: state, page: page)
        let viewer = req.viewer
        return Page(rows: rows.map { MediationStore.view($0, viewer) }, request: page, code: \.id)
    }

    static func find(_ id: String, _ req: Request, _ sql: any SQLDatabase) async throws -> MediationStore.Row {
        guard let r = try await MediationStore(sql: sql).get(id, try await req.scope()) else { throw APIError.notFound("mediation case", id) }
        return r
    }

    /// Who runs a case: its mediators, and people of the mediating body other than auditors and monitors.
    static func requireManager(_ req: Request, _ r: MediationStore.Row) throws {
        let v = try req.requireSignedIn()
        guard MediationStore.reach(r, v) == .mediatorsOnly || v.keepsRecords(of: r.bodyCode) else {
            throw APIError.forbidden("only the mediators and the people of \(r.bodyCode) run this case")
        }
    }

    func get(req: Request) async throws -> MediationFile { try await Self.file(try req.parameters.require("id"), req: req) }

    /// The case as the caller may read it: the API's answer and the case page's model.
    static func file(_ id: String, req: Request) async throws -> MediationFile {
        let viewer = req.viewer
        let actor = req.actor
        let scope = try await req.scope()
        // A read of a confidential case's sessions is audited, so it runs in a write transaction.
        return try await req.write { tx in
            let store = MediationStore(sql: tx)
            guard let r = try await store.get(id, scope) else { throw APIError.notFound("mediation case", id) }
            let view = MediationStore.view(r, viewer)
            let sessions = try await store.sessions(r, reach: view.reach, actor: actor, audit: true)
            let agreements = try await AgreementStore(sql: tx).list(scope, AgreementStore.Filter(caseID: r.id), page: PageRequest(limit: 100))
            return MediationFile(
                mediation: view, history: try await store.events(r.id), sessions: sessions,
                inclusion: InclusionSummary.of(sessions.map(\.session.attendance)), agreements: agreements.map(AgreementStore.view))
        }
    }

    func create(req: Request) async throws -> Response {
        let view = try await Self.create(try req.input(NewMediation.self), req: req)
        return try await view.created(at: "/api/v1/mediations/\(view.id)", for: req)
    }

    /// A case opened: the API and the mediations page's form both call this.
    static func create(_ input: NewMediation, req: Request) async throws -> MediationView {
        let viewer = try req.requireSignedIn()
        guard viewer.keepsRecords(of: input.body) else {
            throw APIError.forbidden("only people of \(input.body) open its mediation cases")
        }
        try MediationRules.check(input.draft)
        if let d = input.openedOn {
            if ReportRules.parseDay(d) == nil { throw APIError(ValidationFailure(field: "openedOn", "'\(d)' is not a date; use YYYY-MM-DD")) }
            if d > String(Timestamp.now().prefix(10)) { throw APIError(ValidationFailure(field: "openedOn", "\(d) is in the future")) }
        }
        let actor = req.actor
        let scope = try await req.scope()
        let id = try await req.write { tx in
            var issues = IssueCollector()
            if try await BodyStore(sql: tx).refs([input.body])[input.body] == nil { issues.add("body", "unknown body code '\(input.body)'") }
            let known = try await AreaStore(sql: tx).exists(input.areas)
            for (i, a) in input.areas.enumerated() where !known.contains(a) { issues.add("areas[\(i)]", "unknown area code '\(a)'") }
            if let rc = input.responseCase {
                if let c = try await CaseStore(sql: tx).get(rc, scope) {
                    let actions = try await CaseStore(sql: tx).views([c])[0].actions
                    if !actions.contains(where: { $0.kind == ActionKind.mediation.rawValue && $0.status != .cancelled }) {
                        issues.add("responseCase", "case \(rc) has no mediation action: plan one on the case first")
                    }
                } else {
                    issues.add("responseCase", "no response case '\(rc)' you can see")
                }
            }
            try issues.throwIfAny()
            let id = try await MediationStore(sql: tx).create(
                input.draft, classification: input.classification ?? .confidential, responseCase: input.responseCase, openedOn: input.openedOn,
                actor: actor)
            if let rc = input.responseCase {
                try await CaseStore(sql: tx).event(rc, kind: "mediation", note: "mediation case \(id) opened", actor: actor)
            }
            return id
        }
        return MediationStore.view(try await MediationStore(sql: req.sql).get(id, scope)!, viewer)
    }

    func transition(req: Request) async throws -> MediationView {
        try await Self.transition(try req.parameters.require("id"), try req.input(Transition.self), req: req)
    }

    /// A change of state with its reason: the API and the case page's form both call this.
    static func transition(_ id: String, _ input: Transition, req: Request) async throws -> MediationView {
        let actor = req.actor
        let viewer = req.viewer
        let scope = try await req.scope()
        try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireManager(req, r)
            let v = MediationStore.view(r, viewer)
            let agreements = try await AgreementStore(sql: tx).list(scope, AgreementStore.Filter(caseID: r.id), page: PageRequest(limit: 1))
            try MediationRules.transition(
                from: r.state, to: input.to, reason: input.reason, parties: v.parties, mediators: v.mediators, agreements: agreements.count)
            try await MediationStore(sql: tx).transition(r, to: input.to, reason: input.reason, actor: actor)
        }
        return MediationStore.view(try await Self.find(id, req, req.sql), viewer)
    }

    func table(req: Request) async throws -> MediationView {
        try await Self.table(try req.parameters.require("id"), try req.input(Table.self), req: req)
    }

    /// Parties (with their consent) and mediators (with their declarations): the API and the case page's form.
    static func table(_ id: String, _ input: Table, req: Request) async throws -> MediationView {
        let actor = req.actor
        try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireManager(req, r)
            var issues = IssueCollector()
            MediationRules.check(parties: input.parties, mediators: input.mediators, into: &issues)
            try issues.throwIfAny()
            try await MediationStore(sql: tx).updateTable(r, parties: input.parties, mediators: input.mediators, actor: actor)
        }
        return MediationStore.view(try await Self.find(id, req, req.sql), req.viewer)
    }

    func addSession(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let s = try await Self.addSession(id, try req.input(NewSession.self), req: req)
        return try await s.created(at: "/api/v1/mediations/\(id)", for: req)
    }

    /// A session held: the API and the case page's form both call this.
    static func addSession(_ id: String, _ input: NewSession, req: Request) async throws -> SessionView {
        let actor = req.actor
        let scope = try await req.scope()
        let draft = input.draft
        let sid = try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireManager(req, r)
            try SessionRules.check(draft, opened: String(r.openedAt.prefix(10)), today: String(Timestamp.now().prefix(10)))
            if try await AreaStore(sql: tx).exists([draft.area]).isEmpty {
                throw APIError(ValidationFailure(field: "area", "unknown area code '\(draft.area)'"))
            }
            var issues = IssueCollector()
            for (i, d) in draft.documents.enumerated() where try await DocumentStore(sql: tx).get(d.document, scope) == nil {
                issues.add("documents[\(i)].document", "no document '\(d.document)' you can read")
            }
            try issues.throwIfAny()
            return try await MediationStore(sql: tx).addSession(r.id, draft, actor: actor)
        }
        return SessionView(id: sid, caseId: id, createdAt: Timestamp.now(), session: draft)
    }
}

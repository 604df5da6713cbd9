import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Dialogue forums over HTTP: a body convenes one (standing, or a single event), records its sessions with who took
/// part, and its inclusion is measured against the targets it set, per forum and per body and quarter.
struct ForumController {
    func register(_ api: any RoutesBuilder) {
        let f = api.grouped("forums")
        f.get(use: list)
        f.post(use: create)
        f.get(":id", use: get)
        f.post(":id", "sessions", use: addSession)
        api.get("bodies", ":code", "inclusion", use: inclusion)
    }

    /// The stakeholder categories participants are counted in.
    static let categories = ["state", "cso", "traditional", "religious", "women", "youth", "private-sector", "media"]

    struct NewForum: Content {
        var body: String
        var name: String
        var mandate: String
        var topics: [Topic]
        var areas: [String]
        var partners: [String]?
        var standing: Bool
        var targets: InclusionTargets?
    }

    struct NewSession: Content {
        var heldOn: String
        var participants: [Attendance]
        var agenda: String
        var resolutions: [String]?
    }

    struct ForumFile: Content {
        var forum: ForumView
        var sessions: [ForumSessionView]
        var inclusion: InclusionFigures
    }

    struct BodyInclusion: Content {
        var body: String
        var quarter: String
        var inclusion: InclusionFigures
        var targets: InclusionTargets
        var forums: Int
    }

    func list(req: Request) async throws -> [ForumView] { try await ForumStore(sql: req.sql).list(body: try req.query.get(String?.self, at: "body")) }

    func get(req: Request) async throws -> ForumFile { try await Self.file(try req.parameters.require("id"), sql: req.sql) }

    static func file(_ id: String, sql: any SQLDatabase) async throws -> ForumFile {
        guard let f = try await ForumStore(sql: sql).get(id) else { throw APIError.notFound("forum", id) }
        let sessions = try await ForumStore(sql: sql).sessions(forums: [id])
        return ForumFile(forum: f, sessions: sessions, inclusion: InclusionFigures.of(sessions.flatMap(\.participants), targets: f.targets))
    }

    func create(req: Request) async throws -> Response {
        let view = try await Self.create(try req.input(NewForum.self), req: req)
        return try await view.created(at: "/api/v1/forums/\(view.id)", for: req)
    }

    /// A forum convened: the API and the forums page's form both call this.
    static func create(_ input: NewForum, req: Request) async throws -> ForumView {
        let viewer = try req.requireSignedIn()
        guard viewer.keepsRecords(of: input.body) else { throw APIError.forbidden("only people of \(input.body) convene its forums") }
        var issues = IssueCollector()
        if MediationRules.blank(input.name) { issues.add("name", "is empty") }
        if MediationRules.blank(input.mandate) { issues.add("mandate", "say what the forum is for") }
        if input.areas.isEmpty { issues.add("areas", "name at least one area") }
        if let t = input.targets {
            for (k, v) in [("women", t.women), ("youth", t.youth), ("cso", t.cso), ("traditionalAndReligious", t.traditionalAndReligious)]
            where !(0...1).contains(v) {
                issues.add("targets.\(k)", "a share between 0 and 1")
            }
        }
        try issues.throwIfAny()
        let view = ForumView(
            id: UUID().uuidString.lowercased(), body: input.body, name: input.name, mandate: input.mandate, createdAt: Timestamp.now(),
            topics: input.topics.map(\.rawValue), areas: input.areas, partners: input.partners ?? [], standing: input.standing,
            targets: input.targets ?? InclusionTargets())
        let actor = req.actor
        try await req.write { tx in
            var issues = IssueCollector()
            if try await BodyStore(sql: tx).refs([input.body])[input.body] == nil { issues.add("body", "unknown body code '\(input.body)'") }
            let known = try await AreaStore(sql: tx).exists(input.areas)
            for (i, a) in input.areas.enumerated() where !known.contains(a) { issues.add("areas[\(i)]", "unknown area code '\(a)'") }
            try issues.throwIfAny()
            try await ForumStore(sql: tx).create(view, actor: actor)
        }
        return view
    }

    func addSession(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let view = try await Self.addSession(id, try req.input(NewSession.self), req: req)
        return try await view.created(at: "/api/v1/forums/\(id)", for: req)
    }

    /// A session recorded: the API and the forum page's form both call this.
    static func addSession(_ id: String, _ input: NewSession, req: Request) async throws -> ForumSessionView {
        _ = try req.requireSignedIn()
        var issues = IssueCollector()
        if let d = ReportRules.parseDay(input.heldOn) {
            if d > ReportRules.dayAfter(String(Timestamp.now().prefix(10))) { issues.add("heldOn", "\(input.heldOn) is in the future") }
        } else {
            issues.add("heldOn", "'\(input.heldOn)' is not a date; use YYYY-MM-DD")
        }
        for (i, p) in input.participants.enumerated() {
            if !Self.categories.contains(p.category) {
                issues.add("participants[\(i)].category", "'\(p.category)' is not one of \(Self.categories.joined(separator: ", "))")
            }
            if p.women < 0 || p.men < 0 || p.youth < 0 || p.youth > p.women + p.men {
                issues.add("participants[\(i)]", "counts must be 0 or more, youth among them")
            }
        }
        if MediationRules.blank(input.agenda) { issues.add("agenda", "say what was discussed") }
        try issues.throwIfAny()
        let actor = req.actor
        let view = ForumSessionView(
            id: UUID().uuidString.lowercased(), forum: id, heldOn: input.heldOn, agenda: input.agenda, participants: input.participants,
            resolutions: input.resolutions ?? [])
        try await req.write { tx in
            guard let f = try await ForumStore(sql: tx).get(id) else { throw APIError.notFound("forum", id) }
            guard req.viewer.keepsRecords(of: f.body) else { throw APIError.forbidden("only people of \(f.body) record its forum's sessions") }
            try await ForumStore(sql: tx).addSession(view, actor: actor)
        }
        return view
    }

    /// `?quarter=2026-Q4` (default: the current one): every forum of the body, its sessions in the quarter, against
    /// the targets of its first forum (a body sets one set of targets in practice).
    func inclusion(req: Request) async throws -> BodyInclusion {
        let code = try req.parameters.require("code")
        guard try await BodyStore(sql: req.sql).refs([code])[code] != nil else { throw APIError.notFound("body", code) }
        let today = String(Timestamp.now().prefix(10))
        let quarter = try req.query.get(String?.self, at: "quarter") ?? Self.quarter(of: today)
        guard let (from, to) = Self.bounds(quarter) else {
            throw APIError(ValidationFailure(field: "quarter", "'\(quarter)' is not a quarter; use YYYY-Qn"))
        }
        return try await Self.inclusion(code, quarter: quarter, from: from, to: to, sql: req.sql)
    }

    static func inclusion(_ code: String, quarter: String, from: String, to: String, sql: any SQLDatabase) async throws -> BodyInclusion {
        let forums = try await ForumStore(sql: sql).list(body: code)
        let sessions = try await ForumStore(sql: sql).sessions(forums: forums.map(\.id), from: from, to: to)
        let targets = forums.first?.targets ?? InclusionTargets()
        return BodyInclusion(
            body: code, quarter: quarter, inclusion: InclusionFigures.of(sessions.flatMap(\.participants), targets: targets), targets: targets,
            forums: forums.count)
    }

    /// The body's inclusion this quarter (its public page).
    static func inclusionNow(_ code: String, sql: any SQLDatabase) async throws -> BodyInclusion {
        let q = quarter(of: String(Timestamp.now().prefix(10)))
        let (from, to) = bounds(q) ?? ("", "")
        return try await inclusion(code, quarter: q, from: from, to: to, sql: sql)
    }

    static func quarter(of day: String) -> String {
        let m = Int(day.dropFirst(5).prefix(2)) ?? 1
        return "\(day.prefix(4))-Q\((m - 1) / 3 + 1)"
    }

    static func bounds(_ q: String) -> (String, String)? {
        let parts = q.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), parts[0].count == 4, parts[1].count == 2, parts[1].first == "Q",
            let n = Int(parts[1].dropFirst()), (1...4).contains(n)
        else { return nil }
        let first = String(format: "%04d-%02d-01", y, (n - 1) * 3 + 1)
        let last = String(format: "%04d-%02d-31", y, n * 3)
        return (first, last)
    }
}

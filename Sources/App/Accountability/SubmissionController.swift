import AgoraCore
import Foundation
import SQLKit
import Vapor

/// What civil society and citizens bring to a body, tracked until the body answers: routed by competence, counted
/// in working days with the country's holidays, answered ask by ask (held and published in a batch), flagged
/// overdue and very overdue, and the body's record of responsiveness public.
struct SubmissionController {
    func register(_ api: any RoutesBuilder) {
        let s = api.grouped("submissions")
        s.get(use: list)
        s.post(use: create)
        s.get(":id", use: get)
        s.post(":id", "steps", use: step)
        s.post(":id", "answers", use: answer)
        api.get("bodies", ":code", "responsiveness", use: figures)
        api.get("responsiveness", use: league)
    }

    struct NewSubmission: Content {
        var kind: SubmissionKind
        var title: String
        var summary: String
        var area: String
        var topic: Topic
        /// The body addressed; when absent, the competent one. One that is not competent is refused, naming it.
        var body: String?
        var asks: [String]
        var organisation: String?
        /// Only the receiving body's coordinators see who submitted (audited).
        var protected: Bool?
        /// `restricted` (the body and those above it) unless the submitter makes it public.
        var classification: Classification?
    }

    struct Step: Content {
        var to: SubmissionState?
        var note: String?
        var transferTo: String?
        /// Working days added to the deadline, with the reason in `note`.
        var extendBy: Int?
    }

    struct Answers: Content {
        struct One: Content {
            var n: Int
            var answer: AskAnswer
            var reason: String?
        }
        var answers: [One]
        /// Publish now; otherwise held until `publish` (a council answers after its meeting).
        var publish: Bool?
    }

    struct Figures: Content {
        var body: String
        var figures: ResponsivenessFigures
    }

    static func deadlines(_ body: String, level: String?, _ settings: ResponseSettings) -> SubmissionDeadlines {
        settings.submissionDeadlines?[body] ?? level.flatMap { settings.submissionDeadlines?[$0] } ?? SubmissionDeadlines()
    }

    func create(req: Request) async throws -> Response {
        let view = try await Self.submit(try req.input(NewSubmission.self), req: req)
        return try await view.created(at: "/api/v1/submissions/\(view.id)", for: req)
    }

    /// A submission made: the API and the submissions page's form both call this.
    static func submit(_ input: NewSubmission, req: Request) async throws -> SubmissionView {
        let viewer = try req.requireSignedIn()
        var issues = IssueCollector()
        if MediationRules.blank(input.title) { issues.add("title", "is empty") }
        if MediationRules.blank(input.summary) { issues.add("summary", "say what you ask and why") }
        if input.asks.isEmpty || input.asks.contains(where: MediationRules.blank) { issues.add("asks", "write each ask, at least one") }
        if input.asks.count > 50 { issues.add("asks", "at most 50") }
        try issues.throwIfAny()
        let actor = req.actor
        let person = viewer.personID
        let name = try await PeopleStore(sql: req.sql).person(id: person ?? "")?.displayName ?? "—"
        let id = UUID().uuidString.lowercased()
        try await req.write { tx in
            let path = try await AreaStore(sql: tx).path(input.area)
            guard let country = path.last else { throw APIError(ValidationFailure(field: "area", "unknown area code '\(input.area)'")) }
            let answer = try await BodyStore(sql: tx).competence(areaPath: path, topic: input.topic)
            guard let competent = answer.competent else {
                throw APIError(ValidationFailure(field: "topic", "no body has a mandate for \(input.topic.rawValue) in \(input.area)"))
            }
            if let b = input.body, b != competent.code, !answer.chain.contains(where: { $0.code == b }) {
                throw APIError(
                    ValidationFailure(
                        field: "body", "\(b) is not competent for \(input.topic.rawValue) in \(input.area); the competent body is \(competent.code)"))
            }
            try await SubmissionStore(sql: tx).create(
                id: id, body: input.body ?? competent.code, kind: input.kind, title: input.title, summary: input.summary, area: input.area,
                topic: input.topic, country: country, person: person, name: name, organisation: input.organisation,
                protected: input.protected ?? false,
                classification: input.classification ?? .restricted, asks: input.asks, actor: actor)
        }
        return try await Self.view(id, req: req)
    }

    func list(req: Request) async throws -> Page<SubmissionView> {
        let page = try PageRequest(req)
        let state = try req.query.get(String?.self, at: "state").map { try SubmissionState.parse($0, field: "state") }
        let rows = try await SubmissionStore(sql: req.sql).list(
            try await req.scope(), body: try req.query.get(String?.self, at: "body"), state: state, page: page)
        var out: [SubmissionView] = []
        for r in rows { out.append(try await Self.view(r, req: req)) }
        return Page(rows: out, request: page, code: \.id)
    }

    func get(req: Request) async throws -> SubmissionView { try await Self.view(try req.parameters.require("id"), req: req) }

    static func find(_ id: String, _ req: Request, _ sql: any SQLDatabase) async throws -> SubmissionStore.Row {
        guard let r = try await SubmissionStore(sql: sql).get(id, try await req.scope()) else { throw APIError.notFound("submission", id) }
        return r
    }

    static func view(_ id: String, req: Request) async throws -> SubmissionView { try await view(try find(id, req, req.sql), req: req) }

    /// The submission as the reader may see it: answers held back until published, the submitter hidden when protected
    /// (a coordinator of the receiving body reading it is audited).
    static func view(_ r: SubmissionStore.Row, req: Request) async throws -> SubmissionView {
        let store = SubmissionStore(sql: req.sql)
        let viewer = req.viewer
        let keeper = viewer.keepsRecords(of: r.bodyCode)
        let coordinator = viewer.isInstallationAdmin || viewer.roles.contains { $0.body == r.bodyCode && $0.role == .coordinator }
        let own = viewer.personID != nil && viewer.personID == r.submitterPerson
        let seesSubmitter = !r.protected || own || coordinator
        if r.protected, coordinator, !own {
            let actor = req.actor
            try await req.write {
                try await AuditStore(sql: $0).append(actor: actor, action: "read-submitter", recordType: "submission", recordID: r.id)
            }
        }
        let settings = try await SettingsStore(sql: req.sql).load()
        let level = try await BodyStore(sql: req.sql).refs([r.bodyCode])[r.bodyCode]?.level
        let clock = SubmissionStore.clock(r, deadlines(r.bodyCode, level: level, settings))
        let cal = try await HolidayStore(sql: req.sql).calendar(r.country)
        let today = CivilDate.parse(Timestamp.now()) ?? 0
        let asks = try await store.asks(r.id).map { a -> AskView in
            var a = a
            if !a.published && !keeper {
                a.answer = nil
                a.reason = nil
            }
            return a
        }
        return SubmissionView(
            id: r.id, body: r.bodyCode, title: r.title, summary: r.summary, area: r.areaCode, topic: r.topic, country: r.country,
            receivedOn: r.receivedOn,
            createdAt: r.createdAt, kind: r.kind, state: r.state, classification: Classification(rawValue: r.classification) ?? .restricted,
            submitter: seesSubmitter ? r.submitterName : nil, organisation: seesSubmitter ? r.organisation : nil, protected: r.protected,
            acknowledgedOn: r.acknowledgedOn, answeredOn: r.answeredOn, transferredTo: r.transferredTo, extensionDays: r.extensionDays,
            acknowledgeBy: CivilDate.text(clock.acknowledgeBy(cal)), answerBy: CivilDate.text(clock.answerBy(cal)),
            veryLateFrom: CivilDate.text(clock.veryLateFrom(cal)), flag: clock.flag(r.state, today: today, cal), asks: asks,
            history: try await store.history(r.id))
    }

    static func requireKeeper(_ req: Request, _ r: SubmissionStore.Row) throws {
        let v = try req.requireSignedIn()
        guard v.keepsRecords(of: r.bodyCode) else { throw APIError.forbidden("only the people of \(r.bodyCode) act on its submissions") }
    }

    func step(req: Request) async throws -> SubmissionView {
        try await Self.step(try req.parameters.require("id"), try req.input(Step.self), req: req)
    }

    /// A step on a submission: the API and the submission page's form both call this.
    static func step(_ id: String, _ input: Step, req: Request) async throws -> SubmissionView {
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireKeeper(req, r)
            let store = SubmissionStore(sql: tx)
            if let days = input.extendBy {
                guard (1...120).contains(days) else { throw APIError(ValidationFailure(field: "extendBy", "1 to 120 working days")) }
                guard let reason = input.note, !MediationRules.blank(reason) else {
                    throw APIError(ValidationFailure(field: "note", "an extension says why"))
                }
                try await store.extend(r, days: days, reason: reason, actor: actor)
            }
            guard let to = input.to else {
                if input.extendBy == nil { throw APIError(ValidationFailure(field: "to", "say where the submission goes, or extend its deadline")) }
                return
            }
            var issues = IssueCollector()
            if !r.state.next.contains(to) {
                issues.add("to", "a submission \(r.state.rawValue) cannot become \(to.rawValue)")
            }
            if to == .answered { issues.add("to", "answer each ask instead (POST …/answers)") }
            if to == .transferred {
                if let b = input.transferTo {
                    if try await BodyStore(sql: tx).refs([b])[b] == nil { issues.add("transferTo", "unknown body code '\(b)'") }
                } else {
                    issues.add("transferTo", "name the body it goes to")
                }
                if MediationRules.blank(input.note ?? "") { issues.add("note", "a transfer says why") }
            }
            if to == .clarificationRequested, MediationRules.blank(input.note ?? "") { issues.add("note", "say what needs clarifying") }
            try issues.throwIfAny()
            try await store.step(r, to: to, note: input.note, transferTo: input.transferTo, today: today, actor: actor)
        }
        return try await Self.view(id, req: req)
    }

    func answer(req: Request) async throws -> SubmissionView {
        try await Self.answer(try req.parameters.require("id"), try req.input(Answers.self), req: req)
    }

    /// Answers to asks, held or published: the API and the submission page's form both call this.
    static func answer(_ id: String, _ input: Answers, req: Request) async throws -> SubmissionView {
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireKeeper(req, r)
            guard [.acknowledged, .underConsideration].contains(r.state) else {
                throw APIError.conflict(field: "state", "acknowledge the submission before answering it (it is \(r.state.rawValue))")
            }
            let store = SubmissionStore(sql: tx)
            let asks = Set(try await store.asks(r.id).map(\.n))
            var issues = IssueCollector()
            for (i, a) in input.answers.enumerated() {
                if !asks.contains(a.n) { issues.add("answers[\(i)].n", "no ask \(a.n)") }
                if [.rejected, .notForUs].contains(a.answer), MediationRules.blank(a.reason ?? "") {
                    issues.add("answers[\(i)].reason", a.answer == .rejected ? "a rejection says why" : "say which body it is for")
                }
            }
            if input.answers.isEmpty { issues.add("answers", "answer at least one ask") }
            try issues.throwIfAny()
            for a in input.answers { try await store.answer(r.id, n: a.n, answer: a.answer, reason: a.reason, publish: false) }
            try await store.event(
                r.id, kind: "answers", note: input.answers.map { "\($0.n): \($0.answer.rawValue)" }.joined(separator: ", "), actor: actor)
            if input.publish == true { _ = try await store.publish(r, today: today, actor: actor) }
        }
        return try await Self.view(id, req: req)
    }

    /// A body's public record: every submission counts (confidential ones too); nothing of any one shows.
    func figures(req: Request) async throws -> Figures {
        let code = try req.parameters.require("code")
        guard try await BodyStore(sql: req.sql).refs([code])[code] != nil else { throw APIError.notFound("body", code) }
        return Figures(body: code, figures: try await Self.figures(body: code, sql: req.sql))
    }

    func league(req: Request) async throws -> [Figures] {
        let rows = try await SubmissionStore(sql: req.sql).all(body: nil)
        var out: [Figures] = []
        for body in Set(rows.map(\.bodyCode)).sorted() { out.append(Figures(body: body, figures: try await Self.figures(body: body, sql: req.sql))) }
        return out.sorted { ($0.figures.answeredOnTimeShare ?? -1) > ($1.figures.answeredOnTimeShare ?? -1) }
    }

    static func figures(body: String, sql: any SQLDatabase, today: Int = CivilDate.parse(Timestamp.now()) ?? 0) async throws -> ResponsivenessFigures
    {
        let rows = try await SubmissionStore(sql: sql).all(body: body)
        let settings = try await SettingsStore(sql: sql).load()
        let level = try await BodyStore(sql: sql).refs([body])[body]?.level
        var calendars: [String: WorkingCalendar] = [:]
        for c in Set(rows.map(\.country)) { calendars[c] = try await HolidayStore(sql: sql).calendar(c) }
        let d = deadlines(body, level: level, settings)
        return ResponsivenessFigures.of(
            rows.map {
                ResponsivenessFigures.Row(
                    state: $0.state, clock: SubmissionStore.clock($0, d), answeredOn: $0.answeredOn.flatMap(CivilDate.parse),
                    calendar: calendars[$0.country] ?? WorkingCalendar())
            }, today: today)
    }
}

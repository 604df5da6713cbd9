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
        s.get("receipt", ":code", use: receipt)
        s.post("receipt", ":code", "clarification", use: clarifyByReceipt)
        s.get(":id", use: get)
        s.post(":id", "steps", use: step)
        s.post(":id", "answers", use: answer)
        api.get("bodies", ":code", "responsiveness", use: figures)
        api.get("responsiveness", use: league)
        api.get("responsiveness.csv", use: leagueCSV)
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
        /// Where the submitter hears of every change (e-mail or webhook); not for anonymous submissions.
        var notify: SubmissionFollowUpController.Follow?
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
        var commitments: CommitmentFigures
    }

    static func deadlines(_ body: String, level: String?, _ settings: ResponseSettings) -> SubmissionDeadlines {
        settings.submissionDeadlines?[body] ?? level.flatMap { settings.submissionDeadlines?[$0] } ?? SubmissionDeadlines()
    }

    func create(req: Request) async throws -> Response {
        let view = try await Self.submit(try req.input(NewSubmission.self), req: req)
        return try await view.created(at: "/api/v1/submissions/\(view.id)", for: req)
    }

    /// A submission made: the API and the submissions page's form both call this. Without an account it is anonymous:
    /// limited per address, the submitter's identity protected, and a receipt code returned once.
    static func submit(_ input: NewSubmission, req: Request) async throws -> SubmissionView {
        let viewer = req.viewer
        let person = viewer.personID
        var issues = IssueCollector()
        if MediationRules.blank(input.title) { issues.add("title", "is empty") }
        if MediationRules.blank(input.summary) { issues.add("summary", "say what you ask and why") }
        if input.asks.isEmpty || input.asks.contains(where: MediationRules.blank) { issues.add("asks", "write each ask, at least one") }
        if input.asks.count > 50 { issues.add("asks", "at most 50") }
        if person == nil, input.notify != nil {
            issues.add("notify", "an anonymous submission keeps no address; follow it with its receipt code")
        }
        if let n = input.notify { SubscriptionController.checkTarget(channel: n.channel, target: n.target, field: "notify.", &issues) }
        try issues.throwIfAny()
        if person == nil {
            guard await req.application.rateLimits.anonymousSubmissions.allow(req.clientKey) else {
                throw APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many submissions from this address; wait and try again")
            }
        }
        let actor = person == nil ? "anonymous" : req.actor
        let name = person == nil ? "anonymous" : try await PeopleStore(sql: req.sql).person(id: person ?? "")?.displayName ?? "—"
        let receipt = person == nil ? PublicReports.Receipt.make() : nil
        let id = UUID().uuidString.lowercased()
        let follow = try input.notify.map { try SubmissionFollowUpController.prepare($0, req: req) }
        let tree = try await req.bodyTree()
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
            let receiving = input.body ?? competent.code
            // A CSO's liaison submits for the organisation: where the receiving body, or one above it, accredits, the
            // organisation's accreditation must allow submissions — suspended, it does not.
            let orgs = try await AccreditationRegisterController.liaisonOrganisations(viewer, sql: tx)
            if !orgs.isEmpty {
                let chain = AccreditationRegisterController.chain(from: receiving, tree)
                var refusals: [String] = []
                for org in orgs.sorted() {
                    if let why = try await AccreditationRegisterController.refusal(org, .submit, chain: chain, sql: tx) { refusals.append(why) }
                }
                if refusals.count == orgs.count { throw APIError.forbidden(refusals.joined(separator: "; ")) }
            }
            let store = SubmissionStore(sql: tx)
            try await store.create(
                id: id, body: input.body ?? competent.code, kind: input.kind, title: input.title, summary: input.summary, area: input.area,
                topic: input.topic, country: country, person: person, name: name, organisation: input.organisation,
                protected: person == nil ? true : input.protected ?? false, classification: input.classification ?? .restricted, asks: input.asks,
                receiptDigest: receipt.map(PublicReports.Receipt.digest), actor: actor)
            if let follow, let person {
                try await store.follow(
                    submission: id, body: input.body ?? competent.code, id: follow.id, person: person, channel: follow.channel, target: follow.target,
                    sealedSecret: follow.sealed, actor: actor)
            }
        }
        guard let receipt else { return try await Self.view(id, req: req) }
        // The anonymous submitter reads it this once, as its holder; afterwards by the receipt code.
        guard let r = try await SubmissionStore(sql: req.sql).receipt(digest: PublicReports.Receipt.digest(receipt)) else {
            throw APIError.notFound("submission", id)
        }
        var v = try await Self.view(r, req: req, holder: true)
        v.receipt = receipt
        return v
    }

    /// What became of an anonymous submission: as its submitter sees it, without signing in. An unknown code gets
    /// the same answer whether or not it ever existed.
    func receipt(req: Request) async throws -> SubmissionView {
        try await Self.view(try await Self.byReceipt(try req.parameters.require("code"), req: req), req: req, holder: true)
    }

    static func byReceipt(_ code: String, req: Request) async throws -> SubmissionStore.Row {
        guard await req.application.rateLimits.receiptChecks.allow(req.clientKey) else {
            throw APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many receipt checks from this address; wait a minute")
        }
        guard let digest = PublicReports.Receipt.normalised(code).map(PublicReports.Receipt.digest),
            let r = try await SubmissionStore(sql: req.sql).receipt(digest: digest)
        else { throw APIError.notFound("receipt", code, field: "code") }
        return r
    }

    struct Clarification: Content {
        var note: String
    }

    func clarifyByReceipt(req: Request) async throws -> SubmissionView {
        let r = try await Self.byReceipt(try req.parameters.require("code"), req: req)
        try await Self.clarify(r, try req.input(Clarification.self), actor: "anonymous", req: req)
        guard let fresh = try await SubmissionStore(sql: req.sql).receipt(digest: r.receiptDigest ?? "") else {
            throw APIError.notFound("receipt", "")
        }
        return try await Self.view(fresh, req: req, holder: true)
    }

    /// The submitter answers the body's question: the clock runs again.
    static func clarify(_ r: SubmissionStore.Row, _ input: Clarification, actor: String, req: Request) async throws {
        guard r.state == .clarificationRequested else {
            throw APIError.conflict(field: "state", "the body asked no question (the submission is \(r.state.rawValue))")
        }
        if MediationRules.blank(input.note) { throw APIError(ValidationFailure(field: "note", "write your answer to the body's question")) }
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            try await SubmissionStore(sql: tx).step(r, to: .underConsideration, note: input.note, transferTo: nil, today: today, actor: actor)
        }
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
    /// `holder`: the reader holds the anonymous submission's receipt code (the names of the body's people are left out).
    static func view(_ r: SubmissionStore.Row, req: Request, holder: Bool = false) async throws -> SubmissionView {
        let store = SubmissionStore(sql: req.sql)
        let viewer = req.viewer
        let keeper = !holder && viewer.keepsRecords(of: r.bodyCode)
        let coordinator = !holder && (viewer.isInstallationAdmin || viewer.roles.contains { $0.body == r.bodyCode && $0.role == .coordinator })
        let own = holder || (viewer.personID != nil && viewer.personID == r.submitterPerson)
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
            history: try await store.history(r.id).map { e in
                var e = e
                if holder { e.actor = "—" }
                return e
            }, anonymous: r.anonymous, review: r.reviewState, reviewRequestedOn: r.reviewRequestedOn, files: try await store.files(of: r.id))
    }

    /// What the receiving body's people do to a submission: in one write, the row read through the caller's scope, the
    /// caller checked, the store, the actor and today's date handed to `act`.
    static func keeping(
        _ id: String, req: Request,
        _ act: @escaping @Sendable (SubmissionStore.Row, SubmissionStore, _ actor: String, _ today: String) async throws -> Void
    ) async throws {
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireKeeper(req, r)
            try await act(r, SubmissionStore(sql: tx), actor, today)
        }
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
        try await keeping(id, req: req) { r, store, actor, today in
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
                    if try await BodyStore(sql: store.sql).refs([b])[b] == nil { issues.add("transferTo", "unknown body code '\(b)'") }
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
        try await keeping(id, req: req) { r, store, actor, today in
            guard [.acknowledged, .underConsideration].contains(r.state) else {
                throw APIError.conflict(field: "state", "acknowledge the submission before answering it (it is \(r.state.rawValue))")
            }
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
        return try await Self.record(code, sql: req.sql)
    }

    static func record(_ body: String, sql: any SQLDatabase) async throws -> Figures {
        Figures(
            body: body, figures: try await figures(body: body, sql: sql),
            commitments: CommitmentFigures.of(try await SubmissionStore(sql: sql).commitments(body: body), today: String(Timestamp.now().prefix(10))))
    }

    func league(req: Request) async throws -> [Figures] { try await Self.league(req.sql) }

    /// Every body that received a submission, the most responsive first.
    static func league(_ sql: any SQLDatabase) async throws -> [Figures] {
        let rows = try await SubmissionStore(sql: sql).all(body: nil)
        var out: [Figures] = []
        for body in Set(rows.map(\.bodyCode)).sorted() { out.append(try await Self.record(body, sql: sql)) }
        return out.sorted { ($0.figures.answeredOnTimeShare ?? -1) > ($1.figures.answeredOnTimeShare ?? -1) }
    }

    /// The league as CSV, for a spreadsheet or a newspaper.
    func leagueCSV(req: Request) async throws -> Response {
        var csv = "body,received,answered,answered_on_time_share,median_working_days_to_answer,overdue_now,very_overdue_now,commitments,"
        csv += "commitments_done,commitments_late,commitments_mean_progress\r\n"
        for f in try await Self.league(req.sql) {
            let x = f.figures
            let c = f.commitments
            let fields: [String] = [
                DocumentController.csvField(f.body), String(x.received), String(x.answered),
                x.answeredOnTimeShare.map { String(format: "%.3f", $0) } ?? "",
                x.medianDaysToAnswer.map { String(format: "%.1f", $0) } ?? "", String(x.overdueNow), String(x.veryOverdueNow),
                String(c.commitments), String(c.done), String(c.late), c.meanProgress.map { String(format: "%.1f", $0) } ?? "",
            ]
            csv += fields.joined(separator: ",") + "\r\n"
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"responsiveness.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
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

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Agreements over HTTP: recorded from a mediation (or directly), their commitment tree, implementation scores with
/// evidence and a second reviewer, roll-ups and stalls, alleged violations, and the long-format export.
struct AgreementController {
    func register(_ api: any RoutesBuilder) {
        let a = api.grouped("agreements")
        a.get(use: list)
        a.post(use: create)
        a.get(":id", use: get)
        a.get(":id", "export.csv", use: export)
        a.put(":id", "stipulations", use: setStipulations)
        a.post(":id", "versions", use: addVersion)
        a.post(":id", "publish", use: publish)
        a.post(":id", "scores", use: score)
        a.post(":id", "scores", ":score", "review", use: review)
        a.post(":id", "violations", use: allege)
        a.post(":id", "violations", ":violation", "steps", use: step)
    }

    struct NewAgreement: Content {
        var agreement: AgreementDraft
        var body: String
        /// The mediation case it came from.
        var caseId: String?
        /// Restricted to the body until published, unless said otherwise.
        var classification: Classification?
        var stipulations: [Stipulation]?
    }

    struct AgreementFile: Content {
        var agreement: AgreementHeaderView
        var stipulations: [Stipulation]
        var scores: [ScoreView]
        var rollup: Implementation.Rollup
        /// The agreement's share of full implementation, month by month since it was signed.
        var series: [SeriesPoint]
        var reviewers: ReviewerAgreement
        var stalls: [Implementation.Stall]
        var violations: [ViolationView]
        /// Whether the viewer may score and review (and so sees unpublished scores).
        var canScore: Bool
    }

    struct SeriesPoint: Content {
        var period: String
        var share: Double
    }

    struct ReviewerAgreement: Content {
        var agreed: Int
        var reviewed: Int
        var rate: Double?
    }

    struct NewViolation: Content {
        var stipulation: String?
        var source: AllegationSource
        var allegedParty: String?
        var occurredOn: String
        var area: String
        var description: String
        var incidents: [String]?
    }

    struct NewScore: Content {
        var stipulation: String
        var period: String
        var score: Int
        var evidence: [Evidence]?
        var note: String?
    }

    struct Review: Content {
        var score: Int
    }

    struct Stipulations: Content {
        var stipulations: [Stipulation]
    }

    struct NewVersion: Content {
        var text: String
        var signatories: [Signatory]
    }

    static func filter(_ req: Request) throws -> AgreementStore.Filter {
        AgreementStore.Filter(
            country: try req.query.get(String?.self, at: "country"), caseID: try req.query.get(String?.self, at: "case"),
            text: try req.query.get(String?.self, at: "q"), tracked: try req.query.get(Bool?.self, at: "tracked") ?? false)
    }

    func list(req: Request) async throws -> Page<AgreementHeaderView> {
        let page = try PageRequest(req)
        let rows = try await AgreementStore(sql: req.sql).list(try await req.scope(), try Self.filter(req), page: page)
        return Page(rows: rows.map(AgreementStore.view), request: page, code: \.id)
    }

    static func find(_ id: String, _ req: Request, _ sql: any SQLDatabase) async throws -> AgreementStore.Row {
        guard let r = try await AgreementStore(sql: sql).get(id, try await req.scope()) else { throw APIError.notFound("agreement", id) }
        return r
    }

    /// Who keeps an agreement's record: people of its body other than monitors and auditors, and administrators.
    static func canKeep(_ viewer: Viewer, _ r: AgreementStore.Row) -> Bool {
        viewer.isInstallationAdmin || r.bodyCode.map(viewer.keepsRecords) ?? false
    }

    static func requireKeeper(_ req: Request, _ r: AgreementStore.Row) throws {
        let v = try req.requireSignedIn()
        guard canKeep(v, r) else { throw APIError.forbidden("only the people of \(r.bodyCode ?? "the installation") keep this agreement's record") }
    }

    /// The whole file of an agreement as the viewer may read it; `today` and the stall setting judge stalls.
    static func file(
        _ r: AgreementStore.Row, viewer: Viewer, sql: any SQLDatabase, stallPeriods: Int, today: String = String(Timestamp.now().prefix(10))
    )
        async throws -> AgreementFile
    {
        let store = AgreementStore(sql: sql)
        let keeper = canKeep(viewer, r)
        let stipulations = try await store.stipulations(r.id)
        var scores = try await store.scores(r.id, publishedOnly: !keeper)
        let entries = scores.map(\.entry)
        let month = String(today.prefix(7))
        let start = String(r.signedOn.prefix(7))
        let series = Implementation.series(stipulations, entries, from: start, to: month).map { SeriesPoint(period: $0.0, share: $0.1) }
        let agreed = Implementation.reviewerAgreement(entries.filter(\.published))
        let violations = try await store.violations(r.id).filter { keeper || $0.state == .published }
        if !keeper {
            // The public reads published scores; who scored and reviewed them stays with the body.
            for i in scores.indices {
                scores[i].entry.scoredBy = ""
                scores[i].entry.reviewedBy = nil
            }
        }
        return AgreementFile(
            agreement: AgreementStore.view(r), stipulations: stipulations, scores: scores,
            rollup: Implementation.rollup(stipulations, entries, at: month), series: series,
            reviewers: ReviewerAgreement(
                agreed: agreed.agreed, reviewed: agreed.reviewed, rate: agreed.reviewed > 0 ? Double(agreed.agreed) / Double(agreed.reviewed) : nil),
            stalls: Implementation.stalls(
                stipulations, entries.filter(\.published), start: start, period: month, today: today, periods: stallPeriods),
            violations: violations, canScore: keeper)
    }

    func get(req: Request) async throws -> AgreementFile { try await Self.file(try req.parameters.require("id"), req: req) }

    /// The agreement as the caller may read it: the API's answer and the agreement page's model.
    static func file(_ id: String, req: Request) async throws -> AgreementFile {
        let r = try await Self.find(id, req, req.sql)
        let settings = try await SettingsStore(sql: req.sql).load()
        return try await Self.file(r, viewer: req.viewer, sql: req.sql, stallPeriods: settings.stallPeriods)
    }

    func create(req: Request) async throws -> Response {
        let view = try await Self.create(try req.input(NewAgreement.self), req: req)
        return try await view.created(at: "/api/v1/agreements/\(view.id)", for: req)
    }

    /// An agreement recorded, with its tree: the API and the mediation page's form both call this.
    static func create(_ input: NewAgreement, req: Request) async throws -> AgreementHeaderView {
        let viewer = try req.requireSignedIn()
        guard viewer.keepsRecords(of: input.body) else { throw APIError.forbidden("only people of \(input.body) record its agreements") }
        try AgreementRules.check(input.agreement)
        if let s = input.stipulations { try CommitmentRules.check(s) }
        let actor = req.actor
        let scope = try await req.scope()
        let id = try await req.write { tx in
            var issues = IssueCollector()
            if try await BodyStore(sql: tx).refs([input.body])[input.body] == nil { issues.add("body", "unknown body code '\(input.body)'") }
            if let c = input.caseId, try await MediationStore(sql: tx).get(c, scope) == nil {
                issues.add("caseId", "no mediation case '\(c)' you can see")
            }
            try issues.throwIfAny()
            let id = try await AgreementStore(sql: tx).create(
                input.agreement, body: input.body, caseID: input.caseId, classification: input.classification ?? .restricted, actor: actor)
            if let s = input.stipulations { try await AgreementStore(sql: tx).setStipulations(id, s, actor: actor) }
            if let c = input.caseId {
                try await MediationStore(sql: tx).event(c, kind: "agreement", reason: "agreement \(id) recorded", actor: actor)
            }
            return id
        }
        return AgreementStore.view(try await AgreementStore(sql: req.sql).get(id, scope)!)
    }

    func setStipulations(req: Request) async throws -> Stipulations {
        let input = try req.input(Stipulations.self)
        try CommitmentRules.check(input.stipulations)
        let actor = req.actor
        return try await req.write { tx in
            let r = try await Self.find(try req.parameters.require("id"), req, tx)
            try Self.requireKeeper(req, r)
            try await AgreementStore(sql: tx).setStipulations(r.id, input.stipulations, actor: actor)
            return input
        }
    }

    func addVersion(req: Request) async throws -> AgreementHeaderView {
        let input = try req.input(NewVersion.self)
        if MediationRules.blank(input.text) { throw APIError(ValidationFailure(field: "text", "is empty")) }
        let actor = req.actor
        try await req.write { tx in
            let r = try await Self.find(try req.parameters.require("id"), req, tx)
            try Self.requireKeeper(req, r)
            try await AgreementStore(sql: tx).newVersion(r, text: input.text, signatories: input.signatories, actor: actor)
        }
        return AgreementStore.view(try await Self.find(try req.parameters.require("id"), req, req.sql))
    }

    func publish(req: Request) async throws -> AgreementHeaderView {
        let actor = req.actor
        try await req.write { tx in
            let r = try await Self.find(try req.parameters.require("id"), req, tx)
            try Self.requireKeeper(req, r)
            try await AgreementStore(sql: tx).publish(r, actor: actor)
        }
        return AgreementStore.view(try await Self.find(try req.parameters.require("id"), req, req.sql))
    }

    static func pam(_ n: Int, field: String) throws -> PAMScore {
        guard let s = PAMScore(rawValue: n) else {
            throw APIError(ValidationFailure(field: field, "\(n) is not on the scale: 0 not initiated, 1 minimal, 2 intermediate, 3 full"))
        }
        return s
    }

    func score(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let view = try await Self.score(id, try req.input(NewScore.self), req: req)
        return try await view.created(at: "/api/v1/agreements/\(id)", for: req)
    }

    /// A stipulation scored for a month: the API and the agreement page's form both call this.
    static func score(_ id: String, _ input: NewScore, req: Request) async throws -> ScoreView {
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        let entry = ScoreEntry(
            stipulation: input.stipulation, period: input.period, score: try Self.pam(input.score, field: "score"), evidence: input.evidence ?? [],
            scoredBy: viewer.personID ?? actor)
        let sid = try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireKeeper(req, r)
            let codes = Set(try await AgreementStore(sql: tx).stipulations(r.id).map(\.code))
            try ScoreRules.check(entry, stipulations: codes)
            return try await AgreementStore(sql: tx).addScore(r.id, entry, note: input.note ?? "", actor: actor)
        }
        return ScoreView(id: sid, createdAt: Timestamp.now(), entry: entry, note: input.note ?? "", publishedAt: nil)
    }

    func review(req: Request) async throws -> ScoreView {
        try await Self.review(try req.parameters.require("id"), score: try req.parameters.require("score"), try req.input(Review.self), req: req)
    }

    /// The second reviewer's reading, which publishes the score: the API and the agreement page's form both call this.
    static func review(_ id: String, score sid: String, _ input: Review, req: Request) async throws -> ScoreView {
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        let score = try Self.pam(input.score, field: "score")
        return try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            try Self.requireKeeper(req, r)
            let store = AgreementStore(sql: tx)
            guard var s = try await store.scores(r.id, publishedOnly: false).first(where: { $0.id == sid }) else {
                throw APIError.notFound("score", sid)
            }
            s.entry = try await store.review(r.id, s, reviewer: viewer.personID ?? actor, score: score, actor: actor)
            return s
        }
    }

    func allege(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let v = try await Self.allege(id, try req.input(NewViolation.self), req: req)
        return try await v.created(at: "/api/v1/agreements/\(id)", for: req)
    }

    /// An allegation: from a signed-in monitor, party or patrol, or — where the installation takes anonymous reports —
    /// from the public, limited per address as public reports are. The API and the agreement page both call this.
    static func allege(_ id: String, _ given: NewViolation, req: Request) async throws -> ViolationView {
        var given = given
        if req.viewer.personID == nil {
            guard req.application.agora.anonymousReports else {
                throw APIError(status: .unauthorized, code: "unauthorized", reason: "sign in to allege a violation", field: "Authorization")
            }
            guard await req.application.rateLimits.anonymousReports.allow(req.clientKey) else {
                throw APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many reports from this address; wait and try again")
            }
            given.source = .public
        }
        let input = given
        let actor = req.actor
        let vid = try await req.write { tx in
            let r = try await Self.find(id, req, tx)
            let v = ViolationDraft(
                agreement: r.id, stipulation: input.stipulation, source: input.source, allegedParty: input.allegedParty, occurredOn: input.occurredOn,
                area: input.area, description: input.description, incidents: input.incidents ?? [])
            let codes = Set(try await AgreementStore(sql: tx).stipulations(r.id).map(\.code))
            try ViolationRules.check(v, stipulations: codes, today: String(Timestamp.now().prefix(10)))
            if try await AreaStore(sql: tx).exists([v.area]).isEmpty {
                throw APIError(ValidationFailure(field: "area", "unknown area code '\(v.area)'"))
            }
            return try await AgreementStore(sql: tx).allege(v, actor: actor)
        }
        return try await AgreementStore(sql: req.sql).violations(id).first { $0.id == vid }!
    }

    /// A step of an allegation. Publishing a substantiated finding records an incident in the area, so the breach
    /// weighs in its risk as a threat, and links it to the allegation.
    func step(req: Request) async throws -> ViolationView {
        try await Self.step(
            try req.parameters.require("id"), violation: try req.parameters.require("violation"), try req.input(ViolationStep.self), req: req)
    }

    /// The API and the agreement page's form both call this.
    static func step(_ id: String, violation vid: String, _ input: ViolationStep, req: Request) async throws -> ViolationView {
        let actor = req.actor
        let snapshot = try await req.application.risk.current(req.sql)
        let framework = try await FrameworkStore(sql: req.sql).active()
        let indicator = framework.indicators.map(\.indicator.code).contains(Self.violationIndicator) ? Self.violationIndicator : nil
        typealias Change = (deltas: [(RiskCube.Key, RiskCell)], revision: Int, events: [RiskEvent])
        let (view, change) = try await req.write { tx -> (ViolationView, Change?) in
            let r = try await Self.find(id, req, tx)
            try Self.requireKeeper(req, r)
            let store = AgreementStore(sql: tx)
            guard let v = try await store.violations(r.id).first(where: { $0.id == vid }) else { throw APIError.notFound("allegation", vid) }
            let codes = Set(try await store.stipulations(r.id).map(\.code))
            try ViolationRules.check(step: input, from: v.state, stipulations: codes)
            try await store.step(v, input, actor: actor)
            var after = try await store.violations(r.id).first { $0.id == vid }!
            guard input.to == .published, after.finding == ViolationFinding.substantiated.rawValue else { return (after, nil) }
            let incident = try await IncidentStore(sql: tx).create(
                violation: after, title: "Violation of \(r.title)", body: r.bodyCode ?? snapshot.path(after.area).last ?? "",
                areaPath: AreaPath.text(snapshot.path(after.area)),
                indicator: indicator, actor: actor)
            try await store.link(after.id, incident: incident)
            after.incidents.append(incident)
            return (after, try await RiskUpdater.change(tx, ids: [incident], before: [], snapshot: snapshot))
        }
        if let change { try await RiskUpdater(app: req.application).committed(change) }
        return view
    }

    /// The standard framework's indicator for a breach of a ceasefire or agreement.
    static let violationIndicator = "AG01"

    /// Long format, one row per published score: `agreement, stipulation, theme, period, score, evidence`.
    func export(req: Request) async throws -> Response {
        let r = try await Self.find(try req.parameters.require("id"), req, req.sql)
        let store = AgreementStore(sql: req.sql)
        let themes = Dictionary(try await store.stipulations(r.id).map { ($0.code, $0.theme) }, uniquingKeysWith: { a, _ in a })
        let scores = try await store.scores(r.id, publishedOnly: true)
        var csv = "agreement,stipulation,theme,period,score,evidence\r\n"
        for s in scores {
            let evidence = s.entry.evidence.map { "\($0.kind.rawValue):\($0.ref)" }.joined(separator: " ")
            csv +=
                [r.id, s.entry.stipulation, themes[s.entry.stipulation] ?? "", s.entry.period, String(s.entry.final.rawValue), evidence]
                .map(DocumentController.csvField).joined(separator: ",") + "\r\n"
        }
        let actor = req.actor
        try await req.write { tx in
            try await AuditStore(sql: tx).append(actor: actor, action: "export", recordType: "agreement", recordID: r.id, content: [scores.count])
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"agreement-scores.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}

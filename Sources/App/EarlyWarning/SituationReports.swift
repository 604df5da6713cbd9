import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Weekly or monthly narrative reports per area — what WANEP's bulletins and CEWARN's situation briefs are
/// made of — linking the incidents they discuss. Classified and scoped like every record.
struct SituationReportView: Content {
    var id: String
    var body: String
    var classification: Classification
    var area: String
    var period: String
    var periodStart: String
    var periodEnd: String
    var title: String
    var narrative: String
    /// The incidents it discusses that the caller may see.
    var incidents: [String]
    var createdAt: String
}

struct SituationReportController {

    func register(_ api: any RoutesBuilder) {
        api.get("situation-reports", use: list)
        api.post("situation-reports", use: create)
        api.get("situation-reports", ":id", use: get)
    }

    func list(req: Request) async throws -> Page<SituationReportView> {
        let page = try PageRequest(req)
        let scope = try await req.scope()
        let store = SituationReportStore(sql: req.sql)
        let rows = try await store.list(
            scope, area: try req.query.get(String?.self, at: "area"), body: try req.query.get(String?.self, at: "body"), page: page)
        return Page(rows: try await store.views(rows, scope), request: page, code: \.id)
    }

    func get(req: Request) async throws -> SituationReportView {
        let id = try req.parameters.require("id")
        let scope = try await req.scope()
        let store = SituationReportStore(sql: req.sql)
        guard let row = try await store.get(id, scope) else { throw APIError.notFound("situation report", id) }
        return try await store.views([row], scope)[0]
    }

    struct Input: Content {
        var body: String
        var area: String
        var period: String
        var periodStart: String
        var title: String
        var narrative: String
        var incidents: [String]?
        var classification: Classification?
    }

    func create(req: Request) async throws -> Response {
        let id = try await Self.write(try req.input(Input.self), req: req)
        return try await get(req: req.withID(id)).created(at: "/api/v1/situation-reports/\(id)", for: req)
    }

    /// Checks and stores a situation report (the API and the page); returns its id.
    static func write(_ input: Input, req: Request) async throws -> String {
        let viewer = try req.requireSignedIn()
        guard viewer.isInstallationAdmin || AccessPolicy.holds(viewer, [.analyst, .coordinator, .csoLiaison], in: input.body) else {
            throw APIError.forbidden("situation reports are written by analysts, coordinators and CSO liaisons of \(input.body)")
        }
        var issues = IssueCollector()
        if !["weekly", "monthly"].contains(input.period) { issues.add("period", "use weekly or monthly") }
        if ReportRules.parseDay(input.periodStart) == nil { issues.add("periodStart", "'\(input.periodStart)' is not a date; use YYYY-MM-DD") }
        if input.title.trimmingCharacters(in: .whitespaces).isEmpty || input.title.count > 300 { issues.add("title", "1 to 300 characters") }
        if input.narrative.count > 100_000 { issues.add("narrative", "at most 100,000 characters") }
        try issues.throwIfAny()
        let end = ReportController.shift(input.periodStart, days: input.period == "weekly" ? 6 : 30)
        let scope = try await req.scope()
        // Every linked incident must be one the author can see, in the area.
        let wanted = Array(Set(input.incidents ?? []))
        let found = try await IncidentStore(sql: req.sql).visible(wanted, in: input.area, scope)
        for (i, id) in (input.incidents ?? []).enumerated() where !found.contains(id) {
            issues.add("incidents[\(i)]", "no incident '\(id)' in \(input.area) that you can see")
        }
        try issues.throwIfAny()
        guard try await AreaStore(sql: req.sql).get(input.area) != nil else {
            throw APIError(ValidationFailure(field: "area", "unknown area code '\(input.area)'"))
        }
        let id = UUID().uuidString.lowercased()
        let actor = req.actor
        let classification = input.classification ?? .restricted
        let author = viewer.personID
        try await req.write { tx in
            try await SituationReportStore(sql: tx).create(
                id: id, input, classification: classification, periodEnd: end, incidents: found.sorted(),
                author: author, actor: actor)
        }
        return id
    }
}

extension Request {
    /// The same request with `:id` set, to reuse a detail handler after a create.
    func withID(_ id: String) -> Request {
        parameters.set("id", to: id)
        return self
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Weekly or monthly narrative reports per area — what WANEP's bulletins and CEWARN's situation briefs are
/// made of — linking the incidents they discuss. Classified and scoped like every record.
struct SituationReportView: Content {
    var id: String
    var body: String
    var classification: String
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
    static let table = ScopedTable(recordType: "situation-report", table: "situation_reports")

    func register(_ api: any RoutesBuilder) {
        api.get("situation-reports", use: list)
        api.post("situation-reports", use: create)
        api.get("situation-reports", ":id", use: get)
    }

    struct Row: Decodable {
        var id, bodyCode, classification, areaCode, period, periodStart, periodEnd, title, narrative, createdAt: String
    }

    static func views(_ rows: [Row], _ req: Request, _ scope: AccessScope) async throws -> [SituationReportView] {
        guard !rows.isEmpty else { return [] }
        var links: [String: [String]] = [:]
        let visible = IncidentStore.table.select(req.sql, scope).column(SQLColumn("id", table: "incidents"))
        for r in try await req.sql.select().columns("situation_report_id", "incident_id").from("situation_report_incidents")
            .where("situation_report_id", .in, rows.map(\.id))
            .where("incident_id", .in, SQLGroupExpression(visible.query)).orderBy("incident_id").all() {
            links[try r.decode(column: "situation_report_id", as: String.self), default: []].append(try r.decode(column: "incident_id", as: String.self))
        }
        return rows.map { r in
            SituationReportView(id: r.id, body: r.bodyCode, classification: r.classification, area: r.areaCode, period: r.period,
                                periodStart: r.periodStart, periodEnd: r.periodEnd, title: r.title, narrative: r.narrative,
                                incidents: links[r.id] ?? [], createdAt: r.createdAt)
        }
    }

    static let columns = ["id", "body_code", "classification", "area_code", "period", "period_start", "period_end", "title", "narrative", "created_at"]
    static let selected = ColumnList(columns, table: "situation_reports")

    func list(req: Request) async throws -> Page<SituationReportView> {
        let page = try PageRequest(req)
        let scope = try await req.scope()
        var q = Self.table.select(req.sql, scope).column(Self.selected)
        if let a = try req.query.get(String?.self, at: "area") { q = q.where("area_code", .equal, a) }
        if let b = try req.query.get(String?.self, at: "body") { q = q.where("body_code", .equal, b) }
        if let after = page.after { q = q.where("id", .greaterThan, after) }
        let rows = try await q.orderBy("id").limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder)
        return Page(rows: try await Self.views(rows, req, scope), request: page, code: \.id)
    }

    func get(req: Request) async throws -> SituationReportView {
        let id = try req.parameters.require("id")
        let scope = try await req.scope()
        guard let row = try await Self.table.select(req.sql, scope).column(Self.selected)
            .where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder) else { throw APIError.notFound("situation report", id) }
        return try await Self.views([row], req, scope)[0]
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
        let viewer = try req.requireSignedIn()
        let input = try req.input(Input.self)
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
        let found = wanted.isEmpty ? [] : try await IncidentStore.table.select(req.sql, scope).column(SQLColumn("id", table: "incidents"))
            .where("id", .in, wanted).where("area_path", .like, SQLBind("%/\(input.area)/%")).all().map { try $0.decode(column: "id", as: String.self) }
        for (i, id) in (input.incidents ?? []).enumerated() where !found.contains(id) {
            issues.add("incidents[\(i)]", "no incident '\(id)' in \(input.area) that you can see")
        }
        try issues.throwIfAny()
        guard try await AreaStore(sql: req.sql).get(input.area) != nil else { throw APIError(ValidationFailure(field: "area", "unknown area code '\(input.area)'")) }
        let id = UUID().uuidString.lowercased()
        let actor = req.actor
        let classification = input.classification ?? .restricted
        try await req.write { tx in
            let sql = tx
            try await sql.insert(into: "situation_reports").columns(Self.columns.dropLast() + ["created_by", "created_at"])
                .values([SQLBind(id), SQLBind(input.body), SQLBind(classification.rawValue), SQLBind(input.area), SQLBind(input.period),
                         SQLBind(input.periodStart), SQLBind(end), SQLBind(input.title), SQLBind(input.narrative), SQLBind(actor),
                         SQLBind(Timestamp.now())] as [any SQLExpression]).run()
            for incident in found.sorted() {
                try await sql.insert(into: "situation_report_incidents").columns("situation_report_id", "incident_id").values(SQLBind(id), SQLBind(incident)).run()
            }
            if classification == .confidential, let me = viewer.personID {
                try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                    .values(SQLBind("situation-report"), SQLBind(id), SQLBind("person"), SQLBind(me)).run()
            }
            try await AuditLog(sql: sql).append(actor: actor, action: "create", recordType: "situation-report", recordID: id, content: input)
        }
        return try await get(req: req.withID(id)).created(at: "/api/v1/situation-reports/\(id)", for: req)
    }
}

extension Request {
    /// The same request with `:id` set, to reuse a detail handler after a create.
    func withID(_ id: String) -> Request {
        parameters.set("id", to: id)
        return self
    }
}

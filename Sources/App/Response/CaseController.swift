import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/cases`: the body a case is routed to acknowledges it, plans and records actions,
/// asks for help (escalates) or hands it back down, and closes it with an outcome.
struct CaseController {
    func register(_ api: any RoutesBuilder) {
        let c = api.grouped("cases")
        c.get(use: list)
        c.get("export.csv", use: export)
        c.get(":id", use: get)
        c.post(":id", "acknowledge", use: acknowledge)
        c.post(":id", "actions", use: plan)
        c.post(":id", "actions", ":action", "complete", use: complete)
        c.post(":id", "escalate", use: escalate)
        c.post(":id", "de-escalate", use: deEscalate)
        c.post(":id", "close", use: close)
        api.get("response-gap", use: gap)
    }

    /// The list's filters, as the API and the cases board's GET form send them (an empty value is no filter).
    static func filter(_ req: Request) throws -> CaseStore.Filter {
        func value(_ name: String) throws -> String? { try req.filterValue(name) }
        return CaseStore.Filter(
            status: try value("status").map { try CaseStatus.parse($0, field: "status") }, body: try value("body"), area: try value("area"),
            severity: try value("severity").map { try CAPSeverity.parse($0, field: "severity") },
            overdue: try value("overdue").map { $0 == "1" || $0 == "true" || $0 == "on" } ?? false, from: try req.filterDay("from"),
            to: try req.filterDay("to"))
    }

    func list(req: Request) async throws -> Page<CaseView> {
        try req.requireSignedIn()
        let page = try PageRequest(req)
        let store = CaseStore(sql: req.sql)
        let rows = try await store.list(try await req.scope(), try Self.filter(req), page: page)
        return Page(rows: try await store.views(rows), request: page, code: \.id)
    }

    /// The cases the list shows, as CSV; audited.
    func export(req: Request) async throws -> Response {
        try req.requireSignedIn()
        let store = CaseStore(sql: req.sql)
        let rows = try await store.list(try await req.scope(), try Self.filter(req), page: PageRequest(limit: CSVExport.limit))
        try CSVExport.refuseIfOver(rows.count)
        let columns = [
            "id", "alert", "status", "severity", "area", "body", "opened_at", "acknowledge_by", "acknowledged_at", "closed_at", "outcome",
            "escalations", "overdue",
        ]
        return try await CSVExport.response(
            req, name: "cases.csv", recordType: "case",
            .init(
                columns: columns,
                rows: try await store.views(rows).map { k in
                    (
                        k.id,
                        [
                            k.id, k.alert, k.status.rawValue, k.severity, k.area, k.body, k.openedAt, k.acknowledgeBy ?? "", k.acknowledgedAt ?? "",
                            k.closedAt ?? "", k.outcome ?? "", String(k.escalations), k.overdue ? "yes" : "no",
                        ]
                    )
                }))
    }

    static func find(_ req: Request) async throws -> CaseRow {
        try req.requireSignedIn()
        let id = try req.parameters.require("id")
        guard let c = try await CaseStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("case", id) }
        return c
    }

    func get(req: Request) async throws -> CaseView { try await CaseStore(sql: req.sql).views([try await Self.find(req)])[0] }

    /// Only the body that holds the case acts on it: its responders, coordinators and analysts.
    static func requireHolder(_ req: Request, _ c: CaseRow) throws {
        let viewer = try req.requireSignedIn()
        guard AccessPolicy.holds(viewer, [.responder, .coordinator, .analyst], in: c.bodyCode) else {
            throw APIError.forbidden("the case is with \(c.bodyCode); only its responders, coordinators and analysts act on it")
        }
    }

    func acknowledge(req: Request) async throws -> CaseView { try await CaseActions.perform(.acknowledge, req: req) }

    func plan(req: Request) async throws -> Response {
        let view = try await CaseActions.perform(.plan(try req.input(CaseStore.NewAction.self)), req: req)
        return try await view.created(at: "/api/v1/cases/\(view.id)", for: req)
    }

    struct CompleteInput: Content {
        var result: String
        var status: ActionStatus?
    }

    func complete(req: Request) async throws -> CaseView {
        try await CaseActions.perform(.complete(action: try req.parameters.require("action"), try req.input(CompleteInput.self)), req: req)
    }

    struct EscalateInput: Content { var reason: String }

    func escalate(req: Request) async throws -> CaseView { try await CaseActions.perform(.escalate(try req.input(EscalateInput.self)), req: req) }

    struct DeEscalateInput: Content {
        var to: String
        var reason: String
    }

    func deEscalate(req: Request) async throws -> CaseView {
        try await CaseActions.perform(.deEscalate(try req.input(DeEscalateInput.self)), req: req)
    }

    struct CloseInput: Content {
        var outcome: CaseOutcome
        var summary: String
        /// What becomes of each action still planned; required when there are any.
        var actions: [CaseClosing.Decision]?
    }

    func close(req: Request) async throws -> CaseView { try await CaseActions.perform(.close(try req.input(CloseInput.self)), req: req) }

    struct GapReport: Content {
        var from: String?
        var to: String?
        var total: ResponseGap.Row
        var byBody: [ResponseGap.Row]
        var byLevel: [ResponseGap.Row]
    }

    func gap(req: Request) async throws -> GapReport {
        try req.requireSignedIn()
        func day(_ name: String) throws -> String? {
            guard let v = try req.query.get(String?.self, at: name) else { return nil }
            guard CivilDate.parse(v) != nil, v.count == 10 else { throw APIError.badRequest(field: name, "'\(v)' is not a date; use YYYY-MM-DD") }
            return v
        }
        return try await Self.gap(req.sql, scope: try await req.scope(), from: try req.filterDay("from"), to: try req.filterDay("to"))
    }

    /// Measured over the cases the caller may see, by the date their alert was issued.
    static func gap(_ sql: any SQLDatabase, scope: AccessScope, from: String?, to: String?) async throws -> GapReport {
        let rows = try await CaseStore(sql: sql).timings(scope, from: from, to: to)
        let levels = try await BodyStore(sql: sql).refs(Array(Set(rows.map(\.firstBody))))
        func seconds(_ a: String, _ b: String?) -> Double? {
            guard let b, let x = AlertRules.date(a), let y = AlertRules.date(b) else { return nil }
            return max(0, y.timeIntervalSince(x))
        }
        let times = rows.map { r in
            ResponseGap.CaseTimes(
                body: r.firstBody, level: BodyLevel(rawValue: levels[r.firstBody]?.level ?? "") ?? .district,
                toAcknowledge: seconds(r.openedAt, r.acknowledgedAt), toFirstAction: seconds(r.openedAt, r.firstActionAt),
                toClose: seconds(r.openedAt, r.closedAt), responded: r.firstActionAt != nil, escalatedForDeadline: r.deadlineEscalations > 0)
        }
        let m = ResponseGap.measure(times)
        return GapReport(from: from, to: to, total: m.total, byBody: m.byBody, byLevel: m.byLevel)
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Situation reports and the incidents they cite; every read through the one scoping.
struct SituationReportStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "situation-report", table: "situation_reports")

    struct Row: Decodable {
        var classification: Classification
        var id, bodyCode, areaCode, period, periodStart, periodEnd, title, narrative, createdAt: String
    }

    /// Adds the cited incidents the viewer may see.
    func views(_ rows: [Row], _ scope: AccessScope) async throws -> [SituationReportView] {
        guard !rows.isEmpty else { return [] }
        var links: [String: [String]] = [:]
        let visible = IncidentStore.table.select(sql, scope).column(SQLColumn("id", table: "incidents"))
        for r in try await sql.select().columns("situation_report_id", "incident_id").from("situation_report_incidents")
            .where("situation_report_id", .in, rows.map(\.id))
            .where("incident_id", .in, SQLGroupExpression(visible.query)).orderBy("incident_id").all()
        {
            links[try r.decode(column: "situation_report_id", as: String.self), default: []].append(
                try r.decode(column: "incident_id", as: String.self))
        }
        return rows.map { r in
            SituationReportView(
                id: r.id, body: r.bodyCode, classification: r.classification, area: r.areaCode, period: r.period,
                periodStart: r.periodStart, periodEnd: r.periodEnd, title: r.title, narrative: r.narrative,
                incidents: links[r.id] ?? [], createdAt: r.createdAt)
        }
    }

    static let columns = [
        "id", "body_code", "classification", "area_code", "period", "period_start", "period_end", "title", "narrative", "created_at",
    ]
    static let selected = ColumnList(columns, table: "situation_reports")

    func list(_ scope: AccessScope, area: String?, body: String?, page: PageRequest) async throws -> [Row] {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let a = area { q = q.where("area_code", .equal, a) }
        if let b = body { q = q.where("body_code", .equal, b) }
        if let after = page.after { q = q.where("id", .greaterThan, after) }
        return try await q.orderBy("id").limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder)
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> Row? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder)
    }

    /// In the caller's transaction; a confidential report names its author.
    func create(
        id: String, _ input: SituationReportController.Input, classification: Classification, periodEnd: String, incidents: [String],
        author: String?, actor: String
    ) async throws {
        try await sql.insert(into: "situation_reports").columns(Self.columns.dropLast() + ["created_by", "created_at"])
            .values(
                [
                    SQLBind(id), SQLBind(input.body), SQLBind(classification.rawValue), SQLBind(input.area), SQLBind(input.period),
                    SQLBind(input.periodStart), SQLBind(periodEnd), SQLBind(input.title), SQLBind(input.narrative), SQLBind(actor),
                    SQLBind(Timestamp.now()),
                ] as [any SQLExpression]
            ).run()
        for incident in incidents {
            try await sql.insert(into: "situation_report_incidents").columns("situation_report_id", "incident_id").values(
                SQLBind(id), SQLBind(incident)
            ).run()
        }
        if classification == .confidential, let me = author {
            try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                .values(SQLBind("situation-report"), SQLBind(id), SQLBind("person"), SQLBind(me)).run()
        }
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "situation-report", recordID: id, content: input)
    }
}

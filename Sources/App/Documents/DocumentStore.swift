import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Documents (consultation papers, briefs, mediation notes) and who they are granted to; every read through the one scoping.
struct DocumentStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "document", table: "documents")
    static let columns = ["id", "title", "summary", "body_code", "classification", "created_at", "updated_at"]
    static let selected = ColumnList(columns, table: "documents")

    private struct Row: Decodable {
        var id, title, summary, bodyCode, createdAt, updatedAt: String
        var classification: Classification
    }

    struct Filter: Sendable {
        var body: String?
        var classification: Classification?
        var text: String?
    }

    private func select(_ scope: AccessScope, _ f: Filter) -> SQLSelectBuilder {
        var q = Self.table.select(sql, scope)
        if let b = f.body { q = q.where("body_code", .equal, b) }
        if let c = f.classification { q = q.where("classification", .equal, c.rawValue) }
        if let t = f.text?.lowercased(), !t.isEmpty {
            let like = SQLBind("%" + AreaStore.escapeLike(t) + "%")
            q = q.where {
                $0.where(SQLFunction("LOWER", args: SQLColumn("title")), .like, like).orWhere(
                    SQLFunction("LOWER", args: SQLColumn("summary")), .like, like)
            }
        }
        return q
    }

    func list(_ scope: AccessScope, _ f: Filter, page: PageRequest) async throws -> [DocumentView] {
        var q = select(scope, f).column(Self.selected)
        if let after = page.after { q = q.where("id", .greaterThan, after) }
        return try await q.orderBy("id").limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> DocumentView? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id)
            .first(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    /// Counts go through the same scope: an aggregate must not reveal what a list would hide.
    func counts(_ scope: AccessScope, _ f: Filter) async throws -> [String: Int] {
        let rows = try await select(scope, f).column("classification").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .groupBy("classification").all()
        var out: [String: Int] = [:]
        for r in rows { out[try r.decode(column: "classification", as: String.self)] = try r.decode(column: "n", as: Int.self) }
        return out
    }

    func all(_ scope: AccessScope, _ f: Filter) async throws -> [DocumentView] {
        try await select(scope, f).column(Self.selected).orderBy("id")
            .all(decoding: Row.self, with: AreaStore.decoder).map(Self.view)
    }

    private static func view(_ r: Row) -> DocumentView {
        DocumentView(
            id: r.id, title: r.title, summary: r.summary, body: r.bodyCode, classification: r.classification, createdAt: r.createdAt,
            updatedAt: r.updatedAt)
    }

    func create(_ input: DocumentController.NewDocument, actor: String) async throws -> DocumentView {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "documents").columns(
            "id", "title", "summary", "body_code", "classification", "created_by", "created_at", "updated_at"
        )
        .values(
            SQLBind(id), SQLBind(input.title), SQLBind(input.summary ?? ""), SQLBind(input.body), SQLBind(input.classification.rawValue),
            SQLBind(actor), SQLBind(now), SQLBind(now)
        ).run()
        var grants = (input.grants?.people ?? []).map { ("person", $0) } + (input.grants?.bodies ?? []).map { ("body", $0) }
        // A confidential paper names its readers; its author is always one of them.
        if input.classification == .confidential, let me = actor.split(separator: ":").last.map(String.init), actor.hasPrefix("person:") {
            grants.append(("person", me))
        }
        for (kind, who) in Set(grants.map { "\($0.0)|\($0.1)" }).sorted().map({ $0.split(separator: "|").map(String.init) }).map({ ($0[0], $0[1]) }) {
            try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                .values(SQLBind("document"), SQLBind(id), SQLBind(kind), SQLBind(who)).run()
        }
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "document", recordID: id, content: input)
        return DocumentView(
            id: id, title: input.title, summary: input.summary ?? "", body: input.body, classification: input.classification,
            createdAt: now, updatedAt: now)
    }
}

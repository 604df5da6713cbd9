import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Papers a body holds — consultation drafts, mediation notes, briefs — each with a classification
/// and, when confidential, the people and bodies named to read it.
struct DocumentView: Content {
    var id: String
    var title: String
    var summary: String
    var body: String
    var classification: String
    var createdAt: String
    var updatedAt: String
}

struct DocumentStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "document", table: "documents")
    static let columns = ["id", "title", "summary", "body_code", "classification", "created_at", "updated_at"]
    static let selected = ColumnList(columns, table: "documents")

    private struct Row: Decodable { var id, title, summary, bodyCode, classification, createdAt, updatedAt: String }

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
            q = q.where { $0.where(SQLFunction("LOWER", args: SQLColumn("title")), .like, like).orWhere(SQLFunction("LOWER", args: SQLColumn("summary")), .like, like) }
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
        DocumentView(id: r.id, title: r.title, summary: r.summary, body: r.bodyCode, classification: r.classification, createdAt: r.createdAt, updatedAt: r.updatedAt)
    }

    func create(_ input: DocumentController.NewDocument, actor: String) async throws -> DocumentView {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "documents").columns("id", "title", "summary", "body_code", "classification", "created_by", "created_at", "updated_at")
            .values(SQLBind(id), SQLBind(input.title), SQLBind(input.summary ?? ""), SQLBind(input.body), SQLBind(input.classification.rawValue),
                    SQLBind(actor), SQLBind(now), SQLBind(now)).run()
        var grants = (input.grants?.people ?? []).map { ("person", $0) } + (input.grants?.bodies ?? []).map { ("body", $0) }
        // A confidential paper names its readers; its author is always one of them.
        if input.classification == .confidential, let me = actor.split(separator: ":").last.map(String.init), actor.hasPrefix("person:") {
            grants.append(("person", me))
        }
        for (kind, who) in Set(grants.map { "\($0.0)|\($0.1)" }).sorted().map({ $0.split(separator: "|").map(String.init) }).map({ ($0[0], $0[1]) }) {
            try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                .values(SQLBind("document"), SQLBind(id), SQLBind(kind), SQLBind(who)).run()
        }
        try await AuditLog(sql: sql).append(actor: actor, action: "create", recordType: "document", recordID: id, content: input)
        return DocumentView(id: id, title: input.title, summary: input.summary ?? "", body: input.body, classification: input.classification.rawValue,
                            createdAt: now, updatedAt: now)
    }
}

struct DocumentController {
    func register(_ api: any RoutesBuilder) {
        let d = api.grouped("documents")
        d.get(use: list)
        d.post(use: create)
        d.get("count", use: count)
        d.get("export.csv", use: export)
        d.get(":id", use: get)
    }

    static func filter(_ req: Request) throws -> DocumentStore.Filter {
        DocumentStore.Filter(body: try req.query.get(String?.self, at: "body"),
                             classification: try req.query.get(String?.self, at: "classification").map { try Classification.parse($0, field: "classification") },
                             text: try req.query.get(String?.self, at: "q"))
    }

    func list(req: Request) async throws -> Page<DocumentView> {
        let page = try PageRequest(req)
        let rows = try await DocumentStore(sql: req.sql).list(try await req.scope(), try Self.filter(req), page: page)
        return Page(rows: rows, request: page, code: \.id)
    }

    func get(req: Request) async throws -> DocumentView {
        let id = try req.parameters.require("id")
        guard let d = try await DocumentStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("document", id) }
        return d
    }

    struct Count: Content { var total: Int; var byClassification: [String: Int] }

    func count(req: Request) async throws -> Count {
        let c = try await DocumentStore(sql: req.sql).counts(try await req.scope(), try Self.filter(req))
        return Count(total: c.values.reduce(0, +), byClassification: c)
    }

    /// CSV of what the caller may see; every export is audited with what it held.
    func export(req: Request) async throws -> Response {
        let rows = try await DocumentStore(sql: req.sql).all(try await req.scope(), try Self.filter(req))
        var csv = "id,title,summary,body,classification,created_at\r\n"
        for d in rows {
            csv += [d.id, d.title, d.summary, d.body, d.classification, d.createdAt].map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        let actor = req.actor
        try await req.write { tx in
            try await AuditLog(sql: tx).append(actor: actor, action: "export", recordType: "document", recordID: "\(rows.count) documents",
                                                                   content: rows.map(\.id))
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"documents.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    /// Quotes a field, and defuses a leading =, +, - or @ that a spreadsheet would run as a formula.
    static func csvField(_ s: String) -> String {
        let formula = s.utf8.first.map { "=+-@".utf8.contains($0) } ?? false
        // Most fields hold no quote: Foundation's replace was 39 % of a 100k-incident export (perf).
        let escaped = s.utf8.contains(UInt8(ascii: "\"")) ? s.replacingOccurrences(of: "\"", with: "\"\"") : s
        return "\"" + (formula ? "'" : "") + escaped + "\""
    }

    struct Grants: Content { var people: [String]?; var bodies: [String]? }

    struct NewDocument: Content {
        var title: String
        var summary: String?
        var body: String
        var classification: Classification
        var grants: Grants?
    }

    func create(req: Request) async throws -> Response {
        let viewer = try req.requireSignedIn()
        let input = try req.input(NewDocument.self)
        guard viewer.isInstallationAdmin || viewer.roles.contains(where: { $0.body == input.body && $0.role != .auditor }) else {
            throw APIError.forbidden("only people of \(input.body) can file its documents")
        }
        var issues = IssueCollector()
        if input.title.trimmingCharacters(in: .whitespaces).isEmpty || input.title.count > 300 { issues.add("title", "1 to 300 characters") }
        if (input.summary ?? "").count > 20_000 { issues.add("summary", "at most 20,000 characters") }
        try issues.throwIfAny()
        let actor = req.actor
        let view = try await req.write { tx in
            let sql = tx
            let bodies = try await BodyStore(sql: sql).refs([input.body] + (input.grants?.bodies ?? []))
            var issues = IssueCollector()
            if bodies[input.body] == nil { issues.add("body", "unknown body code '\(input.body)'") }
            for (i, b) in (input.grants?.bodies ?? []).enumerated() where bodies[b] == nil { issues.add("grants.bodies[\(i)]", "unknown body code '\(b)'") }
            for (i, p) in (input.grants?.people ?? []).enumerated() where try await PeopleStore(sql: sql).person(id: p) == nil {
                issues.add("grants.people[\(i)]", "unknown person '\(p)'")
            }
            try issues.throwIfAny()
            return try await DocumentStore(sql: sql).create(input, actor: actor)
        }
        return try await view.created(at: "/api/v1/documents/\(view.id)", for: req)
    }
}

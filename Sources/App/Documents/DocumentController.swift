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
    var classification: Classification
    var createdAt: String
    var updatedAt: String
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
        DocumentStore.Filter(
            body: try req.query.get(String?.self, at: "body"),
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

    struct Count: Content {
        var total: Int
        var byClassification: [String: Int]
    }

    func count(req: Request) async throws -> Count {
        let c = try await DocumentStore(sql: req.sql).counts(try await req.scope(), try Self.filter(req))
        return Count(total: c.values.reduce(0, +), byClassification: c)
    }

    /// CSV of what the caller may see; every export is audited with what it held.
    func export(req: Request) async throws -> Response {
        let rows = try await DocumentStore(sql: req.sql).all(try await req.scope(), try Self.filter(req))
        var csv = "id,title,summary,body,classification,created_at\r\n"
        for d in rows {
            csv += [d.id, d.title, d.summary, d.body, d.classification.rawValue, d.createdAt].map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        let actor = req.actor
        try await req.write { tx in
            try await AuditStore(sql: tx).append(
                actor: actor, action: "export", recordType: "document", recordID: "\(rows.count) documents",
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

    struct Grants: Content {
        var people: [String]?
        var bodies: [String]?
    }

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
            for (i, b) in (input.grants?.bodies ?? []).enumerated() where bodies[b] == nil {
                issues.add("grants.bodies[\(i)]", "unknown body code '\(b)'")
            }
            for (i, p) in (input.grants?.people ?? []).enumerated() where try await PeopleStore(sql: sql).person(id: p) == nil {
                issues.add("grants.people[\(i)]", "unknown person '\(p)'")
            }
            try issues.throwIfAny()
            return try await DocumentStore(sql: sql).create(input, actor: actor)
        }
        return try await view.created(at: "/api/v1/documents/\(view.id)", for: req)
    }
}

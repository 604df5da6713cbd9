import AgoraCore
import Foundation
import SQLKit
import Vapor

/// A photo or recording of a report, as lists show it (the bytes come from `AttachmentStore.file`).
struct AttachmentView: Content, Equatable {
    var id: String
    var report: String
    var kind: Media.Kind
    var contentType: String
    var size: Int
    var sha256: String
    var addedAt: String
}

/// The photos and recordings of reports. Every read goes through the report's own scope: who cannot see the
/// report cannot see, list or count its attachments; the public never sees them (`Media.visible`).
struct AttachmentStore: Sendable {
    let sql: any SQLDatabase
    static let columns = ["id", "report_id", "kind", "content_type", "size", "sha256", "added_at"]

    private struct Row: Decodable {
        var id, reportId, kind, contentType, sha256, addedAt: String
        var size: Int
        var view: AttachmentView {
            AttachmentView(
                id: id, report: reportId, kind: Media.Kind(rawValue: kind) ?? .photo, contentType: contentType, size: size, sha256: sha256,
                addedAt: addedAt)
        }
    }

    /// Stores checked files of one report, audited each; in the caller's transaction, so a report and its
    /// photos arrive together or not at all.
    func add(_ files: [Media.Checked], report: String, actor: String) async throws -> [AttachmentView] {
        var out: [AttachmentView] = []
        for f in files {
            let data = Data(f.bytes)
            let v = AttachmentView(
                id: UUID().uuidString.lowercased(), report: report, kind: f.kind, contentType: f.contentType, size: data.count,
                sha256: AuditChain.sha256(data), addedAt: Timestamp.now())
            try await sql.insert(into: "report_attachments")
                .columns(Self.columns + ["data", "added_by"])
                .values(
                    SQLBind(v.id), SQLBind(report), SQLBind(v.kind.rawValue), SQLBind(v.contentType), SQLBind(v.size), SQLBind(v.sha256),
                    SQLBind(v.addedAt), SQLBind(data), SQLBind(actor)
                ).run()
            // The audit entry holds the digest, not the picture.
            try await AuditStore(sql: sql).append(actor: actor, action: "attach", recordType: "report", recordID: report, content: v)
            out.append(v)
        }
        return out
    }

    private func scoped(_ scope: AccessScope, report: String) -> SQLSelectBuilder {
        ReportStore.table.select(sql, scope)
            .join("report_attachments", on: SQLColumn("report_id", table: "report_attachments"), .equal, SQLColumn("id", table: "reports"))
            .where(SQLColumn("id", table: "reports"), .equal, SQLBind(report))
    }

    func list(report: String, _ scope: AccessScope) async throws -> [AttachmentView] {
        guard Media.visible(to: scope) else { return [] }
        return try await scoped(scope, report: report)
            .columns(Self.columns.map { SQLColumn($0, table: "report_attachments") })
            .orderBy(SQLColumn("added_at", table: "report_attachments")).orderBy(SQLColumn("id", table: "report_attachments"))
            .all(decoding: Row.self, with: AreaStore.decoder).map(\.view)
    }

    func count(report: String) async throws -> [Media.Kind: Int] {
        var out: [Media.Kind: Int] = [:]
        for r in try await sql.select().column("kind").from("report_attachments").where("report_id", .equal, report).all() {
            if let k = Media.Kind(rawValue: try r.decode(column: "kind", as: String.self)) { out[k, default: 0] += 1 }
        }
        return out
    }

    func file(_ id: String, report: String, _ scope: AccessScope) async throws -> (view: AttachmentView, data: Data)? {
        guard Media.visible(to: scope),
            let row = try await scoped(scope, report: report)
                .columns(Self.columns.map { SQLColumn($0, table: "report_attachments") } + [SQLColumn("data", table: "report_attachments")])
                .where(SQLColumn("id", table: "report_attachments"), .equal, SQLBind(id)).first()
        else { return nil }
        return (try row.decode(model: Row.self, with: AreaStore.decoder).view, try row.decode(column: "data", as: Data.self))
    }
}

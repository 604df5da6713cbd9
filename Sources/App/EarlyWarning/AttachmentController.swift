import AgoraCore
import Foundation
import Vapor

/// `/api/v1/reports/{id}/attachments`: photos and recordings of a report. A file is sent as the raw body (its
/// type is read from its bytes, not from `Content-Type`), stripped of metadata, and served only to signed-in
/// readers of the report, never cached.
struct AttachmentController {
    /// What a phone sends after resizing (≈ 300 KB), with room for a recording.
    static let maxBody: ByteCount = "9mb"

    func register(_ api: any RoutesBuilder) {
        let r = api.grouped("reports", ":id", "attachments")
        r.get(use: list)
        r.on(.POST, body: .collect(maxSize: Self.maxBody), use: add)
        r.get(":attachment", use: file)
    }

    func list(req: Request) async throws -> [AttachmentView] {
        let id = try req.parameters.require("id")
        let scope = try await req.scope()
        guard try await ReportStore(sql: req.sql).get(id, scope) != nil else { throw APIError.notFound("report", id) }
        return try await AttachmentStore(sql: req.sql).list(report: id, scope)
    }

    func add(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw APIError(ValidationFailure(field: "body", "send the photo or recording itself as the body"))
        }
        let checked = try Media.check(Array(buffer.readableBytesView), field: "body", expected: nil)
        let added = try await Self.attach([checked], to: id, req: req)
        return try await added[0].encodeResponse(status: .created, for: req)
    }

    /// The typed action pages and API share: the filer of a report, or whoever may review it, adds files to it.
    static func attach(_ files: [Media.Checked], to id: String, req: Request) async throws -> [AttachmentView] {
        let viewer = try req.requireSignedIn()
        guard let r = try await ReportStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("report", id) }
        let tree = try await req.bodyTree()
        guard
            r.submittedBy == req.actor || viewer.isInstallationAdmin
                || AccessPolicy.holds(viewer, [.analyst, .coordinator], in: r.bodyCode, orAbove: tree)
        else {
            throw APIError.forbidden("adding files needs the person who filed the report, or an analyst or coordinator of \(r.bodyCode)")
        }
        let actor = req.actor
        return try await req.application.reportWrites.run { sql in
            let store = AttachmentStore(sql: sql)
            try Media.checkCount(existing: try await store.count(report: id), adding: files)  // under the write lock
            return try await store.add(files, report: id, actor: actor)
        }
    }

    func file(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let aid = try req.parameters.require("attachment")
        guard let (view, data) = try await AttachmentStore(sql: req.sql).file(aid, report: id, try await req.scope()) else {
            throw APIError.notFound("attachment", aid)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: String(view.contentType.split(separator: "/")[0]), subType: String(view.contentType.split(separator: "/")[1]))
        // Private and never kept: a shared phone must not hold a report's photo after sign-out.
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(view.id).\(view.contentType.split(separator: "/")[1])\"")
        headers.replaceOrAdd(name: .eTag, value: "\"\(view.sha256)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}

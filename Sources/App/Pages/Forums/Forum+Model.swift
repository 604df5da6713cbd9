import AgoraCore
import Foundation
import Vapor

extension ForumPages {
    struct ListModel: Sendable {
        var forums: [ForumView]
        var known: PageNames
        /// Bodies whose forums the viewer convenes.
        var convenes: [String]
        var areas: [(code: String, name: String)]
    }

    static func listModel(_ req: Request, _ c: PageContext) async throws -> ListModel {
        let convenes = Array(Set(c.viewer.roles.map(\.body).filter { c.viewer.keepsRecords(of: $0) })).sorted()
        return ListModel(
            forums: try await ForumStore(sql: req.sql).list(body: nil), known: try await PageNames.load(req, lang: c.lang), convenes: convenes,
            areas: convenes.isEmpty ? [] : try await ReportFormPage.servedAreas(req, bodies: convenes))
    }

    struct FileModel: Sendable {
        var file: ForumController.ForumFile
        var known: PageNames
        var keeper: Bool
    }

    static func fileModel(_ req: Request, _ c: PageContext) async throws -> FileModel {
        let file = try await ForumController.file(try req.parameters.require("id"), sql: req.sql)
        return FileModel(file: file, known: try await PageNames.load(req, lang: c.lang), keeper: c.viewer.keepsRecords(of: file.forum.body))
    }
}

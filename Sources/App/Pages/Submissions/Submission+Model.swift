import AgoraCore
import Foundation
import Vapor

extension SubmissionPages {
    struct ListModel: Sendable {
        var submissions: [SubmissionView]
        var areas: [(code: String, name: String)]
        var known: PageNames
    }

    static func listModel(_ req: Request, _ c: PageContext) async throws -> ListModel {
        let rows = try await SubmissionStore(sql: req.sql).list(try await req.scope(), body: nil, state: nil, page: PageRequest(limit: 200))
        var views: [SubmissionView] = []
        for r in rows { views.append(try await SubmissionController.view(r, req: req)) }
        let bodies = Array(Set(c.viewer.roles.map(\.body))).sorted()
        return ListModel(
            submissions: views, areas: try await ReportFormPage.servedAreas(req, bodies: bodies), known: try await PageNames.load(req, lang: c.lang))
    }

    struct FileModel: Sendable {
        var s: SubmissionView
        var known: PageNames
        /// The receiving body's people move it on and answer.
        var keeper: Bool
    }

    static func fileModel(_ req: Request, _ c: PageContext) async throws -> FileModel {
        let s = try await SubmissionController.view(try req.parameters.require("id"), req: req)
        return FileModel(s: s, known: try await PageNames.load(req, lang: c.lang), keeper: c.viewer.keepsRecords(of: s.body))
    }
}

import AgoraCore
import Foundation
import Vapor

extension SubmissionPages {
    struct ListModel: Sendable {
        var submissions: [SubmissionView]
        var areas: [(code: String, name: String)]
        var known: PageNames
        var anonymous: Bool
    }

    static func listModel(_ req: Request, _ c: PageContext) async throws -> ListModel {
        var views: [SubmissionView] = []
        if c.signedIn {
            let rows = try await SubmissionStore(sql: req.sql).list(try await req.scope(), body: nil, state: nil, page: PageRequest(limit: 200))
            for r in rows { views.append(try await SubmissionController.view(r, req: req)) }
        }
        // Without an account, any place a body serves; with one, the places of the person's bodies.
        let bodies = c.signedIn ? Array(Set(c.viewer.roles.map(\.body))).sorted() : Array(try await req.bodyTree().nodes.keys).sorted()
        return ListModel(
            submissions: views, areas: try await ReportFormPage.servedAreas(req, bodies: bodies), known: try await PageNames.load(req, lang: c.lang),
            anonymous: !c.signedIn)
    }

    struct FileModel: Sendable {
        var s: SubmissionView
        var known: PageNames
        /// The receiving body's people move it on and answer.
        var keeper: Bool
        /// The signed-in submitter.
        var own: Bool
        var following: [SubmissionStore.Follower]
        /// The body holds answers not yet published (on this submission or others).
        var heldAnswers: Bool
    }

    static func fileModel(_ req: Request, _ c: PageContext) async throws -> FileModel {
        let id = try req.parameters.require("id")
        let row = try await SubmissionController.find(id, req, req.sql)
        let s = try await SubmissionController.view(row, req: req)
        let keeper = c.viewer.keepsRecords(of: s.body)
        let store = SubmissionStore(sql: req.sql)
        let held = keeper ? !(try await store.withHeldAnswers(body: s.body)).isEmpty : false
        return FileModel(
            s: s, known: try await PageNames.load(req, lang: c.lang), keeper: keeper,
            own: c.viewer.personID != nil && row.submitterPerson == c.viewer.personID,
            following: try await store.followers(of: id, person: c.viewer.personID ?? ""),
            heldAnswers: held)
    }

    struct LeagueModel: Sendable {
        var rows: [SubmissionController.Figures]
        var known: PageNames
    }

    static func leagueModel(_ req: Request, _ c: PageContext) async throws -> LeagueModel {
        LeagueModel(rows: try await SubmissionController.league(req.sql), known: try await PageNames.load(req, lang: c.lang))
    }
}

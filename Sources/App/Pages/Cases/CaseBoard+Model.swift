import AgoraCore
import Foundation
import Vapor

extension CasePages {
    struct BoardModel: Sendable {
        var body: String?
        var cases: [CaseView]
        var names: AreaNames
        var known: PageNames
        var filters: FilterForm.Model
        var query: String
    }

    static func boardModel(_ req: Request, _ c: PageContext) async throws -> BoardModel {
        let mine = c.bodies([.responder, .coordinator, .analyst])
        var filter = try CaseController.filter(req)
        // A person of one body starts on that body's cases; the form's "all" sends an empty body.
        if (try? req.query.get(String.self, at: "body")) == nil, mine.count == 1 { filter.body = mine[0] }
        let store = CaseStore(sql: req.sql)
        let rows = try await store.list(try await req.scope(), filter, page: PageRequest(limit: 300))
        let visibleBodies = Set(rows.map(\.bodyCode)).union(mine).sorted()
        return BoardModel(
            body: filter.body, cases: try await store.views(rows), names: try await HomePage.areaNames(req),
            known: try await PageNames.load(req, lang: c.lang),
            filters: try await FilterForm.model(req, lang: c.lang, kind: .cases, bodies: visibleBodies),
            query: FilterForm.query(req, FilterForm.Kind.cases.keys))
    }
}

import AgoraCore
import Foundation
import Vapor

extension IncidentPages {
    struct ListModel: Sendable {
        struct Map: Sendable {
            var shapes: [(code: String, geometry: AreaGeometry)]
            var clusters: [Clusters.Cluster]
            var points: Int
            var maps: Maps
        }
        var page: Page<IncidentView>
        var names: AreaNames
        var filters: FilterForm.Model
        /// The filters as a query, for the next page and the exports.
        var query: String
        /// The newest 500 that match, clustered over their countries; on the first page only (the next pages are
        /// for reading the list, and would read the same 500 again).
        var map: Map?
        var tiles: String?
    }

    static func listModel(_ req: Request, _ c: PageContext) async throws -> ListModel {
        let page = try await ReportController().incidents(req: req)
        let scope = try await req.scope()
        let store = IncidentStore(sql: req.sql)
        let answers = req.application.answers.incidents
        let revision = try await req.revisions().incidentAnswers
        var map: ListModel.Map?
        if (try? req.query.get(String.self, at: "after")) == nil {
            let filter = try await ReportController.filter(req)
            let located = try await answers.places.value(
                .init(revision: revision, scope: scope, query: .init(filter: filter, limit: PageRequest.maxLimit))
            ) {
                try await store.places(scope, filter, limit: PageRequest.maxLimit)
            }
            let points = located.compactMap(\.point)
            let snap = try await req.riskSnapshot()
            let countries = Set(located.compactMap { $0.area.flatMap { snap.path($0).first } })
            let maps = try await req.maps()
            let shapes = maps.shapes(of: countries)
            if !points.isEmpty, !shapes.isEmpty {
                map = .init(
                    shapes: shapes.map { (code: $0.key, geometry: $0.value) }.sorted { $0.code < $1.code }, clusters: Clusters.grid(points),
                    points: points.count, maps: maps)
            }
        }
        return ListModel(
            page: page, names: try await HomePage.areaNames(req),
            filters: try await FilterForm.model(
                req, lang: c.lang, kind: .reports,
                sources: try await answers.sources.value(.init(revision: revision, scope: scope, query: "all")) { try await store.sources(scope) }
                    .map { (value: $0, label: $0) }),
            query: FilterForm.query(req, FilterForm.Kind.reports.keys), map: map, tiles: TiledMap.tiles(req))
    }
}

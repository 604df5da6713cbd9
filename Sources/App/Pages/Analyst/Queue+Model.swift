import AgoraCore
import Foundation
import Vapor

extension AnalystPages {
    struct QueueModel: Sendable {
        var reports: [ReportView]
        var names: AreaNames
        var known: PageNames
        var filters: FilterForm.Model
        /// The export's query: the page's filters, and only what waits for review.
        var exportQuery: String
    }

    static func queueModel(_ req: Request, _ c: PageContext) async throws -> QueueModel {
        QueueModel(
            reports: try await ReportController().queue(req: req).items, names: try await HomePage.areaNames(req),
            known: try await PageNames.load(req, lang: c.lang),
            filters: try await FilterForm.model(
                req, lang: c.lang, kind: .reports,
                sources: SourceKind.allCases.map { (value: $0.rawValue, label: c.t("sourceKind." + $0.rawValue)) }),
            exportQuery: FilterForm.query(req, FilterForm.Kind.reports.keys, adding: [URLQueryItem(name: "status", value: "unreviewed")]))
    }
}

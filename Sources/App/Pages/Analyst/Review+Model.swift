import AgoraCore
import Foundation
import Vapor

extension AnalystPages {
    struct ReviewModel: Sendable {
        var report: ReportView
        /// Up to three reports that may tell of the same event, each with why it was suggested.
        var similar: [(report: ReportView, why: ReportController.SuggestionView)]
        var media: [AttachmentView]
        var names: AreaNames
        var indicatorNames: [String: String]
        var known: PageNames
        var canReview: Bool
    }

    static func reviewModel(_ req: Request, _ c: PageContext) async throws -> ReviewModel {
        let r = try await ReportController().get(req: req)
        let scope = try await req.scope()
        let store = ReportStore(sql: req.sql)
        var similar: [(report: ReportView, why: ReportController.SuggestionView)] = []
        for s in try await ReportController().duplicates(req: req).prefix(3) {
            if let row = try await store.get(s.report, scope), let v = try await store.views([row], scope: scope).first { similar.append((v, s)) }
        }
        let framework = try await FrameworkStore(sql: req.sql).active()
        return ReviewModel(
            report: r, similar: similar, media: try await AttachmentStore(sql: req.sql).list(report: r.id, scope),
            names: try await HomePage.areaNames(req),
            indicatorNames: Dictionary(
                framework.indicators.map { ($0.indicator.code, $0.indicator.names[c.lang.rawValue] ?? $0.indicator.name) },
                uniquingKeysWith: { a, _ in a }),
            known: try await PageNames.load(req, lang: c.lang), canReview: r.status == .unreviewed && c.holds([.analyst, .coordinator]))
    }
}

import AgoraCore
import Foundation
import Vapor

extension AnalystPages {
    struct SitrepFormModel: Sendable {
        var bodies: [String]
        var areas: [(code: String, name: String)]
        /// The Monday of this week, where a weekly report starts.
        var weekStart: String
    }

    static func sitrepFormModel(_ req: Request, _ c: PageContext) async throws -> SitrepFormModel {
        SitrepFormModel(
            bodies: c.bodies([.analyst, .coordinator, .csoLiaison]), areas: try await ReportFormPage.model(req).areas,
            weekStart: CivilDate.text(Period.week(containing: CivilDate.parse(Timestamp.now())!).firstDay))
    }
}

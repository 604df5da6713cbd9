import AgoraCore
import Foundation
import Vapor

extension AlertPages {
    struct ListModel: Sendable {
        var alerts: [AlertView]
        var names: AreaNames
        var canIssue: Bool
        /// Filters and exports for people signed in; the public reads public alerts unfiltered.
        var filters: FilterForm.Model?
        var query: String
    }

    static func listModel(_ req: Request, _ c: PageContext) async throws -> ListModel {
        ListModel(
            alerts: try await AlertController().list(req: req).items, names: try await HomePage.areaNames(req),
            canIssue: c.holds([.analyst, .coordinator]),
            filters: c.signedIn ? try await FilterForm.model(req, lang: c.lang, kind: .alerts) : nil,
            query: FilterForm.query(req, FilterForm.Kind.alerts.keys))
    }
}

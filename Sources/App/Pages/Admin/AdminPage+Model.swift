import AgoraCore
import Foundation
import Vapor

extension AdminPage {
    struct Model: Sendable {
        var people: [PersonView]
        var settings: ResponseSettings
        /// Uploaded XLSForms on offer to ODK Collect (Agora's own form is always there too).
        var forms: [OpenRosaForm]
    }

    static func model(_ req: Request) async throws -> Model {
        let store = PeopleStore(sql: req.sql)
        var views: [PersonView] = []
        for p in try await store.list(page: PageRequest(limit: PageRequest.maxLimit)) { views.append(try await store.view(p)) }
        return Model(
            people: views, settings: try await SettingsStore(sql: req.sql).load(), forms: try await OpenRosaFormStore(sql: req.sql).current())
    }
}

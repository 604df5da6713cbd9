import AgoraCore
import Foundation
import Vapor

extension CasePages {
    struct FileModel: Sendable {
        var k: CaseView
        var names: AreaNames
        var known: PageNames
        /// The holding body's people may act on it while it is open.
        var holder: Bool
        /// The default due moment of a new action, as the form's input shows it.
        var due: String
        /// What the case answers: the alert and its place, so a coordinator on a phone needs no second page.
        var alert: AlertView?
        var alertShape: PlaceMap.Shape?
    }

    static func fileModel(_ req: Request, _ c: PageContext) async throws -> FileModel {
        let k = try await CaseController().get(req: req)
        var alert: AlertView?
        var shape: PlaceMap.Shape?
        if let row = try await AlertStore(sql: req.sql).get(k.alert, try await req.scope()) {
            let a = AlertStore(sql: req.sql).view(row)
            alert = a
            shape = try await PlaceMap.shape(req, area: a.area)
        }
        return FileModel(
            k: k, names: try await HomePage.areaNames(req), known: try await PageNames.load(req, lang: c.lang),
            holder: AccessPolicy.holds(c.viewer, [.responder, .coordinator, .analyst], in: k.body) && k.status != .closed,
            due: WebForm.localInput(Date().addingTimeInterval(86400 * 2), zone: c.t.zone), alert: alert, alertShape: shape)
    }
}

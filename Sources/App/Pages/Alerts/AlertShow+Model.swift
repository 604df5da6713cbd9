import AgoraCore
import Foundation
import Vapor

extension AlertPages {
    struct ShowModel: Sendable {
        var alert: AlertView
        var areas: [(code: String, name: String)]
        var known: PageNames
        /// A proposal this person may edit and issue, or dismiss.
        var proposal: Bool
        /// An issued alert this person may cancel.
        var cancellable: Bool
        /// The proposal's values, to start its issue form from.
        var fields: Fields
    }

    static func showModel(_ req: Request, _ c: PageContext) async throws -> ShowModel {
        let a = try await AlertController().get(req: req)
        let names = try await HomePage.areaNames(req)
        let d = a.fields
        let f = Fields(values: [
            "area": a.area, "event": d.event ?? "", "headline": d.headline ?? "", "severity": d.severity?.rawValue ?? "Severe",
            "urgency": d.urgency?.rawValue ?? "Expected", "certainty": d.certainty?.rawValue ?? "Likely", "description": d.description ?? "",
            "instruction": d.instruction ?? "", "classification": a.classification.rawValue,
        ])
        let issuer = c.holds([.analyst, .coordinator])
        return ShowModel(
            alert: a, areas: (d.areas ?? [a.area]).map { (code: $0, name: names[$0] ?? $0) }, known: try await PageNames.load(req, lang: c.lang),
            proposal: a.state == .proposed && issuer, cancellable: a.state == .issued && a.msgType != .Cancel && issuer, fields: f)
    }
}

import AgoraCore
import Foundation
import Vapor

extension AlertPages {
    /// The form's values by field name; `_defaultClassification` is the issuing body's choice when none is given.
    struct Fields: Sendable {
        var values: [String: String] = [:]
        func v(_ k: String, _ d: String = "") -> String { values[k] ?? d }
    }

    struct Preview: Sendable {
        var draft: AlertDraft
        var areaNames: [String]
        var xml: String
    }

    struct ComposerModel: Sendable {
        var fields: Fields
        var areas: [(code: String, name: String)]
        var issuers: [String]
        var preview: Preview?
    }

    static func composerModel(_ req: Request, _ c: PageContext, _ f: Fields, preview: (draft: AlertDraft, xml: String)?) async throws
        -> ComposerModel
    {
        // The areas the analyst's bodies serve (as on the report form), and the one asked for.
        var areas = try await ReportFormPage.model(req).areas
        if let a = f.values["area"], !areas.contains(where: { $0.code == a }), let ref = try await AreaStore(sql: req.sql).refs([a]).first {
            areas.insert((ref.code, ref.name), at: 0)
        }
        let names = try await HomePage.areaNames(req)
        // The composer starts from the classification the issuing body chose for its alerts.
        var f = f
        let issuers = c.bodies([.analyst, .coordinator])
        let issuer = f.values["body"].flatMap { $0.isEmpty ? nil : $0 } ?? (issuers.count == 1 ? issuers[0] : nil)
        if let b = issuer { f.values["_defaultClassification"] = try await BodyStore(sql: req.sql).alertClassification(b).rawValue }
        return ComposerModel(
            fields: f, areas: areas, issuers: issuers,
            preview: preview.map { Preview(draft: $0.draft, areaNames: ($0.draft.areas ?? []).map { names[$0] ?? $0 }, xml: $0.xml) })
    }
}

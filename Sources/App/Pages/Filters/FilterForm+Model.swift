import AgoraCore
import Foundation
import Vapor

extension FilterForm {
    /// What the filter form offers and what is chosen: loaded through the stores, drawn by `FilterForm.view`.
    struct Model: Sendable {
        var kind: Kind
        /// The query as it came (the form shows the values chosen).
        var values: [String: String]
        /// Countries and first-level areas, countries first.
        var places: [(code: String, name: String)]
        /// Indicators of the active framework, named in the reader's language.
        var indicators: [(code: String, name: String)] = []
        var sources: [(value: String, label: String)] = []
        var bodies: [(code: String, name: String)] = []
    }

    static func model(
        _ req: Request, lang: Lang, kind: Kind, bodies: [String] = [], sources: [(value: String, label: String)] = []
    ) async throws -> Model {
        var values: [String: String] = [:]
        for k in kind.keys + ["q", "state"] { if let v = req.queryParameter(k) { values[k] = v } }
        var m = Model(kind: kind, values: values, places: try await req.riskSnapshot().places, sources: sources)
        switch kind {
        case .reports:
            m.indicators = try await FrameworkStore(sql: req.sql).active().indicators.map {
                (code: $0.indicator.code, name: $0.indicator.names[lang.rawValue] ?? $0.indicator.name)
            }
        case .cases:
            let known = try await PageNames.load(req, lang: lang)
            m.bodies = bodies.map { (code: $0, name: known.body($0)) }
        case .alerts: break
        }
        return m
    }

    /// The query the filters make, for links (next page, exports) that keep them.
    static func query(_ req: Request, _ keys: [String], adding extra: [URLQueryItem] = []) -> String {
        var c = URLComponents()
        c.queryItems =
            extra
            + keys.compactMap { k in req.queryParameter(k).flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) } }
        return c.percentEncodedQuery ?? ""
    }
}

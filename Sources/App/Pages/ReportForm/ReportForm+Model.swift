import AgoraCore
import Foundation
import Vapor

extension ReportFormPage {
    struct Model {
        var framework: IndicatorFramework
        var areas: [(code: String, name: String)]
        var bodies: [String]
        var csrf: String
        var values: [String: String] = [:]
        var chosen: Set<String> = []
        var errors: [String: String] = [:]
        var done: String?
        var t = T(lang: .en)
        /// A member of the public, without an account: no queue, no body to choose, a receipt when it is sent.
        var isPublic = false
    }

    static func model(_ req: Request) async throws -> Model {
        let viewer = req.viewer
        let isPublic = viewer.personID == nil
        // The public files with whichever early-warning body serves the place: the places those bodies serve are offered.
        let bodies =
            isPublic
            ? try await BodyController.bodies(req, .init(topic: .earlyWarning), page: PageRequest(limit: PageRequest.maxLimit))
                .filter { !$0.worldwide && BodyLevel(rawValue: $0.level).map { $0.rank <= BodyLevel.national.rank } == true }.map(\.code)
            : Array(Set(viewer.roles.filter { $0.role != .auditor }.map(\.body))).sorted()
        return Model(
            framework: try await FrameworkStore(sql: req.sql).active(), areas: try await servedAreas(req, bodies: bodies),
            bodies: isPublic ? [] : bodies,
            csrf: req.caller?.csrf ?? "", t: T(lang: Lang.of(req), zone: req.application.agora.timeZone), isPublic: isPublic)
    }

    /// Areas the bodies serve, and the areas below them, by name (capped: a phone list, not an atlas). The report
    /// form and the mediation form offer these.
    static func servedAreas(_ req: Request, bodies: [String]) async throws -> [(code: String, name: String)] {
        let tree = try await req.bodyTree()
        let roots = Set(bodies.flatMap { tree.nodes[$0]?.jurisdictionPaths.compactMap(\.first) ?? [] })
        let rows = try await AreaStore(sql: req.sql).names()
        var children: [String: [AreaStore.NameRow]] = [:]
        for r in rows { if let p = r.parentCode { children[p, default: []].append(r) } }
        let byCode = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(code: String, name: String)] = []
        var queue = roots.sorted()
        while !queue.isEmpty, out.count < 600 {
            let c = queue.removeFirst()
            if let r = byCode[c] { out.append((r.code, r.name)) }
            queue += (children[c] ?? []).map(\.code).sorted()
        }
        return out.sorted { $0.name < $1.name }
    }
}

import AgoraCore
import Foundation
import Vapor

extension MediationPages {
    struct BoardModel: Sendable {
        var cases: [MediationView]
        /// Bodies whose cases the reader may open, and the areas to choose from.
        var bodies: [String]
        var areas: [(code: String, name: String)]
        var names: AreaNames
        var known: PageNames
    }

    static func boardModel(_ req: Request, _ c: PageContext) async throws -> BoardModel {
        let rows = try await MediationStore(sql: req.sql).list(try await req.scope(), body: nil, state: nil, page: PageRequest(limit: 300))
        let bodies = Set(c.viewer.roles.map(\.body)).filter { c.viewer.keepsRecords(of: $0) }.sorted()
        return BoardModel(
            cases: rows.map { MediationStore.view($0, c.viewer) }, bodies: bodies, areas: try await ReportFormPage.servedAreas(req, bodies: bodies),
            names: try await HomePage.areaNames(req), known: try await PageNames.load(req, lang: c.lang))
    }

    struct FileModel: Sendable {
        var file: MediationController.MediationFile
        var names: AreaNames
        var known: PageNames
        /// Whether the reader runs the case: the mediators and the people of the mediating body.
        var manager: Bool
        var today: String
    }

    static func fileModel(_ req: Request, _ c: PageContext) async throws -> FileModel {
        let file = try await MediationController.file(try req.parameters.require("id"), req: req)
        let m = file.mediation
        return FileModel(
            file: file, names: try await HomePage.areaNames(req), known: try await PageNames.load(req, lang: c.lang),
            manager: m.reach == .mediatorsOnly || c.viewer.keepsRecords(of: m.body), today: String(Timestamp.now().prefix(10)))
    }

    struct ListModel: Sendable {
        var tracked: [AgreementHeaderView]
        var found: [AgreementHeaderView]
        var query: String?
    }

    /// Agreements whose implementation is tracked here first, then PA-X rows matching the search.
    static func listModel(_ req: Request, _ c: PageContext) async throws -> ListModel {
        let scope = try await req.scope()
        let store = AgreementStore(sql: req.sql)
        let q = (try? req.query.get(String.self, at: "q")).flatMap { $0.isEmpty ? nil : $0 }
        let tracked = try await store.list(scope, AgreementStore.Filter(tracked: true), page: PageRequest(limit: 100))
        let found = try await q.asyncMap { try await store.list(scope, AgreementStore.Filter(text: $0), page: PageRequest(limit: 100)) } ?? []
        return ListModel(tracked: tracked.map(AgreementStore.view), found: found.map(AgreementStore.view), query: q)
    }

    struct AgreementModel: Sendable {
        var file: AgreementController.AgreementFile
        var known: PageNames
        var month: String
        /// Where a violation can be alleged (the keeping body's areas), and whether this reader may allege one.
        var areas: [(code: String, name: String)]
        var canAllege: Bool
        var today: String
    }

    static func agreementModel(_ req: Request, _ c: PageContext) async throws -> AgreementModel {
        let file = try await AgreementController.file(try req.parameters.require("id"), req: req)
        let body = file.agreement.body
        let areas = try await body.asyncMap { try await ReportFormPage.servedAreas(req, bodies: [$0]) } ?? []
        return AgreementModel(
            file: file, known: try await PageNames.load(req, lang: c.lang), month: String(Timestamp.now().prefix(7)), areas: areas,
            canAllege: !areas.isEmpty && (c.signedIn || req.application.agora.anonymousReports), today: String(Timestamp.now().prefix(10)))
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}

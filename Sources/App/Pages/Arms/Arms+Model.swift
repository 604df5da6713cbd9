import AgoraCore
import Foundation
import Vapor

extension ArmsPages {
    struct WorkspaceModel: Sendable {
        /// Bodies whose register the viewer keeps.
        var keeps: [String]
        var body: String?
        var q: String?
        var weapons: [WeaponView]
        var campaigns: [CampaignView]
        var traces: [TracingView]
        var areas: [(code: String, name: String)]
        var programmes: [ProgrammeView]
        var known: PageNames
        var year: Int
    }

    static func workspaceModel(_ req: Request, _ c: PageContext) async throws -> WorkspaceModel {
        let known = try await PageNames.load(req, lang: c.lang)
        let keeps = c.viewer.isInstallationAdmin ? known.bodies.keys.sorted() : c.bodies(WeaponRules.officers)
        let asked: String? = req.query["body"]
        let body = asked.flatMap { keeps.contains($0) ? $0 : nil } ?? keeps.first
        let q: String? = req.query["q"]
        let scope = try await req.scope()
        let today = ArmsAccess.today
        return WorkspaceModel(
            keeps: keeps, body: body, q: q,
            weapons: try await WeaponStore(sql: req.sql).list(scope, .init(q: q, bodies: body.map { [$0] }), limit: 100),
            campaigns: body == nil ? [] : try await ArmsStore(sql: req.sql).campaigns(body: body),
            traces: try await TracingStore(sql: req.sql).list(scope, today: today).filter { $0.body == body },
            areas: body == nil ? [] : try await ReportFormPage.servedAreas(req, bodies: [body!]),
            programmes: try await DDRStore(sql: req.sql).programmes().filter { $0.body == body }, known: known, year: Int(today.prefix(4)) ?? 2026)
    }

    struct ReportModel: Sendable {
        var body: String
        var year: Int
        var figures: ArmsYearReport
        var signed: SignedArmsReport?
        var signs: Bool
        var known: PageNames
    }

    static func reportModel(_ req: Request, _ c: PageContext) async throws -> ReportModel {
        guard let year = Int(try req.parameters.require("year")) else { throw Abort(.notFound) }
        guard let body: String = req.query["body"] else { throw Abort(.notFound) }
        return ReportModel(
            body: body, year: year, figures: try await ArmsActivityController.yearReport(year: year, body: body, req: req),
            signed: try await ArmsStore(sql: req.sql).signed(body: body, year: year),
            signs: c.viewer.isInstallationAdmin || AccessPolicy.holds(c.viewer, [.coordinator, .bodyAdmin], in: body),
            known: try await PageNames.load(req, lang: c.lang))
    }

    struct DestructionsModel: Sendable {
        var destructions: [DestructionView]
        var keeps: [String]
        var known: PageNames
    }

    static func destructionsModel(_ req: Request, _ c: PageContext) async throws -> DestructionsModel {
        let known = try await PageNames.load(req, lang: c.lang)
        return DestructionsModel(
            destructions: try await ArmsStore(sql: req.sql).destructions(),
            keeps: c.viewer.isInstallationAdmin ? known.bodies.keys.sorted() : c.bodies(WeaponRules.officers), known: known)
    }

    struct ProgrammeModel: Sendable {
        var answer: DDRController.ProgrammeAnswer
        /// Weapons collected and destroyed by the programme body, month by month.
        var months: [(label: String, collected: Int, destroyed: Int)]
        var known: PageNames
        /// The participants, for the programme body's own people (empty for everyone else: the scope decides).
        var participants: [ParticipantView]
        /// Whether the viewer registers and moves participants (an officer of the programme's body or above).
        var keeps: Bool
    }

    static func programmeModel(_ req: Request, _ c: PageContext) async throws -> ProgrammeModel {
        let answer = try await DDRController.programme(try req.parameters.require("id"), req: req)
        let year = Int(ArmsAccess.today.prefix(4)) ?? 2026
        var months: [(String, Int, Int)] = []
        if let bodies = try? await ArmsAccess.coveredBodies(req, answer.programme.body) {
            let (_, events) = try await WeaponStore(sql: req.sql).facts(bodies: bodies)
            for m in 1...12 {
                let prefix = String(format: "%04d-%02d", year, m)
                let of = events.filter { $0.on.hasPrefix(prefix) }
                months.append(
                    (
                        prefix, of.filter { [.collected, .surrendered].contains($0.status) && $0.kind != .destroyed }.count,
                        of.filter { $0.kind == .destroyed }.count
                    ))
            }
        }
        let tree = try await req.bodyTree()
        return ProgrammeModel(
            answer: answer, months: months, known: try await PageNames.load(req, lang: c.lang),
            participants: try await DDRStore(sql: req.sql).list(try await req.scope(), programme: answer.programme.id),
            keeps: c.viewer.isInstallationAdmin || AccessPolicy.holds(c.viewer, WeaponRules.officers, in: answer.programme.body, orAbove: tree))
    }
}

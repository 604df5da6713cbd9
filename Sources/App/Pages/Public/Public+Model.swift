import AgoraCore
import Foundation
import Vapor

extension PublicPages {
    struct ReceiptModel: Sendable {
        enum Answer: Equatable, Sendable {
            case none, unknown, slow
            case found(status: ReportStatus, body: String, receivedOn: String)
        }
        var code: String
        var answer: Answer
    }

    static func receiptModel(_ req: Request) async throws -> ReceiptModel {
        let code = (try? req.query.get(String.self, at: "code"))?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !code.isEmpty else { return ReceiptModel(code: code, answer: .none) }
        do {
            let r = try await PublicReports.check(code, req: req)
            let body = try await BodyStore(sql: req.sql).refs([r.body])[r.body]?.name ?? r.body
            return ReceiptModel(code: code, answer: .found(status: r.status, body: body, receivedOn: r.receivedOn))
        } catch let e as APIError {
            return ReceiptModel(code: code, answer: e.status == .tooManyRequests ? .slow : .unknown)
        }
    }

    struct DirectoryModel: Sendable {
        var roots: [BodyView]
        var children: [String: [BodyView]]
    }

    static func directoryModel(_ req: Request) async throws -> DirectoryModel {
        let all = try await BodyController.bodies(req, .init(), page: PageRequest(limit: PageRequest.maxLimit))
        let byCode = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var m = DirectoryModel(roots: [], children: [:])
        for b in all {
            if let p = b.parent, byCode[p] != nil { m.children[p, default: []].append(b) } else { m.roots.append(b) }
        }
        return m
    }

    struct BodyModel: Sendable {
        var body: BodyView
        var refs: [String: BodyRef]
        var areas: [AreaRef]
        var shapes: [String: AreaGeometry]
        var maps: Maps
        /// Member names only for people of the body or above it; everyone sees the composition.
        var members: [MemberView]
        /// The body's public record of answering submissions (every submission counts; none shows).
        var record: ResponsivenessFigures
        var commitments: CommitmentFigures
        /// This quarter's forum sessions against the body's targets.
        var inclusion: ForumController.BodyInclusion
    }

    static func bodyModel(_ req: Request, _ c: PageContext) async throws -> BodyModel {
        let code = try req.parameters.require("code")
        let store = BodyStore(sql: req.sql)
        guard let b = try await store.get(code) else { throw APIError.notFound("body", code) }
        var members: [MemberView] = []
        if c.signedIn, AccessPolicy.holds(c.viewer, Set(Role.allCases), in: code, orAbove: try await req.bodyTree()) || c.viewer.isInstallationAdmin {
            members = try await store.members(of: code)
        }
        let maps = try await req.maps()
        return BodyModel(
            body: b, refs: try await store.refs(b.partners + [b.parent].compactMap { $0 }),
            areas: try await AreaStore(sql: req.sql).refs(b.jurisdiction), shapes: maps.shapes(of: b.jurisdiction), maps: maps,
            members: members, record: try await SubmissionController.figures(body: code, sql: req.sql),
            commitments: try await SubmissionController.record(code, sql: req.sql).commitments,
            inclusion: try await ForumController.inclusionNow(code, sql: req.sql))
    }

    struct StatisticsModel: Sendable {
        var counts: [(area: String, incidents: Int, deaths: Int)]
        var byMonth: [(month: String, incidents: Int)]
        var names: AreaNames
    }

    static func statisticsModel(_ req: Request) async throws -> StatisticsModel {
        let (counts, byMonth) = try await req.application.publicStatistics.counts(req.sql)
        return StatisticsModel(counts: counts, byMonth: byMonth, names: try await HomePage.areaNames(req))
    }

    struct HowToModel: Sendable {
        var bodies: [BodyView]
        var publicForm: Bool
    }

    static func howToModel(_ req: Request) async throws -> HowToModel {
        let ew = try await BodyController.bodies(req, .init(topic: .earlyWarning), page: PageRequest(limit: PageRequest.maxLimit))
            .filter { ["district", "region", "national"].contains($0.level) }
        return HowToModel(bodies: ew.sorted { $0.name < $1.name }, publicForm: req.application.agora.anonymousReports)
    }
}

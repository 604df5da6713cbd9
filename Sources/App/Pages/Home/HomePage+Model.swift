import AgoraCore
import SQLKit
import Vapor

extension HomePage {
    struct AlertLine: Sendable { var id, headline, severity, area, sent: String }
    struct ReportLine: Sendable { var id, text, area, status, created: String }
    struct CaseLine: Sendable {
        var id, body, area, status, severity: String
        var due: String?
        var overdue: Bool
    }
    struct RiskLine: Sendable {
        var code, name: String
        var score: Double
        var level: RiskLevel
    }

    struct Model: Sendable {
        var publicAlerts: [AlertLine] = []
        var bodyCount = 0
        var areaCount = 0
        var myReports: [ReportLine] = []
        var queue: [ReportLine] = []
        var queueCount = 0
        var rising: [RiskLine] = []
        var proposals: [AlertLine] = []
        var cases: [CaseLine] = []
        var admin: (people: Int, failedNotifications: Int, settings: ResponseSettings)?
        var known = PageNames(bodies: [:], indicators: [:])
    }

    static func load(_ req: Request, _ c: PageContext) async throws -> Model {
        let sql = req.sql
        let scope = try await req.scope()
        var m = Model()
        if c.signedIn { m.known = try await PageNames.load(req, lang: c.lang) }
        let inventory = InventoryStore(sql: sql)
        m.bodyCount = try await inventory.count("bodies")
        m.areaCount = try await inventory.count("areas")
        let names = try await areaNames(req)
        m.publicAlerts = try await AlertStore(sql: sql).list(.anonymous, .init(state: .issued), page: PageRequest(limit: 10)).map {
            AlertLine(
                id: $0.id, headline: $0.headline, severity: $0.severity, area: names[$0.areaCode] ?? $0.areaCode, sent: $0.sentAt ?? $0.createdAt)
        }
        guard c.signedIn else { return m }
        let reports = ReportStore(sql: sql)
        func line(_ r: ReportRow) -> ReportLine {
            ReportLine(
                id: r.id, text: String(r.description.prefix(90)), area: names[r.areaCode] ?? r.areaCode, status: r.status.rawValue,
                created: r.createdAt)
        }
        if c.holds([.monitor]) {
            m.myReports = try await reports.submitted(by: req.actor, scope, limit: 10).map(line)
        }
        if c.holds([.analyst, .coordinator]) {
            let q = try await reports.list(scope, .init(status: .unreviewed), page: PageRequest(limit: 5), oldestFirst: true)
            m.queue = q.prefix(5).map(line)
            m.queueCount = try await reports.count(scope, status: .unreviewed)
            let snap = try await req.riskSnapshot()
            let week = Period.week(containing: CivilDate.parse(Timestamp.now())!)
            m.rising = snap.candidates(week).map { snap.score($0, week) }.filter { $0.level > .low }
                .sorted { $0.score > $1.score }.prefix(6).map {
                    RiskLine(code: $0.area, name: snap.areas[$0.area]?.name ?? $0.area, score: $0.score, level: $0.level)
                }
            m.proposals = try await AlertStore(sql: sql).list(scope, .init(state: .proposed), page: PageRequest(limit: 10)).map {
                AlertLine(id: $0.id, headline: $0.headline, severity: $0.severity, area: names[$0.areaCode] ?? $0.areaCode, sent: $0.createdAt)
            }
        }
        let holding = c.bodies([.responder, .coordinator, .analyst])
        if !holding.isEmpty {
            let now = Timestamp.now()
            var rows: [CaseRow] = []
            for b in holding {
                rows += try await CaseStore(sql: sql).list(scope, .init(body: b), page: PageRequest(limit: 50)).filter { $0.status != .closed }
            }
            m.cases = rows.map { r in
                CaseLine(
                    id: r.id, body: r.bodyCode, area: names[r.areaCode] ?? r.areaCode, status: r.status.rawValue, severity: r.severity, due: r.ackDue,
                    overdue: r.ackDue.map { $0 < now } ?? false)
            }
        }
        if c.viewer.isInstallationAdmin {
            m.admin = (
                try await inventory.count("people"), try await inventory.notifications(status: "failed"), try await SettingsStore(sql: sql).load()
            )
        }
        return m
    }

    /// Area names from the in-memory area tree (kept current by revision), not a read of every area per page.
    static func areaNames(_ req: Request) async throws -> AreaNames {
        AreaNames(areas: try await req.riskSnapshot().areas)
    }
}

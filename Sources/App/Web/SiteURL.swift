import Foundation

/// Every page address the pages link to, post to or redirect to, in one typed place (as SwiftPackageIndex-Server's
/// `SiteURL`): a renamed route changes here, and a link to a page that does not exist does not compile.
/// `CodeRulesTests.pagesLinkThroughSiteURL` fails on a page path written as a string elsewhere.
enum SiteURL: Sendable, Equatable {
    case home, signIn, signOut
    case report, receipt, howToReport, statistics, forecastRecord
    case bodies
    case body(String)
    case queue
    case reportReview(String)
    case reportAct(String)
    case incidents
    case incident(String)
    case situationReportNew
    case risk
    case riskArea(String, period: String? = nil)
    case alerts
    case alertNew(area: String? = nil)
    case alert(String)
    case alertAct(String)
    case cases
    case caseFile(String)
    case caseAct(String)
    case admin, adminSettings, adminForms, adminFederation
    case quarantineAct(String)
    case mediations
    case mediation(String)
    case mediationAct(String)
    case agreements(query: String? = nil)
    case agreement(String)
    case agreementAct(String)
    case agreementExport(String)
    case submissions
    case submission(String)
    case submissionAct(String)
    case submissionReceipt
    case submissionFile(String, file: String)
    case submissionFileUpload(String)
    case responsiveness
    case responsivenessCSV
    case forums
    case forum(String)
    case forumSessions(String)
    case accreditationRegister(body: String? = nil)
    case accreditationRegisterCSV, accreditationRegisterHXL
    case accreditation
    case accreditationApplication(String)
    case accreditationApplicationAct(String)
    case arms(body: String? = nil, q: String? = nil)
    case armsWeapons, armsCampaigns, armsDestructions, armsTracing
    case armsCollection(String)
    case armsTracingStep(String)
    case armsReport(year: Int, body: String)
    case armsReportSign(Int)
    case armsReportCSV(year: Int, body: String)
    case destructions
    case destructionPhoto(String, photo: String)
    case ddrProgramme(String)
    case ddrParticipants(String)
    case ddrParticipantStep(String)
    case feed, apiDocument, failedDeliveries
    case incidentExport(file: String, query: String)
    case attachment(report: String, id: String)
    /// The CSV export of a list, with the list's filters.
    case listExport(ExportList, query: String)
    case asset(String)

    var path: String {
        switch self {
        case .home: "/"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .report: "/report"
        case .receipt: "/receipt"
        case .howToReport: "/how-to-report"
        case .statistics: "/statistics"
        case .forecastRecord: "/forecasts/record"
        case .bodies: "/bodies"
        case .body(let code): "/bodies/" + Self.segment(code)
        case .queue: "/queue"
        case .reportReview(let id): "/reports/" + Self.segment(id)
        case .reportAct(let id): "/reports/" + Self.segment(id) + "/review"
        case .incidents: "/incidents"
        case .incident(let id): "/incidents/" + Self.segment(id)
        case .situationReportNew: "/situation-reports/new"
        case .risk: "/risk"
        case .riskArea(let code, let period): "/risk/" + Self.segment(code) + Self.query(["period": period])
        case .alerts: "/alerts"
        case .alertNew(let area): "/alerts/new" + Self.query(["area": area])
        case .alert(let id): "/alerts/" + Self.segment(id)
        case .alertAct(let id): "/alerts/" + Self.segment(id) + "/act"
        case .cases: "/cases"
        case .caseFile(let id): "/cases/" + Self.segment(id)
        case .caseAct(let id): "/cases/" + Self.segment(id) + "/act"
        case .admin: "/admin"
        case .mediations: "/mediations"
        case .mediation(let id): "/mediations/" + Self.segment(id)
        case .mediationAct(let id): "/mediations/" + Self.segment(id) + "/act"
        case .agreements(let q): "/agreements" + Self.query(["q": q])
        case .agreement(let id): "/agreements/" + Self.segment(id)
        case .agreementAct(let id): "/agreements/" + Self.segment(id) + "/act"
        case .agreementExport(let id): "/api/v1/agreements/" + Self.segment(id) + "/export.csv"
        case .submissionReceipt: "/submissions/receipt"
        case .submissionFile(let id, let file): "/api/v1/submissions/" + Self.segment(id) + "/files/" + Self.segment(file)
        case .submissionFileUpload(let id): "/submissions/" + Self.segment(id) + "/file"
        case .responsiveness: "/responsiveness"
        case .responsivenessCSV: "/api/v1/responsiveness.csv"
        case .forums: "/forums"
        case .arms(let body, let q): "/arms" + Self.query(["body": body, "q": q])
        case .armsWeapons: "/arms/weapons"
        case .armsCampaigns: "/arms/campaigns"
        case .armsDestructions: "/arms/destructions"
        case .armsTracing: "/arms/tracing"
        case .armsCollection(let id): "/arms/campaigns/" + Self.segment(id) + "/collections"
        case .armsTracingStep(let id): "/arms/tracing/" + Self.segment(id) + "/steps"
        case .armsReport(let year, let body): "/arms/reports/\(year)" + Self.query(["body": body])
        case .armsReportSign(let year): "/arms/reports/\(year)/sign"
        case .armsReportCSV(let year, let body): "/api/v1/arms/reports/\(year)" + Self.query(["body": body, "format": "csv"])
        case .destructions: "/destructions"
        case .destructionPhoto(let id, let photo): "/api/v1/arms/destructions/" + Self.segment(id) + "/photos/" + Self.segment(photo)
        case .ddrProgramme(let id): "/ddr/programmes/" + Self.segment(id)
        case .ddrParticipants(let id): "/ddr/programmes/" + Self.segment(id) + "/participants"
        case .ddrParticipantStep(let id): "/ddr/participants/" + Self.segment(id) + "/steps"
        case .forum(let id): "/forums/" + Self.segment(id)
        case .forumSessions(let id): "/forums/" + Self.segment(id) + "/sessions"
        case .accreditationRegister(let body): "/register" + Self.query(["body": body])
        case .accreditationRegisterCSV: "/api/v1/accreditations.csv"
        case .accreditationRegisterHXL: "/api/v1/accreditations.hxl.csv"
        case .accreditation: "/accreditation"
        case .accreditationApplication(let id): "/accreditation/applications/" + Self.segment(id)
        case .accreditationApplicationAct(let id): "/accreditation/applications/" + Self.segment(id) + "/act"
        case .submissions: "/submissions"
        case .submission(let id): "/submissions/" + Self.segment(id)
        case .submissionAct(let id): "/submissions/" + Self.segment(id) + "/act"
        case .adminSettings: "/admin/settings"
        case .adminForms: "/admin/forms"
        case .adminFederation: "/admin/federation"
        case .quarantineAct(let id): "/admin/federation/quarantine/" + Self.segment(id) + "/act"
        case .feed: "/feeds/alerts.atom"
        case .apiDocument: "/api/v1/openapi.json"
        case .failedDeliveries: "/api/v1/outbox?status=failed"
        case .incidentExport(let file, let query): "/api/v1/incidents/" + Self.segment(file) + (query.isEmpty ? "" : "?" + query)
        case .listExport(let list, let query): "/api/v1/" + list.rawValue + "/export.csv" + (query.isEmpty ? "" : "?" + query)
        case .attachment(let report, let id): "/api/v1/reports/" + Self.segment(report) + "/attachments/" + Self.segment(id)
        case .asset(let file): "/static/" + file  // our own file names, never data
        }
    }

    /// A code or id as one path segment: codes come from data, so a `/` or `?` in one must not make another path.
    static func segment(_ s: String) -> String {
        // Codes are letters, digits and hyphens: nothing to encode (the character set, made per call, was most of this).
        if s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) {
            return s
        }
        return s.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? s
    }
    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))

    static func query(_ items: [String: String?]) -> String {
        var c = URLComponents()
        c.queryItems = items.sorted { $0.key < $1.key }.compactMap { k, v in v.map { URLQueryItem(name: k, value: $0) } }
        return c.queryItems?.isEmpty == false ? "?" + (c.percentEncodedQuery ?? "") : ""
    }
}

/// The lists with a CSV export beside them.
enum ExportList: String {
    case reports, alerts, cases
}

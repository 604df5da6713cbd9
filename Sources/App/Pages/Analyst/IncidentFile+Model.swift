import AgoraCore
import Foundation
import Vapor

extension AnalystPages {
    struct IncidentModel: Sendable {
        var incident: IncidentView
        var names: AreaNames
        /// The place drawn as SVG, with the pin where it happened.
        var mapSVG: String?
        /// The incident's audit trail, for people signed in.
        var trail: [AuditEntry]
        var known: PageNames
        /// The agreement whose violation, found and published, this incident records.
        var agreement: String?
    }

    static func incidentModel(_ req: Request, _ c: PageContext) async throws -> IncidentModel {
        let i = try await ReportController().incident(req: req)
        let names = try await HomePage.areaNames(req)
        var map: String?
        if let code = i.area {
            map = try await PlaceMap.svg(req, area: code, lat: i.lat, lon: i.lon, names: names, title: { c.t("incident.map", $0) })
        }
        let trail = c.signedIn ? try await AuditStore(sql: req.sql).entries(recordType: "incident", recordID: i.id) : []
        var agreement: String?
        if let v = i.sourceEventID, v.hasPrefix("violation:") {
            agreement = try await AgreementStore(sql: req.sql).agreement(ofViolation: String(v.dropFirst("violation:".count)))
        }
        return IncidentModel(
            incident: i, names: names, mapSVG: map, trail: trail, known: try await PageNames.load(req, lang: c.lang, actors: trail.map(\.actor)),
            agreement: agreement)
    }
}

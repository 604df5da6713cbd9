import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The early-warning path over HTTP: a monitor reports, an analyst above verifies, incidents form.
@Suite struct ReportTests {
    static func seed(_ app: Application) async throws {
        try await AccessTests.seed(app)
        // A shape for Bawku Municipal, so a point can find its area (a box around the town).
        let box = #"{"type":"Polygon","coordinates":[[[-0.40,10.95],[-0.10,10.95],[-0.10,11.20],[-0.40,11.20],[-0.40,10.95]]]}"#
        _ = try await app.testing().sendRequest(.PATCH, "/api/v1/areas/GH1201", headers: .admin, body: json(#"{"geometry":\#(box)}"#))
    }

    static func report(_ extra: String = "", area: String = #""area":"GH1201","#) -> String {
        #"{"indicators":["NR01","CS01"],"description":"Herders and farmers clashed near the market","occurredOn":"2026-11-20",\#(area)"harm":{"fatalities":2,"injured":5}\#(extra)}"#
    }

    @Test(arguments: Engine.available)
    func monitorReportsAnalystVerifiesIncidentsForm(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let t = try app.testing()
            let (_, monitor) = try await TestInstallation.person(app, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (_, monitor2) = try await TestInstallation.person(app, "mon2", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (_, analyst) = try await TestInstallation.person(app, "ana", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
            let (_, outsider) = try await TestInstallation.person(app, "tam", roles: [RoleGrant(body: "GH-DPC-TAMALE", role: .analyst)])

            // A report by coordinates alone: the area comes from the point.
            let first = try await t.sendRequest(
                .POST, "/api/v1/reports", headers: .bearer(monitor),
                body: json(Self.report(area: #""lat":11.06,"lon":-0.24,"#)))
            #expect(first.status == .created, "\(first.body.string)")
            let r1 = try object(first)
            #expect(r1["area"] as? String == "GH1201")
            #expect(r1["body"] as? String == "GH-DPC-BAWKU")
            #expect(r1["classification"] as? String == "restricted")
            let id1 = try #require(r1["id"] as? String)
            let second = try await t.sendRequest(
                .POST, "/api/v1/reports", headers: .bearer(monitor2),
                body: json(Self.report(#","lat":11.07,"lon":-0.25"#).replacingOccurrences(of: "2026-11-20", with: "2026-11-21")))
            let id2 = try #require(try object(second)["id"] as? String)

            // The analyst at the national council sees both in the queue, oldest first; Tamale's does not.
            let queue = try await t.sendRequest(.GET, "/api/v1/reports/queue", headers: .bearer(analyst))
            #expect((try object(queue)["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id1, id2])
            let hidden = try await t.sendRequest(.GET, "/api/v1/reports/queue", headers: .bearer(outsider))
            #expect((try object(hidden)["items"] as? [[String: Any]])?.isEmpty == true)

            // The second looks like the first.
            let dups = try array(try await t.sendRequest(.GET, "/api/v1/reports/\(id2)/duplicates", headers: .bearer(analyst)))
            #expect(dups.first?["report"] as? String == id1)
            #expect((dups.first?["sharedIndicators"] as? [String]) == ["CS01", "NR01"])

            // Monitors cannot verify; the analyst can.
            #expect(try await t.sendRequest(.POST, "/api/v1/reports/\(id1)/verify", headers: .bearer(monitor)).status == .forbidden)
            let verified = try await t.sendRequest(.POST, "/api/v1/reports/\(id1)/verify", headers: .bearer(analyst))
            #expect(verified.status == .ok, "\(verified.body.string)")
            let incident = try object(verified)
            let incidentID = try #require(incident["id"] as? String)
            #expect(incident["sources"] as? Int == 1)
            #expect(incident["title"] as? String == "Armed attack on civilians")  // the weightiest of its indicators
            // The second joins the same incident: two independent monitors now.
            let joined = try await t.sendRequest(
                .POST, "/api/v1/reports/\(id2)/verify", headers: .bearer(analyst), body: json(#"{"incident":"\#(incidentID)"}"#))
            #expect(try object(joined)["sources"] as? Int == 2)
            #expect(Set(try object(joined)["reports"] as? [String] ?? []) == [id1, id2])
            #expect((try object(joined)["harm"] as? [String: Any])?["fatalities"] as? Int == 2)  // not 4: the same deaths told twice
            // Reviewed once is reviewed.
            #expect(
                try await t.sendRequest(.POST, "/api/v1/reports/\(id1)/reject", headers: .bearer(analyst), body: json(#"{"reason":"x"}"#)).status
                    == .conflict)

            // A third is rejected with a reason; a fourth marked a duplicate.
            let third = try object(try await t.sendRequest(.POST, "/api/v1/reports", headers: .bearer(monitor), body: json(Self.report())))
            let noReason = try await t.sendRequest(
                .POST, "/api/v1/reports/\(third["id"]!)/reject", headers: .bearer(analyst), body: json(#"{"reason":" "}"#))
            #expect(noReason.status == .unprocessableEntity)
            let rejected = try await t.sendRequest(
                .POST, "/api/v1/reports/\(third["id"]!)/reject", headers: .bearer(analyst), body: json(#"{"reason":"rumour, denied by two elders"}"#))
            #expect(try object(rejected)["status"] as? String == "rejected")
            let fourth = try object(try await t.sendRequest(.POST, "/api/v1/reports", headers: .bearer(monitor), body: json(Self.report())))
            let dup = try await t.sendRequest(
                .POST, "/api/v1/reports/\(fourth["id"]!)/duplicate", headers: .bearer(analyst), body: json(#"{"of":"\#(id1)"}"#))
            #expect(try object(dup)["duplicateOf"] as? String == id1)
            #expect(try object(dup)["incident"] as? String == incidentID)

            // Every decision is on the record.
            let trail = try await AuditStore(sql: app.sql).entries(recordType: "report", recordID: id1)
            #expect(trail.map(\.action) == ["create", "review.verified"])
            #expect(
                try await AuditStore(sql: app.sql).entries(recordType: "incident", recordID: incidentID).map(\.action) == ["create", "report.join"])

            // A situation report for the region, linking the incident; Tamale's analyst cannot link what they cannot see.
            let sitrep = try await t.sendRequest(
                .POST, "/api/v1/situation-reports", headers: .bearer(analyst),
                body: json(
                    #"""
                    {"body":"GH-NPC","area":"GH12","period":"weekly","periodStart":"2026-11-16","title":"Upper East, week 47",
                     "narrative":"Two clashes near Bawku market.","incidents":["\#(incidentID)"]}
                    """#))
            // The analyst is in GH-NPC: allowed.
            #expect(sitrep.status == .created, "\(sitrep.body.string)")
            #expect(try object(sitrep)["incidents"] as? [String] == [incidentID])
            #expect(try object(sitrep)["periodEnd"] as? String == "2026-11-22")
            let blind = try await t.sendRequest(
                .POST, "/api/v1/situation-reports", headers: .bearer(outsider),
                body: json(
                    #"""
                    {"body":"GH-DPC-TAMALE","area":"GH12","period":"weekly","periodStart":"2026-11-16","title":"x","narrative":"y","incidents":["\#(incidentID)"]}
                    """#))
            #expect(blind.status == .unprocessableEntity)
            #expect(try object(blind)["field"] as? String == "incidents[0]")

            // Full-text search: words as prefixes, all of them, any case.
            func found(_ q: String) async throws -> Int {
                let r = try await t.sendRequest(
                    .GET, "/api/v1/reports?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", headers: .bearer(analyst))
                return (try object(r)["items"] as? [[String: Any]])?.count ?? -1
            }
            #expect(try await found("HERDERS market") == 4)
            #expect(try await found("herd clash") == 4)
            #expect(try await found("cattle") == 0)
            #expect(try await found("\"; DROP TABLE reports; --") == 0)
            let incidentHits = try await t.sendRequest(.GET, "/api/v1/incidents?q=farmers", headers: .bearer(analyst))
            #expect((try object(incidentHits)["items"] as? [[String: Any]])?.count == 1)

            // Incidents by area (descendants too) and by indicator.
            let inArea = try await t.sendRequest(.GET, "/api/v1/incidents?area=GH12&indicator=NR01", headers: .bearer(analyst))
            #expect((try object(inArea)["items"] as? [[String: Any]])?.count == 1)
            let bySector = try await t.sendRequest(.GET, "/api/v1/incidents?sector=natural-resources", headers: .bearer(analyst))
            #expect((try object(bySector)["items"] as? [[String: Any]])?.count == 1)
            let noSector = try await t.sendRequest(.GET, "/api/v1/reports?sector=elections", headers: .bearer(analyst))
            #expect((try object(noSector)["items"] as? [[String: Any]])?.isEmpty == true)
            let badSector = try await t.sendRequest(.GET, "/api/v1/reports?sector=weather", headers: .bearer(analyst))
            #expect(try object(badSector)["field"] as? String == "sector")
            let elsewhere = try await t.sendRequest(.GET, "/api/v1/incidents?area=GH08", headers: .bearer(analyst))
            #expect((try object(elsewhere)["items"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test(arguments: Engine.available)
    func badReportsAreRefusedWithTheFieldNamedAndNothingStored(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seed(app)
            let t = try app.testing()
            let (_, monitor) = try await TestInstallation.person(app, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            func refused(_ body: String, _ field: String, _ status: HTTPResponseStatus = .unprocessableEntity) async throws {
                let r = try await t.sendRequest(.POST, "/api/v1/reports", headers: .bearer(monitor), body: json(body))
                #expect(r.status == status, "\(body) → \(r.body.string)")
                let o = try object(r)
                let fields = [o["field"] as? String] + (o["issues"] as? [[String: Any]] ?? []).map { $0["field"] as? String }
                #expect(field.isEmpty || fields.contains(field), "\(field) not named in \(r.body.string)")
            }
            let base = Self.report()
            try await refused(base.replacingOccurrences(of: "2026-11-20", with: "2099-01-01"), "occurredOn")
            try await refused(base.replacingOccurrences(of: "2026-11-20", with: "1850-01-01"), "occurredOn")
            try await refused(base.replacingOccurrences(of: "2026-11-20", with: "20/11/2026"), "occurredOn")
            try await refused(base.replacingOccurrences(of: #""area":"GH1201","#, with: #""lat":95,"lon":-0.2,"#), "lat")
            // Swapped: (lat -0.24, lon 11.06) lies in the Gulf of Guinea, outside Ghana.
            try await refused(base.replacingOccurrences(of: #""area":"GH1201","#, with: #""area":"GH1201","lat":-0.24,"lon":11.06,"#), "lat")
            try await refused(base.replacingOccurrences(of: "\"NR01\"", with: "\"XX99\""), "indicators[0]")
            try await refused(base.replacingOccurrences(of: #""fatalities":2"#, with: #""fatalities":-3"#), "harm.fatalities")
            try await refused(base.replacingOccurrences(of: #""area":"GH1201","#, with: ""), "area")
            try await refused(base.replacingOccurrences(of: "GH1201", with: "NOWHERE"), "area")
            try await refused(
                base.replacingOccurrences(of: "Herders and farmers clashed near the market", with: String(repeating: "x", count: 20_001)),
                "description")
            try await refused(base.replacingOccurrences(of: #""area":"GH1201","#, with: #""area":"GH1201","body":"GH-NPC","#), "", .forbidden)
            // In bulk: one bad report in three, and none is stored.
            let batch = "[\(base),\(base.replacingOccurrences(of: "\"NR01\"", with: "\"XX99\"")),\(base)]"
            let bulk = try await t.sendRequest(.POST, "/api/v1/reports/bulk", headers: .bearer(monitor), body: json(batch))
            #expect(bulk.status == .unprocessableEntity)
            #expect((try object(bulk)["issues"] as? [[String: Any]])?.first?["field"] as? String == "reports[1].indicators[0]")
            let n = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("reports").first(
                decodingColumn: "n", as: Int.self)
            #expect(n == 0)
            let good = try await t.sendRequest(.POST, "/api/v1/reports/bulk", headers: .bearer(monitor), body: json("[\(base),\(base)]"))
            #expect(good.status == .created)
            #expect((try object(good)["created"] as? [String])?.count == 2)
        }
    }

    @Test func anonymousReportsWhenAllowedAreRoutedRestrictedAndRateLimited() async throws {
        try await TestInstallation.run(.sqlite) { app in
            try await Self.seed(app)
            let t = try app.testing()
            #expect(
                try await t.sendRequest(.POST, "/api/v1/reports", headers: ["Content-Type": "application/json"], body: json(Self.report())).status
                    == .unauthorized)
            app.agora.anonymousReports = true
            let receipt = try await t.sendRequest(
                .POST, "/api/v1/reports", headers: ["Content-Type": "application/json"], body: json(Self.report(#","classification":"public""#)))
            #expect(receipt.status == .created)
            #expect(try object(receipt)["message"] as? String == "Thank you. Your report reached GH-DPC-BAWKU.")
            #expect(!receipt.body.string.contains("Herders"))
            let id = try #require(try object(receipt)["id"] as? String)
            let row = try await app.sql.select().columns("classification", "source_kind", "body_code").from("reports").where("id", .equal, id).first()
            #expect(try row?.decode(column: "classification", as: String.self) == "restricted")
            #expect(try row?.decode(column: "source_kind", as: String.self) == "anonymous")
            #expect(try await t.sendRequest(.GET, "/api/v1/reports/\(id)").status == .notFound)
            var last: HTTPResponseStatus = .ok
            for _ in 0..<6 {
                last = try await t.sendRequest(.POST, "/api/v1/reports", headers: ["Content-Type": "application/json"], body: json(Self.report()))
                    .status
            }
            #expect(last == .tooManyRequests)
        }
    }
}

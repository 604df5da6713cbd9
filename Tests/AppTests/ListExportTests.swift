import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The CSV exports beside the review queue, the alerts and the cases: what the list shows, audited; and the
/// cases board's filters.
@Suite struct ListExportTests {
    @Test(arguments: Engine.available)
    func exportsHoldWhatTheListShowsAndAreAudited(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let tok = try await ResponseTests.world(app)
            let t = try app.testing()
            // A restricted report of Bawku; Tamale's coordinator may not read it.
            let filed = try await ResponseTests.send(
                t, .POST, "/api/v1/reports", tok["monitor"]!,
                #"{"indicators":["CS01"],"description":"=HYPERLINK(\"x\") cattle, taken","occurredOn":"\#(ResponseTests.today())","area":"GH1201","body":"GH-DPC-BAWKU"}"#
            )
            #expect(filed.status == .created, "\(filed.body.string)")
            let queue = try await ResponseTests.send(t, .GET, "/api/v1/reports/export.csv?status=unreviewed", tok["npc"]!)
            #expect(queue.status == .ok && queue.headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = queue.body.string.split(separator: "\r\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("id,created_at,occurred_on"))
            #expect(lines[1].contains("\"'=HYPERLINK(\"\"x\"\") cattle, taken\""))  // quoted, the formula defused
            let outsider = try await ResponseTests.send(t, .GET, "/api/v1/reports/export.csv", tok["tamale"]!)
            #expect(outsider.body.string.split(separator: "\r\n").count == 1)
            // Source and classification filter reports, and the incidents made of them.
            func count(_ path: String) async throws -> Int? {
                (try object(try await ResponseTests.send(t, .GET, path, tok["npc"]!))["items"] as? [Any])?.count
            }
            #expect(try await count("/api/v1/reports?source=monitor&classification=restricted") == 1)
            #expect(try await count("/api/v1/reports?source=media") == 0)
            #expect(try await count("/api/v1/reports?classification=public") == 0)
            #expect(try await ResponseTests.send(t, .GET, "/api/v1/reports?classification=secret", tok["npc"]!).status.code == 422)
            let rid = try object(filed)["id"] as! String
            #expect(try await ResponseTests.send(t, .POST, "/api/v1/reports/\(rid)/verify", tok["npc"]!, "{}").status == .ok)
            let source = try #require(
                (try object(try await ResponseTests.send(t, .GET, "/api/v1/incidents", tok["npc"]!))["items"] as? [[String: Any]])?.first?[
                    "sourceName"]
                    as? String)
            #expect(try await count("/api/v1/incidents?source=\(source.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)") == 1)
            #expect(try await count("/api/v1/incidents?source=ACLED") == 0)
            #expect(try await count("/api/v1/incidents?classification=restricted") == 1)
            // The incident list's filter offers a source only to those who see an incident of it.
            let offered = try await ResponseTests.send(t, .GET, "/incidents", tok["npc"]!)
            #expect(offered.body.string.contains(#"id="f-source""#) && offered.body.string.contains(#"<option value="\#(source)""#))
            let hidden = try await ResponseTests.send(t, .GET, "/incidents", tok["tamale"]!)
            #expect(hidden.status == .ok && !hidden.body.string.contains(#"id="f-source""#), "\(hidden.body.string.prefix(300))")
            let bad = try await ResponseTests.send(t, .GET, "/api/v1/reports/export.csv?from=yesterday", tok["npc"]!)
            #expect(bad.status == .badRequest && bad.body.string.contains("\"field\":\"from\""))

            // Two alerts, each opening a case in Bawku: one Severe, one Moderate.
            for (severity, headline) in [("Severe", "Armed groups massing near Bawku"), ("Moderate", "Tension at the Bawku market")] {
                let a = try await ResponseTests.send(
                    t, .POST, "/api/v1/alerts", tok["npc"]!,
                    #"{"event":"Tension","urgency":"Expected","severity":"\#(severity)","certainty":"Likely","headline":"\#(headline)","areas":["GH1201"],"classification":"restricted"}"#
                )
                #expect(a.status == .created, "\(a.body.string)")
            }
            let alerts = try await ResponseTests.send(t, .GET, "/api/v1/alerts/export.csv?q=massing", tok["npc"]!)
            #expect(alerts.body.string.split(separator: "\r\n").count == 2 && alerts.body.string.contains("Armed groups massing"))
            let severe = try await ResponseTests.send(t, .GET, "/api/v1/cases/export.csv?severity=Severe", tok["responder"]!)
            #expect(severe.status == .ok && severe.body.string.split(separator: "\r\n").count == 2)
            let all = try object(try await ResponseTests.send(t, .GET, "/api/v1/cases?area=GH1201", tok["responder"]!))["items"] as? [Any]
            #expect(all?.count == 2)
            // Nothing is overdue yet; a deadline passed makes the case overdue, and only it.
            #expect(
                (try object(try await ResponseTests.send(t, .GET, "/api/v1/cases?overdue=1", tok["responder"]!))["items"] as? [Any])?.isEmpty == true)
            let one = try await app.sql.select().column("id").from("cases").where("severity", .equal, "Moderate").first()!.decode(
                column: "id", as: String.self)
            try await app.sql.update("cases").set("ack_due", to: "2020-01-01T00:00:00Z").where("id", .equal, one).run()
            let overdue = try object(try await ResponseTests.send(t, .GET, "/api/v1/cases?overdue=1", tok["responder"]!))["items"] as? [[String: Any]]
            #expect(overdue?.compactMap { $0["id"] as? String } == [one])
            #expect(try await ResponseTests.send(t, .GET, "/api/v1/cases?severity=Huge", tok["responder"]!).status.code == 422)
            #expect(try await t.sendRequest(.GET, "/api/v1/cases/export.csv").status == .unauthorized)
            // The board shows the same filters and links the export with them.
            let board = try await t.sendRequest(.GET, "/cases?overdue=1&severity=Moderate", headers: .bearer(tok["responder"]!))
            #expect(board.body.string.contains("/api/v1/cases/export.csv?area=") == false)
            #expect(board.body.string.contains("/api/v1/cases/export.csv?severity=Moderate&amp;overdue=1"))
            // Each export is on the record with the ids it handed over.
            let audited = try await app.sql.select().column("record_type").from("audit_log").where("action", .equal, "export").all()
            #expect(Set(try audited.map { try $0.decode(column: "record_type", as: String.self) }) == ["report", "alert", "case"])
        }
    }
}

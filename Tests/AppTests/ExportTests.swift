import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct ExportTests {
    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        #expect(DocumentController.csvField("plain") == "\"plain\"")
        #expect(DocumentController.csvField("say \"no\", twice \"") == "\"say \"\"no\"\", twice \"\"\"")
        #expect(DocumentController.csvField("=SUM(A1)") == "\"'=SUM(A1)\"")
        #expect(DocumentController.csvField("@cmd \"x\"") == "\"'@cmd \"\"x\"\"\"")
        #expect(DocumentController.csvField("") == "\"\"")
        #expect(DocumentController.csvField("Kaduna – Zaria") == "\"Kaduna – Zaria\"")
    }

    @Test(arguments: Engine.available)
    func anExportedFileReimportsOntoTheSameIncidents(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await ReportTests.seed(app)
            let t = try app.testing()
            let (_, monitor) = try await TestInstallation.person(app, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (_, analyst) = try await TestInstallation.person(app, "ana", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
            let posted = try await t.sendRequest(
                .POST, "/api/v1/reports", headers: .bearer(monitor), body: json(ReportTests.report(#","classification":"public""#)))
            #expect(posted.status == .created, "\(posted.body.string)")
            let made = try object(posted)
            _ = try await t.sendRequest(.POST, "/api/v1/reports/\(made["id"] ?? "")/verify", headers: .bearer(analyst))
            let acled =
                "event_id_cnty,event_date,event_type,fatalities,admin1,admin2,latitude,longitude,iso3,notes\n"
                + "GHA9001,20261102,Riots,1,Upper East,Bawku Municipal,11.06,-0.24,GHA,Market riot\nGHA9002,20261103,Protests,0,Northern,,9.4,-0.85,GHA,March\n"
            let gazetteer = try await app.gazetteer.current(AreaStore(sql: app.sql))
            let imported = try await EventImporter(body: "GH-NPC", classification: .public, actor: "test").run(
                Data(acled.utf8), app: app, gazetteer: gazetteer)
            #expect(imported.imported == 2)
            #expect(imported.byName == 2)

            let hxl = try await t.sendRequest(.GET, "/api/v1/incidents/export.hxl.csv", headers: .bearer(analyst))
            #expect(hxl.status == .ok)
            let text = hxl.body.string
            #expect(text.contains("#event+id,#date"))
            #expect(text.contains("#adm1+code,#adm1+name,#adm2+code,#adm2+name"))
            #expect(text.contains("\"GH12\",\"Upper East\",\"GH1201\",\"Bawku Municipal\""))
            #expect(text.contains("acled:GHA9001"))
            let again = try await EventImporter(body: "GH-NPC", classification: .public, actor: "test").run(
                Data(text.utf8), app: app, gazetteer: gazetteer)
            #expect(again.imported == 0)
            #expect(again.duplicates == 3)
            #expect(again.rejected.isEmpty)

            let plain = try await t.sendRequest(.GET, "/api/v1/incidents/export.csv?area=GH08", headers: .bearer(analyst))
            #expect(plain.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)  // header and Tamale's protest

            let geo = try object(try await t.sendRequest(.GET, "/api/v1/incidents/export.geojson", headers: .bearer(analyst)))
            let features = geo["features"] as? [[String: Any]] ?? []
            #expect(geo["type"] as? String == "FeatureCollection" && features.count == 3)
            let coords = (features.first { ($0["id"] as? String) == "acled:GHA9001" }?["geometry"] as? [String: Any])?["coordinates"] as? [Double]
            #expect(coords == [-0.24, 11.06])  // longitude first

            // Anonymous: public incidents only, at admin2 centroids at best, without free text.
            let anon = try await t.sendRequest(.GET, "/api/v1/incidents/export.csv")
            #expect(!anon.body.string.contains("Market riot"))
            #expect(!anon.body.string.contains("11.06"))
            #expect(try await AuditStore(sql: app.sql).entries(recordType: "incident", recordID: "3 incidents as hxl").count == 1)
            #expect(try await AuditStore(sql: app.sql).entries(recordType: "incident", recordID: "3 incidents as geojson").count == 1)

            // More than one page of the streamed GeoJSON: every incident once, in date order, and one audit entry naming them all.
            var many = "event_id_cnty,event_date,event_type,fatalities,admin1,admin2,latitude,longitude,iso3,notes\n"
            for i in 0..<2_500 {
                many +=
                    "GHA\(20_000 + i),2025-\(String(format: "%02d", 1 + i % 12))-\(String(format: "%02d", 1 + i % 28)),Protests,0,Upper East,Bawku Municipal,11.06,-0.24,GHA,Gathering \(i)\n"
            }
            #expect(
                try await EventImporter(body: "GH-NPC", classification: .public, actor: "test").run(Data(many.utf8), app: app, gazetteer: gazetteer)
                    .imported == 2_500)
            let big = try object(try await t.sendRequest(.GET, "/api/v1/incidents/export.geojson", headers: .bearer(analyst)))
            let all = big["features"] as? [[String: Any]] ?? []
            #expect(all.count == 2_503)
            #expect(Set(all.compactMap { $0["id"] as? String }).count == 2_503)
            let days = all.compactMap { ($0["properties"] as? [String: Any])?["date"] as? String }
            #expect(days.count == 2_503 && days == days.sorted())
            #expect(try await AuditStore(sql: app.sql).entries(recordType: "incident", recordID: "2503 incidents as geojson").count == 1)

            // CSV and HXL stream the same way: one header, every incident once across the pages, and the HXL file
            // still re-imports onto the same incidents.
            let bigCSV = try await t.sendRequest(.GET, "/api/v1/incidents/export.csv", headers: .bearer(analyst)).body.string
            let lines = bigCSV.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2_504 && lines.filter { $0.hasPrefix("event_id,") }.count == 1)
            #expect(Set(lines.dropFirst().map { $0.components(separatedBy: ",")[0] }).count == 2_503)
            let bigHXL = try await t.sendRequest(.GET, "/api/v1/incidents/export.hxl.csv", headers: .bearer(analyst)).body.string
            #expect(bigHXL.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2_505)
            let reimported = try await EventImporter(body: "GH-NPC", classification: .public, actor: "test").run(
                Data(bigHXL.utf8), app: app, gazetteer: gazetteer)
            #expect(reimported.imported == 0 && reimported.duplicates == 2_503 && reimported.rejected.isEmpty)
            #expect(try await AuditStore(sql: app.sql).entries(recordType: "incident", recordID: "2503 incidents as csv").count == 1)
            #expect(try await AuditStore(sql: app.sql).entries(recordType: "incident", recordID: "2503 incidents as hxl").count == 1)
        }
    }
}

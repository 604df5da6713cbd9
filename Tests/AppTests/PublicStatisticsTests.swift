import AgoraCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// The public statistics count public incidents only, by first-level area and month, in the store (not row by row in
/// the server), and serve the count for a minute.
@Suite struct PublicStatisticsTests {
    @Test(arguments: Engine.available)
    func publicIncidentsAreCountedByRegionAndMonth(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let tok = try await ResponseTests.world(app)
            let t = try app.testing()
            let today = ResponseTests.today()
            for (classification, deaths) in [("public", 2), ("public", 3), ("restricted", 7)] {
                let filed = try await ResponseTests.send(
                    t, .POST, "/api/v1/reports", tok["monitor"]!,
                    #"{"indicators":["CS01"],"description":"clash","occurredOn":"\#(today)","area":"GH1201","body":"GH-DPC-BAWKU","classification":"\#(classification)","harm":{"fatalities":\#(deaths)}}"#
                )
                #expect(filed.status == .created, "\(filed.body.string)")
                let id = try object(filed)["id"] as! String
                #expect(try await ResponseTests.send(t, .POST, "/api/v1/reports/\(id)/verify", tok["npc"]!, "{}").status == .ok)
            }
            let counted = try await PublicStatistics.count(app.sql)
            // GH1201 is Bawku, under the Upper East region GH12: two public incidents, five deaths; the restricted one not.
            let region = try #require(counted.counts.first { $0.area == "GH12" })
            #expect(region.incidents == 2 && region.deaths == 5, "\(counted.counts)")
            #expect(counted.byMonth.map(\.month) == [String(today.prefix(7))] && counted.byMonth.first?.incidents == 2)
            // Served from the minute's count: another public incident shows after it, not before.
            let first = try await app.publicStatistics.counts(app.sql)
            let more = try await ResponseTests.send(
                t, .POST, "/api/v1/reports", tok["monitor"]!,
                #"{"indicators":["CS01"],"description":"clash","occurredOn":"\#(today)","area":"GH1201","body":"GH-DPC-BAWKU","classification":"public"}"#
            )
            let id = try object(more)["id"] as! String
            #expect(try await ResponseTests.send(t, .POST, "/api/v1/reports/\(id)/verify", tok["npc"]!, "{}").status == .ok)
            #expect(
                try await app.publicStatistics.counts(app.sql).counts.first { $0.area == "GH12" }?.incidents
                    == first.counts.first { $0.area == "GH12" }?.incidents)
            #expect(try await PublicStatistics.count(app.sql).counts.first { $0.area == "GH12" }?.incidents == 3)
            // An aged count is served at once while the next one runs; then the next one is served.
            let aging = PublicStatistics(maxAge: .zero)
            let old = try await aging.counts(app.sql)
            let extra = try await ResponseTests.send(
                t, .POST, "/api/v1/reports", tok["monitor"]!,
                #"{"indicators":["CS01"],"description":"clash","occurredOn":"\#(today)","area":"GH1201","body":"GH-DPC-BAWKU","classification":"public"}"#
            )
            #expect(
                try await ResponseTests.send(t, .POST, "/api/v1/reports/\(try object(extra)["id"] as! String)/verify", tok["npc"]!, "{}").status
                    == .ok)
            let served = try await aging.counts(app.sql)
            #expect(served.counts.first { $0.area == "GH12" }?.incidents == old.counts.first { $0.area == "GH12" }?.incidents)
            await aging.settled()
            #expect(try await aging.counts(app.sql).counts.first { $0.area == "GH12" }?.incidents == 4)
            let page = try await t.sendRequest(.GET, "/statistics")
            #expect(page.status == .ok && page.body.string.contains("Upper East"))
        }
    }
}

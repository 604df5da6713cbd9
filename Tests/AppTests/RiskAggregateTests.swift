import AgoraCore
import AgoraNATS
import AgoraTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Ghana's risk of the week, sent to the regional hub as counts under an `aggregate` agreement over a real nats-server;
/// the hub's risk map draws Ghana's figures and says whose they are. No record leaves.
@Suite struct RiskAggregateTests {
    @Test(arguments: Engine.available)
    func theHubsRiskMapDrawsWhatTheNationalInstallationSent(engine: Engine) async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("gh", countries: ["GHA"])) { gh in
            try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("hub", hub: true)) { hub in
                try await ReportTests.seed(gh)
                try await ReportTests.seed(hub)
                try await FederationLinkTests.agree(
                    (gh, "gh"), (hub, "hub"),
                    """
                    {"id":"gh-hub-risk","origin":"gh","recipient":"hub","purpose":"Regional risk picture (ECOWARN)","types":["risk-aggregate"],
                    "maxClassification":"internal","granularity":"aggregate","place":"admin2","dates":"week","validFrom":"2026-01-01"}
                    """, countries: ["gh": ["GHA"]])
                let (_, monitor) = try await TestInstallation.person(gh, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
                let (_, analyst) = try await TestInstallation.person(gh, "ana", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
                _ = try await FederationLinkTests.incident(gh, "internal", tokens: (monitor, analyst))
                // Counts only: the incident itself never reaches the outbox.
                #expect(try await FederationStore(sql: gh.sql).figures().pending == 0)

                // The week the incident happened in (ReportTests' reports are of 2026-11-20).
                let day = CivilDate.parse("2026-11-20")!
                let week = Period.week(containing: day)
                let state = try await FederationLinkTests.acting(gh) { try await SharedRisk(app: gh).share(.init(), today: day) }
                #expect(state.sent.keys.contains { $0.hasPrefix("GH12|") } && state.sent.keys.contains { $0.hasPrefix("GH1201|") }, "\(state.sent)")
                let pending = try await FederationStore(sql: gh.sql).figures().pending
                #expect(pending == state.sent.count)
                // Nothing changed: nothing more is written.
                let again = try await FederationLinkTests.acting(gh) { try await SharedRisk(app: gh).share(state, today: day) }
                #expect(again == state)
                #expect(try await FederationStore(sql: gh.sql).figures().pending == pending)

                let (links, connections) = try await FederationLinkTests.links(server, [("gh", gh), ("hub", hub)])
                #expect(try await FederationLinkTests.acting(gh) { try await links["gh"]!.publishPending() } == pending)
                var applied = 0
                for _ in 0..<10 where applied < pending {
                    applied += try await FederationLinkTests.acting(hub) { try await links["hub"]!.receive(wait: .seconds(1)) }.applied
                }
                #expect(applied == pending)
                let received = try await FederationStore(sql: hub.sql).receivedRisk(period: week.label)
                let upperEast = try #require(received.first { $0.figure.area == "GH12" })
                #expect(upperEast.origin == "gh" && upperEast.figure.score > 0 && upperEast.figure.incidents == 1)
                #expect(try await FederationStore(sql: hub.sql).received(type: .incident).isEmpty)

                // The hub has no incident of its own: the map is Ghana's figures, marked as Ghana's.
                let page = try await hub.testing().sendRequest(.GET, "/risk?country=GHA&level=admin1&period=\(week.label)", headers: .admin)
                #expect(page.status == .ok)
                #expect(page.body.string.contains("risk figures it shared: gh."), "\(page.body.string)")
                #expect(page.body.string.contains("(gh)"))
                let own = try await gh.testing().sendRequest(.GET, "/risk?country=GHA&level=admin1&period=\(week.label)", headers: .admin)
                #expect(own.status == .ok && !own.body.string.contains("as reported by"))
                for c in connections { await c.close() }
            }
        }
    }
}

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

    /// A DDR programme's counts (small cells suppressed, no participant) and a peace agreement's implementation reach
    /// the hub; unchanged, nothing more is sent; a change that shows through the suppression sends the programme again.
    @Test(arguments: Engine.available)
    func ddrFiguresAndImplementationReachTheHubAndOnlyWhenTheyChange(engine: Engine) async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("gh", countries: ["GHA"])) { gh in
            try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("hub", hub: true)) { hub in
                try await TestInstallation.demoInstitutions(gh)
                try await FederationLinkTests.agree(
                    (gh, "gh"), (hub, "hub"),
                    """
                    {"id":"gh-hub-figures","origin":"gh","recipient":"hub","purpose":"Regional DDR and agreement monitoring",
                    "types":["ddr-aggregate","agreement-implementation"],"maxClassification":"restricted","granularity":"pseudonymised",
                    "place":"admin1","dates":"month","validFrom":"2026-01-01"}
                    """)
                let t = try gh.testing()
                let today = Timestamp.today()
                // The commission's officer keeps the programme (participants are read by their programme's people only).
                let (_, officer) = try await TestInstallation.person(gh, "nacsa", roles: [RoleGrant(body: "GH-NACSA", role: .analyst)])
                let programme = try await t.sendRequest(
                    .POST, "/api/v1/ddr/programmes", headers: .bearer(officer),
                    body: json(#"{"body":"GH-NACSA","name":"Bawku DDR","area":"GH1201","startsOn":"\#(today)","childProtection":"UNICEF"}"#))
                #expect(programme.status == .created, "\(programme.body.string)")
                let pid = try object(programme)["id"] as? String ?? ""
                func participant(_ given: String) async throws {
                    let r = try await t.sendRequest(
                        .POST, "/api/v1/ddr/programmes/\(pid)/participants", headers: .bearer(officer),
                        body: json(
                            #"{"category":"combatant","sex":"female","area":"GH1201","faction":"Youth wing","identity":{"givenNames":"\#(given)","familyName":"Abugri","birthDate":"1990"}}"#
                        ))
                    #expect(r.status == .created, "\(r.body.string)")
                }
                try await participant("Ama")
                let accord = try await t.sendRequest(
                    .POST, "/api/v1/agreements", headers: .admin,
                    body: json(
                        #"{"agreement":{"title":"Bawku accord","date":"2026-01-20","status":"Multiparty signed/agreed","stage":"SubComp","parties":"Kusasi elders; Mamprusi elders","thirdParties":"","country":"Ghana","region":"Africa (excl MENA)","text":"…","signatories":[],"themes":[]},"body":"GH-RPC-UE","stipulations":[{"code":"1","theme":"Security","subTheme":"","text":"Withdraw armed youth","responsible":[{"kind":"party","name":"Kusasi elders"}],"dependsOn":[],"verification":"patrol report","weight":1},{"code":"2","theme":"Land","subTheme":"","text":"Survey the farms","responsible":[{"kind":"body","name":"Lands Commission"}],"dependsOn":[],"verification":"map","weight":2}]}"#
                    ))
                #expect(accord.status == .created, "\(accord.body.string)")

                let state = try await FederationLinkTests.acting(gh) { try await SharedFigures(app: gh).share(.init()) }
                #expect(state.sent.count == 2, "\(state.sent.keys)")
                #expect(try await FederationStore(sql: gh.sql).figures().pending == 2)
                #expect(try await FederationLinkTests.acting(gh) { try await SharedFigures(app: gh).share(state) } == state)
                let (links, connections) = try await FederationLinkTests.links(server, [("gh", gh), ("hub", hub)])
                func flow(_ n: Int) async throws {
                    #expect(try await FederationLinkTests.acting(gh) { try await links["gh"]!.publishPending() } == n)
                    var applied = 0
                    for _ in 0..<10 where applied < n {
                        applied += try await FederationLinkTests.acting(hub) { try await links["hub"]!.receive(wait: .seconds(1)) }.applied
                    }
                    #expect(applied == n)
                }
                try await flow(2)
                let ddr = try #require(try await FederationStore(sql: hub.sql).received(type: .ddrAggregate).first)
                #expect(ddr.payload["programme"] == .string("Bawku DDR") && ddr.payload["participants"] == .string("<5"))
                #expect(ddr.payload["sex"] == .object(["female": .string("<5")]))
                let implementation = try #require(try await FederationStore(sql: hub.sql).received(type: .agreementImplementation).first)
                #expect(implementation.sharedID.hasPrefix("p-") && implementation.payload["title"] == .string("Bawku accord"))
                #expect(implementation.payload["share"] == .number(0) && implementation.payload["stipulations"] == .number(2))
                // Nobody's name left Ghana.
                let everything = try await FederationStore(sql: hub.sql).received().map { String(describing: $0.payload) }.joined()
                #expect(!everything.contains("Ama") && !everything.contains("Abugri") && !everything.contains("Youth wing"))

                // A second participant changes no suppressed cell; the fifth does.
                try await participant("Akosua")
                #expect(try await FederationLinkTests.acting(gh) { try await SharedFigures(app: gh).share(state) } == state)
                for name in ["Abena", "Adwoa", "Afua"] { try await participant(name) }
                let next = try await FederationLinkTests.acting(gh) { try await SharedFigures(app: gh).share(state) }
                #expect(next != state && next.sent.count == 2)
                try await flow(1)
                for c in connections { await c.close() }
            }
        }
    }
}

import AgoraCore
import AgoraNATS
import AgoraTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// A regional body's alert for a border area, issued at the hub, reaches both neighbouring installations over a real
/// nats-server; each opens a case for its own side of the border by its own rules, and sends nothing back.
@Suite struct RegionalAlertTests {
    static func installation(_ id: String, hub: Bool = false, countries: [String] = []) -> (inout AgoraSettings) -> Void {
        {
            $0.installationID = id
            $0.federationHub = hub
            $0.federationCountries = countries
        }
    }

    static func alertsAgreement(_ id: String, from: String, to: String, country: String) -> String {
        """
        {"id":"\(id)","origin":"\(from)","recipient":"\(to)","purpose":"Regional alerts for the border (CEWARN)","types":["alert"],
        "maxClassification":"restricted","granularity":"record","place":"admin2","dates":"day","areas":["\(country)"],"validFrom":"2026-01-01"}
        """
    }

    @Test(arguments: Engine.available)
    func aRegionalAlertForABorderAreaOpensACaseOnEachSide(engine: Engine) async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        try await TestInstallation.run(engine, settings: Self.installation("hub", hub: true)) { hub in
            try await TestInstallation.run(engine, settings: Self.installation("ke", countries: ["KEN"])) { ke in
                try await TestInstallation.run(engine, settings: Self.installation("ug", countries: ["UGA"])) { ug in
                    for app in [hub, ke, ug] { _ = try await ResponseTests.world(app) }
                    try await FederationLinkTests.agree(
                        (hub, "hub"), (ke, "ke"), Self.alertsAgreement("hub-ke", from: "hub", to: "ke", country: "KEN"))
                    try await FederationLinkTests.agree(
                        (hub, "hub"), (ug, "ug"), Self.alertsAgreement("hub-ug", from: "hub", to: "ug", country: "UGA"))
                    // Kenya shares its own alerts with the hub: what it takes up from the hub must not echo back.
                    try await FederationLinkTests.agree(
                        (ke, "ke"), (hub, "hub"), Self.alertsAgreement("ke-hub", from: "ke", to: "hub", country: "KEN"))
                    let (links, connections) = try await FederationLinkTests.links(server, [("hub", hub), ("ke", ke), ("ug", ug)])

                    // CEWARN's analyst at the hub warns of cattle raids in Turkana, on the Ugandan border.
                    let (_, igad) = try await TestInstallation.person(hub, "igad", roles: [RoleGrant(body: "IGAD-CEWARN", role: .analyst)])
                    let issued = try await hub.testing().sendRequest(
                        .POST, "/api/v1/alerts", headers: .bearer(igad),
                        body: json(
                            #"{"body":"IGAD-CEWARN","event":"Cattle raids","urgency":"Expected","severity":"Severe","certainty":"Likely","headline":"Raids expected across the Turkana–Karamoja border","areas":["KE023124"],"classification":"restricted"}"#
                        ))
                    #expect(issued.status == .created, "\(issued.body.string)")
                    #expect(try await FederationLinkTests.acting(hub) { try await links["hub"]!.publishPending() } == 2)

                    // Kenya's directory has Turkana's peace committee; the Ugandan side has no body of its own in the demo
                    // directory, so its chain reaches CEWARN itself.
                    for (name, app, area, body) in [("ke", ke, "KE023124", "KE-CPC-TURKANA"), ("ug", ug, "UG3080", "IGAD-CEWARN")] {
                        var got = (applied: 0, quarantined: 0, skipped: 0)
                        for _ in 0..<10 where got.applied == 0 {
                            got = try await FederationLinkTests.acting(app) { try await links[name]!.receive(wait: .seconds(1)) }
                        }
                        #expect(got.applied == 1 && got.quarantined == 0, "\(name): \(got)")
                        let cases =
                            try object(try await app.testing().sendRequest(.GET, "/api/v1/cases", headers: .admin))["items"] as? [[String: Any]] ?? []
                        #expect(cases.count == 1, "\(name): \(cases.count) cases")
                        let c = try #require(cases.first)
                        // Its own side of the border, routed by its own directory to the lowest competent body there.
                        #expect(c["area"] as? String == area, "\(name): \(c)")
                        #expect(c["body"] as? String == body, "\(name): \(c)")
                        let full = try object(
                            try await app.testing().sendRequest(.GET, "/api/v1/cases/\(c["id"] as! String)", headers: .admin))
                        let history = full["history"] as? [[String: Any]] ?? []
                        #expect(history.contains { $0["kind"] as? String == "opened" && $0["actor"] as? String == "federation:hub" }, "\(history)")
                        let held = try #require(try await FederationStore(sql: app.sql).received().first)
                        #expect(held.kind == FederationKind.regionalAlert && held.origin == "hub")
                        #expect(held.payload["takenUp"] != nil)
                        #expect(try await FederationStore(sql: app.sql).figures().pending == 0, "\(name) sent the hub's alert back")
                    }
                    // Applied once: the same events again change nothing.
                    for (name, app) in [("ke", ke), ("ug", ug)] {
                        let again = try await FederationLinkTests.acting(app) { try await links[name]!.receive(wait: .milliseconds(300)) }
                        #expect(again.applied == 0)
                    }
                    // The operations page and the status say the same: one sent to each neighbour, nothing waiting.
                    let status = try object(try await hub.testing().sendRequest(.GET, "/api/v1/federation/status", headers: .admin))
                    let peers = status["peerFigures"] as? [[String: Any]] ?? []
                    for p in ["ke", "ug"] {
                        #expect(
                            peers.contains { $0["peer"] as? String == p && $0["published"] as? Int == 1 && $0["pending"] as? Int == 0 }, "\(peers)")
                    }
                    let page = try await hub.testing().sendRequest(.GET, "/admin/federation", headers: .admin)
                    #expect(page.status == .ok && page.body.string.contains("Regional alerts for the border (CEWARN)"))
                    let (_, analyst) = try await TestInstallation.person(hub, "analyst", roles: [RoleGrant(body: "IGAD-CEWARN", role: .analyst)])
                    #expect(try await hub.testing().sendRequest(.GET, "/admin/federation", headers: .bearer(analyst)).status == .forbidden)
                    for c in connections { await c.close() }
                }
            }
        }
    }
}

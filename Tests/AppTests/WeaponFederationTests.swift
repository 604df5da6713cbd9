import AgoraCore
import AgoraNATS
import AgoraTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// A weapon lost in Ghana and recovered in Kenya, each country on its own installation, linked through the regional
/// hub over a real nats-server: the record goes up under Ghana's agreement, the hub passes it on under its own, and
/// Kenya's commission gets a diversion alert whichever came first — the seizure or the record.
@Suite struct WeaponFederationTests {
    static func agreement(_ id: String, from: String, to: String) -> String {
        """
        {"id":"\(id)","origin":"\(from)","recipient":"\(to)","purpose":"Lost and stolen small arms (Nairobi Protocol, ECOWAS Convention)",
        "types":["weapon-lost-or-stolen"],"maxClassification":"restricted","granularity":"pseudonymised","place":"admin1","dates":"day",
        "validFrom":"2026-01-01"}
        """
    }

    static func weapon(_ app: Application, body: String, serial: String, status: String) async throws -> String {
        let r = try await app.testing().sendRequest(
            .POST, "/api/v1/weapons", headers: .admin,
            body: json(#"{"body":"\#(body)","type":"assault-rifle","status":"\#(status)","marks":{\#(SmallArmsTests.ak),"serial":"\#(serial)"}}"#))
        #expect(r.status == .created, "\(r.body.string)")
        return try object(r)["id"] as? String ?? ""
    }

    /// Kenya's diversion alerts: (alert id, description).
    static func alerts(_ ke: Application) async throws -> [(String, String)] {
        try await ke.sql.select().columns("id", "draft").from("alerts").all().map {
            (try $0.decode(column: "id", as: String.self), try $0.decode(column: "draft", as: String.self))
        }
    }

    @Test(arguments: Engine.available)
    func aWeaponLostInOneCountryAndRecoveredInAnotherRaisesTheAlertThere(engine: Engine) async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("hub", hub: true)) { hub in
            try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("gh", countries: ["GHA"])) { gh in
                try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("ke", countries: ["KEN"])) { ke in
                    for app in [hub, gh, ke] { try await TestInstallation.demoInstitutions(app) }
                    let countries = ["gh": ["GHA"], "ke": ["KEN"]]
                    try await FederationLinkTests.agree(
                        (gh, "gh"), (hub, "hub"), Self.agreement("gh-hub-arms", from: "gh", to: "hub"), countries: countries)
                    try await FederationLinkTests.agree(
                        (hub, "hub"), (ke, "ke"), Self.agreement("hub-ke-arms", from: "hub", to: "ke"), countries: countries)
                    let (links, connections) = try await FederationLinkTests.links(server, [("hub", hub), ("gh", gh), ("ke", ke)])
                    let apps = ["hub": hub, "gh": gh, "ke": ke]
                    func publish(_ name: String) async throws -> Int {
                        try await FederationLinkTests.acting(apps[name]!) { try await links[name]!.publishPending() }
                    }
                    func receive(_ name: String) async throws -> Int {
                        var applied = 0
                        for _ in 0..<10 where applied == 0 {
                            let got = try await FederationLinkTests.acting(apps[name]!) { try await links[name]!.receive(wait: .seconds(1)) }
                            #expect(got.quarantined == 0, "\(name): \(got)")
                            applied += got.applied
                        }
                        return applied
                    }

                    // Kenya seized a rifle first; Ghana records it lost afterwards (its serial written another way).
                    let seized = try await FederationLinkTests.acting(ke) {
                        try await Self.weapon(ke, body: "KE-KNFP", serial: "GH-7781-X", status: "seized")
                    }
                    #expect(try await Self.alerts(ke).isEmpty)
                    let lost = try await FederationLinkTests.acting(gh) {
                        try await Self.weapon(gh, body: "GH-NACSA", serial: "gh 7781 x", status: "lost-or-stolen")
                    }
                    #expect(try await publish("gh") == 1)
                    #expect(try await receive("hub") == 1)
                    // The hub passes it on to Kenya only (not back to Ghana), as its own event.
                    #expect(try await publish("hub") == 1)
                    #expect(try await receive("ke") == 1)
                    let relayed = try #require(try await FederationStore(sql: ke.sql).received().first)
                    #expect(relayed.origin == "hub" && relayed.kind == FederationKind.relayed && relayed.payload["from"] == .string("gh"))
                    #expect(relayed.payload["serial"] == .string("gh 7781 x") && relayed.payload["body"] == .string("GH-NACSA"))
                    var alerts = try await Self.alerts(ke)
                    #expect(alerts.count == 1)
                    #expect(alerts.first?.1.contains(seized) == true && alerts.first?.1.contains("a record of gh (through hub)") == true)
                    // Ghana's own record never names Ghana's weapon id abroad: pseudonymised under the agreement.
                    #expect(alerts.first?.1.contains(lost) == false)
                    let history =
                        try object(try await ke.testing().sendRequest(.GET, "/api/v1/weapons/\(seized)", headers: .admin))["history"]
                        as? [[String: Any]]
                        ?? []
                    #expect(history.contains { ($0["kind"] as? String) == "traced" })

                    // The other way round: the record is there first, the seizure later.
                    _ = try await FederationLinkTests.acting(gh) {
                        try await Self.weapon(gh, body: "GH-NACSA", serial: "GH-9000", status: "lost-or-stolen")
                    }
                    #expect(try await publish("gh") == 1)
                    #expect(try await receive("hub") == 1)
                    #expect(try await publish("hub") == 1)
                    #expect(try await receive("ke") == 1)
                    let second = try await FederationLinkTests.acting(ke) {
                        try await Self.weapon(ke, body: "KE-KNFP", serial: "GH9000", status: "seized")
                    }
                    alerts = try await Self.alerts(ke)
                    #expect(alerts.count == 2 && alerts.contains { $0.1.contains(second) })

                    // Found again in Ghana: told on, and a later seizure in Kenya with that serial is no diversion.
                    let found = try await gh.testing().sendRequest(
                        .POST, "/api/v1/weapons/\(lost)/events", headers: .admin, body: json(#"{"kind":"status","status":"surrendered"}"#))
                    #expect(found.status == .ok, "\(found.body.string)")
                    #expect(try await publish("gh") == 1)
                    #expect(try await receive("hub") == 1)
                    #expect(try await publish("hub") == 1)
                    #expect(try await receive("ke") == 1)
                    _ = try await FederationLinkTests.acting(ke) {
                        try await Self.weapon(ke, body: "KE-KNFP", serial: "GH 7781 X", status: "collected")
                    }
                    #expect(try await Self.alerts(ke).count == 2)
                    for c in connections { await c.close() }
                }
            }
        }
    }
}

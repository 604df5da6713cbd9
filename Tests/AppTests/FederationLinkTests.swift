import AgoraCore
import AgoraNATS
import AgoraTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Two installations on loopback — Ghana's and a regional hub — each with its own store, linked by a real
/// nats-server: the agreement decides what leaves, the hub verifies and applies once, and a cut link loses nothing.
@Suite(.serialized) struct FederationLinkTests {
    /// Runs `body` as `app`'s installation: its audit key and its federation identity bound, as a request would have them.
    static func acting<T: Sendable>(_ app: Application, _ body: () async throws -> T) async throws -> T {
        try await AuditKeys.$bound.withValue(try app.vault.auditKey) {
            try await FederationIdentity.$bound.withValue(try app.federationIdentity) { try await body() }
        }
    }

    /// Ghana's national installation and the regional hub, each with its own store, as the tests here set them.
    static let national: @Sendable (inout AgoraSettings) -> Void = {
        $0.installationID = "gh"
        $0.federationCountries = ["GHA"]
    }
    static let regional: @Sendable (inout AgoraSettings) -> Void = {
        $0.installationID = "hub"
        $0.federationHub = true
    }

    /// Ghana's installation and the hub, Ghana's demo bodies seeded and the agreement `gh-hub-1` in force on both sides;
    /// `body` gets Ghana, the hub, and a monitor's and an analyst's tokens at Ghana.
    static func pair(_ engine: Engine, _ body: (Application, Application, (monitor: String, analyst: String)) async throws -> Void) async throws {
        try await TestInstallation.run(engine, settings: national) { gh in
            try await TestInstallation.run(engine, settings: regional) { hub in
                try await ReportTests.seed(gh)
                try await Self.agree(gh, hub)
                let (_, monitor) = try await TestInstallation.person(gh, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
                let (_, analyst) = try await TestInstallation.person(gh, "ana", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
                try await body(gh, hub, (monitor, analyst))
            }
        }
    }

    static func link(_ app: Application, _ nats: NATSConnection) throws -> FederationLink {
        FederationLink(app: app, js: JetStream(nats), me: try #require(try app.federationIdentity))
    }

    /// Each installation on a connection of its own to `server`, its stream and consumer prepared.
    static func links(_ server: NATSServerProcess, _ apps: [(String, Application)]) async throws -> ([String: FederationLink], [NATSConnection]) {
        var links: [String: FederationLink] = [:]
        var connections: [NATSConnection] = []
        for (name, app) in apps {
            let nats = NATSConnection(.init(port: server.port, name: name, reconnectWait: .milliseconds(100), connectTimeout: .seconds(30)))
            try await nats.connect()
            connections.append(nats)
            links[name] = try link(app, nats)
            try await links[name]!.prepare()
        }
        return (links, connections)
    }

    /// Both sides register each other and hold the same agreement, signed by both and active.
    static func agree(_ gh: Application, _ hub: Application, granularity: String = "pseudonymised") async throws {
        try await agree(
            (gh, "gh"), (hub, "hub"),
            """
            {"id":"gh-hub-1","origin":"gh","recipient":"hub","purpose":"Regional early warning (ECOWARN)","types":["incident","case","alert"],
            "maxClassification":"restricted","granularity":"\(granularity)","place":"admin1","dates":"week","retentionDays":30,"validFrom":"2026-01-01"}
            """)
    }

    /// `agreement` (JSON, its origin first) between two installations: registered, signed by both, active on both sides.
    /// `countries`: what each peer speaks for, as the other side registers it.
    static func agree(
        _ origin: (Application, String), _ recipient: (Application, String), _ agreement: String, countries: [String: [String]] = [:]
    ) async throws {
        let id = try #require(try JSONSerialization.jsonObject(with: Data(agreement.utf8)) as? [String: Any])["id"] as! String
        for (app, peer) in [(origin.0, recipient), (recipient.0, origin)] {
            let key = try #require(try peer.0.federationIdentity).keys.publicKey
            let t = try app.testing()
            let spoken = (countries[peer.1] ?? []).map { "\"\($0)\"" }.joined(separator: ",")
            let added = try await t.sendRequest(
                .POST, "/api/v1/federation/peers", headers: .admin,
                body: json(#"{"id":"\#(peer.1)","name":"\#(peer.1)","publicKey":"\#(key)","countries":[\#(spoken)]}"#))
            #expect(added.status == .created, "\(added.body.string)")
            let made = try await t.sendRequest(.POST, "/api/v1/federation/agreements", headers: .admin, body: json(agreement))
            #expect(made.status == .created, "\(made.body.string)")
            for step in [#"{"action":"sign","party":"\#(origin.1)"}"#, #"{"action":"sign","party":"\#(recipient.1)"}"#, #"{"action":"activate"}"#] {
                let r = try await t.sendRequest(.POST, "/api/v1/federation/agreements/\(id)/actions", headers: .admin, body: json(step))
                #expect(r.status == .ok, "\(step): \(r.body.string)")
            }
        }
    }

    /// Files a report of the classification and has it verified into an incident; returns the incident's id.
    static func incident(_ app: Application, _ classification: String, tokens: (monitor: String, analyst: String)) async throws -> String {
        let t = try app.testing()
        let filed = try await t.sendRequest(
            .POST, "/api/v1/reports", headers: .bearer(tokens.monitor), body: json(ReportTests.report(#","classification":"\#(classification)""#)))
        #expect(filed.status == .created, "\(filed.body.string)")
        let rid = try object(filed)["id"] as! String
        let verified = try await t.sendRequest(.POST, "/api/v1/reports/\(rid)/verify", headers: .bearer(tokens.analyst), body: json("{}"))
        #expect(verified.status == .ok, "\(verified.body.string)")
        return try object(verified)["id"] as? String ?? ""
    }

    /// A confidential incident: no analyst verifies one through the API (confidential records go by name), so it is
    /// written as the store would write it, inside the installation's transaction.
    static func confidentialIncident(_ app: Application, tokens: (monitor: String, analyst: String)) async throws -> String {
        let filed = try await app.testing().sendRequest(.POST, "/api/v1/reports", headers: .bearer(tokens.monitor), body: json(ReportTests.report()))
        let rid = try object(filed)["id"] as! String
        let admin = AccessPolicy.scope(for: .person(id: "x", installationAdmin: true, roles: []), in: try await BodyStore(sql: app.sql).tree())
        var row = try #require(try await ReportStore(sql: app.sql).get(rid, admin))
        row.classification = .confidential
        let secret = row
        return try await Self.acting(app) {
            try await app.write { try await IncidentStore(sql: $0).create(from: secret, indicators: ["CS01"], title: "Confidential", actor: "test") }
        }
    }

    @Test(arguments: Engine.available)
    func theAgreementDecidesTheHubVerifiesAndACutLinkLosesNothing(engine: Engine) async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        try await Self.pair(engine) { gh, hub, tokens in
            let analyst = tokens.analyst

            // 30 s to connect: the server starts while the whole suite runs on two cores (10 s once ran out there).
            let natsGH = NATSConnection(.init(port: server.port, name: "gh", reconnectWait: .milliseconds(100), connectTimeout: .seconds(30)))
            let natsHub = NATSConnection(.init(port: server.port, name: "hub", reconnectWait: .milliseconds(100), connectTimeout: .seconds(30)))
            try await natsGH.connect()
            try await natsHub.connect()
            let ghLink = try Self.link(gh, natsGH)
            let hubLink = try Self.link(hub, natsHub)
            try await ghLink.prepare()
            try await hubLink.prepare()

            // A restricted incident leaves, pseudonymised; a confidential one never reaches the outbox.
            let restricted = try await Self.incident(gh, "restricted", tokens: tokens)
            _ = try await Self.confidentialIncident(gh, tokens: tokens)
            var figures = try await FederationStore(sql: gh.sql).figures()
            #expect(figures.pending == 1)
            #expect(try await Self.acting(gh) { try await ghLink.publishPending() } == 1)
            let got = try await Self.acting(hub) { try await hubLink.receive(wait: .seconds(2)) }
            #expect(got.applied == 1 && got.quarantined == 0)
            let received = try await FederationStore(sql: hub.sql).received()
            #expect(received.count == 1)
            let r = try #require(received.first)
            let pseudonym = try #require(try gh.federationIdentity).keys.pseudonym(restricted, agreement: "gh-hub-1")
            #expect(r.origin == "gh" && r.agreement == "gh-hub-1" && r.sharedID == pseudonym && r.recordType == "incident")
            #expect(r.payload["actors"] == nil && r.payload["point"] == nil && r.payload["areas"] == .array([.string("GH12"), .string("GHA")]))
            #expect(r.payload["title"] != nil && r.payload["classification"] == .string("restricted"))

            // A replayed event is applied once; a forged one and one outside the agreement are quarantined.
            let outbox = try await FederationStore(sql: gh.sql).sent(limit: 1)
            let sent = try #require(outbox.first)
            let js = JetStream(natsGH)
            _ = try await js.publish(
                sent.subject, payload: Array(sent.body.utf8), messageID: "replay-1",
                headers: [("Agora-Origin", "gh"), ("Agora-Signature", sent.signature)])
            let forged = sent.body.replacingOccurrences(of: "restricted", with: "public")
            _ = try await js.publish(
                sent.subject, payload: Array(forged.utf8), messageID: "forged-1",
                headers: [("Agora-Origin", "gh"), ("Agora-Signature", sent.signature)])
            var alien = try JSONDecoder().decode(FederationEvent.self, from: Data(sent.body.utf8))
            alien.id = "0193a0a0-0000-7000-8000-0000000000aa"
            alien.recordType = .weaponLostOrStolen
            let alienBody = try alien.body()
            let ghKeys = try #require(try gh.federationIdentity).keys
            _ = try await js.publish(
                alien.subject, payload: alienBody, messageID: alien.id,
                headers: [("Agora-Origin", "gh"), ("Agora-Signature", ghKeys.sign(alienBody))])
            let attacks = try await Self.acting(hub) { try await hubLink.receive(wait: .seconds(2)) }
            #expect(attacks.applied == 0 && attacks.quarantined == 2 && attacks.skipped == 1, "\(attacks)")
            let reasons = try await FederationStore(sql: hub.sql).quarantined().map(\.reason).sorted()
            #expect(reasons == ["the signature does not verify with gh's key", "weapon-lost-or-stolen is outside agreement gh-hub-1"])
            #expect(try await FederationStore(sql: hub.sql).received().count == 1)

            // The link cut: NATS down while Ghana writes; the publisher fails and keeps its place; after the
            // server is back (same store), exactly the new events arrive — none lost, none twice.
            server.crash()
            var ids: [String] = []
            for _ in 0..<5 { ids.append(try await Self.incident(gh, "internal", tokens: tokens)) }
            await #expect(throws: (any Error).self) { try await Self.acting(gh) { try await ghLink.publishPending() } }
            try server.start()
            var published = 0
            for _ in 0..<100 where published < 5 {
                published += (try? await Self.acting(gh) { try await ghLink.publishPending() }) ?? 0
                if published < 5 { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(published == 5)
            var applied = 0
            for _ in 0..<20 where applied < 5 {
                applied += (try? await Self.acting(hub) { try await hubLink.receive(wait: .seconds(1)) })?.applied ?? 0
            }
            #expect(applied == 5)
            let shared = Set(try await FederationStore(sql: hub.sql).received().map(\.sharedID))
            #expect(shared == Set((ids + [restricted]).map { ghKeys.pseudonym($0, agreement: "gh-hub-1") }))
            figures = try await FederationStore(sql: gh.sql).figures()
            #expect(figures.pending == 0 && figures.published == 6)
            // Ghana's own incidents do not come back down its link: its consumer reads only what comes back to it.
            // (The forged weapon event above is on a subject that does come back: it is all there is.)
            let back = try await ghLink.fetch(batch: 50, wait: .milliseconds(300)).map(\.message.subject)
            #expect(back.count == 1 && back.allSatisfy { $0.hasPrefix("agora.gha.weapon-lost-or-stolen.") }, "\(back)")

            // Elevation: a case escalated by hand past the national council goes to the hub; the hub declines it
            // with a reason, and the answer comes back into the case's history at home.
            let issued = try await gh.testing().sendRequest(
                .POST, "/api/v1/alerts", headers: .bearer(analyst),
                body: json(
                    #"{"event":"Tension","urgency":"Expected","severity":"Moderate","certainty":"Possible","headline":"Tension in Bawku","areas":["GH1201"],"classification":"internal"}"#
                ))
            #expect(issued.status == .created, "\(issued.body.string)")
            let caseID = try #require(try object(issued)["responseCase"] as? String)
            // The issued alert itself goes out under the agreement (it carries alerts), pseudonymised.
            #expect(try await Self.acting(gh) { try await ghLink.publishPending() } == 1)
            #expect(try await Self.acting(hub) { try await hubLink.receive(wait: .seconds(2)) }.applied == 1)
            let alert = try #require(try await FederationStore(sql: hub.sql).received().first { $0.recordType == "alert" })
            #expect(alert.payload["headline"] == .string("Tension in Bawku") && alert.sharedID.hasPrefix("p-"))
            let (_, coordinator) = try await TestInstallation.person(
                gh, "coord", roles: ["GH-DPC-BAWKU", "GH-RPC-UE", "GH-NPC"].map { RoleGrant(body: $0, role: .coordinator) })
            var before = try await FederationStore(sql: gh.sql).figures().pending
            for _ in 0..<6 where before == 0 {
                let r = try await gh.testing().sendRequest(
                    .POST, "/api/v1/cases/\(caseID)/escalate", headers: .bearer(coordinator), body: json(#"{"reason":"Beyond our means"}"#))
                #expect(r.status == .ok, "\(r.body.string)")
                before = try await FederationStore(sql: gh.sql).figures().pending
            }
            #expect(before == 1)
            #expect(try await Self.acting(gh) { try await ghLink.publishPending() } == 1)
            #expect(try await Self.acting(hub) { try await hubLink.receive(wait: .seconds(2)) }.applied == 1)
            let elevated = try #require(try await FederationStore(sql: hub.sql).received().first { $0.recordType == "case" })
            #expect(elevated.kind == FederationKind.elevated && elevated.payload["note"] == nil && elevated.level == "sub-regional")
            let answer = try await hub.testing().sendRequest(
                .POST, "/api/v1/federation/answers", headers: .admin,
                body: json(#"{"origin":"gh","caseID":"\#(elevated.sharedID)","answer":"declined"}"#))
            #expect(answer.status == .unprocessableEntity || answer.status == .badRequest)
            let declined = try await hub.testing().sendRequest(
                .POST, "/api/v1/federation/answers", headers: .admin,
                body: json(
                    #"{"origin":"gh","caseID":"\#(elevated.sharedID)","answer":"declined","reason":"A national matter: the NPC mediates"}"#))
            #expect(declined.status == .ok, "\(declined.body.string)")
            #expect(try await Self.acting(hub) { try await hubLink.publishPending() } == 1)
            var heard = 0
            for _ in 0..<10 where heard == 0 { heard = try await Self.acting(gh) { try await ghLink.receive(wait: .seconds(1)) }.applied }
            #expect(heard == 1)
            let history =
                try object(try await gh.testing().sendRequest(.GET, "/api/v1/cases/\(caseID)", headers: .bearer(coordinator)))["history"]
                as? [[String: Any]] ?? []
            #expect(history.contains { $0["kind"] as? String == "elevated" && $0["to"] as? String == "hub" })
            #expect(
                history.contains {
                    $0["kind"] as? String == "regional-declined" && $0["note"] as? String == "A national matter: the NPC mediates"
                })

            // Terminated: nothing more is written for the hub, and the hub marks what it holds as ended.
            for app in [gh, hub] {
                let r = try await app.testing().sendRequest(
                    .POST, "/api/v1/federation/agreements/gh-hub-1/actions", headers: .admin, body: json(#"{"action":"terminate"}"#))
                #expect(r.status == .ok, "\(r.body.string)")
            }
            _ = try await Self.incident(gh, "internal", tokens: tokens)
            #expect(try await FederationStore(sql: gh.sql).figures().pending == 0)
            let held = try await FederationStore(sql: hub.sql).received()
            #expect(!held.isEmpty && held.allSatisfy { $0.agreementEndedOn != nil })
            // Kept for the agreement's 30 days of retention, then purged.
            #expect(try await hub.write { try await FederationStore(sql: $0).purge(on: DatePrecision.adding(30, to: Timestamp.today())) } == 0)
            #expect(
                try await hub.write { try await FederationStore(sql: $0).purge(on: DatePrecision.adding(31, to: Timestamp.today())) }
                    == held.count)
            #expect(try await FederationStore(sql: hub.sql).received().isEmpty)
            let status = try object(try await hub.testing().sendRequest(.GET, "/api/v1/federation/status", headers: .admin))
            #expect((status["figures"] as? [String: Any])?["quarantined"] as? Int == 2)
            await natsGH.close()
            await natsHub.close()
        }
    }

    /// A poison event: one whose taking up fails in the hub's store, whatever the try. The rest of its batch is applied;
    /// it comes back a few times, then waits in quarantine with the error instead of blocking the consumer forever.
    @Test(arguments: Engine.available)
    func anEventTheStoreKeepsRefusingIsQuarantinedAndHoldsNothingBack(engine: Engine) async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("gh")) { gh in
            try await TestInstallation.run(engine, settings: RegionalAlertTests.installation("hub", hub: true)) { hub in
                try await ReportTests.seed(gh)
                try await Self.agree(gh, hub)
                let (_, monitor) = try await TestInstallation.person(gh, "mon", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
                let (_, analyst) = try await TestInstallation.person(gh, "ana", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
                var ids: [String] = []
                for _ in 0..<3 { ids.append(try await Self.incident(gh, "internal", tokens: (monitor, analyst))) }
                let poison = try #require(try gh.federationIdentity).keys.pseudonym(ids[1], agreement: "gh-hub-1")
                switch engine {
                case .sqlite:
                    try await hub.sql.raw(
                        "CREATE TRIGGER poison BEFORE INSERT ON federation_records WHEN NEW.shared_id = '\(unsafeRaw: poison)' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"
                    ).run()
                case .postgres:
                    try await hub.sql.raw(
                        "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF NEW.shared_id = '\(unsafeRaw: poison)' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
                    ).run()
                    try await hub.sql.raw("CREATE TRIGGER poison BEFORE INSERT ON federation_records FOR EACH ROW EXECUTE FUNCTION poison()").run()
                }
                let nats = NATSConnection(.init(port: server.port, name: "both", reconnectWait: .milliseconds(100), connectTimeout: .seconds(30)))
                try await nats.connect()
                let ghLink = try Self.link(gh, nats)
                var hubLink = try Self.link(hub, nats)
                hubLink.retryDelay = .milliseconds(50)
                try await ghLink.prepare()
                try await hubLink.prepare()
                #expect(try await Self.acting(gh) { try await ghLink.publishPending() } == 3)
                let first = try await Self.acting(hub) { try await hubLink.receive(wait: .seconds(2)) }
                #expect(first.applied == 2 && first.quarantined == 0, "\(first)")
                var rounds = 1
                var quarantined = 0
                while quarantined == 0 && rounds < 40 {
                    quarantined = try await Self.acting(hub) { try await hubLink.receive(wait: .milliseconds(300)) }.quarantined
                    rounds += 1
                }
                #expect(quarantined == 1)
                let held = try await FederationStore(sql: hub.sql).quarantined()
                #expect(held.count == 1 && held[0].reason.hasPrefix("not taken up after 5 deliveries"), "\(held.map(\.reason))")
                #expect(Set(try await FederationStore(sql: hub.sql).received().map(\.sharedID)).count == 2)
                // Acknowledged once quarantined: it does not come back.
                let after = try await Self.acting(hub) { try await hubLink.receive(wait: .milliseconds(500)) }
                #expect(after.applied + after.quarantined + after.skipped == 0, "\(after)")
                await nats.close()
            }
        }
    }

    /// A batch applies each event once, twice in the same batch or again later; the newest event of a record stands,
    /// whichever order they come in.
    @Test(arguments: Engine.available)
    func aBatchAppliesEachEventOnceAndTheNewestStateStands(engine: Engine) async throws {
        try await TestInstallation.run(engine) { hub in
            func event(_ id: String, title: String, record: String = "p-1") -> FederationEvent {
                FederationEvent(
                    id: id, origin: "gh", agreement: "gh-hub-1", kind: FederationKind.shared, recordType: .incident, recordID: record, auditHash: "",
                    at: Timestamp.now(), country: "GHA", level: .district, payload: ["title": .string(title)])
            }
            let older = event("0193a0a0-0000-7000-8000-000000000001", title: "first")
            let newer = event("0193a0a0-0000-7000-8000-000000000002", title: "second")
            let other = event("0193a0a0-0000-7000-8000-000000000003", title: "other", record: "p-2")
            let first = try await hub.write { try await FederationStore(sql: $0).apply([newer, other, newer]) }
            #expect(first == [FederationStore.seen(newer), FederationStore.seen(other)])
            // The older one comes late: new as an event, but it does not overwrite the record's newer state.
            let late = try await hub.write { try await FederationStore(sql: $0).apply([older, newer]) }
            #expect(late == [FederationStore.seen(older)])
            let held = try await FederationStore(sql: hub.sql).received()
            #expect(held.count == 2)
            #expect(held.first { $0.sharedID == "p-1" }?.payload["title"] == .string("second"))
            #expect(try await hub.write { try await FederationStore(sql: $0).apply([]) }.isEmpty)
        }
    }
}

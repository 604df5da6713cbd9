import AgoraCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// An administrator's second try at a quarantined event: checked again against today's peers and agreements, applied
/// only if it now passes; a forged one stays refused whatever is tried; discarded, only the audit keeps it.
@Suite(.serialized) struct FederationQuarantineTests {
    @Test(arguments: Engine.available)
    func aReleasedEventIsCheckedAgainAndAppliedOnlyWhenItNowPasses(engine: Engine) async throws {
        try await FederationLinkTests.pair(engine) { gh, hub, tokens in
            _ = try await FederationLinkTests.incident(gh, "restricted", tokens: tokens)
            let sent = try #require(try await FederationStore(sql: gh.sql).pending(limit: 1).first)

            // The hub suspended the agreement: Ghana's event arrives and is refused.
            let api = try hub.testing()
            func act(_ action: String) async throws {
                let r = try await api.sendRequest(
                    .POST, "/api/v1/federation/agreements/gh-hub-1/actions", headers: .admin, body: json(#"{"action":"\#(action)"}"#))
                #expect(r.status == .ok, "\(r.body.string)")
            }
            try await act("suspend")
            let takeUp = FederationTakeUp(app: hub, me: "hub")
            func arrive(_ body: String) async throws -> FederationTakeUp.Outcome {
                let d = try await takeUp.check([(sent.subject, Array(body.utf8), "gh", sent.signature)])
                return try await FederationLinkTests.acting(hub) { try await hub.write { try await takeUp.handle(d, sql: $0) } }[0]
            }
            #expect(try await arrive(sent.body) == .quarantined)
            #expect(try await arrive(sent.body.replacingOccurrences(of: "restricted", with: "public")) == .quarantined)
            let held = try await FederationStore(sql: hub.sql).quarantined()
            #expect(held.count == 2 && held.allSatisfy(\.releasable))
            let suspended = try #require(held.first { !$0.reason.contains("signature") })
            let forged = try #require(held.first { $0.reason.contains("signature") })

            // Only the installation's administrators may release.
            let (_, hubAnalyst) = try await TestInstallation.person(hub, "reader", roles: [])
            let denied = try await api.sendRequest(.POST, "/api/v1/federation/quarantine/\(suspended.id)/release", headers: .bearer(hubAnalyst))
            #expect(denied.status == .forbidden)

            // Still suspended: refused again, kept, the try on the record.
            let early = try await api.sendRequest(.POST, "/api/v1/federation/quarantine/\(suspended.id)/release", headers: .admin)
            #expect(early.status == .conflict && early.body.string.contains("still refused"), "\(early.body.string)")
            #expect(try await FederationStore(sql: hub.sql).quarantined().count == 2)
            #expect(try await FederationStore(sql: hub.sql).received().isEmpty)

            // Resumed: the same event passes and is applied, with its provenance; gone from the quarantine.
            try await act("resume")
            let released = try await api.sendRequest(.POST, "/api/v1/federation/quarantine/\(suspended.id)/release", headers: .admin)
            #expect(released.status == .ok, "\(released.body.string)")
            #expect(try object(released)["outcome"] as? String == "applied")
            let received = try await FederationStore(sql: hub.sql).received()
            #expect(received.count == 1 && received.first?.origin == "gh" && received.first?.agreement == "gh-hub-1")
            #expect(
                try await api.sendRequest(.POST, "/api/v1/federation/quarantine/\(suspended.id)/release", headers: .admin).status == .notFound)
            let trail = try await AuditStore(sql: hub.sql).entries(recordType: "federation-quarantine", recordID: suspended.id)
            #expect(trail.map(\.action) == ["release-refused", "release"])

            // The forged copy fails the signature whatever the agreement's state: never applied.
            let again = try await api.sendRequest(.POST, "/api/v1/federation/quarantine/\(forged.id)/release", headers: .admin)
            #expect(again.status == .conflict && again.body.string.contains("signature"), "\(again.body.string)")
            #expect(try await FederationStore(sql: hub.sql).received().count == 1)

            // An event that came in again meanwhile: released, it is held once.
            #expect(try await arrive(sent.body) == .skipped)

            // Discarded from the operations page (the session's CSRF token): gone, the audit keeps its digest.
            let hash = try await Passwords.hash("an admin password", on: hub)
            _ = try await PeopleStore(sql: hub.sql).create(
                username: "root", displayName: "Root", passwordHash: hash, installationAdmin: true, actor: "test")
            let (cookie, csrf) = try await ReportFormTests.signIn(hub, "root", "an admin password")
            var h = HTTPHeaders()
            h.cookie = cookie
            h.contentType = .urlEncodedForm
            let page = try await api.sendRequest(.GET, "/admin/federation", headers: h)
            #expect(page.body.string.contains(SiteURL.quarantineAct(forged.id).path))
            let bad = try await api.sendRequest(
                .POST, SiteURL.quarantineAct(forged.id).path, headers: h, body: AccessTests.form(["_csrf": csrf, "do": "delete"]))
            #expect(bad.status == .seeOther && bad.headers.first(name: .location)?.contains("error=") == true)
            let gone = try await api.sendRequest(
                .POST, SiteURL.quarantineAct(forged.id).path, headers: h, body: AccessTests.form(["_csrf": csrf, "do": "discard"]))
            #expect(gone.headers.first(name: .location)?.contains("notice=quarantineDiscarded") == true, "\(gone.headers)")
            #expect(try await FederationStore(sql: hub.sql).quarantined().isEmpty)
            let discarded = try await AuditStore(sql: hub.sql).entries(recordType: "federation-quarantine", recordID: forged.id)
            #expect(discarded.map(\.action) == ["release-refused", "discard"])

            // Held before signatures were kept: it cannot be checked again, only discarded.
            try await hub.write {
                try await FederationStore(sql: $0).quarantine(
                    sender: "gh", subject: sent.subject, reason: "unknown installation 'gh'", body: Array(sent.body.utf8), signature: nil)
            }
            let old = try #require(try await FederationStore(sql: hub.sql).quarantined().first)
            #expect(!old.releasable)
            let refused = try await api.sendRequest(.POST, "/api/v1/federation/quarantine/\(old.id)/release", headers: .admin)
            #expect(refused.status == .conflict && refused.body.string.contains("discard it"))
            #expect(try await api.sendRequest(.DELETE, "/api/v1/federation/quarantine/\(old.id)", headers: .admin).status == .noContent)
            #expect(try await api.sendRequest(.DELETE, "/api/v1/federation/quarantine/\(old.id)", headers: .admin).status == .notFound)
        }
    }
}

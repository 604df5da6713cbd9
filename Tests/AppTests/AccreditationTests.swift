import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Accreditation over HTTP on both engines: identifiers checked against the register, applications through their
/// states, the accreditation's clock driven by the sweep with a fake today, permissions falling away at once on
/// suspension, and the public register.
@Suite struct AccreditationTests {
    static func send(_ t: any TestingApplicationTester, _ m: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await SubmissionTests.send(t, m, path, token, body)
    }
    static func o(_ r: TestingHTTPResponse) -> [String: Any] { (try? object(r)) ?? [:] }

    struct World {
        var liaison, keeper, admin, other: (id: String, token: String)
    }

    /// The demo's institutions, a small register, the National Peace Council's demo scheme.
    static func world(_ app: Application) async throws -> World {
        try await TestInstallation.demoInstitutions(app)
        try await app.write { tx in
            let store = AccreditationStore(sql: tx)
            try await store.replaceSchemes([
                OrgScheme(code: "GH-RGD", name: "Registrar General's Department", coverage: ["GH"]),
                OrgScheme(code: "GB-COH", name: "Companies House", coverage: ["GB"]),
                OrgScheme(code: "KE-RSO", name: "Registrar of Societies", coverage: ["KE"], deprecated: true),
            ])
            try await store.saveScheme(DemoAccreditation.scheme, actor: "test")
        }
        return World(
            liaison: try await TestInstallation.person(app, "liaison", roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)]),
            keeper: try await TestInstallation.person(app, "npc", roles: [RoleGrant(body: "GH-NPC", role: .coordinator)]),
            admin: try await TestInstallation.person(app, "root", admin: true),
            other: try await TestInstallation.person(app, "other", roles: [RoleGrant(body: "GH-DPC-TAMALE", role: .coordinator)]))
    }

    static let decision = #"{"organ":"National Peace Council","session":"2026 second session","consensus":true,"reasons":"All criteria met"}"#

    /// Applies for WANEP-Ghana and walks the application to a grant; returns the accreditation's id.
    static func grant(_ t: any TestingApplicationTester, _ w: World, category: String = "general") async throws -> String {
        let made = try await send(
            t, .POST, "/api/v1/accreditation/applications", w.liaison.token,
            #"{"body":"GH-NPC","organisation":"WANEP-GH","category":"\#(category)","statement":"Early warning in all regions"}"#)
        #expect(made.status == .created, "\(made.body.string)")
        let id = o(made)["id"] as! String
        let criteria = DemoAccreditation.scheme.category(category)!.criteria.map { #"{"criterion":"\#($0)","verdict":"met","evidence":"file"}"# }
        for step in [
            #"{"to":"completeness-check"}"#, #"{"to":"under-review"}"#,
            #"{"to":"recommended","assessments":[\#(criteria.joined(separator: ","))],"decision":\#(decision)}"#,
            #"{"to":"granted","decision":\#(decision)}"#,
        ] {
            let r = try await send(t, .POST, "/api/v1/accreditation/applications/\(id)/steps", w.keeper.token, step)
            #expect(r.status == .ok, "\(step): \(r.body.string)")
        }
        return try #require(o(try await send(t, .GET, "/api/v1/accreditation/applications/\(id)", w.liaison.token))["accreditation"] as? String)
    }

    @Test(arguments: Engine.available)
    func identifiersAreCheckedAgainstTheRegisterAndDuplicatesRefused(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let path = "/api/v1/organisations/WANEP-GH/identity"
            for (body, field) in [
                (#"{"identifiers":[{"scheme":"XY-NOPE","id":"1"}]}"#, "identifiers[0].scheme"),
                (#"{"identifiers":[{"scheme":"GB-COH","id":"123"}]}"#, "identifiers[0].id"),
                (#"{"identifiers":[{"scheme":"GH-RGD","id":"has space"}]}"#, "identifiers[0].id"),
                (
                    #"{"identifiers":[{"scheme":"GH-RGD","id":"CG1"}],"profile":{"areas":["NOWHERE"],"levels":[],"networks":[],"evidence":[]}}"#,
                    "profile.areas[0]"
                ),
            ] {
                let r = try await Self.send(t, .PUT, path, w.liaison.token, body)
                #expect(r.status == .unprocessableEntity && r.body.string.contains(field), "\(body): \(r.body.string)")
            }
            #expect(try await app.sql.select().column("id").from("organisation_identifiers").all().isEmpty)
            #expect(try await Self.send(t, .PUT, path, w.other.token, #"{"identifiers":[]}"#).status == .forbidden)
            let ok = try await Self.send(
                t, .PUT, path, w.liaison.token,
                #"{"identifiers":[{"scheme":"GH-RGD","id":"CG-0123"},{"scheme":"KE-RSO","id":"4411"}],"profile":{"areas":["GHA"],"levels":["national"],"networks":["WANEP"],"evidence":[]}}"#
            )
            #expect(ok.status == .ok && (Self.o(ok)["deprecated"] as? [String]) == ["KE-RSO-4411"], "\(ok.body.string)")
            // The same id, typed otherwise, for another organisation: refused, naming the holder.
            let dup = try await Self.send(
                t, .PUT, "/api/v1/organisations/CCG/identity", w.admin.token, #"{"identifiers":[{"scheme":"GH-RGD","id":"cg0123"}]}"#)
            #expect(dup.status == .unprocessableEntity && dup.body.string.contains("WANEP-GH"), "\(dup.body.string)")
            let byId = try array(try await Self.send(t, .GET, "/api/v1/organisations/duplicates?identifier=GH-RGD-CG0123", nil))
            #expect(byId.first?["organisation"] as? String == "WANEP-GH")
            let byName = try array(try await Self.send(t, .GET, "/api/v1/organisations/duplicates?name=Wanep%20Ghana", nil))
            #expect(byName.contains { $0["organisation"] as? String == "WANEP-GH" })
            // A scheme: the body from the path; one without a hearing period is refused and nothing changes.
            let scheme = "/api/v1/bodies/GH-RPC-UE/accreditation-scheme"
            #expect(try await Self.send(t, .GET, scheme, nil).status == .notFound)
            let noHearing = try await Self.send(
                t, .PUT, scheme, w.admin.token,
                #"{"name":"UE","categories":[{"code":"roster","name":"Roster","criteria":["Known"],"permissions":["submit"],"termYears":2}],"hearingDays":0}"#
            )
            #expect(noHearing.status == .unprocessableEntity && noHearing.body.string.contains("hearingDays"))
            let other = try await Self.send(t, .PUT, scheme, w.admin.token, #"{"body":"GH-NPC","name":"UE","categories":[]}"#)
            #expect(other.status == .unprocessableEntity && other.body.string.contains("body"))
            #expect(try await Self.send(t, .GET, scheme, nil).status == .notFound)
            #expect(try await Self.send(t, .PUT, scheme, w.liaison.token, #"{"name":"UE","categories":[]}"#).status == .forbidden)
            let saved = try await Self.send(
                t, .PUT, scheme, w.admin.token,
                #"{"name":"UE","categories":[{"code":"roster","name":"Roster","criteria":["Known"],"permissions":["submit"],"termYears":2}]}"#)
            #expect(saved.status == .ok && Self.o(saved)["hearingDays"] as? Int == 14, "\(saved.body.string)")
        }
    }

    @Test(arguments: Engine.available)
    func anApplicationIsQuestionedDecidedWithReasonsAndRefusedOnesWait(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let made = try await Self.send(
                t, .POST, "/api/v1/accreditation/applications", w.liaison.token,
                #"{"body":"GH-NPC","organisation":"WANEP-GH","category":"general","statement":"Early warning"}"#)
            let id = Self.o(made)["id"] as! String
            let steps = "/api/v1/accreditation/applications/\(id)/steps"
            #expect(try await Self.send(t, .GET, "/api/v1/accreditation/applications/\(id)", w.other.token).status == .notFound)
            #expect(try await Self.send(t, .POST, steps, w.liaison.token, #"{"to":"completeness-check"}"#).status == .forbidden)
            #expect(try await Self.send(t, .POST, steps, w.keeper.token, #"{"to":"completeness-check"}"#).status == .ok)
            let noQuestion = try await Self.send(t, .POST, steps, w.keeper.token, #"{"to":"questions"}"#)
            #expect(noQuestion.status == .unprocessableEntity && noQuestion.body.string.contains("note"))
            #expect(try await Self.send(t, .POST, steps, w.keeper.token, #"{"to":"questions","note":"Which regions?"}"#).status == .ok)
            #expect(try await Self.send(t, .POST, steps, w.keeper.token, #"{"to":"under-review","note":"x"}"#).status == .forbidden)
            #expect(try await Self.send(t, .POST, steps, w.liaison.token, #"{"to":"under-review","note":"All sixteen"}"#).status == .ok)
            // A decision needs its reasons; a recommendation every criterion met.
            let noReasons = try await Self.send(
                t, .POST, steps, w.keeper.token, #"{"to":"refused","decision":{"organ":"NPC","session":"s","consensus":true,"reasons":""}}"#)
            #expect(noReasons.status == .unprocessableEntity && noReasons.body.string.contains("decision.reasons"), "\(noReasons.body.string)")
            let unmet = try await Self.send(
                t, .POST, steps, w.keeper.token,
                #"{"to":"recommended","assessments":[{"criterion":"Registered in Ghana","verdict":"met"}],"decision":\#(Self.decision)}"#)
            #expect(unmet.status == .unprocessableEntity && unmet.body.string.contains("Publishes its accounts yearly"), "\(unmet.body.string)")
            let refused = try await Self.send(
                t, .POST, steps, w.keeper.token,
                #"{"to":"refused","decision":{"organ":"NPC","session":"2026 second","consensus":false,"votesFor":3,"votesAgainst":8,"reasons":"No accounts"}}"#
            )
            #expect(refused.status == .ok, "\(refused.body.string)")
            // Nothing more happens to a refused application; a new one waits the scheme's year.
            let grantRefused = try await Self.send(t, .POST, steps, w.keeper.token, #"{"to":"granted","decision":\#(Self.decision)}"#)
            #expect(grantRefused.status == .unprocessableEntity && grantRefused.body.string.contains("cannot become granted"))
            let again = try await Self.send(
                t, .POST, "/api/v1/accreditation/applications", w.liaison.token,
                #"{"body":"GH-NPC","organisation":"WANEP-GH","category":"roster","statement":"Again"}"#)
            #expect(again.status == .unprocessableEntity && again.body.string.contains("may apply again from"), "\(again.body.string)")
            #expect(try await app.sql.select().column("id").from("accreditations").all().isEmpty)
            let history =
                Self.o(try await Self.send(t, .GET, "/api/v1/accreditation/applications/\(id)", w.liaison.token))["history"] as! [[String: Any]]
            #expect(history.map { $0["kind"] as? String } == ["submitted", "completeness-check", "questions", "under-review", "refused"])
        }
    }

    @Test(arguments: Engine.available)
    func theClockRemindsSuspendsAndPermissionsFallAwayAtOnce(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let acc = try await Self.grant(t, w)
            let paper = #"{"kind":"position-paper","title":"Seats","summary":"s","area":"GHA","topic":"dialogue","asks":["a"]}"#
            let first = try await Self.send(t, .POST, "/api/v1/submissions", w.liaison.token, paper)
            #expect(first.status == .created, "\(first.body.string)")
            let actions = "/api/v1/accreditations/\(acc)/actions"
            let today = String(Timestamp.now().prefix(10))
            let day = { (n: Int) in CivilDate.text((CivilDate.parse(today) ?? 0) + n) }
            // An obligation due in the past is refused; one due in 60 days is reminded at 60, 30 and 7.
            let past = try await Self.send(
                t, .POST, actions, w.keeper.token, #"{"action":"add-obligation","obligationKind":"report","dueOn":"2020-01-01","everyMonths":12}"#)
            #expect(past.status == .unprocessableEntity && past.body.string.contains("dueOn"))
            let added = try await Self.send(
                t, .POST, actions, w.keeper.token, #"{"action":"add-obligation","obligationKind":"report","dueOn":"\#(day(60))","everyMonths":12}"#)
            #expect(added.status == .ok, "\(added.body.string)")
            let sweep = AccreditationSweep(app: app)
            #expect(try await sweep.sweep(today: day(0)).map(\.action) == [.remind(obligation: 2, daysBefore: 60)])
            #expect(try await sweep.sweep(today: day(1)).isEmpty)
            #expect(try await sweep.sweep(today: day(31)).map(\.action) == [.remind(obligation: 2, daysBefore: 30)])
            #expect(try await sweep.sweep(today: day(55)).map(\.action) == [.remind(obligation: 2, daysBefore: 7)])
            #expect(try await sweep.sweep(today: day(90)).isEmpty)  // within the 30 days' grace
            let own = Self.o(try await Self.send(t, .GET, "/api/v1/accreditations/\(acc)", w.liaison.token))["history"] as! [[String: Any]]
            #expect(own.filter { $0["kind"] as? String == "reminder" }.count == 3)  // the organisation sees its reminders
            // Missed past the grace: suspended, publicly, and the liaison can no longer submit.
            #expect(try await sweep.sweep(today: day(91)).map(\.action) == [.suspendForMissed(obligation: 2)])
            let refused = try await Self.send(t, .POST, "/api/v1/submissions", w.liaison.token, paper)
            #expect(refused.status == .forbidden && refused.body.string.contains("suspended"), "\(refused.body.string)")
            let publicView = Self.o(try await Self.send(t, .GET, "/api/v1/accreditations/\(acc)", nil))
            #expect(publicView["status"] as? String == "suspended")
            let kinds = (publicView["history"] as! [[String: Any]]).map { $0["kind"] as! String }
            #expect(kinds.contains("suspended-automatically") && !kinds.contains("reminder"))
            // Met late: the next sweep reinstates it, and submitting works again.
            let fulfil = try await Self.send(t, .POST, actions, w.liaison.token, #"{"action":"fulfil","obligation":2,"note":"Sent by post"}"#)
            #expect(fulfil.status == .ok, "\(fulfil.body.string)")
            #expect(try await sweep.sweep(today: day(92)).map(\.action) == [.reinstate])
            #expect(try await Self.send(t, .POST, "/api/v1/submissions", w.liaison.token, paper).status == .created)

            // A suspension needs a hearing first: a reply day far enough away.
            let noHearing = try await Self.send(
                t, .POST, actions, w.keeper.token, #"{"action":"propose-suspension","note":"Misused the council's name","suspendDays":90}"#)
            #expect(noHearing.status == .unprocessableEntity && noHearing.body.string.contains("replyBy"), "\(noHearing.body.string)")
            let tooSoon = try await Self.send(
                t, .POST, actions, w.keeper.token,
                #"{"action":"propose-suspension","note":"Misused the name","replyBy":"\#(day(3))","suspendDays":90}"#)
            #expect(tooSoon.status == .unprocessableEntity && tooSoon.body.string.contains("14 days"))
            let proposed = try await Self.send(
                t, .POST, actions, w.keeper.token,
                #"{"action":"propose-suspension","note":"Misused the name","replyBy":"\#(day(14))","suspendDays":90}"#)
            #expect(proposed.status == .ok && Self.o(proposed)["status"] as? String == "hearing", "\(proposed.body.string)")
            #expect(try await Self.send(t, .POST, actions, w.liaison.token, #"{"action":"reply","note":"It was a partner's leaflet"}"#).status == .ok)
            #expect(try await Self.send(t, .POST, "/api/v1/submissions", w.liaison.token, paper).status == .created)  // heard, not yet suspended
            #expect(try await sweep.sweep(today: day(15)).map(\.action) == [.suspendAfterHearing])
            #expect(try await Self.send(t, .POST, "/api/v1/submissions", w.liaison.token, paper).status == .forbidden)
            #expect(try await sweep.sweep(today: day(15 + 91)).map(\.action) == [.reinstate])
            let audit = try await app.sql.select().column("action").from("audit_log").where("record_type", .equal, "accreditation").all()
                .map { try $0.decode(column: "action", as: String.self) }
            #expect(audit.contains("suspended-automatically") && audit.contains("suspended") && audit.contains("reinstated"), "\(audit)")
        }
    }

    @Test(arguments: Engine.available)
    func theRegisterIsPublicAsCSVAndHXL(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            _ = try await Self.grant(t, w)
            let json = try array(try await Self.send(t, .GET, "/api/v1/accreditations?body=GH-NPC", nil))
            #expect(json.count == 1 && json[0]["organisationName"] as? String == "WANEP-Ghana" && json[0]["status"] as? String == "active")
            let csv = try await t.sendRequest(.GET, "/api/v1/accreditations.csv")
            #expect(csv.status == .ok && csv.body.string.hasPrefix("\"body\",\"organisation\""))
            #expect(csv.body.string.contains("\"WANEP-Ghana\""))
            let hxl = try await t.sendRequest(.GET, "/api/v1/accreditations.hxl.csv")
            let lines = hxl.body.string.split(separator: "\r\n")
            #expect(lines.count == 3 && lines[1].contains("#org+code") && lines[1].contains("#date+end"), "\(hxl.body.string)")
            // A complaint: the complainant never shown; the outcome public.
            let acc = json[0]["id"] as! String
            let c = try await Self.send(t, .POST, "/api/v1/accreditations/\(acc)/complaints", w.other.token, #"{"text":"Took sides at the market"}"#)
            #expect(c.status == .created)
            #expect(try await Self.send(t, .GET, "/api/v1/accreditations/\(acc)/complaints", w.other.token).status == .forbidden)
            let cid = try array(try await Self.send(t, .GET, "/api/v1/accreditations/\(acc)/complaints", w.keeper.token)).first?["id"] as! String
            #expect(
                try await Self.send(
                    t, .POST, "/api/v1/accreditation/complaints/\(cid)/decision", w.keeper.token, #"{"upheld":false,"outcome":"No evidence of it"}"#
                ).status == .noContent)
            let seen = try await Self.send(t, .GET, "/api/v1/accreditations/\(acc)", nil)
            #expect(seen.body.string.contains("No evidence of it") && !seen.body.string.contains("other") && !seen.body.string.contains("Took sides"))
            // A nomination to a seat: the body's composition follows.
            let n = try await Self.send(
                t, .POST, "/api/v1/nominations", w.liaison.token,
                #"{"organisation":"WANEP-GH","body":"GH-NPC","name":"A. Member","categories":["cso","women"]}"#)
            #expect(n.status == .created, "\(n.body.string)")
            let before = Self.o(try await Self.send(t, .GET, "/api/v1/bodies/GH-NPC", nil))["memberCount"] as? Int ?? -1
            #expect(
                try await Self.send(t, .POST, "/api/v1/nominations/\(Self.o(n)["id"] as! String)/decision", w.keeper.token, #"{"accept":true}"#)
                    .status == .noContent)
            let after = Self.o(try await Self.send(t, .GET, "/api/v1/bodies/GH-NPC", nil))["memberCount"] as? Int ?? -1
            #expect(after == before + 1)
        }
    }

    @Test func theSharedRegisterReadsWhole() throws {
        guard let file = TestInstallation.sharedData?.appendingPathComponent("organisations/orgid_lists.json"), let data = try? Data(contentsOf: file)
        else {
            print("skipped: ../shared/data/organisations/orgid_lists.json is absent")
            return
        }
        let schemes = try OrgSchemeFile.read(data, file: file.path)
        #expect(schemes.count == 823)
        #expect(schemes.contains { $0.code == "GH-RGD" } && schemes.first { $0.code == "KE-RSO" }?.deprecated == true)
        #expect(throws: (any Error).self) { try OrgSchemeFile.read(Data(#"{"lists":[{"code":"bad"}]}"#.utf8), file: "x") }
    }
}

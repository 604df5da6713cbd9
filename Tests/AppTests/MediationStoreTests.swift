import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Mediation and agreements through the API on both engines: a response case's mediation action opens a mediation,
/// who reads which note, the state machine, an agreement with its tree, scores with evidence and a second reviewer,
/// roll-ups, the stall rule, a substantiated violation that raises the area's risk, and the PA-X import.
@Suite struct MediationStoreTests {
    static func send(_ t: any TestingApplicationTester, _ m: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await t.sendRequest(m, path, headers: token.map { .bearer($0) } ?? ["Content-Type": "application/json"], body: body.map(json))
    }

    @Test(arguments: Engine.available)
    func aMediationFromAResponseCaseToAScoredAgreement(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let mediator = try await TestInstallation.person(app, "mediator", roles: [RoleGrant(body: "GH-RPC-UE", role: .coordinator)])
            let reviewer = try await TestInstallation.person(app, "reviewer", roles: [RoleGrant(body: "GH-RPC-UE", role: .analyst)])
            let party = try await TestInstallation.person(app, "party", roles: [])
            let member = try await TestInstallation.person(app, "member", roles: [RoleGrant(body: "GH-RPC-UE", role: .responder)])
            let outsider = try await TestInstallation.person(app, "outsider", roles: [RoleGrant(body: "GH-DPC-TAMALE", role: .coordinator)])
            let t = try app.testing()
            let bad = try await Self.send(
                t, .POST, "/api/v1/mediations", mediator.token,
                #"{"title":"Bawku","body":"GH-RPC-UE","track":"3","mode":"mediation","topic":"chieftaincy","areas":["GH1201"],"parties":[{"name":"Kusasi elders","kind":"group","role":"party","consent":"pending"}],"mediators":[{"name":"Kusasi Elders","declaration":"none","declaredAt":"2026-01-01"}]}"#
            )
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("mediators[0]"), "\(bad.body.string)")
            #expect(
                try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("mediation_cases").first()?.decode(
                    column: "n", as: Int.self) == 0)
            let unknown = try await Self.send(
                t, .POST, "/api/v1/mediations", mediator.token,
                #"{"title":"Bawku","body":"GH-RPC-UE","track":"3","mode":"mediation","topic":"x","areas":["GH1201"],"parties":[],"colour":"red"}"#)
            #expect(unknown.status == .badRequest || unknown.status == .unprocessableEntity)

            let open = try await Self.send(
                t, .POST, "/api/v1/mediations", mediator.token,
                #"{"title":"Bawku chieftaincy","body":"GH-RPC-UE","track":"3","mode":"mediation","topic":"chieftaincy","areas":["GH1201"],"parties":[{"name":"Kusasi elders","kind":"person","ref":"\#(party.id)","role":"party","consent":"given"},{"name":"Mamprusi elders","kind":"group","role":"party","consent":"pending"}],"mediators":[{"name":"Rev. Mensah","person":"\#(mediator.id)","declaration":"No ties to either side","declaredAt":"2026-01-10"}]}"#
            )
            #expect(open.status == .created, "\(open.body.string)")
            let id = try object(open)["id"] as! String
            // Confidential: the outsider does not even see it exists; the public neither.
            #expect(try await Self.send(t, .GET, "/api/v1/mediations/\(id)", outsider.token).status == .notFound)
            #expect(try await Self.send(t, .GET, "/api/v1/mediations/\(id)", nil).status == .notFound)

            // Talks need the Mamprusi side's consent.
            for (to, status) in [("consent-pending", HTTPStatus.ok), ("pre-negotiation", .unprocessableEntity)] {
                let r = try await Self.send(t, .POST, "/api/v1/mediations/\(id)/transition", mediator.token, #"{"to":"\#(to)","reason":"step"}"#)
                #expect(r.status == status, "\(to): \(r.body.string)")
            }
            let table = try await Self.send(
                t, .PUT, "/api/v1/mediations/\(id)/table", mediator.token,
                #"{"parties":[{"name":"Kusasi elders","kind":"person","ref":"\#(party.id)","role":"party","consent":"given"},{"name":"Mamprusi elders","kind":"group","role":"party","consent":"given"}],"mediators":[{"name":"Rev. Mensah","person":"\#(mediator.id)","declaration":"No ties to either side","declaredAt":"2026-01-10"}]}"#
            )
            #expect(table.status == .ok, "\(table.body.string)")
            for to in ["pre-negotiation", "negotiation"] {
                let r = try await Self.send(
                    t, .POST, "/api/v1/mediations/\(id)/transition", mediator.token, #"{"to":"\#(to)","reason":"both agreed"}"#)
                #expect(r.status == .ok, "\(r.body.string)")
            }

            // A session: before the case is refused; then one with a note at each visibility.
            let early = try await Self.send(
                t, .POST, "/api/v1/mediations/\(id)/sessions", mediator.token, #"{"date":"2001-01-01","area":"GH1201","format":"joint"}"#)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("date"))
            let today = String(Timestamp.now().prefix(10))
            let s = try await Self.send(
                t, .POST, "/api/v1/mediations/\(id)/sessions", mediator.token,
                #"{"date":"\#(today)","area":"GH1201","format":"caucus","attendance":[{"category":"elders","women":2,"men":8,"youth":1}],"notes":[{"text":"MEDIATORS-ONLY","visibility":"mediators-only"},{"text":"FOR-PARTIES","visibility":"parties"},{"text":"FOR-BODY","visibility":"body"},{"text":"FOR-PUBLIC","visibility":"public"}],"outcomes":[],"nextSteps":[{"action":"site visit","owner":"Rev. Mensah","due":"\#(today)"}]}"#
            )
            #expect(s.status == .created, "\(s.body.string)")
            let asMediator = try await Self.send(t, .GET, "/api/v1/mediations/\(id)", mediator.token).body.string
            let asParty = try await Self.send(t, .GET, "/api/v1/mediations/\(id)", party.token).body.string
            let asMember = try await Self.send(t, .GET, "/api/v1/mediations/\(id)", member.token).body.string
            #expect(asMediator.contains("MEDIATORS-ONLY") && asMediator.contains("FOR-PUBLIC"), "\(asMediator.prefix(600))")
            #expect(!asParty.contains("MEDIATORS-ONLY") && asParty.contains("FOR-PARTIES") && asParty.contains("FOR-BODY"))
            #expect(!asMember.contains("MEDIATORS-ONLY") && !asMember.contains("FOR-PARTIES") && asMember.contains("FOR-BODY"))
            // Documents carry their own visibility too; one the mediator cannot read is refused, naming it.
            let doc = try await Self.send(
                t, .POST, "/api/v1/documents", mediator.token, #"{"title":"Draft accord","body":"GH-RPC-UE","classification":"internal"}"#)
            let docID = try object(doc)["id"] as! String
            let withDocs = try await Self.send(
                t, .POST, "/api/v1/mediations/\(id)/sessions", mediator.token,
                #"{"date":"\#(today)","area":"GH1201","format":"shuttle","documents":[{"document":"\#(docID)","visibility":"parties"},{"document":"\#(docID)","visibility":"mediators-only"}]}"#
            )
            #expect(withDocs.status == .created, "\(withDocs.body.string)")
            let missing = try await Self.send(
                t, .POST, "/api/v1/mediations/\(id)/sessions", mediator.token,
                #"{"date":"\#(today)","area":"GH1201","format":"shuttle","documents":[{"document":"nope","visibility":"parties"}]}"#)
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("documents[0].document"))
            func documents(_ token: String) async throws -> [String] {
                let sessions = try object(try await Self.send(t, .GET, "/api/v1/mediations/\(id)", token))["sessions"] as! [[String: Any]]
                return sessions.flatMap { (($0["session"] as! [String: Any])["documents"] as! [[String: Any]]).map { $0["visibility"] as! String } }
            }
            #expect(try await documents(mediator.token).sorted() == ["mediators-only", "parties"])
            #expect(try await documents(party.token) == ["parties"])
            #expect(try await documents(member.token).isEmpty)
            // Every read of the confidential sessions is on the audit trail.
            let reads = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
                .where("action", .equal, "read").where("record_type", .equal, "mediation-session").first()?.decode(column: "n", as: Int.self)
            #expect(reads == 6)

            // No agreement yet: the case cannot reach `agreement`.
            #expect(
                try await Self.send(t, .POST, "/api/v1/mediations/\(id)/transition", mediator.token, #"{"to":"agreement","reason":"signed"}"#).status
                    == .unprocessableEntity)
            let cyc = try await Self.send(
                t, .POST, "/api/v1/agreements", mediator.token,
                #"{"agreement":{"title":"Bawku accord","date":"2026-01-20","status":"Multiparty signed/agreed","stage":"SubComp","parties":"Kusasi elders; Mamprusi elders","thirdParties":"","country":"Ghana","region":"Africa (excl MENA)","text":"…","signatories":[],"themes":[]},"body":"GH-RPC-UE","caseId":"\#(id)","stipulations":[{"code":"1","theme":"Security","subTheme":"","text":"a","responsible":[{"kind":"party","name":"Kusasi elders"}],"dependsOn":["1"],"verification":"v","weight":1}]}"#
            )
            #expect(cyc.status == .unprocessableEntity && cyc.body.string.contains("dependsOn"), "\(cyc.body.string)")
            let agr = try await Self.send(
                t, .POST, "/api/v1/agreements", mediator.token,
                #"{"agreement":{"title":"Bawku accord","date":"2026-01-20","status":"Multiparty signed/agreed","stage":"SubComp","parties":"Kusasi elders; Mamprusi elders","thirdParties":"","country":"Ghana","region":"Africa (excl MENA)","text":"…","signatories":[],"themes":[]},"body":"GH-RPC-UE","caseId":"\#(id)","stipulations":[{"code":"1","theme":"Security","subTheme":"","text":"Withdraw armed youth","responsible":[{"kind":"party","name":"Kusasi elders"}],"due":"2026-02-28","dependsOn":[],"verification":"patrol report","weight":1},{"code":"2","theme":"Land","subTheme":"","text":"Survey the farms","responsible":[{"kind":"body","name":"Lands Commission"}],"dependsOn":[],"verification":"map","weight":2}]}"#
            )
            #expect(agr.status == .created, "\(agr.body.string)")
            let aid = try object(agr)["id"] as! String
            #expect(
                try await Self.send(t, .POST, "/api/v1/mediations/\(id)/transition", mediator.token, #"{"to":"agreement","reason":"signed"}"#).status
                    == .ok)

            // A score: without evidence it is stored, not published; the scorer cannot review it; a second reviewer publishes it.
            let month = String(today.prefix(7))
            let s1 = try await Self.send(
                t, .POST, "/api/v1/agreements/\(aid)/scores", mediator.token, #"{"stipulation":"2","period":"\#(month)","score":2}"#)
            #expect(s1.status == .created, "\(s1.body.string)")
            let sid1 = try object(s1)["id"] as! String
            let noEvidence = try await Self.send(t, .POST, "/api/v1/agreements/\(aid)/scores/\(sid1)/review", reviewer.token, #"{"score":2}"#)
            #expect(noEvidence.status == .unprocessableEntity && noEvidence.body.string.contains("evidence"))
            let s2 = try await Self.send(
                t, .POST, "/api/v1/agreements/\(aid)/scores", mediator.token,
                #"{"stipulation":"1","period":"\#(month)","score":3,"evidence":[{"kind":"link","ref":"https://example.org/patrol","note":"patrol log"}]}"#
            )
            let sid2 = try object(s2)["id"] as! String
            #expect(
                try await Self.send(t, .POST, "/api/v1/agreements/\(aid)/scores/\(sid2)/review", mediator.token, #"{"score":3}"#).status
                    == .unprocessableEntity)
            let pub = try await Self.send(t, .POST, "/api/v1/agreements/\(aid)/scores/\(sid2)/review", reviewer.token, #"{"score":2}"#)
            #expect(pub.status == .ok, "\(pub.body.string)")
            let file = try object(try await Self.send(t, .GET, "/api/v1/agreements/\(aid)", member.token))
            // Published: stipulation 1 at 2 (the reviewer's reading); 2 not yet. Agreement: (1 × 2/3 + 2 × 0) / 3 = 2/9.
            let rollup = file["rollup"] as! [String: Any]
            #expect(abs((rollup["agreement"] as! Double) - 2.0 / 9) < 1e-9)
            let reviewers = file["reviewers"] as! [String: Any]
            #expect(reviewers["agreed"] as? Int == 0 && reviewers["reviewed"] as? Int == 1)
            // Restricted to the council until published: the public and the outsider do not see it.
            #expect(try await Self.send(t, .GET, "/api/v1/agreements/\(aid)", nil).status == .notFound)
            #expect(try await Self.send(t, .POST, "/api/v1/agreements/\(aid)/publish", mediator.token).status == .ok)
            let publicFile = try await Self.send(t, .GET, "/api/v1/agreements/\(aid)", nil).body.string
            #expect(publicFile.contains("Bawku accord") && !publicFile.contains(mediator.id))
            let csv = try await Self.send(t, .GET, "/api/v1/agreements/\(aid)/export.csv", nil).body.string
            #expect(csv.hasPrefix("agreement,stipulation,theme,period,score,evidence") && csv.contains("link:https://example.org/patrol"))

            // A substantiated violation, published, weighs in Bawku's risk.
            let before = try object(try await Self.send(t, .GET, "/api/v1/risk/areas/GH1201", member.token))["score"] as! [String: Any]
            let v = try await Self.send(
                t, .POST, "/api/v1/agreements/\(aid)/violations", party.token,
                #"{"source":"party","allegedParty":"Mamprusi elders","occurredOn":"\#(today)","area":"GH1201","description":"Armed youth returned to the market","stipulation":"1"}"#
            )
            #expect(v.status == .created, "\(v.body.string)")
            let vid = try object(v)["id"] as! String
            for step in [
                #"{"to":"preliminary-check","note":"called the patrol"}"#, #"{"to":"investigation","note":"site visit","team":["Rev. Mensah"]}"#,
                #"{"to":"finding","note":"seen by patrol","finding":"substantiated","party":"Mamprusi elders","stipulation":"1"}"#,
                #"{"to":"published","note":"published"}"#,
            ] {
                let r = try await Self.send(t, .POST, "/api/v1/agreements/\(aid)/violations/\(vid)/steps", mediator.token, step)
                #expect(r.status == .ok, "\(step): \(r.body.string)")
            }
            let after = try object(try await Self.send(t, .GET, "/api/v1/risk/areas/GH1201", member.token))["score"] as! [String: Any]
            #expect((after["pressure"] as? Double ?? 0) > (before["pressure"] as? Double ?? 0), "\(before) → \(after)")
        }
    }

    @Test(arguments: Engine.available)
    func aResponseCasesMediationActionOpensALinkedCaseThatStallsBackIntoIt(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let tok = try await ResponseTests.world(app)
            let t = try app.testing()
            let today = ResponseTests.today()
            let rep = try await ResponseTests.send(
                t, .POST, "/api/v1/reports", tok["monitor"]!,
                #"{"area":"GH1201","occurredOn":"\#(today)","description":"Chieftaincy clash","indicators":["GR04","CS05"],"harm":{"fatalities":2}}"#)
            let rid = try object(rep)["id"] as! String
            _ = try await ResponseTests.send(t, .POST, "/api/v1/reports/\(rid)/verify", tok["npc"]!, "{}")
            let proposals =
                try object(try await ResponseTests.send(t, .GET, "/api/v1/alerts?state=proposed&area=GH1201", tok["npc"]!))["items"]
                as! [[String: Any]]
            let aid = try #require(proposals.first?["id"] as? String)
            let issued = try await ResponseTests.send(
                t, .POST, "/api/v1/alerts/\(aid)/issue", tok["npc"]!, #"{"instruction":"Mediate","classification":"restricted","severity":"Severe"}"#)
            let caseID = try #require(try object(issued)["responseCase"] as? String)
            let body =
                #"{"title":"Bawku","body":"GH-DPC-BAWKU","track":"3","mode":"mediation","topic":"chieftaincy","areas":["GH1201"],"parties":[{"name":"A","kind":"group","role":"party","consent":"given"}],"responseCase":"\#(caseID)"}"#
            // Only from a case that plans a mediation.
            let early = try await ResponseTests.send(t, .POST, "/api/v1/mediations", tok["responder"]!, body)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("responseCase"), "\(early.body.string)")
            let due = Timestamp.format(Date().addingTimeInterval(86400 * 3))
            let plan = try await ResponseTests.send(
                t, .POST, "/api/v1/cases/\(caseID)/actions", tok["responder"]!,
                #"{"kind":"mediation","description":"Mediate between the two councils","responsible":"council chair","due":"\#(due)"}"#)
            #expect(plan.status == .created || plan.status == .ok, "\(plan.body.string)")
            let opened = try await ResponseTests.send(t, .POST, "/api/v1/mediations", tok["responder"]!, body)
            #expect(opened.status == .created, "\(opened.body.string)")
            let mid = try object(opened)["id"] as! String
            #expect(try object(opened)["responseCase"] as? String == caseID)
            // The response case says so in its history.
            let history =
                try object(try await ResponseTests.send(t, .GET, "/api/v1/cases/\(caseID)", tok["responder"]!))["history"] as! [[String: Any]]
            #expect(history.contains { $0["kind"] as? String == "mediation" && ($0["note"] as? String ?? "").contains(mid) })
            // An agreement from it stalls: the response case gets a follow-up action.
            try await app.write { tx in
                let a = try await AgreementStore(sql: tx).create(
                    AgreementDraft(title: "Accord", date: today, parties: "A", country: "Ghana"), body: "GH-DPC-BAWKU", caseID: mid,
                    classification: .public,
                    actor: "test")
                try await AgreementStore(sql: tx).setStipulations(
                    a,
                    [
                        Stipulation(
                            code: "1", theme: "Peace", text: "Stop", responsible: [ResponsibleActor(kind: .party, name: "A")], due: today,
                            verification: "v")
                    ],
                    actor: "test")
            }
            let tomorrow = String(Timestamp.format(Date().addingTimeInterval(86400)).prefix(10))
            #expect(try await StallSweep(app: app).sweep(today: tomorrow).count == 1)
            let actions =
                try object(try await ResponseTests.send(t, .GET, "/api/v1/cases/\(caseID)", tok["responder"]!))["actions"] as! [[String: Any]]
            #expect(actions.contains { ($0["description"] as? String ?? "").hasPrefix("Follow up stalled commitments") })
        }
    }

    static func takeAnonymousReports(_ s: inout AgoraSettings) { s.anonymousReports = true }

    @Test(arguments: Engine.available)
    func thePublicAllegesAViolationWhereTheInstallationTakesAnonymousReports(engine: Engine) async throws {
        try await TestInstallation.run(engine, settings: Self.takeAnonymousReports) { app in
            try await TestInstallation.demoInstitutions(app)
            let (open, closed) = try await app.write { tx -> (String, String) in
                let store = AgreementStore(sql: tx)
                let draft = AgreementDraft(title: "Accord", date: "2026-01-05", parties: "A; B", country: "Ghana")
                return (
                    try await store.create(draft, body: "GH-RPC-UE", caseID: nil, classification: .public, actor: "test"),
                    try await store.create(draft, body: "GH-RPC-UE", caseID: nil, classification: .restricted, actor: "test")
                )
            }
            let t = try app.testing()
            let today = String(Timestamp.now().prefix(10))
            let body = #"{"source":"patrol","occurredOn":"\#(today)","area":"GH1201","description":"Shots at the market"}"#
            let made = try await Self.send(t, .POST, "/api/v1/agreements/\(open)/violations", nil, body)
            #expect(made.status == .created, "\(made.body.string)")
            #expect(try object(made)["source"] as? String == "public")  // whatever it claims, an anonymous allegation is the public's
            #expect(try await Self.send(t, .POST, "/api/v1/agreements/\(closed)/violations", nil, body).status == .notFound)
            // Unpublished allegations stay with the body.
            #expect(!(try await Self.send(t, .GET, "/api/v1/agreements/\(open)", nil).body.string.contains("Shots at the market")))
        }
    }

    @Test(arguments: Engine.available)
    func theStallRuleFlagsOnceAndFollowsUpOnTheResponseCase(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let id = try await app.write { tx -> String in
                let m = try await MediationStore(sql: tx).create(
                    MediationDraft(
                        title: "Grazing", body: "GH-RPC-UE", track: .two, mode: .dialogue, topic: "grazing", areas: ["GH1201"],
                        parties: [MediationParty(name: "A", kind: .group, role: .party)]), classification: .confidential, responseCase: nil,
                    actor: "test")
                let a = try await AgreementStore(sql: tx).create(
                    AgreementDraft(title: "Grazing accord", date: "2026-01-05", parties: "A; B", country: "Ghana"), body: "GH-RPC-UE", caseID: m,
                    classification: .public, actor: "test")
                try await AgreementStore(sql: tx).setStipulations(
                    a,
                    [
                        Stipulation(
                            code: "1", theme: "Land", text: "Open the corridor", responsible: [ResponsibleActor(kind: .party, name: "A")],
                            due: "2026-03-01", verification: "visit"),
                        Stipulation(
                            code: "2", theme: "Land", text: "Water points", responsible: [ResponsibleActor(kind: .party, name: "A")],
                            verification: "visit"),
                    ], actor: "test")
                return a
            }
            // On 2026-02-10 nothing is due and three months have not passed; on 2026-05-10 both stall; then not again.
            #expect(try await StallSweep(app: app).sweep(today: "2026-02-10").isEmpty)
            let stalls = try await StallSweep(app: app).sweep(today: "2026-05-10")
            #expect(stalls.map(\.stall.stipulation).sorted() == ["1", "2"] && stalls.allSatisfy { $0.agreement == id })
            #expect(Set(stalls.map(\.stall.reason)) == [.overdue, .noProgress])
            #expect(try await StallSweep(app: app).sweep(today: "2026-05-11").isEmpty)
            let events = try await app.sql.select().column("kind").from("mediation_events").where("kind", .equal, "stall").all()
            #expect(events.count == 1)
            // No response case follows this mediation: the body that keeps the agreement gets one alert proposal.
            let proposals = try await app.sql.select().columns("body_code", "headline", "state").from("alerts").all()
            #expect(proposals.count == 1)
            #expect(try proposals.first?.decode(column: "body_code", as: String.self) == "GH-RPC-UE")
            #expect(try proposals.first?.decode(column: "state", as: String.self) == "proposed")
            #expect(try proposals.first?.decode(column: "headline", as: String.self) == "Commitments of Grazing accord have stalled")
        }
    }

    @Test(arguments: Engine.available)
    func theWholePAXFileImportsAndAgain(engine: Engine) async throws {
        guard let dir = TestInstallation.sharedData else {
            print("skipped: ../shared/data is absent")
            return
        }
        let url = dir.appendingPathComponent("agreements/pax_all_agreements_data.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            print("skipped: \(url.path) is absent")
            return
        }
        try await TestInstallation.run(engine) { app in
            let rows = try PAX.read(text)
            let first = try await app.write { try await AgreementStore(sql: $0).importPAX(rows, actor: "test") }
            let again = try await app.write { try await AgreementStore(sql: $0).importPAX(rows, actor: "test") }
            #expect(first.0 == rows.count && first.1 == 0)
            #expect(again.0 == 0 && again.1 == rows.count)
            let n = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("agreements").first()?
                .decode(column: "n", as: Int.self)
            #expect(n == 1868)
            let t = try app.testing()
            let list = try object(try await Self.send(t, .GET, "/api/v1/agreements?country=kenya&limit=100", nil))["items"] as! [[String: Any]]
            #expect(list.count >= 10 && list.allSatisfy { ($0["country"] as? String ?? "").lowercased().contains("kenya") })
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Submissions through the API on both engines: routing by competence, the clock with the store's holidays, the
/// sweep's flags and escalation, clarification pausing the clock, answers held and published in a batch, protected
/// submitters, and public figures that count a confidential submission without showing it.
@Suite struct SubmissionTests {
    static func send(_ t: any TestingApplicationTester, _ m: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws
        -> TestingHTTPResponse
    {
        var anonymous = HTTPHeaders()
        anonymous.contentType = .json
        return try await t.sendRequest(m, path, headers: token.map { .bearer($0) } ?? anonymous, body: body.map(json))
    }

    @Test(arguments: Engine.available)
    func aSubmissionIsRoutedClockedAnsweredAndCounted(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let cso = try await TestInstallation.person(app, "cso", roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)])
            let coordinator = try await TestInstallation.person(app, "coord", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .coordinator)])
            let responder = try await TestInstallation.person(app, "resp", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .responder)])
            let t = try app.testing()
            // Ghana's Christmas; the holidays come from the store, editable.
            try await app.write {
                try await HolidayStore(sql: $0).upsert(
                    [("GH", "2025-12-25", "Christmas"), ("GH", "2025-12-26", "Boxing Day"), ("GH", "2026-01-01", "New Year")], actor: "test")
            }
            // A body that is not competent is refused, naming the competent one; nothing is stored.
            let wrong = try await Self.send(
                t, .POST, "/api/v1/submissions", cso.token,
                #"{"kind":"position-paper","title":"Market","summary":"s","area":"GH1201","topic":"mediation","body":"GH-DPC-TAMALE","asks":["a"]}"#)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("GH-DPC-BAWKU"), "\(wrong.body.string)")
            let made = try await Self.send(
                t, .POST, "/api/v1/submissions", cso.token,
                #"{"kind":"position-paper","title":"Youth and the market","summary":"What young traders ask","area":"GH1201","topic":"mediation","asks":["A youth seat on the council","Monthly market forum"],"protected":true,"classification":"confidential"}"#
            )
            #expect(made.status == .created, "\(made.body.string)")
            let s = try object(made)
            let id = s["id"] as! String
            #expect(s["body"] as? String == "GH-DPC-BAWKU" && s["state"] as? String == "received")
            // Protected: the responder does not see who submitted; the coordinator does (audited).
            let asResponder = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", responder.token))
            #expect(asResponder["submitter"] == nil)
            let asCoordinator = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", coordinator.token))
            #expect(asCoordinator["submitter"] as? String == "cso")

            // Backdate it to the Tuesday before Christmas 2025 to drive the clock: due 2 and 20 working days on.
            try await app.sql.update("submissions").set("received_on", to: "2025-12-23").where("id", .equal, id).run()
            let clocked = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", coordinator.token))
            #expect(clocked["acknowledgeBy"] as? String == "2025-12-29")  // Wed 24, (Christmas, Boxing Day, the weekend), Mon 29
            // 20 working days: Dec 24, 29–31 (4), Jan 2 (5), 5–9 (10), 12–16 (15), 19–23 (20).
            #expect(clocked["answerBy"] as? String == "2026-01-23")
            #expect(clocked["veryLateFrom"] as? String == "2026-02-20")
            // The sweep: overdue after the 28th (not acknowledged), then very overdue after 40 working days, escalated.
            #expect(try await SubmissionSweep(app: app).sweep(today: "2025-12-29").isEmpty)
            #expect(try await SubmissionSweep(app: app).sweep(today: "2025-12-30").map(\.flag) == [.overdue])
            #expect(try await SubmissionSweep(app: app).sweep(today: "2025-12-31").isEmpty)  // no change, no second notice
            #expect(try await SubmissionSweep(app: app).sweep(today: "2026-02-23").map(\.flag) == [.veryOverdue])
            let escalation = try await app.sql.select().columns("body_code", "state").from("alerts").all()
            #expect(escalation.count == 1)
            #expect(try escalation.first?.decode(column: "body_code", as: String.self) == "GH-RPC-UE")

            // Acknowledged, then clarification asked: the clock stops; answers held, then published together.
            for step in [
                #"{"to":"acknowledged"}"#, #"{"to":"clarification-requested","note":"Which market?"}"#,
                #"{"to":"under-consideration","note":"Central market"}"#,
            ] {
                let r = try await Self.send(t, .POST, "/api/v1/submissions/\(id)/steps", coordinator.token, step)
                #expect(r.status == .ok, "\(step): \(r.body.string)")
            }
            let noReason = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/answers", coordinator.token, #"{"answers":[{"n":1,"answer":"rejected"}]}"#)
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("answers[0].reason"))
            let held = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/answers", coordinator.token,
                #"{"answers":[{"n":1,"answer":"accepted"},{"n":2,"answer":"rejected","reason":"The assembly runs the market"}]}"#)
            #expect(held.status == .ok)
            let beforePublish = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", cso.token))
            #expect((beforePublish["asks"] as! [[String: Any]]).allSatisfy { $0["answer"] == nil })  // held: the submitter sees nothing yet
            let published = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/answers", coordinator.token, #"{"answers":[{"n":1,"answer":"accepted"}],"publish":true}"#)
            #expect(try object(published)["state"] as? String == "answered")
            let seen = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", cso.token))
            #expect((seen["asks"] as! [[String: Any]]).map { $0["answer"] as? String } == ["accepted", "rejected"])

            // The public figures count it (confidential) and show nothing of it.
            let figures = try await Self.send(t, .GET, "/api/v1/bodies/GH-DPC-BAWKU/responsiveness", nil)
            #expect(figures.status == .ok)
            let f = try object(figures)["figures"] as! [String: Any]
            #expect(f["received"] as? Int == 1 && f["answered"] as? Int == 1 && f["answeredOnTimeShare"] as? Double == 0)
            #expect(!figures.body.string.contains("Youth and the market") && !figures.body.string.contains(id))
            #expect(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", nil).status == .notFound)
            let league = try await Self.send(t, .GET, "/api/v1/responsiveness", nil)
            #expect(league.status == .ok && !league.body.string.contains("Youth"))
        }
    }
}

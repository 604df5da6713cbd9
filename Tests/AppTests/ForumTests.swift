import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Forums on both engines: convened by a body, sessions counted by category, sex and age, inclusion per forum and
/// per body and quarter against the body's targets.
@Suite struct ForumTests {
    @Test(arguments: Engine.available)
    func aForumsInclusionIsMeasuredAgainstItsTargets(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let chair = try await TestInstallation.person(app, "chair", roles: [RoleGrant(body: "KE-CPC-TURKANA", role: .coordinator)])
            let t = try app.testing()
            let made = try await SubmissionTests.send(
                t, .POST, "/api/v1/forums", chair.token,
                #"{"body":"KE-CPC-TURKANA","name":"Turkana West peace forum","mandate":"Grazing and water","topics":["dialogue"],"areas":["KE023124"],"standing":true,"targets":{"women":0.3,"youth":0.25,"cso":0.2,"traditionalAndReligious":0.1}}"#
            )
            #expect(made.status == .created, "\(made.body.string)")
            let id = try object(made)["id"] as! String
            let today = String(Timestamp.now().prefix(10))
            let bad = try await SubmissionTests.send(
                t, .POST, "/api/v1/forums/\(id)/sessions", chair.token,
                #"{"heldOn":"\#(today)","agenda":"x","participants":[{"category":"elders","women":1,"men":1,"youth":0}]}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("participants[0].category"))
            let s = try await SubmissionTests.send(
                t, .POST, "/api/v1/forums/\(id)/sessions", chair.token,
                #"{"heldOn":"\#(today)","agenda":"Dry-season corridors","participants":[{"category":"traditional","women":0,"men":8,"youth":0},{"category":"youth","women":1,"men":5,"youth":6},{"category":"cso","women":3,"men":1,"youth":1},{"category":"state","women":1,"men":1,"youth":0}],"resolutions":["Open the Lokiriama corridor"]}"#
            )
            #expect(s.status == .created, "\(s.body.string)")
            // 20 people: women 5 (25 %), youth 7 (35 %), CSO 4 (20 %), traditional 8 (40 %): women below the 30 % target.
            let file = try object(try await SubmissionTests.send(t, .GET, "/api/v1/forums/\(id)", nil))
            let inc = file["inclusion"] as! [String: Any]
            #expect(inc["people"] as? Int == 20 && inc["women"] as? Double == 0.25 && inc["short"] as? [String] == ["women"])
            let quarter = ForumController.quarter(of: today)
            let body = try object(try await SubmissionTests.send(t, .GET, "/api/v1/bodies/KE-CPC-TURKANA/inclusion?quarter=\(quarter)", nil))
            #expect((body["inclusion"] as! [String: Any])["people"] as? Int == 20)
            let empty = try object(try await SubmissionTests.send(t, .GET, "/api/v1/bodies/KE-CPC-TURKANA/inclusion?quarter=2020-Q1", nil))
            #expect((empty["inclusion"] as! [String: Any])["people"] as? Int == 0)
            #expect(
                try await SubmissionTests.send(t, .GET, "/api/v1/bodies/KE-CPC-TURKANA/inclusion?quarter=2020-Q5", nil).status == .unprocessableEntity
            )
            #expect(ForumController.bounds("2026-Q4")! == ("2026-10-01", "2026-12-31"))
        }
    }
}

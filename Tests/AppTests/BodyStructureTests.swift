import AgoraCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// Where a body sits decides who reads whose restricted records, so body administrators may describe their
/// body but not move it (issue 12: an administrator of the National Peace Council moved Bawku's council under
/// Kenya's steering committee, and a Kenyan analyst then read Bawku's restricted reports).
@Suite struct BodyStructureTests {
    @Test(arguments: Engine.available)
    func bodyAdministratorsDescribeButDoNotMoveBodies(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await AccessTests.seed(app)
            let t = try app.testing()
            let npcAdmin = try await TestInstallation.person(app, "admin.npc", roles: [RoleGrant(body: "GH-NPC", role: .bodyAdmin)])
            let bawkuAdmin = try await TestInstallation.person(app, "admin.bawku", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .bodyAdmin)])
            let kenyan = try await TestInstallation.person(app, "analyst.ke", roles: [RoleGrant(body: "KE-NSC", role: .analyst)])
            let monitor = try await TestInstallation.person(app, "monitor.bawku", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let filed = try await t.sendRequest(
                .POST, "/api/v1/reports", headers: .bearer(monitor.token),
                body: json(
                    """
                    {"area":"GH1201","occurredOn":"\(String(Timestamp.now().prefix(10)))","indicators":["CS01"],"description":"restricted MKBAWKU","classification":"restricted"}
                    """))
            #expect(filed.status == .created)
            let before = try object(try await t.sendRequest(.GET, "/api/v1/bodies/GH-DPC-BAWKU"))

            let moves = [
                #"{"parent":"KE-NSC"}"#, #"{"level":"continental"}"#, #"{"kind":"cso-network"}"#, #"{"jurisdiction":["KEN"]}"#,
                #"{"worldwide":true}"#, #"{"partners":["KE-NSC"]}"#,
            ]
            for admin in [npcAdmin, bawkuAdmin] {
                for move in moves {
                    let r = try await t.sendRequest(.PATCH, "/api/v1/bodies/GH-DPC-BAWKU", headers: .bearer(admin.token), body: json(move))
                    #expect(r.status == .forbidden, "\(move): \(r.body.string)")
                    let field = try object(r)["field"] as? String
                    #expect(move.contains("\"\(field ?? "?")\""), "\(move) named \(field ?? "nothing")")
                }
                // Raising one's own body widens need-to-know too.
                let raise = try await t.sendRequest(
                    .PATCH, "/api/v1/bodies/GH-NPC", headers: .bearer(npcAdmin.token), body: json(#"{"level":"continental"}"#))
                #expect(raise.status == .forbidden)
            }
            let after = try object(try await t.sendRequest(.GET, "/api/v1/bodies/GH-DPC-BAWKU"))
            for k in ["parent", "level", "kind", "jurisdiction", "worldwide", "partners"] {
                #expect(String(describing: before[k]) == String(describing: after[k]), "\(k) changed")
            }
            let kenyanSees = try await t.sendRequest(.GET, "/api/v1/reports", headers: .bearer(kenyan.token))
            #expect(!kenyanSees.body.string.contains("MKBAWKU"))

            // Descriptive fields, and structure sent unchanged, are theirs to edit.
            let describe = try await t.sendRequest(
                .PATCH, "/api/v1/bodies/GH-DPC-BAWKU", headers: .bearer(bawkuAdmin.token),
                body: json(#"{"description":"Meets every Thursday","parent":"\#(before["parent"] as? String ?? "")","level":"district"}"#))
            #expect(describe.status == .ok, "\(describe.body.string)")
            // Installation administrators change structure.
            let moved = try await t.sendRequest(.PATCH, "/api/v1/bodies/GH-DPC-BAWKU", headers: .admin, body: json(#"{"parent":"GH-RPC-NR"}"#))
            #expect(moved.status == .ok)
            #expect(try object(moved)["parent"] as? String == "GH-RPC-NR")
        }
    }

    /// Pages take bodies' names from memory, kept per body revision: a body renamed is shown by its new name at once.
    @Test(arguments: Engine.available)
    func aRenamedBodyIsShownByItsNewNameAtOnce(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await AccessTests.seed(app)
            let t = try app.testing()
            let analyst = try await TestInstallation.person(app, "analyst.npc", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
            let before = try await t.sendRequest(.GET, "/cases", headers: .bearer(analyst.token))
            #expect(before.status == .ok && !before.body.string.contains("Council of Elders RENAMED"))
            let renamed = try await t.sendRequest(
                .PATCH, "/api/v1/bodies/GH-NPC", headers: .admin, body: json(#"{"name":"Council of Elders RENAMED <b>"}"#))
            #expect(renamed.status == .ok, "\(renamed.body.string)")
            let after = try await t.sendRequest(.GET, "/cases", headers: .bearer(analyst.token))
            #expect(after.body.string.contains("Council of Elders RENAMED &lt;b&gt;"), "\(after.body.string.prefix(3000))")
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import VaporTesting

@testable import App

/// Bodies, organisations and the competent-body question over HTTP, on every engine.
@Suite struct InstitutionTests {
    /// Ghana's tree from the built-in P-codes, plus Kenya/Uganda for the cross-border committee.
    static func seedAreas(_ app: Application) async throws {
        var drafts = ["GHA", "NGA", "KEN", "UGA"].map { AreaDraft(code: $0, name: Country.find($0)!.name, level: .country, parent: nil) }
        drafts += try BoundaryProfiles.drafts(fromPcodeCSV: DemoData.builtInAreas, countries: [])
        _ = try await AreaImport.apply(drafts, on: app, actor: "test")
    }

    static func body(_ code: String, _ level: String, _ jurisdiction: [String], _ topics: [String], parent: String? = nil, extra: String = "")
        -> String
    {
        let p = parent.map { #","parent":"\#($0)""# } ?? ""
        let j = jurisdiction.map { "\"\($0)\"" }.joined(separator: ",")
        let t = topics.map { "\"\($0)\"" }.joined(separator: ",")
        return
            #"{"code":"\#(code)","name":"\#(code) body","level":"\#(level)","kind":"peace-council","jurisdiction":[\#(j)],"topics":[\#(t)]\#(p)\#(extra)}"#
    }

    @Test(arguments: Engine.available)
    func theCompetentBodyAndItsChainOverHTTP(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seedAreas(app)
            let t = try app.testing()
            for b in [
                Self.body("UN", "global", [], ["early-warning", "mediation"], extra: #","worldwide":true"#),
                Self.body("IGAD", "sub-regional", ["KEN", "UGA"], ["early-warning", "mediation"]),
                Self.body("NPC", "national", ["GHA"], ["early-warning", "mediation", "dialogue"]),
                Self.body("RPC", "region", ["GH12"], ["early-warning", "mediation"], parent: "NPC"),
                Self.body("DPC", "district", ["GH1201"], ["early-warning"], parent: "RPC"),
                Self.body("XB", "district", ["KE023124", "UG3086"], ["early-warning"], parent: "IGAD"),
            ] {
                let res = try await t.sendRequest(.POST, "/api/v1/bodies", headers: .admin, body: json(b))
                #expect(res.status == .created, "\(res.body.string)")
            }
            func chain(_ area: String, _ topic: String) async throws -> [String] {
                let res = try await t.sendRequest(.GET, "/api/v1/bodies/competent?area=\(area)&topic=\(topic)")
                #expect(res.status == .ok, "\(res.body.string)")
                return (try object(res)["chain"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            }
            #expect(try await chain("GH1201", "early-warning") == ["DPC", "RPC", "NPC", "UN"])
            // The Bawku district council has no mediation mandate: the regional council is competent.
            #expect(try await chain("GH1201", "mediation") == ["RPC", "NPC", "UN"])
            // Bawku West has no council of its own.
            #expect(try await chain("GH1202", "early-warning") == ["RPC", "NPC", "UN"])
            // Either side of the Kenya–Uganda border: the cross-border committee, then IGAD above both countries.
            #expect(try await chain("KE023124", "early-warning") == ["XB", "IGAD", "UN"])
            #expect(try await chain("UG3086", "early-warning") == ["XB", "IGAD", "UN"])
            #expect(try await chain("NG008", "dialogue") == [])

            let none = try await t.sendRequest(.GET, "/api/v1/bodies/competent?area=NG008&topic=dialogue")
            #expect(try object(none)["competent"] == nil)
            #expect((try object(none)["explanation"] as? String)?.contains("No body") == true)

            // Bad questions name the field.
            let unknownArea = try await t.sendRequest(.GET, "/api/v1/bodies/competent?area=XX999&topic=mediation")
            #expect(unknownArea.status == .notFound)
            #expect(try object(unknownArea)["field"] as? String == "area")
            let badTopic = try await t.sendRequest(.GET, "/api/v1/bodies/competent?area=GH12&topic=peace")
            #expect(badTopic.status == .unprocessableEntity)
            #expect(try object(badTopic)["field"] as? String == "topic")
            let noTopic = try await t.sendRequest(.GET, "/api/v1/bodies/competent?area=GH12")
            #expect(noTopic.status == .badRequest)
            #expect(try object(noTopic)["field"] as? String == "topic")

            // Filters: bodies whose jurisdiction covers an area, through its ancestors.
            let covering = try await t.sendRequest(.GET, "/api/v1/bodies?area=GH1201")
            let codes = (try object(covering)["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(Set(codes) == ["DPC", "RPC", "NPC", "UN"])
            let byTopic = try await t.sendRequest(.GET, "/api/v1/bodies?topic=mediation&level=region")
            #expect((try object(byTopic)["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["RPC"])
        }
    }

    @Test(arguments: Engine.available)
    func badBodiesAreRefusedWithTheFieldNamedAndNothingStored(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seedAreas(app)
            let t = try app.testing()
            _ = try await t.sendRequest(.POST, "/api/v1/bodies", headers: .admin, body: json(Self.body("NPC", "national", ["GHA"], ["mediation"])))
            _ = try await t.sendRequest(
                .POST, "/api/v1/bodies", headers: .admin, body: json(Self.body("RPC", "region", ["GH12"], ["mediation"], parent: "NPC")))

            func refused(_ method: HTTPMethod, _ path: String, _ body: String, status: HTTPResponseStatus, field: String) async throws {
                let res = try await t.sendRequest(method, path, headers: .admin, body: json(body))
                #expect(res.status == status, "\(path) \(body) → \(res.body.string)")
                let o = try object(res)
                let fields = [o["field"] as? String] + (o["issues"] as? [[String: Any]] ?? []).map { $0["field"] as? String }
                #expect(fields.contains(field), "\(res.body.string)")
            }
            try await refused(
                .POST, "/api/v1/bodies", Self.body("X1", "district", ["XX999"], ["mediation"]), status: .unprocessableEntity,
                field: "bodies[0].jurisdiction[0]")
            try await refused(
                .POST, "/api/v1/bodies", Self.body("X2", "district", ["GH1201"], ["peace"]), status: .unprocessableEntity, field: "topics[0]")
            try await refused(
                .POST, "/api/v1/bodies", Self.body("X3", "galactic", ["GH1201"], ["mediation"]), status: .unprocessableEntity, field: "level")
            try await refused(.POST, "/api/v1/bodies", #"{"code":"X4","name":"No level"}"#, status: .badRequest, field: "level")
            try await refused(
                .POST, "/api/v1/bodies", Self.body("X5", "district", ["GH1201"], ["mediation"], parent: "NOPE"), status: .unprocessableEntity,
                field: "bodies[0].parent")
            try await refused(.POST, "/api/v1/bodies", Self.body("NPC", "national", ["GHA"], ["mediation"]), status: .conflict, field: "code")
            // The national council made to report to its own regional council: a cycle, and upside down.
            try await refused(.PATCH, "/api/v1/bodies/NPC", #"{"parent":"RPC"}"#, status: .unprocessableEntity, field: "bodies[0].parent")
            try await refused(
                .POST, "/api/v1/bodies/NPC/members", #"{"name":"A. B.","categories":["aliens"]}"#, status: .unprocessableEntity,
                field: "categories[0]")

            let count = try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("bodies").first(
                decodingColumn: "n", as: Int.self)
            #expect(count == 2)
            let npc = try await t.sendRequest(.GET, "/api/v1/bodies/NPC")
            #expect(try object(npc)["parent"] == nil)
        }
    }

    @Test(arguments: Engine.available)
    func writesNeedTheAdminTokenAndMemberNamesStayPrivate(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await Self.seedAreas(app)
            let t = try app.testing()
            let body = json(Self.body("NPC", "national", ["GHA"], ["mediation"]))
            var noToken = HTTPHeaders()
            noToken.contentType = .json
            #expect(try await t.sendRequest(.POST, "/api/v1/bodies", headers: noToken, body: body).status == .unauthorized)
            var wrong = noToken
            wrong.bearerAuthorization = BearerAuthorization(token: "guess")
            let refused = try await t.sendRequest(.POST, "/api/v1/bodies", headers: wrong, body: body)
            #expect(refused.status == .unauthorized)
            #expect(!refused.body.string.contains(TestInstallation.adminToken))
            #expect(try await t.sendRequest(.POST, "/api/v1/bodies", headers: .admin, body: body).status == .created)

            let member = try await t.sendRequest(
                .POST, "/api/v1/bodies/NPC/members", headers: .admin,
                body: json(#"{"name":"Hajia F. Issah","categories":["religious","women"],"role":"Member"}"#))
            #expect(member.status == .created)
            #expect(try await t.sendRequest(.GET, "/api/v1/bodies/NPC/members").status == .unauthorized)
            let listed = try await t.sendRequest(.GET, "/api/v1/bodies/NPC/members", headers: .admin)
            #expect(try array(listed).first?["name"] as? String == "Hajia F. Issah")
            // The public sees composition, not names.
            let pub = try await t.sendRequest(.GET, "/api/v1/bodies/NPC")
            #expect(!pub.body.string.contains("Issah"))
            let composition = try object(pub)["composition"] as? [String: Int]
            #expect(composition == ["religious": 1, "women": 1])
        }
    }

    @Test(arguments: Engine.available)
    func theDemoInstallationSeedsTwiceToTheSameState(engine: Engine) async throws {
        try await TestInstallation.run(engine, demo: true) { app in
            try await DemoInstallation.seed(app)
            func counts() async throws -> [Int] {
                var out: [Int] = []
                for table in ["areas", "bodies", "body_members", "area_neighbours", "organisations"] {
                    out.append(
                        try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
                            .first(decodingColumn: "n", as: Int.self) ?? 0)
                }
                return out
            }
            let first = try await counts()
            try await DemoInstallation.seed(app)
            #expect(try await counts() == first)
            #expect(first[1] == DemoData.bodies.count)
            // A restart on the same boundary files leaves the areas as they are; other files (another digest) load again.
            let areas = AreaStore(sql: app.sql)
            #expect(try await areas.loadedDigest() == DemoInstallation.areaDigest(shared: app.agora.sharedData))
            func bawku() async throws -> String? {
                try await app.sql.select().column("name").from("areas").where("code", .equal, "GH1201").first(decodingColumn: "name", as: String.self)
            }
            let name = try await bawku()
            try await app.sql.update("areas").set("name", to: "Edited by hand").where("code", .equal, "GH1201").run()
            try await DemoInstallation.seed(app)
            #expect(try await bawku() == "Edited by hand")
            try await areas.setLoadedDigest(1)
            try await DemoInstallation.seed(app)
            #expect(try await bawku() == name)
            #expect(try await counts() == first)
            let t = try app.testing()
            let res = try await t.sendRequest(.GET, "/api/v1/bodies/competent?area=GH1201-C001&topic=early-warning")
            let chain = (try object(res)["chain"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(chain == ["GH-DPC-BAWKU", "GH-RPC-UE", "GH-NPC", "ECOWARN", "AU-PSC", "UN-DPPA"])
            let home = try await t.sendRequest(.GET, "/")
            #expect(home.status == .ok)
            let directory = try await t.sendRequest(.GET, "/bodies")
            #expect(directory.body.string.contains("National Peace Council of Ghana"))
        }
    }
}

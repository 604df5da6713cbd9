import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// CAP documents checked against the OASIS schema, with lxml (installed by scripts/test).
enum CAPSchema {
    static var xsd: URL? {
        TestInstallation.sharedData.map { $0.appendingPathComponent("cap/CAP-v1.2.xsd") }.flatMap {
            FileManager.default.fileExists(atPath: $0.path) ? $0 : nil
        }
    }

    /// nil when valid; the validator's message otherwise. Skips (returns nil, says so) without the schema or lxml.
    static func problems(_ xml: String) throws -> String? {
        guard let xsd else {
            print("skip: CAP schema not found under shared data")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cap-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", "-c",
            """
            import sys
            try:
                from lxml import etree
            except ImportError:
                print("NO-LXML"); sys.exit(0)
            s = etree.XMLSchema(etree.parse(sys.argv[1]))
            d = etree.parse(sys.argv[2])
            if not s.validate(d): print(s.error_log); sys.exit(1)
            """, xsd.path, file.path,
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if text.contains("NO-LXML") {
            print("skip: python3 lxml missing; CAP not validated")
            return nil
        }
        return p.terminationStatus == 0 ? nil : text
    }
}

@Suite struct ResponseTests {
    /// The demo's areas and institutions (built-in set), Ghana's people, and Kotido declared a neighbour of Turkana West.
    static func world(_ app: Application) async throws -> [String: String] {
        try await TestInstallation.demoInstitutions(app)
        try await AreaStore(sql: app.sql).declareNeighbours("KE023124", "UG3080", actor: "test")
        var tokens: [String: String] = [:]
        for (name, body, role) in [
            ("monitor", "GH-DPC-BAWKU", Role.monitor), ("responder", "GH-DPC-BAWKU", .responder), ("rpc", "GH-RPC-UE", .coordinator),
            ("npc", "GH-NPC", .analyst), ("tamale", "GH-DPC-TAMALE", .coordinator),
        ] {
            tokens[name] = try await TestInstallation.person(app, name, roles: [RoleGrant(body: body, role: role)]).token
        }
        return tokens
    }

    static func send(_ t: any TestingApplicationTester, _ method: HTTPMethod, _ path: String, _ token: String, _ body: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await t.sendRequest(method, path, headers: .bearer(token), body: body.map(json))
    }

    static func today() -> String { String(Timestamp.now().prefix(10)) }

    @Test(arguments: Engine.available)
    func theLoopFromReportToClosedCase(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let tok = try await Self.world(app)
            let t = try app.testing()
            // Severe alerts: one hour to acknowledge. The sweep is run as if two hours had passed.
            var settings = ResponseSettings()
            settings.deadlines.acknowledge["Severe"] = 3600
            let hour = settings
            try await app.write { try await SettingsStore(sql: $0).save(hour, actor: "test") }
            let later = Timestamp.format(Date().addingTimeInterval(7200))

            // A monitor reports an armed attack with deaths; the national analyst verifies it.
            let rep = try await Self.send(
                t, .POST, "/api/v1/reports", tok["monitor"]!,
                #"{"area":"GH1201","occurredOn":"\#(Self.today())","description":"Gunmen attacked the market","indicators":["CS01","CS05"],"harm":{"fatalities":3}}"#
            )
            #expect(rep.status == .created, "\(rep.body.string)")
            let rid = try object(rep)["id"] as! String
            let ver = try await Self.send(t, .POST, "/api/v1/reports/\(rid)/verify", tok["npc"]!, "{}")
            #expect(ver.status == .ok, "\(ver.body.string)")

            // Risk crossed the threshold: Bawku Municipal is high, and an alert was proposed to its district council.
            let risk = try object(try await Self.send(t, .GET, "/api/v1/risk/areas/GH1201", tok["npc"]!))
            let score = risk["score"] as! [String: Any]
            #expect(["high", "critical"].contains(score["level"] as! String), "\(score)")
            #expect((risk["drivers"] as! [[String: Any]]).contains { $0["code"] as? String == "CS01" })
            let proposals =
                try object(try await Self.send(t, .GET, "/api/v1/alerts?state=proposed&area=GH1201", tok["npc"]!))["items"] as! [[String: Any]]
            #expect(proposals.count == 1)
            let aid = try #require(proposals.first?["id"] as? String)
            #expect(proposals[0]["body"] as? String == "GH-DPC-BAWKU")

            // The analyst edits the proposal (it stays proposed), then issues it with an instruction; the case goes to the district council.
            let edited = try await Self.send(
                t, .PATCH, "/api/v1/alerts/\(aid)", tok["npc"]!, #"{"headline":"High risk of violence in Bawku after market attack"}"#)
            let editedState = try object(edited)["state"] as? String
            #expect(edited.status == .ok && editedState == "proposed", "\(edited.body.string)")
            let monitorEdit = try await Self.send(t, .PATCH, "/api/v1/alerts/\(aid)", tok["monitor"]!, #"{"headline":"x"}"#)
            #expect(monitorEdit.status == .forbidden || monitorEdit.status == .notFound)
            let issued = try await Self.send(
                t, .POST, "/api/v1/alerts/\(aid)/issue", tok["npc"]!,
                #"{"instruction":"Convene the district security council","classification":"public","severity":"Severe"}"#)
            #expect(issued.status == .ok, "\(issued.body.string)")
            let headline = try object(issued)["headline"] as? String
            #expect(headline == "High risk of violence in Bawku after market attack")
            let caseID = try #require(try object(issued)["responseCase"] as? String)
            var c = try object(try await Self.send(t, .GET, "/api/v1/cases/\(caseID)", tok["responder"]!))
            #expect(c["body"] as? String == "GH-DPC-BAWKU" && c["status"] as? String == "open")
            let cap = try await t.sendRequest(.GET, "/api/v1/alerts/\(aid)/cap")
            #expect(cap.status == .ok && cap.body.string.contains("<value>GH1201</value>"))
            #expect(try CAPSchema.problems(cap.body.string) == nil)

            // Another district cannot acknowledge it.
            let wrong = try await Self.send(t, .POST, "/api/v1/cases/\(caseID)/acknowledge", tok["tamale"]!)
            #expect(wrong.status == .notFound || wrong.status == .forbidden)

            // The deadline passes: the sweep escalates to the regional council, then (again) to the national one.
            #expect(try await Sweeper(app: app).sweep() == 0)  // not yet
            #expect(try await Sweeper(app: app).sweep(now: later) == 1)
            c = try object(try await Self.send(t, .GET, "/api/v1/cases/\(caseID)", tok["rpc"]!))
            #expect(c["body"] as? String == "GH-RPC-UE")
            #expect(try await Sweeper(app: app).sweep(now: later) == 1)
            #expect(try await Sweeper(app: app).sweep() == 0)  // the national council has its own hour

            // The national council acknowledges, plans and records actions, and closes the case.
            let ack = try await Self.send(t, .POST, "/api/v1/cases/\(caseID)/acknowledge", tok["npc"]!)
            #expect(ack.status == .ok, "\(ack.body.string)")
            let due = Timestamp.format(Date().addingTimeInterval(86400))
            let planned = try await Self.send(
                t, .POST, "/api/v1/cases/\(caseID)/actions", tok["npc"]!,
                #"{"kind":"mediation","description":"Mediation between the two factions","responsible":"NPC mediation team","due":"\#(due)"}"#)
            #expect(planned.status == .created, "\(planned.body.string)")
            let actionID = try #require((try object(planned)["actions"] as? [[String: Any]])?.first?["id"] as? String)
            let done = try await Self.send(
                t, .POST, "/api/v1/cases/\(caseID)/actions/\(actionID)/complete", tok["npc"]!, #"{"result":"Ceasefire agreed"}"#)
            #expect(done.status == .ok, "\(done.body.string)")
            // A second action is still planned: closing must say what becomes of it, and refusing leaves the case open.
            let second = try await Self.send(
                t, .POST, "/api/v1/cases/\(caseID)/actions", tok["npc"]!,
                #"{"kind":"peace-monitors","description":"Peace monitors at the market","responsible":"NPC","due":"\#(due)"}"#)
            let secondID = try #require(
                (try object(second)["actions"] as? [[String: Any]])?.first { $0["status"] as? String == "planned" }?["id"] as? String)
            let undecided = try await Self.send(
                t, .POST, "/api/v1/cases/\(caseID)/close", tok["npc"]!, #"{"outcome":"contained","summary":"Mediation held; calm since."}"#)
            #expect(undecided.status == .unprocessableEntity && undecided.body.string.contains(#""field":"actions""#), "\(undecided.body.string)")
            c = try object(try await Self.send(t, .GET, "/api/v1/cases/\(caseID)", tok["npc"]!))
            #expect(c["status"] as? String == "acknowledged")
            let closed = try await Self.send(
                t, .POST, "/api/v1/cases/\(caseID)/close", tok["npc"]!,
                #"{"outcome":"contained","summary":"Mediation held; calm since.","actions":[{"id":"\#(secondID)","status":"cancelled","result":"Not needed: calm"}]}"#
            )
            #expect(closed.status == .ok, "\(closed.body.string)")
            c = try object(closed)
            let kinds = (c["history"] as! [[String: Any]]).map { $0["kind"] as! String }
            #expect(
                kinds == [
                    "opened", "escalated", "escalated", "acknowledged", "action-planned", "action-done", "action-planned", "action-cancelled",
                    "closed",
                ],
                "\(kinds)")
            #expect((c["history"] as! [[String: Any]]).filter { $0["reason"] as? String == "acknowledgement-overdue" }.count == 2)

            // Every step is on the audit trail, and the chain holds.
            let trail = try await AuditStore(sql: app.sql).entries(recordType: "case", recordID: caseID).map(\.action)
            #expect(
                trail == [
                    "open", "escalate", "escalate", "acknowledge", "action.planned", "action.done", "action.planned", "action.cancelled", "close",
                ], "\(trail)")
            #expect(try await AuditStore(sql: app.sql).verify().broken == nil)

            // The gap report counts it against the district council that missed its deadline.
            let gap = try object(try await Self.send(t, .GET, "/api/v1/response-gap", tok["npc"]!))
            let byBody = gap["byBody"] as! [[String: Any]]
            let bawku = try #require(byBody.first { $0["key"] as? String == "GH-DPC-BAWKU" })
            #expect(bawku["cases"] as? Int == 1 && bawku["escalatedForDeadlineShare"] as? Double == 1 && bawku["noResponseShare"] as? Double == 0)
            #expect((bawku["medianSecondsToClose"] as? Double ?? -1) >= 0)

            // Incremental equals full: a recompute leaves the score where it was.
            let before = score["score"] as! Double
            _ = try await RiskController.recompute(app, actor: "test")
            let after =
                (try object(try await Self.send(t, .GET, "/api/v1/risk/areas/GH1201", tok["npc"]!))["score"] as! [String: Any])["score"] as! Double
            #expect(before == after)
        }
    }

    @Test(arguments: Engine.available)
    func aBorderCountyRaisesItsNeighbourAndTheCaseReachesTheRegionalBody(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            _ = try await Self.world(app)
            let t = try app.testing()
            let admin = TestInstallation.adminToken
            for (i, deaths) in [4, 2].enumerated() {
                let r = try await Self.send(
                    t, .POST, "/api/v1/reports", admin,
                    #"{"body":"KE-CPC-TURKANA","area":"KE023124","occurredOn":"\#(Self.today())","description":"Raid \#(i) on herders","indicators":["CS04","CS05"],"harm":{"fatalities":\#(deaths)}}"#
                )
                #expect(r.status == .created, "\(r.body.string)")
                let v = try await Self.send(t, .POST, "/api/v1/reports/\(try object(r)["id"] as! String)/verify", admin, "{}")
                #expect(v.status == .ok, "\(v.body.string)")
            }
            // Kotido, across the border in Uganda, has no incident of its own but rising risk next door.
            let kotido = try object(try await Self.send(t, .GET, "/api/v1/risk/areas/UG3080", admin))
            let s = kotido["score"] as! [String: Any]
            #expect((s["pressure"] as! Double) == 0 && (s["spillover"] as! Double) > 0 && (s["score"] as! Double) > 0)
            #expect((kotido["drivers"] as! [[String: Any]]).contains { $0["kind"] as? String == "neighbour" && $0["code"] as? String == "KE023124" })

            let proposals =
                try object(try await Self.send(t, .GET, "/api/v1/alerts?state=proposed&area=KE023124", admin))["items"] as! [[String: Any]]
            let aid = try #require(proposals.first?["id"] as? String)
            let issued = try object(try await Self.send(t, .POST, "/api/v1/alerts/\(aid)/issue", admin, "{}"))
            let c = try object(try await Self.send(t, .GET, "/api/v1/cases/\(issued["responseCase"] as! String)", admin))
            #expect(c["crossBorder"] as? Bool == true)
            #expect(c["body"] as? String == "KE-CPC-TURKANA")
            let parties = Dictionary(uniqueKeysWithValues: (c["parties"] as! [[String: Any]]).map { ($0["body"] as! String, $0["role"] as! String) })
            #expect(parties["IGAD-CEWARN"] == "informed" && parties["KE-NSC"] == "informed", "\(parties)")
            let history = c["history"] as! [[String: Any]]
            #expect(
                history.contains {
                    $0["kind"] as? String == "escalated" && $0["to"] as? String == "IGAD-CEWARN" && $0["reason"] as? String == "cross-border"
                })
            // The regional body's analysts see the restricted case.
            let igad = try await TestInstallation.person(app, "igad", roles: [RoleGrant(body: "IGAD-CEWARN", role: .analyst)])
            #expect(try await Self.send(t, .GET, "/api/v1/cases/\(c["id"] as! String)", igad.token).status == .ok)
            let cap = try await Self.send(t, .GET, "/api/v1/alerts/\(aid)/cap", admin)
            #expect(cap.body.string.contains("<scope>Restricted</scope>"))
            #expect(try CAPSchema.problems(cap.body.string) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func badInputIsRefusedAndChangesNothing(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let tok = try await Self.world(app)
            let t = try app.testing()
            func count(_ table: String) async throws -> Int {
                try await app.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!.decode(
                    column: "n", as: Int.self)
            }
            let base = #""event":"Tension","urgency":"Expected","severity":"Moderate","certainty":"Possible","headline":"Tension in Bawku""#
            let cases: [(String, String, String)] = [
                ("/api/v1/alerts", "{\(base)}", "areas"),
                ("/api/v1/alerts", #"{\#(base),"areas":["GH1201"],"expires":"2020-01-01T00:00:00Z"}"#, "expires"),
                ("/api/v1/alerts", #"{\#(base),"areas":["GH1201"],"msgType":"Cancel"}"#, "references"),
                ("/api/v1/alerts", #"{\#(base),"areas":["GH1201"],"msgType":"Update","references":"no-such-alert"}"#, "references"),
                (
                    "/api/v1/alerts",
                    #"{"event":"E","urgency":"Expected","severity":"Terrible","certainty":"Possible","headline":"H","areas":["GH1201"]}"#, "severity"
                ),
            ]
            let alertsBefore = try await count("alerts")
            let auditBefore = try await count("audit_log")
            for (path, body, field) in cases {
                let res = try await Self.send(t, .POST, path, tok["npc"]!, body)
                #expect(res.status == .badRequest || res.status == .unprocessableEntity, "\(body): \(res.status)")
                #expect(
                    try object(res)["field"] as? String == field
                        || (try object(res)["issues"] as? [[String: Any]] ?? []).contains { $0["field"] as? String == field },
                    "\(body): \(res.body.string)")
            }
            let alertsAfter = try await count("alerts")
            let auditAfter = try await count("audit_log")
            #expect(alertsAfter == alertsBefore && auditAfter == auditBefore)

            // A valid alert opens a case for Bawku; Tamale's coordinator may not acknowledge it, and an action due in the past is refused.
            let ok = try await Self.send(t, .POST, "/api/v1/alerts", tok["npc"]!, #"{\#(base),"areas":["GH1201"],"classification":"internal"}"#)
            #expect(ok.status == .created, "\(ok.body.string)")
            let caseID = try object(ok)["responseCase"] as! String
            let other = try await Self.send(t, .POST, "/api/v1/cases/\(caseID)/acknowledge", tok["tamale"]!)
            #expect(other.status == .forbidden, "\(other.body.string)")
            let past = try await Self.send(
                t, .POST, "/api/v1/cases/\(caseID)/actions", tok["responder"]!,
                #"{"kind":"dialogue","description":"Meet elders","responsible":"Council","due":"2020-01-01T10:00:00Z"}"#)
            #expect(past.status == .badRequest || past.status == .unprocessableEntity)
            #expect(
                try object(past)["field"] as? String == "due"
                    || (try object(past)["issues"] as? [[String: Any]] ?? []).contains { $0["field"] as? String == "due" })
            let c = try object(try await Self.send(t, .GET, "/api/v1/cases/\(caseID)", tok["responder"]!))
            #expect(c["status"] as? String == "open" && (c["actions"] as! [Any]).isEmpty)
            // Dismissing needs a reason; a proposal only.
            let dismiss = try await Self.send(t, .POST, "/api/v1/alerts/\(try object(ok)["id"] as! String)/dismiss", tok["npc"]!, #"{"reason":" "}"#)
            #expect(dismiss.status.code >= 400 && dismiss.status.code < 500)
            // A proposal for nothing cannot be issued; settings are checked field by field.
            let bad = try await Self.send(
                t, .PUT, "/api/v1/settings", TestInstallation.adminToken,
                #"{"risk":{"baselinePeriods":0,"fatalityWeight":2,"peaceWeight":1,"spillover":0.5,"defaultWeight":1,"thresholds":{},"proposeAt":"high"},"deadlines":{"acknowledge":{"Severe":0}}}"#
            )
            #expect(bad.status.code == 400 || bad.status.code == 422, "\(bad.body.string)")
        }
    }

    @Test(arguments: Engine.available)
    func updatesAndCancellationsReferenceTheAlertTheyReplace(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let tok = try await Self.world(app)
            let t = try app.testing()
            let created = try await Self.send(
                t, .POST, "/api/v1/alerts", tok["npc"]!,
                #"{"event":"Tension","urgency":"Expected","severity":"Moderate","certainty":"Possible","headline":"Tension in Bawku","areas":["GH1201"],"classification":"public"}"#
            )
            let first = try object(created)["id"] as! String
            let upd = try await Self.send(
                t, .POST, "/api/v1/alerts/\(first)/update", tok["npc"]!, #"{"severity":"Severe","headline":"Violence likely in Bawku"}"#)
            #expect(upd.status == .created, "\(upd.body.string)")
            let second = try object(upd)["id"] as! String
            let cancel = try await Self.send(
                t, .POST, "/api/v1/alerts", tok["npc"]!, #"{"msgType":"Cancel","references":"\#(second)","reason":"Calm restored after talks"}"#)
            #expect(cancel.status == .created, "\(cancel.body.string)")
            let third = try object(cancel)["id"] as! String
            #expect(try object(try await Self.send(t, .GET, "/api/v1/alerts/\(first)", tok["npc"]!))["state"] as? String == "superseded")
            #expect(try object(try await Self.send(t, .GET, "/api/v1/alerts/\(second)", tok["npc"]!))["state"] as? String == "cancelled")
            for id in [first, second, third] {
                let xml = try await t.sendRequest(.GET, "/api/v1/alerts/\(id)/cap").body.string
                #expect(try CAPSchema.problems(xml) == nil, "\(xml)")
                if id != first { #expect(xml.contains("<references>agora@localhost,agora-")) }
                if id == third { #expect(xml.contains("<msgType>Cancel</msgType>") && xml.contains("<note>Calm restored after talks</note>")) }
            }
            let feed = try await t.sendRequest(.GET, "/feeds/alerts.atom")
            #expect(feed.headers.contentType?.description.contains("atom") == true)
            #expect(feed.body.string.contains("/api/v1/alerts/\(third)/cap") && !feed.body.string.contains("/api/v1/alerts/\(first)/cap"))
            // Links name the host the request came to (no AGORA_PUBLIC_URL here), never a port the server is not on.
            let there = try await t.sendRequest(.GET, "/api/v1/alerts/\(third)/cap", headers: ["Host": "agora.example:9443"]).body.string
            #expect(there.contains("<web>http://agora.example:9443/api/v1/alerts/\(third)</web>"), "\(there)")
            let atom = try await t.sendRequest(.GET, "/feeds/alerts.atom", headers: ["Host": "agora.example:9443"]).body.string
            #expect(atom.contains("<id>http://agora.example:9443/feeds/alerts.atom</id>") && !atom.contains("8080"))
            // The public page says what CAP's terms mean, with the term itself in a tooltip.
            let page = try await t.sendRequest(.GET, "/alerts/\(second)").body.string
            #expect(page.contains("A serious threat to life or safety") && page.contains("title=\"CAP severity: Severe\""), "\(page)")
            // A Host header that is not a host name is not echoed into links.
            let odd = try await t.sendRequest(.GET, "/feeds/alerts.atom", headers: ["Host": "evil.example/\"><x"]).body.string
            #expect(!odd.contains("evil.example"))
        }
    }
}

import AgoraCore
import Foundation
import NIOCore
import SQLKit
import Vapor

/// What makes the demo lively on first start: real conflict history through the event importer, and one turn
/// of the loop (reports, verification, an issued alert, an acknowledged case with a planned action) walked
/// through the API as the demo's people would, so that every dashboard has something to show.
/// `AGORA_DEMO_ACTIVITY=off` leaves the installation quiet (the tests start from it).
enum DemoActivity {
    /// Real history the demo imports when `../shared/data` is there: file, owning body, classification.
    static let history: [(file: String, body: String, classification: Classification)] = [
        ("conflict_events/ucdp_ged_nigeria_1990-2019_hdx_hxl.csv", "NG-IPCR", .public),  // CC BY 4.0
        ("conflict_events/acled_kenya_2016-2021.csv", "KE-CEWERU", .internal),  // ACLED's terms: not for the public
    ]

    static func run(_ app: Application) async throws {
        let started = Date()
        var imported = 0
        if let shared = app.agora.sharedData {
            for h in history {
                let url = shared.appendingPathComponent(h.file)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    app.logger.notice("demo: \(h.file) is absent; its history is left out")
                    continue
                }
                let gazetteer = try await app.gazetteer.current(AreaStore(sql: app.sql))
                let s = try await EventImporter(body: h.body, classification: h.classification, actor: "system:demo")
                    .run(data, app: app, gazetteer: gazetteer)
                imported += s.imported
            }
        }
        let walked = try await walkLoop(app)
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        app.logger.notice(
            "demo activity: \(imported) historical events imported, \(walked ? "one loop walked" : "loop already there") in \(seconds) s")
    }

    /// Once per installation: a monitor in Bawku reports, the national analyst verifies, issues the alert the
    /// risk model proposes, and the district coordinator acknowledges the case and plans a mediation.
    static func walkLoop(_ app: Application) async throws -> Bool {
        let everyone = AccessPolicy.scope(for: .person(id: "", installationAdmin: true, roles: []), in: BodyTree([]))
        let bawku = AlertStore.Filter(area: "GH1201")
        guard try await AlertStore(sql: app.sql).list(everyone, bawku, page: PageRequest(limit: 1)).isEmpty else { return false }
        try await app.asyncBoot()  // the routes and middleware answer in-process from here; `serve` skips booting again
        let agent = try await Agent(app, usernames: ["monitor.bawku", "analyst.npc", "coordinator.bawku"])
        do {
            try await walk(agent, app)
            try await agent.revoke()
        } catch {
            try? await agent.revoke()
            throw error
        }
        return true
    }

    static func walk(_ agent: Agent, _ app: Application) async throws {
        let today = String(Timestamp.now().prefix(10))  // the day the API checks against: UTC
        let reports: [[String: Any]] = [
            [
                "area": "GH1201-C001", "occurredOn": today, "indicators": ["CS01", "CS05"], "harm": ["fatalities": 2, "injured": 5],
                "description": "Gunmen fired on traders at Bawku central market; two dead, five wounded. Shops closed by noon.",
            ],
            [
                "area": "GH1201", "occurredOn": today, "indicators": ["CS05"],
                "description": "Youth groups blocked the Bawku–Pusiga road after the market shooting and searched passing vehicles.",
            ],
            [
                "area": "GH1202", "occurredOn": today, "indicators": ["CS01"],
                "description": "Rumours on radio call-ins that the chieftaincy dispute will be settled by force this week.",
            ],
        ]
        for r in reports {
            let report = try await agent.call("monitor.bawku", .POST, "/api/v1/reports", r)
            guard let id = report["id"] as? String else { throw Abort(.internalServerError, reason: "demo report not stored") }
            if r["area"] as? String != "GH1202" {  // one stays in the queue for the analyst to review
                _ = try await agent.call("analyst.npc", .POST, "/api/v1/reports/\(id)/verify", [:])
            }
        }
        let proposals = try await agent.call("analyst.npc", .GET, "/api/v1/alerts?state=proposed&area=GH1201", nil)
        guard let proposal = (proposals["items"] as? [[String: Any]])?.first?["id"] as? String else {
            app.logger.notice("demo: the risk model proposed no alert for Bawku; the loop stops at the incidents")
            return
        }
        let alert = try await agent.call(
            "analyst.npc", .POST, "/api/v1/alerts/\(proposal)/issue",
            [
                "classification": "public", "severity": "Severe",
                "headline": "Violence in Bawku after the market shooting",
                "instruction": "Avoid the central market and the Pusiga road; the district council is convening elders and youth leaders.",
            ])
        guard let caseID = alert["responseCase"] as? String else { return }
        _ = try await agent.call("coordinator.bawku", .POST, "/api/v1/cases/\(caseID)/acknowledge", nil)
        _ = try await agent.call(
            "coordinator.bawku", .POST, "/api/v1/cases/\(caseID)/actions",
            [
                "kind": "mediation", "description": "Meeting of elders of both communities with youth leaders, chaired by the council",
                "responsible": "Bawku district peace council", "due": CaseStore.due(after: 3 * 86_400),
            ])
    }

    /// Short-lived API tokens for the demo's people, and requests answered by the application itself.
    struct Agent: Sendable {
        let app: Application
        let tokens: [String: (id: String, personID: String, token: String)]

        init(_ app: Application, usernames: [String]) async throws {
            self.app = app
            var out: [String: (String, String, String)] = [:]
            for u in usernames {
                guard let p = try await PeopleStore(sql: app.sql).person(username: u) else { continue }
                let t = try await app.write { tx in
                    try await PeopleStore(sql: tx).createToken(for: p.id, name: "demo walk", expiresInDays: 1, actor: "system:demo")
                }
                out[u] = (t.id, p.id, t.token!)
            }
            tokens = out
        }

        func call(_ who: String, _ method: HTTPMethod, _ path: String, _ body: [String: Any]?) async throws -> [String: Any] {
            var headers = HTTPHeaders([("Authorization", "Bearer \(tokens[who]!.token)")])
            var buffer: ByteBuffer?
            if let body {
                headers.add(name: .contentType, value: "application/json")
                buffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }
            let req = Request(
                application: app, method: method, url: URI(string: path), headers: headers, collectedBody: buffer,
                remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: 0), logger: app.logger, on: app.eventLoopGroup.any())
            let res = try await app.responder.respond(to: req).get()
            let data = res.body.data ?? Data()
            guard res.status.code < 300 else {
                throw Abort(
                    .internalServerError, reason: "demo walk: \(method) \(path) answered \(res.status.code): \(String(decoding: data, as: UTF8.self))"
                )
            }
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }

        func revoke() async throws {
            for (_, t) in tokens {
                try await app.write { tx in try await PeopleStore(sql: tx).revokeToken(id: t.id, personID: t.personID, actor: "system:demo") }
            }
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The in-memory structures follow the store's revision counters. A GET request reads the counters once
/// and hands them to the caches as a hint; a hint older than the cache must never roll it back, and a
/// counter moved by another process must still be picked up.
@Suite struct StoreRevisionTests {
    @Test(arguments: Engine.available)
    func anOlderHintNeverRollsACacheBackAndAnotherProcessIsSeen(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let sql = app.sql
            let week = Period.week(containing: CivilDate.parse("2026-11-02")!)
            _ = try await app.risk.current(sql)
            let before = try await StoreRevisions.read(sql)

            // This process records an incident: the store first, then the structure in place.
            let delta = [(RiskCube.Key(area: "GH1201", period: week), RiskCell(incidents: 1, fatalities: 2))]
            let revision = try await RiskStore(sql: sql).apply(delta)
            await app.risk.applied(delta, revision: revision)
            // A request that read the counters before it still gets the newer structure.
            #expect(try await app.risk.current(sql, seen: before).cube.cell("GH1201", week).incidents == 1)
            #expect(await app.risk.currentRevision == revision)

            // Another process records one more (store and counter move; this process is not told).
            _ = try await RiskStore(sql: sql).apply(delta)
            let now = try await StoreRevisions.read(sql)
            #expect(now.risk == revision + 1)
            #expect(try await app.risk.current(sql, seen: now).cube.cell("GH1201", week).incidents == 2)

            // The body tree likewise: a new body appears for a request that read the counters after it.
            let hint = try await StoreRevisions.read(sql)
            #expect(try await app.bodyTrees.current(sql, seen: hint).nodes["GH-DPC-TEST"] == nil)
            var body = try #require(DemoData.bodies.first { $0.code == "GH-DPC-BAWKU" })
            body.code = "GH-DPC-TEST"
            body.name = "Test district peace council"
            try await BodyStore(sql: sql).upsert([body], actor: "test")
            let after = try await StoreRevisions.read(sql)
            #expect(after.body > hint.body)
            #expect(try await app.bodyTrees.current(sql, seen: after).nodes["GH-DPC-TEST"] != nil)
            #expect(try await app.bodyTrees.current(sql, seen: hint).nodes["GH-DPC-TEST"] != nil)  // older hint: no roll-back
        }
    }

    /// The incident revision is moved by the store's own triggers: by every write an incident list reads (incidents, their
    /// indicators, reports linked to them, grants on either), by none that it does not read (a filed report, a grant on a
    /// document). Writes here go straight to the tables, past every store method, as a hand-run fix would.
    @Test(arguments: Engine.available)
    func theStoreMovesTheIncidentRevisionOnEveryWriteAListReads(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let sql = app.sql
            var last = try await StoreRevisions.read(sql).incident
            func check(_ what: String, moves: Bool, _ write: () async throws -> Void) async throws {
                try await write()
                let now = try await StoreRevisions.read(sql).incident
                #expect(moves ? now > last : now == last, "\(what): \(last) -> \(now)")
                last = now
            }
            let report = UUID().uuidString.lowercased()
            try await check("a filed report", moves: false) { try await Self.fileReport(app, id: report) }
            let admin = AccessPolicy.scope(for: .person(id: "x", installationAdmin: true, roles: []), in: BodyTree([]))
            let row = try #require(try await ReportStore(sql: sql).get(report, admin))
            var incident = ""
            try await check("a new incident", moves: true) {
                incident = try await IncidentStore(sql: sql).create(from: row, indicators: ["CS01"], title: "T", actor: "test")
            }
            try await check("an edited incident", moves: true) {
                try await sql.update("incidents").set("title", to: "T2").where("id", .equal, incident).run()
            }
            try await check("an indicator", moves: true) {
                try await sql.delete(from: "incident_indicators").where("incident_id", .equal, incident).run()
            }
            try await check("a report linked", moves: true) {
                try await sql.update("reports").set("incident_id", to: incident).where("id", .equal, report).run()
            }
            try await check("a linked report reclassified", moves: true) {
                try await sql.update("reports").set("classification", to: "restricted").where("id", .equal, report).run()
            }
            try await check("an unlinked report's text", moves: false) {
                let other = UUID().uuidString.lowercased()
                try await Self.fileReport(app, id: other)
                try await sql.update("reports").set("description", to: "x").where("id", .equal, other).run()
            }
            for type in ["incident", "report"] {
                try await check("a grant on an \(type)", moves: true) {
                    try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                        .values(SQLBind(type), SQLBind(type == "incident" ? incident : report), SQLBind("body"), SQLBind("GH-RPC-UE")).run()
                }
                try await check("a grant withdrawn", moves: true) {
                    try await sql.delete(from: "record_grants").where("record_type", .equal, type).run()
                }
            }
            try await check("a grant on a document", moves: false) {
                try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                    .values(SQLBind("document"), SQLBind("d1"), SQLBind("body"), SQLBind("GH-RPC-UE")).run()
            }
            try await check("a deleted incident", moves: true) {
                try await sql.update("reports").set("incident_id", to: SQLLiteral.null).where("id", .equal, report).run()
                try await sql.delete(from: "incidents").where("id", .equal, incident).run()
            }
        }
    }

    /// The incident list is answered from memory while nothing it reads has changed, per reader's scope: an incident
    /// written past every store method shows at once, and a reader never gets another scope's answer.
    @Test(arguments: Engine.available)
    func theIncidentListIsKeptPerScopeUntilTheStoreMoves(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let t = try app.testing()
            let analyst = try await TestInstallation.person(app, "analyst.npc", roles: [RoleGrant(body: "GH-NPC", role: .analyst)])
            func ids(_ token: String?) async throws -> [String] {
                let res = try await t.sendRequest(.GET, "/api/v1/incidents?limit=50", headers: token.map { .bearer($0) } ?? [:])
                #expect(res.status == .ok)
                return (try object(res)["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            }
            #expect(try await ids(nil).isEmpty)
            #expect(try await ids(analyst.token).isEmpty)
            let before = app.answers.incidents.json.counts
            #expect(try await ids(nil).isEmpty)
            #expect(try await ids(analyst.token).isEmpty)
            #expect(app.answers.incidents.json.counts.hits == before.hits + 2, "unchanged: both from memory")

            let admin = AccessPolicy.scope(for: .person(id: "x", installationAdmin: true, roles: []), in: try await BodyStore(sql: app.sql).tree())
            var made: [String: String] = [:]
            for c in [Classification.public, .restricted] {
                let report = UUID().uuidString.lowercased()
                try await Self.fileReport(app, id: report, classification: c)
                let row = try #require(try await ReportStore(sql: app.sql).get(report, admin))
                made[c.rawValue] = try await IncidentStore(sql: app.sql).create(from: row, indicators: ["CS01"], title: "T", actor: "test")
            }
            #expect(try await ids(nil) == [made["public"]!])
            #expect(Set(try await ids(analyst.token)) == Set(made.values))
            #expect(try await ids(nil) == [made["public"]!], "the anonymous answer is not the analyst's")
            try await app.sql.delete(from: "incidents").where("id", .equal, made["public"]!).run()
            #expect(try await ids(nil).isEmpty)
            #expect(try await ids(analyst.token) == [made["restricted"]!])
        }
    }

    /// The directory and forecast revisions move with every write to what the directory and the forecasts show, by the
    /// store's triggers (raw SQL here, past every store method), and not with other writes.
    @Test(arguments: Engine.available)
    func theStoreMovesTheDirectoryAndForecastRevisions(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let sql = app.sql
            var last = try await StoreRevisions.read(sql)
            func check(_ what: String, directory: Bool, forecast: Bool, _ write: () async throws -> Void) async throws {
                try await write()
                let now = try await StoreRevisions.read(sql)
                #expect(directory ? now.directory > last.directory : now.directory == last.directory, "\(what): directory")
                #expect(forecast ? now.forecast > last.forecast : now.forecast == last.forecast, "\(what): forecast")
                last = now
            }
            try await check("a body renamed", directory: true, forecast: false) {
                try await sql.update("bodies").set("name", to: "Renamed").where("code", .equal, "GH-DPC-BAWKU").run()
            }
            for (table, column, value) in [
                ("body_topics", "topic", "dialogue"), ("body_jurisdictions", "area_code", "GH1201"), ("body_partners", "partner_code", "GH-NPC"),
                ("body_sharing", "reader_code", "GH-NPC"),
            ] {
                try await sql.delete(from: table).where("body_code", .equal, "GH-DPC-BAWKU").where(column, .equal, value).run()
                last = try await StoreRevisions.read(sql)
                try await check("a row of \(table)", directory: true, forecast: false) {
                    try await sql.insert(into: table).columns("body_code", column).values(SQLBind("GH-DPC-BAWKU"), SQLBind(value)).run()
                }
            }
            try await check("a member", directory: true, forecast: false) {
                try await sql.insert(into: "body_members").columns("id", "body_code", "name", "categories", "created_at")
                    .values(SQLBind("m1"), SQLBind("GH-DPC-BAWKU"), SQLBind("A. Member"), SQLBind("women"), SQLBind("2026-12-01T00:00:00Z")).run()
            }
            try await check("a model", directory: false, forecast: true) {
                try await sql.insert(into: "forecast_models")
                    .columns("id", "level", "horizon", "trained_from", "trained_to", "training_rows", "model", "created_at")
                    .values(
                        SQLBind("fm1"), SQLBind("admin1"), SQLBind("month"), SQLBind("2026-01"), SQLBind("2026-10"), SQLBind(10), SQLBind("{}"),
                        SQLBind("2026-12-01T00:00:00Z")
                    ).run()
            }
            try await check("a forecast", directory: false, forecast: true) {
                try await sql.insert(into: "forecasts")
                    .columns("model_id", "area_code", "horizon", "period", "p_fatal", "p_violent", "deaths", "deaths_low", "deaths_high", "drivers")
                    .values(
                        SQLBind("fm1"), SQLBind("GH12"), SQLBind("month"), SQLBind("2026-12"), SQLBind(0.5), SQLBind(0.6), SQLBind(1.0), SQLBind(0),
                        SQLBind(3), SQLBind("[]")
                    ).run()
            }
            try await check("a filed report", directory: false, forecast: false) {
                try await Self.fileReport(app, id: UUID().uuidString.lowercased())
            }
        }
    }

    /// The directory is answered from memory (API and page) until a body or what its record shows changes, even by a
    /// write past every store method.
    @Test(arguments: Engine.available)
    func theDirectoryIsKeptUntilTheStoreMoves(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let t = try app.testing()
            func names() async throws -> [String] {
                let res = try await t.sendRequest(.GET, "/api/v1/bodies?limit=200")
                #expect(res.status == .ok)
                return (try object(res)["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            }
            let first = try await names()
            #expect(!first.isEmpty)
            let before = app.answers.directory.json.counts
            #expect(try await names() == first)
            #expect(app.answers.directory.json.counts.hits == before.hits + 1, "unchanged: from memory")
            try await app.sql.update("bodies").set("name", to: "Renamed by hand").where("code", .equal, "GH-DPC-BAWKU").run()
            #expect(try await names().contains("Renamed by hand"))
            #expect(try await t.sendRequest(.GET, "/bodies").body.string.contains("Renamed by hand"))
            try await app.sql.delete(from: "body_topics").where("body_code", .equal, "GH-DPC-BAWKU").where("topic", .equal, "early-warning").run()
            let res = try await t.sendRequest(.GET, "/api/v1/bodies?topic=early-warning&limit=200")
            #expect(!(try object(res)["items"] as? [[String: Any]] ?? []).contains { $0["code"] as? String == "GH-DPC-BAWKU" })
        }
    }

    @Test func aQueryParameterIsReadAsVaporWouldDecodeIt() throws {
        let app = try Application(.testing)
        defer { app.shutdown() }
        func value(_ query: String, _ name: String) -> String? {
            Request(application: app, url: URI(string: "/x" + query), on: app.eventLoopGroup.next()).queryParameter(name)
        }
        #expect(value("", "lang") == nil)
        #expect(value("?lang=pt&notice=a+b%21", "lang") == "pt")
        #expect(value("?lang=pt&notice=a+b%21", "notice") == "a b!")
        #expect(value("?error=%3Cscript%3E", "error") == "<script>")
        #expect(value("?notice=&lang=ar&lang=pt", "lang") == "ar")
        #expect(value("?notice=", "notice") == "")
        #expect(value("?noticeboard=1", "notice") == nil)
    }

    static func fileReport(_ app: Application, id: String, classification: Classification = .internal) async throws {
        let draft = ReportDraft(
            indicators: ["CS01"], eventType: nil, description: "Report", occurredOn: "2026-11-01", occurredAt: nil, timePrecision: nil,
            area: "GH1201", lat: nil, lon: nil, geoPrecision: nil, actors: nil, harm: nil, sourceKind: .monitor, reporter: nil,
            sourceReference: nil, classification: classification, body: "GH-DPC-BAWKU")
        try await ReportStore(sql: app.sql).create(
            draft, id: id, body: "GH-DPC-BAWKU", classification: classification, sourceKind: .monitor, area: "GH1201",
            areaPath: try await AreaStore(sql: app.sql).path("GH1201"), actor: "test")
    }
}

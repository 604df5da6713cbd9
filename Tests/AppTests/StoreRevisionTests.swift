import AgoraCore
import Foundation
import SQLKit
import Testing

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
}

import AgoraCore
import Foundation
import Testing
import VaporTesting

@testable import App

/// Forecasts trained on a store's history, stored with their model, served and scored later: on every engine.
@Suite struct ForecastStoreTests {
    /// Four years of monthly events: Borno deadly every other month, Kaduna every third, Plateau quiet but for one.
    static func history(until month: Period) -> String {
        var csv = "date,pcode,killed,type\n#date,#loc+code,#affected+killed,#event+type\n"
        for k in 1...48 {
            let p = month.advanced(by: -k)
            let day = CivilDate.text(p.firstDay + 9)
            if k % 2 == 0 { csv += "\(day),NG008,\(k % 5 + 1),Battles\n" }
            if k % 3 == 0 { csv += "\(day),NG019,2,Violence against civilians\n" }
            if k % 3 == 1 { csv += "\(day),NG019,0,Protests\n" }
            if k == 30 { csv += "\(day),NG032,1,Riots\n" }
        }
        return csv
    }

    @Test(arguments: Engine.available)
    func forecastsAreTrainedStoredServedAndScored(engine: Engine) async throws {
        // Only the demo's built-in areas: the three Nigerian states are the whole admin1 panel.
        let builtIn: (inout AgoraSettings) -> Void = { $0.sharedData = nil }
        try await TestInstallation.run(engine, settings: builtIn) { app in
            try await DemoInstallation.seed(app)
            let today = CivilDate.parse(Timestamp.now())!
            let month = Period.month(containing: today)
            let gazetteer = try await app.gazetteer.current(AreaStore(sql: app.sql))
            let imported = try await EventImporter(body: "NG-IPCR", classification: .internal, actor: "test")
                .run(Data(Self.history(until: month).utf8), app: app, gazetteer: gazetteer)
            #expect(imported.imported > 50 && imported.rejected.isEmpty)

            // A month ago, then today: the first run's forecasts of last month are now scored against what happened.
            let first = try await ForecastJob.run(app, today: month.advanced(by: -1).firstDay + 2)
            #expect(first.contains { $0.level == .admin1 && $0.horizon == .month && $0.period == month.advanced(by: -1).label })
            // Forecasts propose alerts from a 30 % chance of deadly violence.
            var settings = try await SettingsStore(sql: app.sql).load()
            settings.risk.proposeAtChance = 0.3
            let chosen = settings
            try await app.write { try await SettingsStore(sql: $0).save(chosen, actor: "test") }
            await app.risk.invalidate()
            let second = try await ForecastJob.run(app, today: today)
            let admin1 = try #require(second.first { $0.level == .admin1 && $0.horizon == .month })
            #expect(admin1.areas == 3 && admin1.period == month.label)

            // Trained this week and month: not due again until the next week or month begins.
            #expect(try await ForecastJob.isDue(app, today: today) == false)
            #expect(try await ForecastJob.isDue(app, today: today + 32) == true)
            let store = ForecastStore(sql: app.sql)
            let model = try #require(try await store.currentModel(level: .admin1, horizon: .month))
            #expect(model.forecaster.trainedTo == month.advanced(by: -1).label)
            #expect(model.evaluation?.live?.count == 3, "last month's three forecasts, scored")
            #expect(model.evaluation?.backtest?.methods.first?.id == "model")
            let all = try await store.forecasts(horizon: .month, period: month.label)
            #expect(all["NGA"] != nil, "the country level too")
            let now = all.filter { $0.key != "NGA" }
            #expect(Set(now.keys) == ["NG008", "NG019", "NG032"])
            #expect(now.values.allSatisfy { (0...1).contains($0.fatal) && $0.model == model.id && $0.drivers.count == 3 })
            // Borno, deadly every other month, is more likely to see deaths than quiet Plateau.
            #expect(now["NG008"]!.fatal > now["NG032"]!.fatal)
            #expect(try await store.window(model: model.id)?.to == month.advanced(by: -1).label)
            let proposed = try await AlertStore(sql: app.sql).recent(area: "NG008", since: Timestamp.format(Date().addingTimeInterval(-3600)))
            #expect(now["NG008"]!.fatal >= 0.3 && !proposed.isEmpty, "Borno at \(now["NG008"]!.fatal): a proposal")
            #expect(proposed.first?.headline.hasPrefix("Deadly violence forecast in Borno") == true)
            #expect(proposed.allSatisfy { $0.state == .proposed })
            let plateau = try await AlertStore(sql: app.sql).recent(area: "NG032", since: Timestamp.format(Date().addingTimeInterval(-3600)))
            #expect(now["NG032"]!.fatal < 0.3 && plateau.isEmpty, "quiet Plateau at \(now["NG032"]!.fatal): none")

            // Served: per area to people signed in, the record to anyone.
            let t = try app.testing()
            try await t.test(.GET, "/api/v1/forecasts") { #expect($0.status == .unauthorized) }
            try await t.test(.GET, "/api/v1/forecasts/record") { r in
                #expect(r.status == .ok)
                #expect(r.body.string.contains("\"backtest\"") && !r.body.string.contains("NG008"), "aggregates only")
            }
            try await t.test(.GET, "/api/v1/forecasts/record?horizon=fortnight") { #expect($0.status == .badRequest) }
            try await t.test(.GET, "/forecasts/record") { r in
                #expect(r.status == .ok)
                #expect(
                    r.body.string.contains("<svg") && r.body.string.contains("Agora&#39;s forecast") || r.body.string.contains("Agora's forecast"))
            }
        }
    }
}

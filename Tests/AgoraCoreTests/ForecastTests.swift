import Foundation
import Testing

@testable import AgoraCore

/// The forecast's arithmetic on cases small enough to compute by hand, and its promise never to look ahead.
@Suite struct ForecastTests {
    @Test func scoresMatchHandComputedValues() throws {
        let p = [0.9, 0.6, 0.4, 0.1]
        let y = [true, false, true, false]
        let s = ForecastScore.of(p, y, climatology: [0.5, 0.5, 0.5, 0.5])
        // Brier: (0.01 + 0.36 + 0.36 + 0.01) / 4
        #expect(abs(s.brier - 0.185) < 1e-12)
        // Climatology 0.5 everywhere scores 0.25: skill 1 - 0.185/0.25.
        #expect(abs(s.brierSkill! - 0.26) < 1e-12)
        // Positives 0.9, 0.4 against negatives 0.6, 0.1: 3 of 4 pairs in order.
        #expect(s.auc == 0.75)
        #expect(abs(s.logLoss - -(log(0.9) + log(0.4) + log(0.4) + log(0.9)) / 4) < 1e-12)
        #expect(s.reliability[9].count == 1 && s.reliability[9].observed == 1)
        #expect(s.reliability[6].count == 1 && s.reliability[6].observed == 0)
        #expect(s.baseRate == 0.5)
        // Ties count half; one class only has no AUC.
        #expect(ForecastScore.auc([0.5, 0.5], [true, false]) == 0.5)
        #expect(ForecastScore.auc([0.2, 0.3], [true, true]) == nil)
    }

    @Test func logisticFitRecoversARateAndAnOrdering() {
        // Half of the rows with x = 1 had the event, a tenth of those with x = 0.
        var x: [[Double]] = []
        var y: [Double] = []
        for i in 0..<200 {
            x.append([1])
            y.append(i % 2 == 0 ? 1 : 0)
            x.append([0])
            y.append(i % 10 == 0 ? 1 : 0)
        }
        let m = GLM.fit(x, y, family: .logistic, ridge: 1e-6)
        #expect(abs(m.predict([1]) - 0.5) < 1e-4)
        #expect(abs(m.predict([0]) - 0.1) < 1e-4)
        let counts = GLM.fit([[0], [0], [1], [1]], [1, 3, 10, 30], family: .poisson, ridge: 1e-9)
        #expect(abs(counts.predict([0]) - 2) < 1e-4 && abs(counts.predict([1]) - 20) < 1e-3)
        #expect(CountQuantile.quantile(0.5, mean: 0, dispersion: 0) == 0)
        // Poisson(2): P(X ≤ 1) = 3e^-2 ≈ 0.406, P(X ≤ 2) ≈ 0.677.
        #expect(CountQuantile.quantile(0.5, mean: 2, dispersion: 0) == 2)
    }

    /// Two countries' districts: violence in A1 every third month, spilling into A2 the month after; B1 quiet.
    static func history(months: Int, extra: [ForecastEvent] = []) -> (ForecastGeography, [ForecastEvent]) {
        let g = ForecastGeography(
            areas: [
                "A": .init(level: .country, parent: nil), "B": .init(level: .country, parent: nil),
                "A1": .init(level: .admin1, parent: "A"), "A2": .init(level: .admin1, parent: "A"), "B1": .init(level: .admin1, parent: "B"),
            ], neighbours: ["A1": ["A2"], "A2": ["A1", "B1"], "B1": ["A2"]])
        var events: [ForecastEvent] = []
        for m in 0..<months {
            let day = Period(.month, 2000 * 12 + m).firstDay + 3
            if m % 3 == 0 { events.append(ForecastEvent(areaPath: ["A1", "A"], day: day, fatalities: 2, threat: 1)) }
            if m % 3 == 1 { events.append(ForecastEvent(areaPath: ["A2", "A"], day: day, fatalities: m % 2)) }
            if m % 7 == 0 || m == months - 1 {
                events.append(ForecastEvent(areaPath: ["B1", "B"], day: day, fatalities: 0, peace: 1, reported: true))
            }
        }
        return (g, events + extra)
    }

    @Test func featuresOfAPeriodIgnoreEverythingAfterIt() {
        let (g, events) = Self.history(months: 60)
        let panel = ForecastPanel(events: events, geography: g, level: .admin1, kind: .month)
        // The same history with a massacre in every area in the last two years.
        let late = (36..<60).flatMap { m in
            ["A1", "A2", "B1"].map { ForecastEvent(areaPath: [$0], day: Period(.month, 2000 * 12 + m).firstDay, fatalities: 500) }
        }
        let changed = ForecastPanel(events: events + late, geography: g, level: .admin1, kind: .month)
        #expect(panel.areas == ["A1", "A2", "B1"])
        for r in 0..<36 { #expect(ForecastFeatures.rows(panel, at: r) == ForecastFeatures.rows(changed, at: r), "row \(r)") }
        #expect(ForecastFeatures.rows(panel, at: 36) != ForecastFeatures.rows(changed, at: 36))
        // A model trained with origin 36 never reads period 36 or later: the same weights, bit for bit.
        let a = Forecaster.train(panel, features: FeatureTable(panel), origin: 36)
        let b = Forecaster.train(changed, features: FeatureTable(changed), origin: 36)
        #expect(a != nil && a == b)
        #expect(a?.trainedTo == Period(.month, 2000 * 12 + 35).label)
    }

    @Test func trainingAndBacktestAreDeterministicAndBeatNoChangeOnAPattern() throws {
        let (g, events) = Self.history(months: 96)
        let panel = ForecastPanel(events: events, geography: g, level: .admin1, kind: .month)
        let a = try #require(Forecaster.train(panel, features: FeatureTable(panel), origin: 60))
        let b = try #require(Forecaster.train(panel, features: FeatureTable(panel), origin: 60))
        #expect(a == b)
        #expect(panel.count == 96)
        let options = Backtest.Options(from: 48, to: 95, split: 12)
        let r1 = Backtest.run(panel, options)
        let r2 = Backtest.run(panel, options)
        #expect(r1 == r2)
        #expect(r1.folds == 4 && r1.methods.map(\.name) == Backtest.methodNames)
        // Violence every third month is a pattern lags see and persistence does not.
        let model = r1.methods[0].all
        let persistence = r1.methods[3].all
        #expect(model.count == 48 * 3)
        #expect(model.brier < persistence.brier)
        #expect((model.auc ?? 0) > 0.9)
        // The forecast of an area says why, from the features it has.
        let f = a.forecast(ForecastFeatures.rows(panel, at: 95)[0])
        #expect(f.drivers.count == 3 && f.drivers.allSatisfy { ForecastFeatures.ids.contains($0.feature) })
        #expect(ForecastFeatures.ids.count == ForecastFeatures.rows(panel, at: 0)[0].count)
        #expect(f.deathsLow <= f.deathsHigh && (0...1).contains(f.fatal))
    }

    @Test func aPanelWithinACountryStartsWithItsOwnHistory() {
        let (g, events) = Self.history(months: 24)
        let early = ForecastEvent(areaPath: ["B1", "B"], day: Period(.month, 1990 * 12).firstDay, fatalities: 1)
        let panel = ForecastPanel(events: events + [early], geography: g, level: .admin1, kind: .month, within: ["A"])
        #expect(panel.areas == ["A1", "A2"])
        #expect(panel.first == Period(.month, 2000 * 12))
    }

    @Test func aForecastProposesAsTheSettingsSay() throws {
        var settings = RiskSettings()
        #expect(settings.proposeAtChance == nil)
        settings.proposeAtChance = 1.5
        #expect(throws: ValidationFailure.self) { try settings.validate() }
        settings.proposeAtChance = 0.4
        try settings.validate()
        let d = AlertRules.forecastProposal(
            area: "NG008", areaName: "Borno", period: "2026-12", chance: 0.72, deaths: 4.2, low: 1, high: 9, drivers: ["deadly events next door"])
        #expect(d.severity == .Severe && d.certainty == .Likely && d.areas == ["NG008"])
        #expect(d.headline == "Deadly violence forecast in Borno (72 %)")
        #expect(d.description?.contains("between 1 and 9") == true)
        #expect(
            AlertRules.forecastProposal(area: "A", areaName: "A", period: "p", chance: 0.35, deaths: 0, low: 0, high: 1, drivers: []).certainty
                == .Possible)
        #expect(ForecastBands.level(0.05) == .low && ForecastBands.level(0.1) == .moderate && ForecastBands.level(0.6) == .critical)
    }
}

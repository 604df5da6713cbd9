import Foundation
import Testing

@testable import AgoraCore

@Suite struct PeriodTests {
    @Test func weeksAreISOWeeksAndRoundTrip() throws {
        let d = try #require(CivilDate.parse("2026-11-29"))  // a Sunday
        #expect(CivilDate.text(d) == "2026-11-29")
        let w = Period.week(containing: d)
        #expect(w.label == "2026-W48")
        #expect(CivilDate.text(w.firstDay) == "2026-11-23")
        #expect(CivilDate.text(w.lastDay) == "2026-11-29")
        #expect(Period.parse("2026-W48") == w)
        // 2021-01-03 belongs to the last ISO week of 2020.
        #expect(Period.week(containing: CivilDate.parse("2021-01-03")!).label == "2020-W53")
        #expect(Period.month(containing: d).label == "2026-11")
        #expect(Period.parse("2026-11") == Period.month(containing: d))
        #expect(Period.parse("2026-W54") == nil && Period.parse("2026-13") == nil && Period.parse("26-11") == nil)
        #expect(CivilDate.text(CivilDate.parse("1969-12-31")!) == "1969-12-31")
    }
}

@Suite struct RiskModelTests {
    static let weights = RiskWeights(.standard)
    static let settings = RiskSettings()
    static let today = CivilDate.parse("2026-11-25")!

    static func event(_ id: String, _ path: [String], daysAgo: Int = 0, deaths: Int = 0, _ inds: [String]) -> RiskEvent {
        RiskEvent(id: id, areaPath: path, day: today - daysAgo, fatalities: deaths, indicators: inds)
    }

    static let bawku = ["GH1201", "GH12", "GHA"]
    static let togo = ["TG0501", "TG05", "TGO"]

    @Test func pressureWeighsIndicatorsDeathsAndPeace() {
        let e = Self.event("a", Self.bawku, deaths: 3, ["CS01", "GR04", "SC01"])  // 5 + 3 threat, 2 peace
        let c = e.cell(Self.weights, Self.settings)
        #expect(c.threat == 8 && c.peace == 2)
        #expect(abs(RiskModel.pressure(c, Self.settings) - (8 + 2 * log(4) - 2)) < 1e-9)
        // No indicator at all (an imported event without a mapping) still counts, at the default weight.
        #expect(Self.event("b", Self.bawku, []).cell(Self.weights, Self.settings).threat == 1)
    }

    @Test func aSurgeAgainstTheAreasOwnBaselineCountsTwice() {
        let week = Period.week(containing: Self.today)
        // A chronic area: one armed attack every week for 12 weeks, and this week too.
        var chronic = (0...12).map { Self.event("c\($0)", ["NG008", "NGA"], daysAgo: 7 * $0, ["CS01"]) }
        var cube = RiskCube.build(chronic, Self.weights, Self.settings)
        let steady = RiskModel.score("NG008", level: .admin1, period: week, cube: cube, neighbours: [], settings: Self.settings)
        #expect(steady.pressure == 5 && steady.baseline == 5 && steady.surge == 0 && steady.score == 5)
        // Three more attacks this week: pressure 20, usual 5, surge 15, score 35.
        chronic = (1...3).map { Self.event("x\($0)", ["NG008", "NGA"], ["CS01"]) }
        for e in chronic { cube.add(e, Self.weights, Self.settings) }
        let surging = RiskModel.score("NG008", level: .admin1, period: week, cube: cube, neighbours: [], settings: Self.settings)
        #expect(surging.pressure == 20 && surging.surge == 15 && surging.score == 35 && surging.level == .high)
    }

    @Test func peaceIndicatorsPullTheScoreDown() {
        let week = Period.week(containing: Self.today)
        let cube = RiskCube.build(
            [Self.event("a", Self.bawku, ["CS05"]), Self.event("b", Self.bawku, ["SC03", "SC04"])], Self.weights, Self.settings)
        let s = RiskModel.score("GH1201", level: .admin2, period: week, cube: cube, neighbours: [], settings: Self.settings)
        #expect(s.pressure == 0 && s.score == 0 && s.level == .low)
    }

    @Test func risingRiskAcrossABorderSpillsIntoTheNeighbour() {
        let week = Period.week(containing: Self.today)
        let events = (0..<4).map { Self.event("t\($0)", Self.togo, deaths: 2, ["CS05"]) }
        let cube = RiskCube.build(events, Self.weights, Self.settings)
        let togo = RiskModel.score("TG0501", level: .admin2, period: week, cube: cube, neighbours: ["GH1201"], settings: Self.settings)
        let ghana = RiskModel.score("GH1201", level: .admin2, period: week, cube: cube, neighbours: ["TG0501"], settings: Self.settings)
        #expect(togo.surge > 0 && ghana.pressure == 0)
        #expect(abs(ghana.spillover - 0.5 * togo.surge) < 1e-9)
        #expect(ghana.neighbours.map(\.area) == ["TG0501"] && ghana.level >= .moderate)
    }

    @Test func incrementalUpdatesEqualAFullRebuildAndCanBeUndone() {
        let events = (0..<200).map { i in
            Self.event(
                "e\(i)", i % 3 == 0 ? Self.togo : Self.bawku, daysAgo: i % 90, deaths: i % 7 == 0 ? i % 11 : 0,
                [["CS01"], ["GR04", "SC01"], [], ["NR01", "HH01"]][i % 4])
        }
        let full = RiskCube.build(events, Self.weights, Self.settings)
        var inc = RiskCube.build(events.dropLast(), Self.weights, Self.settings)
        inc.add(events.last!, Self.weights, Self.settings)
        for (k, v) in full.cells {
            let w = inc.cell(k.area, k.period)
            #expect(v.incidents == w.incidents && abs(v.threat - w.threat) < 1e-9 && abs(v.harm - w.harm) < 1e-9)
        }
        inc.remove(events.last!, Self.weights, Self.settings)
        #expect(inc.cells.count == RiskCube.build(events.dropLast(), Self.weights, Self.settings).cells.count)
        // Every incident counts in its area and each area above, for a week and a month: 3 × 2 cells.
        #expect(RiskCube.deltas(events[0], Self.weights, Self.settings).count == 6)
        // An area's count over the whole span (what the list planner reads) covers it and every area below.
        #expect(full.incidentCount(Self.togo[0]) == events.filter { $0.areaPath[0] == Self.togo[0] }.count)
        #expect(full.incidentCount(Self.togo.last!) == events.filter { $0.areaPath.last == Self.togo.last! }.count)
        #expect(full.incidentCount("nowhere") == 0)
    }

    @Test func theSpanGrowsForOldAndNewIncidentsWithoutLosingCells() {
        let base = (0..<50).map { Self.event("b\($0)", Self.bawku, daysAgo: $0, deaths: $0 % 3, ["CS01"]) }
        var cube = RiskCube.build(base, Self.weights, Self.settings)
        let before = cube.cells
        let old = Self.event("old", Self.togo, daysAgo: 3 * 365, deaths: 4, ["CS05"])
        let new = Self.event("new", Self.togo, daysAgo: -400, ["SC01"])  // a date beyond the year of room ahead
        cube.add(old, Self.weights, Self.settings)
        cube.add(new, Self.weights, Self.settings)
        for (k, v) in before { #expect(cube.cell(k.area, k.period) == v) }
        #expect(cube.cell("TG0501", .week(containing: old.day)).fatalities == 4)
        #expect(cube.cell("TGO", .month(containing: new.day)).peace == 2)
        let rebuilt = RiskCube.build(base + [old, new], Self.weights, Self.settings)
        #expect(rebuilt.cells == cube.cells)
        cube.remove(old, Self.weights, Self.settings)
        cube.remove(new, Self.weights, Self.settings)
        #expect(cube.cells == before)
    }

    @Test func aLargeRebuildOnTwoThreadsEqualsAddingOneByOne() {
        // Above 200,000 incidents the rebuild splits the work in two; the sum must not change.
        let events = (0..<210_000).map { i in
            Self.event(
                "e\(i)", i % 3 == 0 ? Self.togo : Self.bawku, daysAgo: i % 700, deaths: i % 11 == 0 ? i % 37 : 0, [["CS01"], ["SC01"], []][i % 3])
        }
        let built = RiskCube.build(events, Self.weights, Self.settings)
        var added = RiskCube()
        for e in events { added.add(e, Self.weights, Self.settings) }
        let a = built.cells
        let b = added.cells
        #expect(a.count == b.count)
        for (k, v) in a {
            let w = b[k] ?? RiskCell()
            #expect(v.incidents == w.incidents && v.fatalities == w.fatalities && abs(v.threat - w.threat) < 1e-6 && abs(v.harm - w.harm) < 1e-6)
        }
    }

    @Test func driversNameIndicatorsIncidentsAndNeighbours() {
        let events = [Self.event("a", Self.bawku, deaths: 4, ["CS01", "GR04"]), Self.event("b", Self.bawku, ["SC01"])]
        let d = RiskExplanation.drivers(
            events, neighbours: [NeighbourSpill(area: "TG0501", surge: 10, contribution: 5)],
            weights: Self.weights, settings: Self.settings)
        #expect(d.first { $0.kind == .indicator }?.code == "CS01")
        #expect(d.contains { $0.kind == .indicator && $0.code == "SC01" && $0.contribution == -2 })
        #expect(d.first { $0.kind == .incident }?.code == "a")
        #expect(d.contains { $0.kind == .neighbour && $0.code == "TG0501" && $0.contribution == 5 })
        #expect(d.contains { $0.kind == .fatalities })
    }

    @Test func settingsAreValidatedFieldByField() {
        var s = RiskSettings()
        s.baselinePeriods = 0
        s.thresholds["admin2"] = .init(moderate: 10, high: 5, critical: 30)
        s.thresholds["province"] = .init(moderate: 1, high: 2, critical: 3)
        #expect(throws: ValidationFailure.self) { try s.validate() }
        do { try s.validate() } catch let f as ValidationFailure {
            #expect(Set(f.issues.map(\.field)) == ["baselinePeriods", "thresholds.admin2", "thresholds.province"])
        } catch { Issue.record("\(error)") }
    }
}

@Suite struct AlertCoreTests {
    static let sent = "2026-11-29T10:00:00.000Z"
    static var ctx: AlertRules.Context { AlertRules.Context(areaExists: { ["GH1201", "GHA"].contains($0) }, indicators: ["CS01"], sent: sent) }

    /// An instant with its offset read as UTC: east of Greenwich is earlier, west later; a bare time is UTC.
    @Test func instantsWithOffsetsAreReadAsUTC() {
        let utc = AlertRules.date("2026-11-29T09:30:00Z")
        #expect(utc != nil)
        #expect(AlertRules.date("2026-11-29T11:30:00+02:00") == utc)
        #expect(AlertRules.date("2026-11-29T04:00:00-05:30") == utc)
        #expect(AlertRules.date("2026-11-29T09:30:00.000Z") == utc)
        #expect(AlertRules.date("2026-11-29T09:30") == utc)
        #expect(AlertRules.date("2026-11-29T11:30:00+2:00") == AlertRules.date("2026-11-29T11:30:00Z"))  // no offset: the time alone
        #expect(AlertRules.date("2026-11-29") == nil)
    }

    @Test func badAlertsAreRefusedNamingEachField() {
        let d = AlertDraft(
            event: "", urgency: .Expected, severity: .Severe, certainty: .Likely, headline: "x", areas: [],
            effective: "2026-11-29T12:00:00Z", expires: "2026-11-29T11:00:00+00:00", indicators: ["ZZ"])
        do {
            try AlertRules.check(d, Self.ctx)
            Issue.record("accepted")
        } catch let f as ValidationFailure {
            #expect(Set(f.issues.map(\.field)) == ["areas", "event", "expires", "indicators[0]"])
            #expect(f.issues.contains { $0.message.contains("before the alert takes effect") })
        } catch { Issue.record("\(error)") }
        let early = AlertDraft(
            event: "E", urgency: .Expected, severity: .Severe, certainty: .Likely, headline: "h", areas: ["GH1201"],
            expires: "2026-11-29T11:30:00+02:00")  // 09:30 UTC: before it is sent
        #expect(throws: ValidationFailure.self) { try AlertRules.check(early, Self.ctx) }
        let fine = AlertDraft(
            event: "E", urgency: .Expected, severity: .Severe, certainty: .Likely, headline: "h", areas: ["GH1201"],
            expires: "2026-11-30T10:00:00Z")
        #expect(throws: Never.self) { try AlertRules.check(fine, Self.ctx) }
    }

    @Test func capXMLHasTheSchemaOrderTimesAndEscapes() {
        var m = CAPMessage(
            identifier: "agora-1", sender: "agora@example.org", sent: Date(timeIntervalSince1970: 1_780_000_000), status: .Actual,
            msgType: .Update, scope: .Restricted, categories: [.Security], event: "Risk & <violence>", urgency: .Expected,
            severity: .Severe, certainty: .Likely,
            areas: [
                .init(
                    areaDesc: "Bawku",
                    polygons: [
                        [
                            GeoPoint(lat: 11, lon: -0.3), GeoPoint(lat: 11.1, lon: -0.2),
                            GeoPoint(lat: 11, lon: -0.1), GeoPoint(lat: 11, lon: -0.3),
                        ]
                    ],
                    geocodes: [(name: "PCODE", value: "GH1201")])
            ])
        m.restriction = "members of the peace councils"
        m.references = [(sender: "agora@example.org", identifier: "agora-0", sent: Date(timeIntervalSince1970: 1_779_990_000))]
        let x = m.xml()
        #expect(x.contains("<sent>2026-05-28T20:26:40+00:00</sent>"))
        #expect(x.contains("<event>Risk &amp; &lt;violence&gt;</event>"))
        #expect(x.contains("<references>agora@example.org,agora-0,2026-05-28T17:40:00+00:00</references>"))
        #expect(x.contains("<polygon>11.0000,-0.3000 11.1000,-0.2000 11.0000,-0.1000 11.0000,-0.3000</polygon>"))
        let order = [
            "<identifier>", "<sender>", "<sent>", "<status>", "<msgType>", "<scope>", "<restriction>", "<references>", "<info>",
            "<category>", "<event>", "<urgency>", "<severity>", "<certainty>", "<area>", "<areaDesc>", "<polygon>", "<geocode>",
        ]
        let positions = order.map { x.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func aProposalCarriesTheScoreAndItsDrivers() {
        let score = RiskScore(
            area: "GH1201", period: "2026-W48", score: 32, level: .critical, pressure: 20, baseline: 2, surge: 18, spillover: 0,
            incidents: 4, fatalities: 3, neighbours: [])
        let p = AlertRules.proposal(
            for: score, areaName: "Bawku Municipal",
            drivers: [RiskDriver(kind: .indicator, code: "CS01", name: nil, contribution: 15)], indicatorNames: ["CS01": "Armed attack on civilians"])
        #expect(p.severity == .Extreme && p.urgency == .Immediate && p.areas == ["GH1201"] && p.indicators == ["CS01"])
        #expect(p.description!.contains("Armed attack on civilians"))
        #expect(throws: Never.self) { try AlertRules.check(p, Self.ctx) }
    }
}

@Suite struct ResponseRoutingTests {
    static let bodies: [BodyProfile] = [
        BodyProfile(code: "ECOWAS", level: .subRegional, topics: [.response, .mediation], jurisdiction: ["GHA", "TGO", "NGA"]),
        BodyProfile(code: "IGAD", level: .subRegional, topics: [.response], jurisdiction: ["KEN", "UGA"]),
        BodyProfile(code: "AU", level: .continental, topics: [.response], jurisdiction: ["GHA", "TGO", "NGA", "KEN", "UGA"]),
        BodyProfile(code: "NPC", level: .national, topics: [.response, .mediation], jurisdiction: ["GHA"]),
        BodyProfile(code: "NACSA", level: .national, topics: [.smallArms], jurisdiction: ["GHA"]),
        BodyProfile(code: "RPC", level: .region, topics: [.response, .mediation], jurisdiction: ["GH12"], parent: "NPC"),
        BodyProfile(code: "DPC", level: .district, topics: [.response, .mediation], jurisdiction: ["GH1201"], parent: "RPC"),
    ]
    static let path = ["GH1201", "GH12", "GHA"]

    @Test func casesGoToTheLowestBodyForTheAlertsTopicsAndUpTheChain() {
        let topics = Routing.topics(indicators: ["CS03", "GR04"], framework: .standard)
        #expect(topics == [.smallArms, .mediation, .response])  // GR04 and CS03 weigh 3; CS03 sorts first
        let r = Routing.route(areaPath: Self.path, topics: topics, bodies: Self.bodies)
        #expect(r.competent?.code == "DPC")  // mediation reaches a district body; small arms only a national one
        #expect(r.chain.map(\.code) == ["DPC", "RPC", "NPC", "ECOWAS"])  // AU has no mediation mandate here
        let dpc = Self.bodies.last!
        #expect(Routing.next(above: dpc, chain: r.chain, areaPath: Self.path, bodies: Self.bodies)?.code == "RPC")
        // Past the end of the mediation chain, the way up is the response chain.
        #expect(Routing.next(above: Self.bodies[0], chain: r.chain, areaPath: Self.path, bodies: Self.bodies)?.code == "AU")
        let au = Self.bodies[2]
        #expect(Routing.next(above: au, chain: r.chain, areaPath: Self.path, bodies: Self.bodies) == nil)
    }

    @Test func theRegionalBodyAboveBothCountries() {
        #expect(Routing.regional(countries: ["GHA", "TGO"], topic: .response, bodies: Self.bodies)?.code == "ECOWAS")
        #expect(Routing.regional(countries: ["KEN", "UGA"], topic: .mediation, bodies: Self.bodies)?.code == "IGAD")
        #expect(Routing.regional(countries: ["GHA", "KEN"], topic: .response, bodies: Self.bodies)?.code == "AU")
    }

    @Test func theGapIsMeasuredPerBodyAndLevel() {
        let cases = [
            ResponseGap.CaseTimes(
                body: "DPC", level: .district, toAcknowledge: 60, toFirstAction: 600, toClose: 6000, responded: true, escalatedForDeadline: false),
            ResponseGap.CaseTimes(
                body: "DPC", level: .district, toAcknowledge: 180, toFirstAction: nil, toClose: nil, responded: false, escalatedForDeadline: true),
            ResponseGap.CaseTimes(
                body: "RPC", level: .region, toAcknowledge: nil, toFirstAction: nil, toClose: nil, responded: false, escalatedForDeadline: true),
        ]
        let g = ResponseGap.measure(cases)
        #expect(g.total.cases == 3 && g.total.medianSecondsToAcknowledge == 120)
        #expect(abs(g.total.noResponseShare - 2.0 / 3) < 1e-9 && abs(g.total.escalatedForDeadlineShare - 2.0 / 3) < 1e-9)
        #expect(g.byBody.map(\.key) == ["DPC", "RPC"] && g.byBody[0].medianSecondsToFirstAction == 600)
        #expect(g.byLevel.map(\.key) == ["district", "region"])
    }

    @Test func webhookSignaturesAreHMACSHA256AndBackOffDoubles() {
        // Known answer, checked with: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        let sig = WebhookSignature.sign(secret: "secret", timestamp: 1_700_000_000, body: Data("{\"a\":1}".utf8))
        #expect(sig == "sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686")
        #expect(sig != WebhookSignature.sign(secret: "other", timestamp: 1_700_000_000, body: Data("{\"a\":1}".utf8)))
        #expect([1, 2, 3, 4].map { WebhookSignature.backoff(failures: $0, base: 30) } == [30, 60, 120, 240])
        #expect(WebhookSignature.backoff(failures: 30, base: 30) == 6 * 3600)
    }
}

@Suite struct CaseClosingTests {
    func fields(_ planned: [String], _ d: [CaseClosing.Decision]) -> [String] {
        do {
            try CaseClosing.check(planned: planned, decisions: d)
            return []
        } catch let f as ValidationFailure { return f.issues.map(\.field) } catch { return ["?"] }
    }

    @Test func everyPlannedActionIsDecidedBeforeClosing() {
        #expect(fields([], []) == [])
        #expect(fields(["a", "b"], [.init(id: "a", status: .done, result: "held")]) == ["actions"])
        #expect(fields(["a"], [.init(id: "a", status: .cancelled, result: "calm")]) == [])
        #expect(fields(["a"], [.init(id: "a", status: .planned, result: "x")]) == ["actions[0].status"])
        #expect(fields(["a"], [.init(id: "a", status: .done, result: " ")]) == ["actions[0].result"])
        #expect(fields(["a"], [.init(id: "z", status: .done, result: "x")]) == ["actions[0].id", "actions"])
        #expect(
            fields(["a"], [.init(id: "a", status: .done, result: "x"), .init(id: "a", status: .cancelled, result: "y")]) == ["actions[1].id"])
    }
}

import Testing

@testable import AgoraCore

/// The competence rule on a small, hand-made infrastructure (Ghana-like, plus a cross-border committee).
@Suite struct CompetenceTests {
    // Areas: GHA > GH12 > GH1201 > GH1201-C1 ; GH12 > GH1202 ; UGA > UG3 > UG3086 ; KEN > KE023 > KE023124
    static let bodies: [BodyProfile] = [
        BodyProfile(code: "UN", level: .global, topics: [.earlyWarning, .mediation, .smallArms], jurisdiction: [], worldwide: true),
        BodyProfile(
            code: "ECOWAS", level: .subRegional, topics: [.earlyWarning, .mediation, .smallArms], jurisdiction: ["GHA", "NGA"], parent: "AU"),
        BodyProfile(code: "AU", level: .continental, topics: [.earlyWarning, .mediation, .smallArms], jurisdiction: ["GHA", "NGA", "KEN", "UGA"]),
        BodyProfile(code: "AU-CEWS", level: .continental, topics: [.earlyWarning], jurisdiction: ["GHA", "NGA", "KEN", "UGA"], parent: "AU"),
        BodyProfile(code: "IGAD", level: .subRegional, topics: [.earlyWarning, .mediation], jurisdiction: ["KEN", "UGA"], parent: "AU"),
        BodyProfile(code: "NPC", level: .national, topics: [.earlyWarning, .mediation], jurisdiction: ["GHA"], parent: nil),
        BodyProfile(code: "NACSA", level: .national, topics: [.smallArms], jurisdiction: ["GHA"]),
        BodyProfile(code: "RPC-UE", level: .region, topics: [.earlyWarning, .mediation], jurisdiction: ["GH12"], parent: "NPC"),
        BodyProfile(code: "DPC-BAWKU", level: .district, topics: [.earlyWarning, .mediation], jurisdiction: ["GH1201"], parent: "RPC-UE"),
        BodyProfile(code: "XB-KARAMOJA", level: .district, topics: [.earlyWarning], jurisdiction: ["KE023124", "UG3086"], parent: "IGAD"),
    ]

    static func codes(_ a: CompetenceAnswer) -> [String] { a.chain.map(\.code) }

    @Test func theLowestCompetentBodyActsFirstThenTheChainGoesUp() {
        let a = Competence.answer(areaPath: ["GH1201-C1", "GH1201", "GH12", "GHA"], topic: .earlyWarning, bodies: Self.bodies)
        #expect(a.competent?.code == "DPC-BAWKU")
        // AU-CEWS and AU are both continental; AU is above ECOWAS by the parent links, so it is the way up.
        #expect(Self.codes(a) == ["DPC-BAWKU", "RPC-UE", "NPC", "ECOWAS", "AU", "UN"])
    }

    @Test func aDistrictWithNoBodyForTheTopicGoesToTheNextLevelThatHasOne() {
        // Bawku West has no district council at all; Bawku Municipal's has no small-arms mandate.
        let west = Competence.answer(areaPath: ["GH1202", "GH12", "GHA"], topic: .mediation, bodies: Self.bodies)
        #expect(west.competent?.code == "RPC-UE")
        let arms = Competence.answer(areaPath: ["GH1201", "GH12", "GHA"], topic: .smallArms, bodies: Self.bodies)
        #expect(Self.codes(arms) == ["NACSA", "ECOWAS", "AU", "UN"])
    }

    @Test func aCrossBorderBodyServesBothSidesAndLeadsToTheRegionalBodyAboveBoth() {
        for path in [["KE023124", "KE023", "KEN"], ["UG3086", "UG3", "UGA"]] {
            let a = Competence.answer(areaPath: path, topic: .earlyWarning, bodies: Self.bodies)
            #expect(Self.codes(a) == ["XB-KARAMOJA", "IGAD", "AU", "UN"], "from \(path[0])")
        }
        // Mediation: the cross-border committee has no such mandate; IGAD has, for both countries.
        let m = Competence.answer(areaPath: ["UG3086", "UG3", "UGA"], topic: .mediation, bodies: Self.bodies)
        #expect(m.competent?.code == "IGAD")
    }

    @Test func noBodyAtAllIsAnAnswerToo() {
        let a = Competence.answer(areaPath: ["BRA"], topic: .ddr, bodies: Self.bodies)
        #expect(a.competent == nil && a.chain.isEmpty)
        let b = Competence.answer(areaPath: ["BRA"], topic: .earlyWarning, bodies: Self.bodies)
        #expect(Self.codes(b) == ["UN"])
    }

    @Test func aNearerMandateWinsAtTheSameLevel() {
        let wide = BodyProfile(code: "A-WIDE", level: .region, topics: [.dialogue], jurisdiction: ["GHA"])
        let near = BodyProfile(code: "Z-NEAR", level: .region, topics: [.dialogue], jurisdiction: ["GH12"])
        let a = Competence.answer(areaPath: ["GH1201", "GH12", "GHA"], topic: .dialogue, bodies: [wide, near])
        #expect(a.competent?.code == "Z-NEAR")
    }
}

@Suite struct TreeRuleTests {
    @Test func cyclesAreFoundAndNamed() {
        #expect(Codes.firstCycle(parents: ["a": "b", "b": "c"]) == nil)
        let cycle = Codes.firstCycle(parents: ["a": "b", "b": "c", "c": "a", "x": "a"])
        #expect(cycle == ["a", "b", "c", "a"])
        #expect(Codes.firstCycle(parents: ["self": "self"]) == ["self", "self"])
    }

    @Test func areaBatchesAreCheckedWhole() {
        let existing = ["GHA": AreaNode(level: .country, parent: nil), "GH12": AreaNode(level: .admin1, parent: "GHA")]
        let good = [AreaDraft(code: "GH1201", name: "Bawku Municipal", level: .admin2, parent: "GH12")]
        #expect(throws: Never.self) { try AreaRules.check(good, existing: existing) }

        func issues(_ batch: [AreaDraft]) -> [ValidationIssue] {
            do {
                try AreaRules.check(batch, existing: existing)
                return []
            } catch let f as ValidationFailure { return f.issues } catch { return [] }
        }
        let unknown = issues([AreaDraft(code: "X1", name: "X", level: .admin2, parent: "NOPE")])
        #expect(unknown.contains { $0.field == "areas[0].parent" && $0.message.contains("unknown area code 'NOPE'") })
        let upside = issues([AreaDraft(code: "X2", name: "X", level: .admin1, parent: "GH12")])
        #expect(upside.contains { $0.field == "areas[0].parent" && $0.message.contains("higher level") })
        let dup = issues([
            AreaDraft(code: "D", name: "D", level: .admin1, parent: "GHA"), AreaDraft(code: "D", name: "D", level: .admin1, parent: "GHA"),
        ])
        #expect(dup.contains { $0.field == "areas[1].code" && $0.message.contains("duplicate") })
        let orphan = issues([AreaDraft(code: "O", name: "O", level: .admin1, parent: nil)])
        #expect(orphan.contains { $0.field == "areas[0].parent" })
        let badCode = issues([AreaDraft(code: "bad code/1", name: "B", level: .country, parent: nil)])
        #expect(badCode.contains { $0.field == "areas[0].code" })
        // Moving a country under its own admin1 makes a cycle (and a level error): both are said.
        let cyc = issues([AreaDraft(code: "GHA", name: "Ghana", level: .country, parent: "GH12")])
        #expect(cyc.contains { $0.message.contains("cycle") })
    }

    @Test func bodyBatchesAreCheckedWhole() {
        let ctx = BodyRules.Context(
            bodies: ["NPC": (.national, nil)], areaExists: { ["GHA", "GH12"].contains($0) }, organisationExists: { $0 == "GOV" })
        func issues(_ d: BodyDraft) -> [ValidationIssue] {
            do {
                try BodyRules.check([d], context: ctx)
                return []
            } catch let f as ValidationFailure { return f.issues } catch { return [] }
        }
        let ok = BodyDraft(
            code: "RPC", name: "Regional council", level: .region, kind: .peaceCouncil, organisation: "GOV", parent: "NPC",
            jurisdiction: ["GH12"], topics: [.mediation], partners: ["NPC"])
        #expect(issues(ok).isEmpty)
        var d = ok
        d.parent = "NOPE"
        #expect(issues(d).contains { $0.field == "bodies[0].parent" && $0.message.contains("unknown body") })
        d = ok
        d.jurisdiction = ["XX9"]
        #expect(issues(d).contains { $0.field == "bodies[0].jurisdiction[0]" })
        d = ok
        d.level = .global
        d.parent = "NPC"
        #expect(issues(d).contains { $0.field == "bodies[0].parent" && $0.message.contains("reports to its own level or higher") })
        d = ok
        d.worldwide = true
        #expect(issues(d).contains { $0.field == "bodies[0].worldwide" })
        d = ok
        d.topics = []
        #expect(issues(d).contains { $0.field == "bodies[0].topics" })
        d = ok
        d.organisation = "ZZ"
        #expect(issues(d).contains { $0.field == "bodies[0].organisation" })
        d = ok
        d.code = "NPC"
        d.level = .national
        d.parent = "NPC"
        #expect(issues(d).contains { $0.message.contains("its own parent") })
        // A cycle across two bodies.
        let ctx2 = BodyRules.Context(
            bodies: ["A": (.national, "B"), "B": (.national, nil)], areaExists: { _ in true }, organisationExists: { _ in true })
        let b = BodyDraft(code: "B", name: "B", level: .national, kind: .organ, parent: "A", jurisdiction: ["GHA"], topics: [.mediation])
        #expect(throws: ValidationFailure.self) { try BodyRules.check([b], context: ctx2) }
    }
}

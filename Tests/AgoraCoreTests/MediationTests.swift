import Foundation
import Testing

@testable import AgoraCore

/// Mediation's rules without a server: the state machine, who reads what, the commitment tree, the scores and their
/// roll-ups computed by hand, the stall rule, violations and the PA-X reader.
@Suite struct MediationTests {
    static let parties = [
        MediationParty(name: "Kusasi elders", kind: .group, role: .party, consent: .given),
        MediationParty(name: "Mamprusi elders", kind: .group, role: .party, consent: .pending),
        MediationParty(name: "Bawku Municipal Assembly", kind: .body, role: .observer),
    ]
    static let mediator = Mediator(
        name: "Rev. Mensah", person: "p-1", declaration: "No family or business ties to either side.", declaredAt: "2026-01-10")

    @Test func aCaseMovesOnlyAlongItsStatesWithAReason() throws {
        #expect(throws: ValidationFailure.self) {
            try MediationRules.transition(
                from: .referred, to: .negotiation, reason: "go", parties: Self.parties, mediators: [Self.mediator], agreements: 0)
        }
        try MediationRules.transition(
            from: .referred, to: .consentPending, reason: "parties approached", parties: Self.parties, mediators: [], agreements: 0)
        // Talks need every party's consent and a mediator.
        do {
            try MediationRules.transition(
                from: .consentPending, to: .preNegotiation, reason: "ready", parties: Self.parties, mediators: [], agreements: 0)
            Issue.record("moved without consent")
        } catch let f as ValidationFailure {
            #expect(f.issues.map(\.field).sorted() == ["mediators", "parties"])
            #expect(f.issues.first { $0.field == "parties" }!.message.contains("Mamprusi elders"))
        }
        var all = Self.parties
        all[1].consent = .given
        try MediationRules.transition(
            from: .consentPending, to: .preNegotiation, reason: "both consented", parties: all, mediators: [Self.mediator], agreements: 0)
        #expect(throws: ValidationFailure.self) {
            try MediationRules.transition(
                from: .negotiation, to: .agreement, reason: "signed", parties: all, mediators: [Self.mediator], agreements: 0)
        }
        try MediationRules.transition(from: .negotiation, to: .agreement, reason: "signed", parties: all, mediators: [Self.mediator], agreements: 1)
        #expect(throws: ValidationFailure.self) {
            try MediationRules.transition(from: .suspended, to: .suspended, reason: "", parties: all, mediators: [], agreements: 0)
        }
        #expect(MediationState.closed.next.isEmpty && MediationState.failed.next.isEmpty)
        #expect(MediationState.agreement.next == [.implementation])
    }

    @Test func aPartyCannotMediateAndAMediatorDeclares() throws {
        var d = MediationDraft(
            title: "Bawku chieftaincy", body: "GH-NPC-UE", track: .three, mode: .mediation, topic: "chieftaincy", areas: ["GH1201"],
            parties: Self.parties, mediators: [Mediator(name: "kusasi  ELDERS", declaration: "", declaredAt: "2026-13-01")])
        do {
            try MediationRules.check(d)
            Issue.record("accepted")
        } catch let f as ValidationFailure {
            #expect(Set(f.issues.map(\.field)) == ["mediators[0]", "mediators[0].declaration", "mediators[0].declaredAt"])
        }
        d.mediators = [Self.mediator]
        d.parties[2].consent = .given
        #expect(throws: ValidationFailure.self) { try MediationRules.check(d) }
        d.parties[2].consent = .pending
        #expect(throws: Never.self) { try MediationRules.check(d) }
    }

    @Test func eachViewerReadsTheNotesOfTheirReach() throws {
        let s = SessionDraft(
            date: "2026-02-01", area: "GH1201", format: .caucus,
            notes: [
                SessionNote(text: "the chief's son is armed", visibility: .mediatorsOnly),
                SessionNote(text: "both sides to meet", visibility: .parties),
                SessionNote(text: "council to fund transport", visibility: .body), SessionNote(text: "talks continue", visibility: .public),
            ], nextSteps: [NextStep(action: "site visit", owner: "Rev. Mensah", due: "2026-02-10")])
        #expect(s.seen(by: .mediatorsOnly).notes.count == 4)
        let party = Visibility.reach(mediator: false, party: true, bodyMember: true)
        #expect(party == .parties)
        #expect(s.seen(by: party).notes.map(\.text) == ["both sides to meet", "council to fund transport", "talks continue"])
        #expect(s.seen(by: .body).notes.map(\.text) == ["council to fund transport", "talks continue"])
        #expect(s.seen(by: .public).notes.map(\.text) == ["talks continue"])
        #expect(s.seen(by: .public).nextSteps.isEmpty)
        try SessionRules.check(s, opened: "2026-01-15", today: "2026-03-01")
        do {
            try SessionRules.check(s, opened: "2026-02-02", today: "2026-03-01")
            Issue.record("a session before the case")
        } catch let f as ValidationFailure { #expect(f.issues.map(\.field) == ["date"]) }
        let inc = InclusionSummary.of([
            [Attendance(category: "elders", women: 2, men: 8, youth: 1)], [Attendance(category: "youth", women: 3, men: 7, youth: 10)],
        ])
        #expect(inc.people == 20 && inc.womenShare == 0.25 && inc.youthShare == 0.55)
    }

    static let tree = [
        Stipulation(
            code: "1.1", theme: "Security", text: "Withdraw armed youth", responsible: [ResponsibleActor(kind: .party, name: "Kusasi elders")],
            due: "2026-03-31", verification: "patrol report"),
        Stipulation(
            code: "1.2", theme: "Security", text: "Joint patrols", responsible: [ResponsibleActor(kind: .body, name: "GH-POLICE-UE")],
            dependsOn: ["1.1"], verification: "patrol logs", weight: 2),
        Stipulation(
            code: "2.1", theme: "Land", text: "Survey the disputed farms",
            responsible: [ResponsibleActor(kind: .party, name: "Kusasi elders"), ResponsibleActor(kind: .body, name: "Lands Commission")],
            verification: "survey map"),
    ]

    @Test func stipulationsCannotDependInCircles() throws {
        try CommitmentRules.check(Self.tree)
        var t = Self.tree
        t[0].dependsOn = ["1.1"]
        #expect(throws: ValidationFailure.self) { try CommitmentRules.check(t) }
        t[0].dependsOn = ["2.1"]
        t[2].dependsOn = ["1.2"]
        do {
            try CommitmentRules.check(t)
            Issue.record("cycle accepted")
        } catch let f as ValidationFailure {
            #expect(f.issues.map(\.field) == ["stipulations"])
            #expect(f.issues[0].message.contains("1.1 → 2.1 → 1.2 → 1.1"))
        }
        t[2].dependsOn = ["9.9"]
        #expect(throws: ValidationFailure.self) { try CommitmentRules.check(t) }
    }

    static func score(_ s: String, _ p: String, _ v: PAMScore, reviewer: PAMScore? = nil) -> ScoreEntry {
        ScoreEntry(
            stipulation: s, period: p, score: v, evidence: [Evidence(kind: .link, ref: "https://example.org/r")], scoredBy: "a", reviewedBy: "b",
            reviewerScore: reviewer ?? v, published: true)
    }

    @Test func rollUpsAreWeightedSharesOfFullImplementation() throws {
        let scores = [
            Self.score("1.1", "2026-02", .intermediate), Self.score("1.1", "2026-03", .full),
            Self.score("1.2", "2026-03", .minimal, reviewer: .intermediate),
            Self.score("2.1", "2026-02", .minimal),
            ScoreEntry(stipulation: "2.1", period: "2026-03", score: .full, evidence: [], scoredBy: "a"),  // not published
        ]
        let r = Implementation.rollup(Self.tree, scores, at: "2026-03")
        // Security: (1 × 3/3 + 2 × 2/3) / 3 = 7/9; Land: 1/3; agreement: (1 + 4/3 + 1/3) / 4 = 2/3.
        #expect(abs(r.themes.first { $0.key == "Security" }!.share - 7.0 / 9) < 1e-12)
        #expect(abs(r.themes.first { $0.key == "Land" }!.share - 1.0 / 3) < 1e-12)
        #expect(abs(r.agreement - 2.0 / 3) < 1e-12)
        // Kusasi elders answer for 1.1 (full) and 2.1 (minimal): (1 + 1/3) / 2.
        #expect(abs(r.actors.first { $0.key == "Kusasi elders" }!.share - 2.0 / 3) < 1e-12)
        #expect(Implementation.rollup(Self.tree, scores, at: "2026-02").agreement == (2.0 / 3 + 1.0 / 3) / 4)
        #expect(Implementation.series(Self.tree, scores, from: "2026-01", to: "2026-03").map(\.0) == ["2026-01", "2026-02", "2026-03"])
        let agreed = Implementation.reviewerAgreement(scores)
        #expect(agreed.agreed == 3 && agreed.reviewed == 4)
    }

    @Test func aScoreIsPublishedOnlyWithEvidenceAndASecondReviewer() throws {
        var e = ScoreEntry(stipulation: "1.1", period: "2026-03", score: .full, evidence: [], scoredBy: "a")
        try ScoreRules.check(e, stipulations: ["1.1"])
        do {
            try ScoreRules.checkPublish(e)
            Issue.record("published bare")
        } catch let f as ValidationFailure { #expect(f.issues.map(\.field) == ["evidence", "reviewer"]) }
        e.evidence = [Evidence(kind: .incident, ref: "inc-1")]
        e.reviewedBy = "a"
        e.reviewerScore = .full
        #expect(throws: ValidationFailure.self) { try ScoreRules.checkPublish(e) }
        e.reviewedBy = "b"
        try ScoreRules.checkPublish(e)
        #expect(throws: ValidationFailure.self) {
            try ScoreRules.check(
                ScoreEntry(stipulation: "7", period: "2026-W10", score: .full, evidence: [Evidence(kind: .link, ref: "ftp://x")], scoredBy: "a"),
                stipulations: ["1.1"])
        }
    }

    @Test func stallsArePastDueOrStillForNPeriods() {
        let scores = [Self.score("2.1", "2026-02", .minimal), Self.score("2.1", "2026-03", .minimal), Self.score("1.1", "2026-02", .intermediate)]
        // In 2026-05, on 2026-05-10: 1.1 is past its due day (2026-03-31); 2.1 has been minimal since 2026-02 (3 months);
        // 1.2 waits on 1.1, so it is not stalled for want of progress.
        let s = Implementation.stalls(Self.tree, scores, start: "2026-01", period: "2026-05", today: "2026-05-10", periods: 3)
        #expect(s.map(\.stipulation) == ["1.1", "2.1"])
        #expect(s.map(\.reason) == [.overdue, .noProgress])
        #expect(s[1].since == "2026-02")
        #expect(Implementation.stalls(Self.tree, scores, start: "2026-01", period: "2026-04", today: "2026-03-10", periods: 3).isEmpty)
    }

    @Test func violationsFollowTheProcedure() throws {
        try ViolationRules.check(step: ViolationStep(to: .preliminaryCheck, note: "called the patrol"), from: .alleged, stipulations: ["1.1"])
        #expect(throws: ValidationFailure.self) {
            try ViolationRules.check(step: ViolationStep(to: .finding, note: "x", finding: .substantiated), from: .alleged, stipulations: ["1.1"])
        }
        do {
            try ViolationRules.check(
                step: ViolationStep(to: .finding, note: "seen", finding: .substantiated), from: .investigation, stipulations: ["1.1"])
            Issue.record("substantiated without a party")
        } catch let f as ValidationFailure { #expect(f.issues.map(\.field) == ["party", "stipulation"]) }
        try ViolationRules.check(
            step: ViolationStep(to: .finding, note: "seen", finding: .substantiated, party: "Mamprusi elders", stipulation: "1.1"),
            from: .investigation,
            stipulations: ["1.1"])
        #expect(throws: ValidationFailure.self) {
            try ViolationRules.check(step: ViolationStep(to: .investigation, note: "go"), from: .preliminaryCheck, stipulations: [])
        }
    }

    static let paxHeader =
        "Con,Contp,PP,PPName,Reg,AgtId,Ver,Agt,Dat,Status,Lgt,N_characters,Agtp,Stage,StageSub,Part,ThrdPart,OthAgr,"
        + PAX.themes.map(\.code).joined(separator: ",")

    static func paxRow(_ con: String, _ id: String, _ title: String, ce: String = "2") -> String {
        let codes = PAX.themes.map { $0.code == "Ce" ? ce : "0" }.joined(separator: ",")
        return "\(con),Government,1,\"P\",Africa (excl MENA),\(id),1,\"\(title)\",2019-07-08,Multiparty signed/agreed,2,10,Intra,Cea,Ce,\"A, B\",,,"
            + codes
    }

    @Test func paxRowsBecomeAgreementsOrNothing() throws {
        let good = [Self.paxHeader, Self.paxRow("Kenya", "10", "Accord"), Self.paxRow("Ghana", "11", "Bawku \"\"peace\"\"")].joined(separator: "\n")
        let rows = try PAX.read(good)
        #expect(rows.count == 2 && rows[0].draft.paxID == 10 && rows[0].draft.themes == [ThemeCode(code: "Ce", depth: 2)])
        #expect(rows[1].draft.title == "Bawku \"peace\"" && rows[1].line == 3)
        #expect(try PAX.read(good, countries: ["ghana"]).map(\.draft.paxID) == [11])
        // A broken row names its line and column; nothing is returned.
        do {
            _ = try PAX.read([Self.paxHeader, Self.paxRow("Kenya", "10", "A"), Self.paxRow("Kenya", "x", "B", ce: "7")].joined(separator: "\n"))
            Issue.record("broken row accepted")
        } catch let f as ValidationFailure {
            #expect(f.issues.map(\.field) == ["line 3, AgtId"])
        }
        do {
            _ = try PAX.read([Self.paxHeader, Self.paxRow("Kenya", "10", "A", ce: "7")].joined(separator: "\n"))
            Issue.record("bad code accepted")
        } catch let f as ValidationFailure { #expect(f.issues.map(\.field) == ["line 2, Ce"]) }
        // The variant without `Con` is another layout, refused at the header.
        let noCon = good.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)[1] }.joined(
            separator: "\n")
        do {
            _ = try PAX.read(String(noCon))
            Issue.record("layout without Con accepted")
        } catch let f as ValidationFailure {
            #expect(f.issues[0].field == "header" && f.issues[0].message.contains("Con"))
        }
    }

    @Test func theSharedPAXFileReadsWhole() throws {
        guard let url = SharedData.file("agreements/pax_all_agreements_data.csv") else { return }
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows = try PAX.read(text)
        #expect(rows.count == 1868)
        #expect(Set(rows.compactMap(\.draft.paxID)).count == 1868)
        #expect(rows.contains { $0.draft.themes.contains { $0.code == "SsrDdr" } })
    }
}

@Suite struct CommitmentLinesTests {
    @Test func aFormsLinesBecomeATreeOrNameTheLine() throws {
        let tree = try CommitmentLines.parse(
            "1 | Security | No guns in the market | Kusasi; Mamprusi | 2026-05-01 | patrols\n\n2 | Land | Survey | Lands Commission |  | map")
        #expect(tree.count == 2 && tree[0].responsible.map(\.name) == ["Kusasi", "Mamprusi"] && tree[0].due == "2026-05-01" && tree[1].due == nil)
        do {
            _ = try CommitmentLines.parse("1 | Security | x | y | | z\n2 | Land | only four")
            Issue.record("accepted")
        } catch let f as ValidationFailure { #expect(f.issues.map(\.field) == ["stipulations, line 2"]) }
    }
}

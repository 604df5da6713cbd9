import Crypto
import Foundation
import Testing

@testable import AgoraCore

@Suite struct ArmsTests {
    @Test func statusChangesFollowTheRegister() {
        #expect(WeaponRules.refusal(from: .seized, to: .inCustody) == nil)
        #expect(WeaponRules.refusal(from: .destroyed, to: .inCustody) != nil)
        #expect(WeaponRules.refusal(from: .lostOrStolen, to: .seized) == nil)
        #expect(WeaponRules.refusal(from: .lostOrStolen, to: .stateStock) != nil)
        #expect(WeaponRules.refusal(from: .inCustody, to: .destroyed) != nil, "destruction is its own event, with witnesses")
        #expect(WeaponRules.refusal(from: .licensedCivilian, to: .deactivated) != nil)
        #expect(WeaponRules.destructionRefusal(status: .collected, custodyBody: "GH-NACSA", by: "GH-NACSA") == nil)
        #expect(WeaponRules.destructionRefusal(status: .lostOrStolen, custodyBody: "GH-NACSA", by: "GH-NACSA") != nil)
        #expect(WeaponRules.destructionRefusal(status: .collected, custodyBody: "KE-KNFP", by: "GH-NACSA") != nil)
        #expect(throws: ValidationFailure.self) {
            try WeaponRules.checkDestruction(on: "2026-11-20", today: "2026-11-30", witnesses: ["One"], weapons: 3, rounds: 0)
        }
        #expect(throws: ValidationFailure.self) {
            try WeaponRules.checkDestruction(on: "2026-12-20", today: "2026-11-30", witnesses: ["One", "Two"], weapons: 3, rounds: 0)
        }
    }

    @Test func tracingRequestsMoveOnAndFallDue() {
        #expect(TracingRules.refusal(from: .draft, to: .sent, outcome: nil) == nil)
        #expect(TracingRules.refusal(from: .draft, to: .answered, outcome: .full) != nil)
        #expect(TracingRules.refusal(from: .sent, to: .answered, outcome: nil) != nil)
        #expect(TracingRules.refusal(from: .acknowledged, to: .answered, outcome: .negative) == nil)
        #expect(TracingRules.overdue(.sent, dueOn: "2026-11-01", today: "2026-11-30"))
        #expect(!TracingRules.overdue(.answered, dueOn: "2026-11-01", today: "2026-11-30"))
        #expect(!TracingRules.overdue(.acknowledged, dueOn: "2026-12-01", today: "2026-11-30"))
    }

    /// A small register worked by hand: five weapons, one year.
    @Test func theYearsFiguresAreTheOnesCountedByHand() {
        let weapons: [ArmsYearReport.Weapon] = [
            .init(id: "a", type: .assaultRifle, status: .destroyed, registeredOn: "2025-06-01"),
            .init(id: "b", type: .assaultRifle, status: .collected, registeredOn: "2026-03-02"),
            .init(id: "c", type: .pistol, status: .seized, registeredOn: "2026-04-10", altered: true),
            .init(id: "d", type: .other, status: .surrendered, registeredOn: "2026-05-01", unmarked: true),
            .init(id: "e", type: .rifle, status: .exported, registeredOn: "2024-01-01"),
            .init(id: "f", type: .pistol, status: .stateStock, registeredOn: "2027-01-05"),
        ]
        let events: [ArmsYearReport.Event] = [
            .init(weapon: "a", kind: .collected, on: "2025-06-01", status: .collected),
            .init(weapon: "a", kind: .marked, on: "2026-02-01"),
            .init(weapon: "a", kind: .destroyed, on: "2026-10-01", status: .destroyed),
            .init(weapon: "b", kind: .collected, on: "2026-03-02", status: .collected),
            .init(weapon: "b", kind: .marked, on: "2026-03-05"),
            .init(weapon: "b", kind: .marked, on: "2026-03-06"),
            .init(weapon: "c", kind: .seized, on: "2026-04-10", status: .seized),
            .init(weapon: "d", kind: .registered, on: "2026-05-01", status: .surrendered),
            .init(weapon: "e", kind: .transfer, on: "2026-07-01", status: .exported, direction: .export, partner: "TG"),
        ]
        let traces: [ArmsYearReport.Trace] = [
            .init(weapon: "c", direction: .outgoing, state: .answered, outcome: .full, sentOn: "2026-04-12", answeredOn: "2026-05-20"),
            .init(weapon: "b", direction: .outgoing, state: .sent, sentOn: "2026-09-01", dueOn: "2026-10-01"),
            .init(weapon: nil, direction: .incoming, state: .answered, outcome: .negative, sentOn: "2026-06-01", answeredOn: "2026-06-15"),
        ]
        let r = ArmsYearReport.of(
            year: 2026, body: "GH-NACSA", weapons: weapons, events: events, traces: traces,
            destructions: [.init(on: "2026-10-01", method: .cutting, rounds: 1200), .init(on: "2025-10-01", method: .burning, rounds: 5)],
            campaigns: [.init(startsOn: "2026-03-01", endsOn: "2026-03-31"), .init(startsOn: "2024-01-01", endsOn: "2024-02-01")], today: "2026-11-30"
        )
        #expect(r.marking == .init(weaponsMarked: 2, markingEvents: 3))
        #expect(r.recordKeeping.onRegister == 5)
        #expect(r.recordKeeping.registeredThisYear == 3)
        #expect(r.recordKeeping.byStatus == ["destroyed": 1, "collected": 1, "seized": 1, "surrendered": 1, "exported": 1])
        #expect(r.recordKeeping.unmarked == 1 && r.recordKeeping.altered == 1)
        #expect(r.tracing == .init(sent: 2, received: 1, answeredFull: 1, answeredPartial: 0, answeredNegative: 1, overdue: 1))
        #expect(
            r.collection
                == .init(campaigns: 1, weaponsCollected: 1, weaponsSurrendered: 1, weaponsSeized: 1, byType: ["assault-rifle": 1, "other": 1]))
        #expect(r.destruction == .init(events: 1, weaponsDestroyed: 1, roundsDestroyed: 1200, byMethod: ["cutting": 1], byType: ["assault-rifle": 1]))
        #expect(r.att.exports == [.init(type: "rifle-or-carbine", partner: "TG", count: 1)])
        #expect(!r.att.nilReport)
        // Recovered b, c, d; c's origin established: one in three.
        #expect(r.sdg.recovered == 3 && r.sdg.traced == 1)
        #expect(r.sdg.share.map { abs($0 - 1.0 / 3) < 1e-9 } == true)
        #expect(r.rows.contains { $0.section == "sdg-16.4.2" && $0.value == "0.333" })

        let quiet = ArmsYearReport.of(
            year: 2023, body: "GH-NACSA", weapons: weapons, events: events, traces: [], destructions: [], campaigns: [], today: "2026-11-30")
        #expect(quiet.att.nilReport)
        #expect(quiet.rows.contains { $0.section == "att-viii" && $0.item == "nil report" })
        #expect(quiet.sdg.share == nil)
    }

    @Test func childrenAreNeverCombatants() throws {
        #expect(DDRRules.age(birth: "2010-12-01", on: "2026-11-30") == 15)
        #expect(DDRRules.age(birth: "2008-11-30", on: "2026-11-30") == 18)
        #expect(DDRRules.age(birth: "2008", on: "2026-11-30") == 17, "a year alone counts from its last day")
        do {
            try DDRRules.checkRegistration(category: .combatant, birth: "2010-05-01", sex: "male", today: "2026-11-30")
            Issue.record("a 16-year-old was registered as a combatant")
        } catch let f as ValidationFailure {
            #expect(f.issues.map(\.field) == ["category"])
            #expect(f.issues[0].message.contains("child"))
        }
        try DDRRules.checkRegistration(category: .child, birth: "2010-05-01", sex: "male", today: "2026-11-30")
        try DDRRules.checkRegistration(category: .combatant, birth: "1990", sex: "female", today: "2026-11-30")
        #expect(throws: ValidationFailure.self) { try DDRRules.checkRegistration(category: .combatant, birth: "soon", sex: "x", today: "2026-11-30") }
    }

    @Test func stagesCannotBeSkipped() {
        #expect(DDRRules.refusal(from: .registered, category: .combatant, DDRStep(to: .demobilised, certificate: "C1", site: "S"))?.field == "to")
        #expect(DDRRules.refusal(from: .registered, category: .combatant, DDRStep(to: .screened))?.field == "criterion")
        #expect(DDRRules.refusal(from: .registered, category: .combatant, DDRStep(to: .screened, criterion: "weapon and test")) == nil)
        #expect(DDRRules.refusal(from: .registered, category: .combatant, DDRStep(to: .ineligible, criterion: "weapon"))?.field == "reason")
        #expect(DDRRules.refusal(from: .screened, category: .combatant, DDRStep(to: .demobilised, certificate: "C", site: "S"))?.field == "to")
        #expect(DDRRules.refusal(from: .screened, category: .associated, DDRStep(to: .demobilised, certificate: "C", site: "S")) == nil)
        #expect(DDRRules.refusal(from: .disarmed, category: .combatant, DDRStep(to: .demobilised, site: "S"))?.field == "certificate")
        #expect(DDRRules.refusal(from: .reinsertion, category: .combatant, DDRStep(to: .reintegration, option: "farming"))?.field == "provider")
        #expect(DDRRules.refusal(from: .reinsertion, category: .combatant, DDRStep(to: .droppedOut))?.field == "note")
        #expect(DDRRules.refusal(from: .completed, category: .combatant, DDRStep(to: .deceased, note: "x"))?.field == "to")
        #expect(DDRRules.isSecondPayment(tranche: "Reinsertion  1", paid: ["reinsertion 1"]))
        #expect(!DDRRules.isSecondPayment(tranche: "reinsertion 2", paid: ["reinsertion 1"]))
    }

    @Test func doubleRegistrationIsCaughtThoughWrittenDifferently() {
        let keys = DDRIdentityKeys(secret: SymmetricKey(size: .bits256))
        let first = DDRIdentity(givenNames: "Mohammed", familyName: "Kamara", birthDate: "1994-03-07", motherName: "Fatmata")
        let variants = [
            DDRIdentity(givenNames: "MUHAMMED", familyName: "camara", birthDate: "1994-03-07"),
            DDRIdentity(givenNames: "Mohamed", familyName: "Kamára", birthDate: "1994-07-03"),  // day and month swapped
            DDRIdentity(givenNames: "Kamara", familyName: "Mohammed", birthDate: "1994"),
        ]
        let known = Set(keys.keys(first))
        for v in variants { #expect(!known.isDisjoint(with: keys.keys(v)), "\(v) was not recognised") }
        let other = DDRIdentity(givenNames: "Mohammed", familyName: "Kamara", birthDate: "1987-03-07")
        #expect(known.isDisjoint(with: keys.keys(other)), "a namesake born seven years apart is someone else")
        // The keys are keyed: another installation's secret gives other keys for the same person.
        let elsewhere = DDRIdentityKeys(secret: SymmetricKey(size: .bits256))
        #expect(known.isDisjoint(with: elsewhere.keys(first)))
        #expect(keys.keys(first).allSatisfy { !$0.contains("kmr") && !$0.contains("1994") }, "no attribute in clear")
    }

    @Test func smallCellsAreSuppressed() {
        var rows: [DDRAggregates.Row] = []
        for i in 0..<7 {
            rows.append(.init(sex: "male", ageGroup: "25-35", category: .combatant, stage: i < 6 ? .demobilised : .screened, area: "GH12"))
        }
        for _ in 0..<2 {
            rows.append(.init(sex: "female", ageGroup: "18-24", category: .associated, stage: .droppedOut, area: "GH12", furthest: .screened))
        }
        let a = DDRAggregates.of(rows)
        #expect(a.total == "9")
        #expect(a.by["sex"] == ["male": "7", "female": "<5"])
        #expect(a.by["stage"]?["demobilised"] == "6")
        #expect(a.by["stage"]?["screened"] == "<5")
        #expect(a.funnel.map(\.count) == ["9", "9", "6", "6", "0", "0", "0"])
        #expect(DDRAggregates.cell(0) == "0" && DDRAggregates.cell(4) == "<5" && DDRAggregates.cell(5) == "5")
    }
}

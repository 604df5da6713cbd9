import Foundation
import Testing

@testable import AgoraCore

@Suite struct AccreditationRulesTests {
    let register = [
        "GH-RGD": OrgScheme(code: "GH-RGD", name: "Registrar General", coverage: ["GH"]),
        "GB-COH": OrgScheme(code: "GB-COH", name: "Companies House", coverage: ["GB"]),
    ]

    @Test func identifiersFollowTheRegisterAndTheListsFormats() throws {
        try OrgIdentifiers.check(OrgIdentifier(scheme: "GH-RGD", id: "CG-0123/2019"), field: "i", register: register)
        try OrgIdentifiers.check(OrgIdentifier(scheme: "GB-COH", id: "09506232"), field: "i", register: register)
        try OrgIdentifiers.check(OrgIdentifier(scheme: "XX-AGORA", id: "BAWKU-WOMEN"), field: "i", register: [:])
        #expect(throws: ValidationFailure.self) {
            try OrgIdentifiers.check(OrgIdentifier(scheme: "GB-COH", id: "9506232"), field: "i", register: register)
        }
        #expect(throws: ValidationFailure.self) {
            try OrgIdentifiers.check(OrgIdentifier(scheme: "ZZ-NONE", id: "1"), field: "i", register: register)
        }
        #expect(throws: ValidationFailure.self) {
            try OrgIdentifiers.check(OrgIdentifier(scheme: "GH-RGD", id: "a b"), field: "i", register: register)
        }
        #expect(OrgIdentifiers.parse("GB-COH-09506232") == OrgIdentifier(scheme: "GB-COH", id: "09506232"))
        #expect(OrgIdentifiers.parse("GB-COH") == nil)
        let cn = ["CN-11-CR": OrgScheme(code: "CN-11-CR", name: "Beijing")]
        #expect(OrgIdentifiers.parse("CN-11-CR-110000", register: cn) == OrgIdentifier(scheme: "CN-11-CR", id: "110000"))
        #expect(OrgIdentifiers.parse("GH-RGD-CG-1", register: cn) == OrgIdentifier(scheme: "GH-RGD", id: "CG-1"))
        #expect(OrgIdentifier(scheme: "GH-RGD", id: "cg-0123").key == OrgIdentifier(scheme: "GH-RGD", id: "CG0123").key)
    }

    @Test func namesAlikeAreFlagged() {
        #expect(OrgDuplicates.likelySame("WANEP-Ghana", "Wanep Ghana"))
        #expect(OrgDuplicates.likelySame("Christian Council of Ghana", "The Christian Council of Ghana"))
        #expect(!OrgDuplicates.likelySame("WANEP-Ghana", "WANEP-Nigeria"))
        #expect(!OrgDuplicates.likelySame("Bawku Traditional Council", "Christian Council of Ghana"))
    }

    let scheme = AccreditationScheme(
        body: "GH-NPC", name: "NPC",
        categories: [AccreditationCategory(code: "general", name: "General", criteria: ["Registered", "Accounts"], permissions: [.submit])])
    let decision = AccreditationDecision(organ: "NPC", session: "2026-2", consensus: true, reasons: "Met")

    @Test func anApplicationMovesOnlyAlongItsMachineWithItsDecisions() throws {
        let met = [CriterionAssessment(criterion: "Registered", verdict: .met), CriterionAssessment(criterion: "Accounts", verdict: .met)]
        try ApplicationRules.check(
            from: .underReview, to: .recommended, scheme: scheme, category: "general", assessments: met, decision: decision, deferredTo: nil,
            note: nil)
        // A grant straight from review, a refusal without reasons, a deferral without a session, a grant with a criterion unmet.
        #expect(throws: ValidationFailure.self) {
            try ApplicationRules.check(
                from: .underReview, to: .granted, scheme: scheme, category: "general", assessments: met, decision: decision, deferredTo: nil,
                note: nil)
        }
        var noReasons = decision
        noReasons.reasons = " "
        #expect(throws: ValidationFailure.self) {
            try ApplicationRules.check(
                from: .underReview, to: .refused, scheme: scheme, category: nil, assessments: [], decision: noReasons, deferredTo: nil, note: nil)
        }
        #expect(throws: ValidationFailure.self) {
            try ApplicationRules.check(
                from: .underReview, to: .deferred, scheme: scheme, category: nil, assessments: [], decision: decision, deferredTo: nil, note: nil)
        }
        #expect(throws: ValidationFailure.self) {
            try ApplicationRules.check(
                from: .recommended, to: .granted, scheme: scheme, category: "general", assessments: [met[0]], decision: decision, deferredTo: nil,
                note: nil)
        }
        #expect(throws: ValidationFailure.self) {
            try ApplicationRules.check(
                from: .refused, to: .granted, scheme: scheme, category: "general", assessments: met, decision: decision, deferredTo: nil, note: nil)
        }
        var vote = decision
        vote.consensus = false
        #expect(throws: ValidationFailure.self) { try vote.validate() }  // a vote without its numbers
        #expect(ApplicationRules.mayReapply(refusedOn: 100, today: 200, scheme: scheme) == 465)
        #expect(ApplicationRules.mayReapply(refusedOn: 100, today: 465, scheme: scheme) == nil)
    }

    @Test func monthsAddToTheMonthsEnd() {
        #expect(AccreditationRules.adding(months: 12, to: "2026-03-02") == "2027-03-02")
        #expect(AccreditationRules.adding(months: 1, to: "2026-01-31") == "2026-02-28")
        #expect(AccreditationRules.adding(months: 48, to: "2024-02-29") == "2028-02-29")
        #expect(AccreditationRules.adding(months: 12, to: "2024-02-29") == "2025-02-28")
    }

    @Test func theClockRemindsOnceSuspendsAfterGraceAndReinstates() {
        let o = Obligation(kind: "annual-update", everyMonths: 12, dueOn: "2026-09-30")
        func sweep(_ status: AccreditationStatus, _ obligations: [Obligation], today: String, automatic: Bool = false) -> [AccreditationRules.Action]
        {
            AccreditationRules.sweep(
                status: status, validUntil: "2028-01-01", obligations: obligations, graceDays: 30, hearingUntil: "2026-10-10",
                suspendedUntil: "2026-12-31", automatic: automatic, today: today)
        }
        #expect(sweep(.active, [o], today: "2026-07-01").isEmpty)
        #expect(sweep(.active, [o], today: "2026-08-01") == [.remind(obligation: 0, daysBefore: 60)])
        // A missed run sends only the nearest reminder.
        #expect(sweep(.active, [o], today: "2026-09-25") == [.remind(obligation: 0, daysBefore: 7)])
        var reminded = o
        reminded.reminded = [60, 30, 7]
        #expect(sweep(.active, [reminded], today: "2026-09-25").isEmpty)
        #expect(sweep(.active, [reminded], today: "2026-10-30").isEmpty)
        #expect(sweep(.active, [reminded], today: "2026-10-31") == [.suspendForMissed(obligation: 0)])
        #expect(sweep(.suspended, [reminded], today: "2026-11-05", automatic: true).isEmpty)
        let met = Obligation(kind: "annual-update", everyMonths: 12, dueOn: "2027-09-30")
        #expect(sweep(.suspended, [met], today: "2026-11-05", automatic: true) == [.reinstate])
        #expect(sweep(.hearing, [met], today: "2026-10-11") == [.suspendAfterHearing])
        #expect(sweep(.suspended, [met], today: "2027-01-01") == [.reinstate])
        #expect(sweep(.active, [met], today: "2027-10-10") == [.renewalDue])
        #expect(sweep(.active, [met], today: "2028-01-02") == [.expire])
        #expect(!AccreditationStatus.suspended.permits && AccreditationStatus.hearing.permits)
    }

    @Test func aSchemeSaysWhatItNeeds() {
        var bad = scheme
        bad.hearingDays = 0
        bad.categories.append(AccreditationCategory(code: "General", name: "", criteria: [], permissions: [], termYears: 0))
        #expect(throws: ValidationFailure.self) { try bad.validate() }
        #expect(throws: Never.self) { try scheme.validate() }
    }
}

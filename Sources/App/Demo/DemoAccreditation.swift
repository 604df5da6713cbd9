import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The demo's accreditation: the National Peace Council's scheme (general, special, roster), WANEP-Ghana accredited
/// in the general category, the Christian Council of Ghana's application deferred to the council's next session,
/// and the Bawku Traditional Council suspended automatically for an annual update it did not send. The org-id.guide
/// register comes from `../shared/data` when it is there. Seeded once.
enum DemoAccreditation {
    static let scheme = AccreditationScheme(
        body: "GH-NPC", name: "Accreditation of civil society to the National Peace Council",
        categories: [
            AccreditationCategory(
                code: "general", name: "General",
                criteria: ["Registered in Ghana", "Works for peace in two regions or more", "Publishes its accounts yearly"],
                permissions: AccreditationPermission.allCases, termYears: 4),
            AccreditationCategory(
                code: "special", name: "Special", criteria: ["Registered in Ghana", "Works for peace in its district or region"],
                permissions: [.submit, .joinForums, .fileReports], termYears: 4),
            AccreditationCategory(
                code: "roster", name: "Roster", criteria: ["Known to a district or regional peace council"], permissions: [.submit], termYears: 2),
        ],
        obligations: [ObligationRule(kind: "annual-update", everyMonths: 12), ObligationRule(kind: "quadrennial-report", everyMonths: 48)],
        reapplyAfterDays: 365, graceDays: 30, hearingDays: 14)

    static func seed(_ app: Application, actor: String) async throws {
        let store = AccreditationStore(sql: app.sql)
        guard try await store.scheme(of: "GH-NPC") == nil else { return }
        if let file = app.agora.sharedData?.appendingPathComponent("organisations/orgid_lists.json"), let data = try? Data(contentsOf: file) {
            let schemes = try OrgSchemeFile.read(data, file: file.path)
            try await app.write { try await AccreditationStore(sql: $0).replaceSchemes(schemes) }
        }
        try await app.write { tx in
            let store = AccreditationStore(sql: tx)
            try await store.saveScheme(scheme, actor: actor)
            try await store.setIdentifiers(
                [OrgIdentifier(scheme: OrgIdentifiers.localScheme, id: "WANEP-GH")],
                profile: OrganisationProfile(
                    areas: ["GHA"], levels: ["national", "region", "district"], networks: ["WANEP"], funding: "Member dues and donor grants (demo)"),
                of: "WANEP-GH", actor: actor)
            let decision = AccreditationDecision(
                organ: "National Peace Council", session: "2026 first ordinary session", consensus: true,
                reasons: "Registered; early-warning monitors in all sixteen regions; accounts published")
            let met = { (c: AccreditationCategory) in c.criteria.map { CriterionAssessment(criterion: $0, evidence: "demo file", verdict: .met) } }
            // WANEP-Ghana: granted in March, general category.
            let wanep = UUID().uuidString.lowercased()
            try await store.createApplication(
                id: wanep, body: "GH-NPC", org: "WANEP-GH", category: "general", statement: "WANEP-Ghana runs the national early-warning network.",
                state: .submitted, actor: actor)
            try await walk(store, wanep, [.completenessCheck, .underReview], actor: actor)
            let general = scheme.categories[0]
            try await store.stepApplication(
                try await store.application(wanep)!, to: .recommended, category: "general", assessments: met(general), decision: decision,
                deferredTo: nil,
                note: nil, today: "2026-03-02", actor: actor)
            try await store.stepApplication(
                try await store.application(wanep)!, to: .granted, category: nil, assessments: nil, decision: decision, deferredTo: nil, note: nil,
                today: "2026-03-02", actor: actor)
            let granted = UUID().uuidString.lowercased()
            try await store.grant(
                id: granted, body: "GH-NPC", org: "WANEP-GH", category: general, scheme: scheme, application: wanep, today: "2026-03-02", actor: actor
            )
            try await store.backdate(
                granted, grantedOn: "2026-03-02", validUntil: "2030-03-02",
                obligations: [
                    Obligation(kind: "annual-update", everyMonths: 12, dueOn: "2027-03-02"),
                    Obligation(kind: "quadrennial-report", everyMonths: 48, dueOn: "2030-03-02"),
                ])
            // The Christian Council of Ghana: deferred to the next session for its regional work.
            let ccg = UUID().uuidString.lowercased()
            try await store.createApplication(
                id: ccg, body: "GH-NPC", org: "CCG", category: "general", statement: "The Council mediates through its churches in every region.",
                state: .submitted, actor: actor)
            try await walk(store, ccg, [.completenessCheck, .underReview], actor: actor)
            try await store.stepApplication(
                try await store.application(ccg)!, to: .deferred, category: nil, assessments: nil,
                decision: AccreditationDecision(
                    organ: "National Peace Council", session: "2026 second ordinary session", consensus: false, votesFor: 7, votesAgainst: 3,
                    abstentions: 1,
                    reasons: "Evidence of work in two regions outstanding"), deferredTo: "2027 first ordinary session", note: nil,
                today: "2026-10-20", actor: actor)
            // The Bawku Traditional Council: on the roster since 2025, its annual update due in September not sent.
            let btc = UUID().uuidString.lowercased()
            try await store.createApplication(
                id: btc, body: "GH-NPC", org: "BAWKU-TC", category: "roster", statement: "The chiefs' council of Bawku.", state: .submitted,
                actor: actor)
            try await walk(store, btc, [.completenessCheck, .underReview], actor: actor)
            let roster = scheme.categories[2]
            for to in [ApplicationState.recommended, .granted] {
                try await store.stepApplication(
                    try await store.application(btc)!, to: to, category: "roster", assessments: met(roster), decision: decision, deferredTo: nil,
                    note: nil,
                    today: "2025-09-30", actor: actor)
            }
            let btcGrant = UUID().uuidString.lowercased()
            try await store.grant(
                id: btcGrant, body: "GH-NPC", org: "BAWKU-TC", category: roster, scheme: scheme, application: btc, today: "2025-09-30", actor: actor)
            try await store.backdate(
                btcGrant, grantedOn: "2025-09-30", validUntil: "2027-09-30",
                obligations: [
                    Obligation(kind: "annual-update", everyMonths: 12, dueOn: "2026-09-30", reminded: [60, 30, 7]),
                    Obligation(kind: "quadrennial-report", everyMonths: 48, dueOn: "2029-09-30"),
                ])
        }
        // The clock does the rest: the missed update suspends the Bawku Traditional Council, publicly.
        try await AccreditationSweep(app: app).sweep()
    }

    static func walk(_ store: AccreditationStore, _ id: String, _ steps: [ApplicationState], actor: String) async throws {
        for s in steps {
            try await store.stepApplication(
                try await store.application(id)!, to: s, category: nil, assessments: nil, decision: nil, deferredTo: nil, note: nil,
                today: "2026-01-01",
                actor: actor)
        }
    }
}

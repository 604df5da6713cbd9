import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The demo's mediations: the Bawku chieftaincy mediation of the National Peace Council, with an accord about half
/// implemented, and the Turkana–Moroto cross-border grazing accord under IGAD's CEWARN; and the PA-X database when the
/// shared data is there, and the countries' public holidays. Seeded once: a store that already holds a mediation is
/// left alone.
enum DemoMediation {
    static func seed(_ app: Application, actor: String) async throws {
        // Once per store: a restart re-reads neither the 2,990 holidays nor the 1,868 PA-X rows.
        guard try await MediationStore(sql: app.sql).isEmpty() else { return }
        if let file = app.agora.sharedData?.appendingPathComponent("calendars/public_holidays_2024-2030.csv"),
            let text = try? String(contentsOf: file, encoding: .utf8)
        {
            let rows = try HolidayStore.read(text)
            try await app.write { try await HolidayStore(sql: $0).upsert(rows, actor: actor) }
        }
        if let pax = app.agora.sharedData?.appendingPathComponent("agreements/pax_all_agreements_data.csv"),
            let text = try? String(contentsOf: pax, encoding: .utf8)
        {
            let rows = try PAX.read(text)
            _ = try await app.write { try await AgreementStore(sql: $0).importPAX(rows, actor: actor) }
        }
        let people = PeopleStore(sql: app.sql)
        guard let mediator = try await people.person(username: "analyst.npc")?.id, let reviewer = try await people.person(username: "admin.npc")?.id
        else { return }
        try await app.write { tx in
            try await bawku(tx, mediator: mediator, reviewer: reviewer, actor: actor)
            try await grazing(tx, actor: actor)
        }
    }

    static func bawku(_ sql: any SQLDatabase, mediator: String, reviewer: String, actor: String) async throws {
        let store = MediationStore(sql: sql)
        let parties = [
            MediationParty(name: "Kusasi traditional council", kind: .group, role: .party, consent: .given),
            MediationParty(name: "Mamprusi traditional council", kind: .group, role: .party, consent: .given),
            MediationParty(name: "Bawku Municipal Assembly", kind: .body, role: .observer, ref: "GH-DPC-BAWKU"),
            MediationParty(name: "Christian Council of Ghana", kind: .organisation, role: .witness, ref: "CCG"),
        ]
        let mediators = [
            Mediator(
                name: "NPC analyst (demo mediator)", person: mediator, declaration: "No kin, land or business ties to either side.",
                declaredAt: "2026-02-02")
        ]
        let draft = MediationDraft(
            title: "Bawku chieftaincy dispute", body: "GH-NPC", track: .oneAndHalf, mode: .mediation,
            topic: "Succession to the Bawku skin and the land around the market",
            areas: ["GH1201"], parties: parties, mediators: mediators)
        let id = try await store.create(draft, classification: .confidential, responseCase: nil, openedOn: "2026-02-01", actor: actor)
        guard var row = try await store.get(id) else { return }
        for (to, reason) in [
            (MediationState.consentPending, "both councils approached"), (.preNegotiation, "both consented in writing"),
            (.negotiation, "talks in Bolgatanga"),
        ] {
            row.state = try await step(store, row, to: to, reason: reason, actor: actor)
        }
        for (date, format, notes) in [
            (
                "2026-02-12", SessionFormat.caucus,
                [SessionNote(text: "Kusasi elders fear the market will be closed to them.", visibility: .mediatorsOnly)]
            ),
            ("2026-02-26", .shuttle, [SessionNote(text: "Both sides accept a joint market committee in principle.", visibility: .parties)]),
            (
                "2026-03-10", .joint,
                [
                    SessionNote(text: "The accord is signed at the regional house of chiefs.", visibility: .public),
                    SessionNote(text: "Youth leaders asked for jobs.", visibility: .body),
                ]
            ),
        ] {
            _ = try await store.addSession(
                id,
                SessionDraft(
                    date: date, area: "GH1201", format: format,
                    attendance: [
                        Attendance(category: "elders", women: 3, men: 14, youth: 2),
                        Attendance(category: "youth groups", women: 4, men: 6, youth: 10),
                    ],
                    notes: notes, nextSteps: [NextStep(action: "Report back to each council", owner: "NPC mediator", due: date)]), actor: actor)
        }
        let agreements = AgreementStore(sql: sql)
        let a = try await agreements.create(
            AgreementDraft(
                title: "Bawku Peace Accord (demo)", date: "2026-03-10", stage: "SubComp",
                parties: "Kusasi traditional council; Mamprusi traditional council",
                thirdParties: "National Peace Council; Christian Council of Ghana", country: "Ghana", region: "Africa (excl MENA)",
                text: "The parties agree to end hostilities, share the market, survey the disputed farms and settle succession by the courts.",
                signatories: [
                    Signatory(name: "Kusasi council chair", onBehalfOf: "Kusasi traditional council"),
                    Signatory(name: "Mamprusi council chair", onBehalfOf: "Mamprusi traditional council"),
                ]),
            body: "GH-NPC", caseID: id, classification: .public, actor: actor)
        let kusasi = ResponsibleActor(kind: .party, name: "Kusasi traditional council")
        let mamprusi = ResponsibleActor(kind: .party, name: "Mamprusi traditional council")
        let tree = [
            Stipulation(
                code: "1.1", theme: "Security", subTheme: "Ceasefire", text: "No armed youth in the market or on the Pusiga road",
                responsible: [kusasi, mamprusi], verification: "district security council patrol reports"),
            Stipulation(
                code: "1.2", theme: "Security", subTheme: "Weapons", text: "Surrender of illicit guns to the small arms commission",
                responsible: [kusasi, mamprusi, ResponsibleActor(kind: .body, name: "GH-NACSA")], due: "2026-09-30",
                verification: "GH-NACSA collection records"),
            Stipulation(
                code: "2.1", theme: "Market and livelihoods", text: "A joint market committee meets monthly",
                responsible: [ResponsibleActor(kind: .body, name: "GH-DPC-BAWKU")], verification: "minutes of the committee"),
            Stipulation(
                code: "2.2", theme: "Market and livelihoods", text: "Youth employment scheme for 200 young people",
                responsible: [ResponsibleActor(kind: .organisation, name: "Bawku Municipal Assembly")], dependsOn: ["2.1"],
                verification: "payroll of the scheme", weight: 2),
            Stipulation(
                code: "3.1", theme: "Land and chieftaincy", text: "Survey of the disputed farms by the Lands Commission",
                responsible: [ResponsibleActor(kind: .organisation, name: "Lands Commission")], due: "2026-12-31",
                verification: "survey map, signed by both councils"),
            Stipulation(
                code: "3.2", theme: "Land and chieftaincy", text: "Succession settled by the courts; both sides abide",
                responsible: [kusasi, mamprusi], dependsOn: ["3.1"], verification: "court judgment, no protest after it"),
        ]
        try await agreements.setStipulations(a, tree, actor: actor)
        let link = Evidence(kind: .link, ref: "https://example.org/demo/bawku-patrol-log", note: "patrol log (demo)")
        // (stipulation, month, score): about half implemented by November.
        let scores: [(String, String, PAMScore)] = [
            ("1.1", "2026-04", .minimal), ("1.1", "2026-06", .intermediate), ("1.1", "2026-09", .full),
            ("1.2", "2026-05", .minimal), ("1.2", "2026-08", .minimal),
            ("2.1", "2026-04", .intermediate), ("2.1", "2026-07", .full),
            ("2.2", "2026-08", .minimal),
            ("3.1", "2026-06", .minimal), ("3.1", "2026-10", .intermediate),
        ]
        for (code, month, s) in scores {
            let sid = try await agreements.addScore(
                a, ScoreEntry(stipulation: code, period: month, score: s, evidence: [link], scoredBy: mediator), note: "", actor: actor)
            if let view = try await agreements.scores(a, publishedOnly: false).first(where: { $0.id == sid }) {
                _ = try await agreements.review(a, view, reviewer: reviewer, score: s, actor: actor)
            }
        }
        try await knownStalls(agreements, a, tree, start: "2026-03")
        row.state = try await step(store, row, to: .agreement, reason: "accord signed on 2026-03-10", actor: actor)
        _ = try await step(store, row, to: .implementation, reason: "implementation monitored monthly", actor: actor)
    }

    static func grazing(_ sql: any SQLDatabase, actor: String) async throws {
        let store = MediationStore(sql: sql)
        let draft = MediationDraft(
            title: "Turkana–Moroto dry-season grazing", body: "IGAD-CEWARN", track: .two, mode: .dialogue,
            topic: "Access to pasture and water across the border",
            areas: ["KE023124", "UG3086"],
            parties: [
                MediationParty(name: "Turkana herders' elders", kind: .group, role: .party, consent: .given),
                MediationParty(name: "Matheniko herders' elders", kind: .group, role: .party, consent: .given),
                MediationParty(name: "Turkana County Peace Committee", kind: .body, role: .guarantor, ref: "KE-CPC-TURKANA"),
            ],
            mediators: [
                Mediator(
                    name: "CEWARN field coordinator (demo)", declaration: "No livestock or family in either community.", declaredAt: "2026-05-03")
            ])
        let id = try await store.create(draft, classification: .internal, responseCase: nil, openedOn: "2026-05-01", actor: actor)
        guard var row = try await store.get(id) else { return }
        for (to, reason) in [
            (MediationState.consentPending, "elders met at Lokichoggio"), (.preNegotiation, "both sides agreed to talk"),
            (.negotiation, "grazing maps drawn"),
        ] {
            row.state = try await step(store, row, to: to, reason: reason, actor: actor)
        }
        let agreements = AgreementStore(sql: sql)
        let a = try await agreements.create(
            AgreementDraft(
                title: "Turkana–Moroto grazing accord (demo)", date: "2026-06-20", stage: "SubPar",
                parties: "Turkana herders' elders; Matheniko herders' elders",
                thirdParties: "IGAD CEWARN", country: "Kenya/Uganda", region: "Africa (excl MENA)",
                text: "Shared dry-season grazing along agreed corridors; stolen animals returned; a joint peace committee meets each month."),
            body: "IGAD-CEWARN", caseID: id, classification: .public, actor: actor)
        let both = [
            ResponsibleActor(kind: .party, name: "Turkana herders' elders"), ResponsibleActor(kind: .party, name: "Matheniko herders' elders"),
        ]
        try await agreements.setStipulations(
            a,
            [
                Stipulation(
                    code: "1", theme: "Pasture and water", text: "Herds use the three agreed corridors only", responsible: both,
                    verification: "joint patrols"),
                Stipulation(
                    code: "2", theme: "Livestock", text: "Stolen animals returned within 30 days", responsible: both, due: "2026-08-31",
                    verification: "joint committee register"),
                Stipulation(
                    code: "3", theme: "Dialogue", text: "Joint peace committee meets monthly",
                    responsible: [ResponsibleActor(kind: .body, name: "KE-CPC-TURKANA")], verification: "minutes"),
            ], actor: actor)
        try await knownStalls(agreements, a, try await agreements.stipulations(a), start: "2026-06")
        row.state = try await step(store, row, to: .agreement, reason: "accord signed at Nakitong'o", actor: actor)
        _ = try await step(store, row, to: .implementation, reason: "monitored by the joint committee", actor: actor)
    }

    /// The keeping body already knows where a demo accord stands: today's stalls go on record as flagged, so that
    /// starting the demo does not propose alerts about them.
    static func knownStalls(_ agreements: AgreementStore, _ id: String, _ tree: [Stipulation], start: String) async throws {
        let today = String(Timestamp.now().prefix(10))
        let published = try await agreements.scores(id, publishedOnly: true).map(\.entry)
        _ = try await agreements.flag(
            id, Implementation.stalls(tree, published, start: start, period: String(today.prefix(7)), today: today, periods: 3))
    }

    static func step(_ store: MediationStore, _ row: MediationStore.Row, to: MediationState, reason: String, actor: String) async throws
        -> MediationState
    {
        try await store.transition(row, to: to, reason: reason, actor: actor)
        return to
    }
}

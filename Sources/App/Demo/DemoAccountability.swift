import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The demo's accountability: WANEP-Ghana's position paper to the National Peace Council, answered late, and the
/// Turkana County Peace Committee's forum, where young people are under-represented. Seeded once.
enum DemoAccountability {
    static func seed(_ app: Application, actor: String) async throws {
        guard try await SubmissionStore(sql: app.sql).all(body: "GH-NPC").isEmpty,
            let liaison = try await PeopleStore(sql: app.sql).person(username: "liaison.wanep")
        else { return }
        try await app.write { tx in
            let store = SubmissionStore(sql: tx)
            let id = UUID().uuidString.lowercased()
            try await store.create(
                id: id, body: "GH-NPC", kind: .positionPaper, title: "Women in Ghana's peace councils (demo)",
                summary: "WANEP-Ghana asks the council to bring women into every regional and district peace council.", area: "GHA",
                topic: .dialogue, country: "GHA", person: liaison.id, name: liaison.displayName, organisation: "WANEP-Ghana", protected: false,
                classification: .public, asks: ["A third of each council's seats for women", "Yearly public report on inclusion"], receiptDigest: nil,
                actor: actor)
            // Received in September, answered in November: late.
            try await store.answer(id, n: 1, answer: .partlyAccepted, reason: "A quarter, from the next appointments", publish: true)
            try await store.answer(id, n: 2, answer: .accepted, reason: nil, publish: true)
            try await store.backdate(id, receivedOn: "2026-09-01", acknowledgedOn: "2026-09-08", answeredOn: "2026-11-20", state: .answered)
            try await store.event(id, kind: "answered", note: "after the council's November sitting", actor: actor)
            // The accepted asks are now the council's commitments, followed in public.
            if let r = try await store.all(body: "GH-NPC").first(where: { $0.id == id }) {
                try await store.commit(
                    r, n: 1,
                    CommitmentUpdate(
                        progress: 25, dueOn: "2027-06-30", responsibleBody: "GH-NPC",
                        milestones: [
                            Milestone(title: "Appointment guidance to the regional councils", dueOn: "2026-11-25", done: true),
                            Milestone(title: "Women a quarter of new district appointments", dueOn: "2027-06-30"),
                        ]), actor: actor)
                try await store.commit(r, n: 2, CommitmentUpdate(progress: 0, dueOn: "2027-03-31", responsibleBody: "GH-NPC"), actor: actor)
            }
            let forum = ForumView(
                id: UUID().uuidString.lowercased(), body: "KE-CPC-TURKANA", name: "Turkana West peace forum (demo)",
                mandate: "Grazing, water and cattle raids across the border", createdAt: Timestamp.now(), topics: ["dialogue", "natural-resources"],
                areas: ["KE023124"], partners: ["IGAD"], standing: true,
                targets: InclusionTargets(women: 0.3, youth: 0.3, cso: 0.15, traditionalAndReligious: 0.2))
            try await ForumStore(sql: tx).create(forum, actor: actor)
            try await ForumStore(sql: tx).addSession(
                ForumSessionView(
                    id: UUID().uuidString.lowercased(), forum: forum.id, heldOn: "2026-10-15",
                    agenda: "Dry-season corridors and the return of stolen cattle",
                    participants: [
                        Attendance(category: "traditional", women: 0, men: 12, youth: 0), Attendance(category: "state", women: 2, men: 4, youth: 0),
                        Attendance(category: "cso", women: 3, men: 1, youth: 1), Attendance(category: "youth", women: 0, men: 2, youth: 2),
                    ], resolutions: ["Open the Lokiriama corridor from November"]), actor: actor)
        }
    }
}

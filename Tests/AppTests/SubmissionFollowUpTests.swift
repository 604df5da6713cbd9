import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// A submission after it is made, on both engines: anonymous with a receipt code, files with their metadata removed,
/// commitments from accepted asks, followers told through the outbox, the internal review, and the batch of held answers.
@Suite struct SubmissionFollowUpTests {
    static func send(_ t: any TestingApplicationTester, _ m: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await SubmissionTests.send(t, m, path, token, body)
    }
    static func o(_ r: TestingHTTPResponse) -> [String: Any] { (try? object(r)) ?? [:] }
    static let paper =
        #"{"kind":"grievance","title":"Water point","summary":"The borehole","area":"GH1201","topic":"mediation","asks":["Repair it"]}"#

    @Test(arguments: Engine.available)
    func anAnonymousSubmitterFollowsByReceiptAndAnswersTheBodysQuestion(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let coordinator = try await TestInstallation.person(app, "coord", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .coordinator)])
            let t = try app.testing()
            // An address to write to would undo the anonymity: refused, nothing stored.
            let withMail = try await Self.send(
                t, .POST, "/api/v1/submissions", nil, String(Self.paper.dropLast()) + #","notify":{"channel":"email","target":"a@b.org"}}"#)
            #expect(withMail.status == .unprocessableEntity && withMail.body.string.contains("notify"), "\(withMail.body.string)")
            #expect(try await app.sql.select().column("id").from("submissions").all().isEmpty)

            let made = try await Self.send(t, .POST, "/api/v1/submissions", nil, Self.paper)
            #expect(made.status == .created, "\(made.body.string)")
            let s = try object(made)
            let code = try #require(s["receipt"] as? String)
            #expect(s["anonymous"] as? Bool == true && s["protected"] as? Bool == true)
            #expect(s["submitter"] as? String == "anonymous" && s["organisation"] == nil)
            #expect(
                try await app.sql.select().column("receipt_digest").from("submissions").first()?.decode(column: "receipt_digest", as: String.self)
                    != code)
            // Looked up as typed: lower case, spaces for dashes.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ")
            let seen = try await Self.send(
                t, .GET, "/api/v1/submissions/receipt/\(typed.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)", nil)
            #expect(seen.status == .ok && (Self.o(seen)["title"] as? String) == "Water point", "\(seen.body.string)")
            #expect(Self.o(seen)["receipt"] == nil)
            // An unknown code and a malformed one get the same answer: no hint whether a code ever existed.
            let unknown = try await Self.send(t, .GET, "/api/v1/submissions/receipt/0000-0000-0000", nil)
            let malformed = try await Self.send(t, .GET, "/api/v1/submissions/receipt/nonsense", nil)
            #expect(unknown.status == .notFound && malformed.status == .notFound)
            #expect(
                unknown.body.string.replacingOccurrences(of: "0000-0000-0000", with: "X")
                    == malformed.body.string.replacingOccurrences(of: "nonsense", with: "X"))

            // The body asks; the holder answers by the code; the clock runs again.
            let id = s["id"] as! String
            let ask = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/steps", coordinator.token, #"{"to":"clarification-requested","note":"Which borehole?"}"#)
            #expect(ask.status == .ok, "\(ask.body.string)")
            let empty = try await Self.send(t, .POST, "/api/v1/submissions/receipt/\(code)/clarification", nil, #"{"note":" "}"#)
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("note"))
            let answered = try await Self.send(
                t, .POST, "/api/v1/submissions/receipt/\(code)/clarification", nil, #"{"note":"The one by the school"}"#)
            #expect(answered.status == .ok && (Self.o(answered)["state"] as? String) == "under-consideration", "\(answered.body.string)")
            let history = try object(answered)["history"] as! [[String: Any]]
            #expect(history.allSatisfy { $0["actor"] as? String == "—" })  // the holder does not learn who in the body acted
            let again = try await Self.send(t, .POST, "/api/v1/submissions/receipt/\(code)/clarification", nil, #"{"note":"again"}"#)
            #expect(again.status == .conflict)
        }
    }

    @Test(arguments: Engine.available)
    func filesAreCheckedAndLoseTheirAuthor(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let cso = try await TestInstallation.person(app, "cso", roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)])
            let other = try await TestInstallation.person(app, "other", roles: [RoleGrant(body: "GH-DPC-TAMALE", role: .coordinator)])
            let responder = try await TestInstallation.person(app, "resp", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .responder)])
            let t = try app.testing()
            let id = try object(try await Self.send(t, .POST, "/api/v1/submissions", cso.token, Self.paper))["id"] as! String
            let pdf = "%PDF-1.4\n1 0 obj << /Author (Ama \\(Secretary\\) Mensah) /Producer <4A616E65> /Title (Water) >> endobj\n%%EOF"
            func upload(_ bytes: [UInt8], name: String, token: String?) async throws -> TestingHTTPResponse {
                try await t.sendRequest(
                    .POST, "/api/v1/submissions/\(id)/files?name=\(name)", headers: token.map { .bearer($0) } ?? [:], body: ByteBuffer(bytes: bytes))
            }
            // A program, an empty file and one over 5 MB are refused by name; nothing is stored.
            let exe = try await upload(Array("MZ\u{90}\u{0}".utf8), name: "paper.exe", token: cso.token)
            #expect(exe.status == .unprocessableEntity && exe.body.string.contains("PDF"), "\(exe.body.string)")
            let big = try await upload(
                Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: SubmissionFiles.maxBytes), name: "big.pdf", token: cso.token)
            #expect(big.status == .unprocessableEntity && big.body.string.contains("5 MB"), "\(big.body.string)")
            let huge = try await upload([UInt8](repeating: 0x20, count: 7 << 20), name: "huge.pdf", token: cso.token)
            #expect([.payloadTooLarge, .unprocessableEntity].contains(huge.status))  // 413 over HTTP, before the body is read
            #expect(try await upload(Array(pdf.utf8), name: "p.pdf", token: other.token).status == .notFound)  // cannot read it
            #expect(try await upload(Array(pdf.utf8), name: "p.pdf", token: nil).status == .unauthorized)
            #expect(try await app.sql.select().column("id").from("submission_files").all().isEmpty)

            let added = try await upload(Array(pdf.utf8), name: "..%2Fposition%20paper.pdf", token: cso.token)
            #expect(added.status == .created, "\(added.body.string)")
            let file = try object(added)
            #expect(file["name"] as? String == "..%2Fposition paper.pdf" || file["name"] as? String == "position paper.pdf", "\(file)")
            let got = try await t.sendRequest(.GET, "/api/v1/submissions/\(id)/files/\(file["id"] as! String)", headers: .bearer(responder.token))
            #expect(got.status == .ok && got.headers.contentType?.subType == "pdf")
            #expect(got.headers.first(name: .cacheControl) == "private, no-store")
            let text = got.body.string
            #expect(!text.contains("Ama") && !text.contains("Mensah") && !text.contains("4A616E65") && text.contains("(Water)"))
            #expect(text.utf8.count == pdf.utf8.count)  // blanked in place: offsets hold
            #expect(try await t.sendRequest(.GET, "/api/v1/submissions/\(id)/files/\(file["id"] as! String)").status == .notFound)
            let view = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", cso.token))
            #expect((view["files"] as! [[String: Any]]).count == 1)
        }
    }

    @Test(arguments: Engine.available)
    func acceptedAsksBecomeCommitmentsFollowersHearAndTheSubmitterMayAskForAReview(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let cso = try await TestInstallation.person(app, "cso", roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)])
            let coordinator = try await TestInstallation.person(app, "coord", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .coordinator)])
            let reader = try await TestInstallation.person(app, "reader")
            let t = try app.testing()
            // A body subscription, to see that followers stay out of the body's lists.
            let admin = try await TestInstallation.person(app, "admin", admin: true)
            let bodySub = try await Self.send(
                t, .POST, "/api/v1/bodies/GH-DPC-BAWKU/subscriptions", admin.token, #"{"channel":"email","target":"desk@council.gh"}"#)
            #expect(bodySub.status == .created, "\(bodySub.body.string)")
            let public_ =
                #"{"kind":"petition","title":"Market peace","summary":"Traders ask","area":"GH1201","topic":"mediation","asks":["A market committee","Lighting"],"classification":"public","notify":{"channel":"email","target":"cso@wanep.org"}}"#
            let made = try await Self.send(t, .POST, "/api/v1/submissions", cso.token, public_)
            #expect(made.status == .created, "\(made.body.string)")
            let id = try object(made)["id"] as! String
            let follow = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/followers", reader.token, #"{"channel":"webhook","target":"https://example.org/hook"}"#)
            #expect(follow.status == .created && (Self.o(follow)["secret"] as? String) != nil, "\(follow.body.string)")
            let bad = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/followers", reader.token, #"{"channel":"email","target":"not-an-address"}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("target"))
            let follows = try await app.sql.select().column("id").from("subscriptions").where(SQLColumn("submission_id"), .isNot, SQLLiteral.null)
                .all()
            #expect(follows.count == 2)
            func told() async throws -> Int {
                try await app.sql.select().column(SQLColumn("id", table: "o")).from(SQLAlias(SQLIdentifier("outbox"), as: SQLIdentifier("o")))
                    .join(
                        SQLAlias(SQLIdentifier("subscriptions"), as: SQLIdentifier("s")), on: SQLColumn("subscription_id", table: "o"), .equal,
                        SQLColumn("id", table: "s")
                    )
                    .where(SQLColumn("submission_id", table: "s"), .isNot, SQLLiteral.null).all().count
            }
            let before = try await told()
            for step in [#"{"to":"acknowledged"}"#] {
                #expect(try await Self.send(t, .POST, "/api/v1/submissions/\(id)/steps", coordinator.token, step).status == .ok)
            }
            #expect(try await told() == before + 2)  // both followers
            // Not answered yet: no commitment; a review cannot be asked yet.
            let early = try await Self.send(t, .POST, "/api/v1/submissions/\(id)/commitments/1", coordinator.token, #"{"progress":10}"#)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("accepted"), "\(early.body.string)")
            #expect(try await Self.send(t, .POST, "/api/v1/submissions/\(id)/review", cso.token, #"{"reason":"slow"}"#).status == .conflict)
            // Held answers, then the body's batch publishes them.
            let held = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/answers", coordinator.token,
                #"{"answers":[{"n":1,"answer":"accepted"},{"n":2,"answer":"rejected","reason":"The assembly lights the market"}]}"#)
            #expect(held.status == .ok)
            #expect(try await Self.send(t, .POST, "/api/v1/bodies/GH-DPC-BAWKU/submissions/publish", cso.token).status == .forbidden)
            let batch = try await Self.send(t, .POST, "/api/v1/bodies/GH-DPC-BAWKU/submissions/publish", coordinator.token)
            #expect(batch.status == .ok && (Self.o(batch)["answered"] as? Int) == 1, "\(batch.body.string)")

            // A commitment: a past due date is refused and nothing changes; then progress and milestones.
            let past = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/commitments/1", coordinator.token, #"{"progress":10,"dueOn":"2020-01-01"}"#)
            #expect(past.status == .unprocessableEntity && past.body.string.contains("dueOn"), "\(past.body.string)")
            let rejected = try await Self.send(t, .POST, "/api/v1/submissions/\(id)/commitments/2", coordinator.token, #"{"progress":10}"#)
            #expect(rejected.status == .unprocessableEntity)
            #expect(try await Self.send(t, .POST, "/api/v1/submissions/\(id)/commitments/1", cso.token, #"{"progress":10}"#).status == .forbidden)
            let unchanged = try object(try await Self.send(t, .GET, "/api/v1/submissions/\(id)", cso.token))
            #expect((unchanged["asks"] as! [[String: Any]])[0]["progress"] as? Int == 0)
            let toldBefore = try await told()
            let commit = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/commitments/1", coordinator.token,
                #"{"progress":40,"dueOn":"2099-06-30","responsibleBody":"GH-DPC-BAWKU","milestones":[{"title":"Members named","done":true},{"title":"First meeting","dueOn":"2099-01-15","done":false}]}"#
            )
            #expect(commit.status == .ok, "\(commit.body.string)")
            let ask = (Self.o(commit)["asks"] as! [[String: Any]])[0]
            #expect(ask["progress"] as? Int == 40 && ask["dueOn"] as? String == "2099-06-30" && (ask["milestones"] as! [Any]).count == 2)
            #expect(try await told() == toldBefore + 2)
            let payload =
                try await app.sql.select().column("payload").from("outbox").where("event", .equal, "submission.commitment").first()?
                .decode(column: "payload", as: String.self) ?? ""
            #expect(payload.contains("Market peace") && payload.contains(id))  // public: the headline may travel

            // The public record counts the commitment.
            let record = try object(try await Self.send(t, .GET, "/api/v1/bodies/GH-DPC-BAWKU/responsiveness", nil))
            let c = record["commitments"] as! [String: Any]
            #expect(c["commitments"] as? Int == 1 && c["done"] as? Int == 0 && c["meanProgress"] as? Double == 40)
            let csv = try await t.sendRequest(.GET, "/api/v1/responsiveness.csv")
            #expect(csv.status == .ok && csv.body.string.contains("\"GH-DPC-BAWKU\",1,1,"), "\(csv.body.string)")

            // The review: only the submitter asks, once; the body decides with what it found.
            #expect(try await Self.send(t, .POST, "/api/v1/submissions/\(id)/review", reader.token, #"{"reason":"x"}"#).status == .forbidden)
            let review = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/review", cso.token, #"{"reason":"Lighting is the council's to ask for"}"#)
            #expect(review.status == .ok && (Self.o(review)["review"] as? String) == "requested", "\(review.body.string)")
            #expect(try await Self.send(t, .POST, "/api/v1/submissions/\(id)/review", cso.token, #"{"reason":"again"}"#).status == .conflict)
            let noNote = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/review/decision", coordinator.token, #"{"outcome":"upheld","note":""}"#)
            #expect(noNote.status == .unprocessableEntity && noNote.body.string.contains("note"))
            let decided = try await Self.send(
                t, .POST, "/api/v1/submissions/\(id)/review/decision", coordinator.token, #"{"outcome":"upheld","note":"The assembly is competent"}"#)
            #expect(decided.status == .ok && (Self.o(decided)["review"] as? String) == "upheld")

            // Followers are the follower's own: listed to them, stopped by them, never in the body's list.
            let mine = try await Self.send(t, .GET, "/api/v1/submissions/\(id)/followers", reader.token)
            let fid = try #require((try array(mine).first)?["id"] as? String)
            #expect(try await Self.send(t, .GET, "/api/v1/submissions/\(id)/followers", cso.token).body.string.contains("cso@wanep.org"))
            #expect(try await Self.send(t, .DELETE, "/api/v1/submissions/\(id)/followers/\(fid)", cso.token).status == .notFound)
            #expect(try await Self.send(t, .DELETE, "/api/v1/submissions/\(id)/followers/\(fid)", reader.token).status == .noContent)
            let bodyList = try await app.sql.select().column("id").from("subscriptions").where("body_code", .equal, "GH-DPC-BAWKU").all()
            #expect(try await SubscriptionStore(sql: app.sql).list(body: "GH-DPC-BAWKU").count == bodyList.count - 2)
        }
    }
}

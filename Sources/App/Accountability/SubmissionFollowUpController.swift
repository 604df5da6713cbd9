import AgoraCore
import Foundation
import Vapor

/// A submission after it is made: files, the submitter's answer to a question, commitments from accepted asks, the
/// internal review, followers, and the body's batch of held answers. The submission pages' forms call these too.
struct SubmissionFollowUpController {
    func register(_ api: any RoutesBuilder) {
        let s = api.grouped("submissions", ":id")
        s.on(.POST, "files", body: .collect(maxSize: "6mb"), use: addFile)
        s.get("files", ":file", use: file)
        s.post("clarification", use: clarify)
        s.post("commitments", ":n", use: commit)
        s.post("review", use: requestReview)
        s.post("review", "decision", use: decideReview)
        s.get("followers", use: followers)
        s.post("followers", use: follow)
        s.delete("followers", ":follower", use: unfollow)
        api.post("bodies", ":code", "submissions", "publish", use: publishHeld)
    }

    // MARK: files

    func addFile(req: Request) async throws -> Response {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw APIError(ValidationFailure(field: "body", "send the file itself as the body, its name in ?name="))
        }
        let name = try req.query.get(String?.self, at: "name") ?? "file"
        let checked = try SubmissionFiles.check(Array(buffer.readableBytesView), name: name, field: "body")
        let v = try await Self.attach(checked, to: try req.parameters.require("id"), req: req)
        return try await v.encodeResponse(status: .created, for: req)
    }

    /// The submitter or the receiving body's people add files, at most five.
    static func attach(_ f: SubmissionFiles.Checked, to id: String, req: Request) async throws -> SubmissionFileView {
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        return try await req.write { tx in
            let r = try await SubmissionController.find(id, req, tx)
            guard r.submitterPerson == viewer.personID || viewer.keepsRecords(of: r.bodyCode) else {
                throw APIError.forbidden("files are added by the submitter or the people of \(r.bodyCode)")
            }
            let store = SubmissionStore(sql: tx)
            if try await store.files(of: r.id).count >= SubmissionFiles.maxFiles {
                throw APIError(ValidationFailure(field: "body", "at most \(SubmissionFiles.maxFiles) files per submission"))
            }
            return try await store.addFile(f, to: r, actor: actor)
        }
    }

    func file(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let fid = try req.parameters.require("file")
        _ = try await SubmissionController.find(id, req, req.sql)
        guard let (v, data) = try await SubmissionStore(sql: req.sql).file(fid, of: id) else { throw APIError.notFound("file", fid) }
        var headers = HTTPHeaders()
        let parts = v.contentType.split(separator: "/").map(String.init)
        headers.contentType = HTTPMediaType(type: parts[0], subType: parts[1])
        // Private and never kept, and never run as a page: a shared phone must not keep it after sign-out.
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(v.id)\"")
        headers.replaceOrAdd(name: .eTag, value: "\"\(v.sha256)\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    // MARK: the submitter

    /// A route that decodes `I`, runs the typed action on the submission in the path, and answers with the submission.
    private func run<I: Content>(_ req: Request, _: I.Type, _ action: (String, I, Request) async throws -> Void) async throws -> SubmissionView {
        let id = try req.parameters.require("id")
        try await action(id, try req.input(I.self), req)
        return try await SubmissionController.view(id, req: req)
    }

    func clarify(req: Request) async throws -> SubmissionView { try await run(req, SubmissionController.Clarification.self, Self.clarify) }

    static func clarify(_ id: String, _ input: SubmissionController.Clarification, req: Request) async throws {
        let viewer = try req.requireSignedIn()
        let r = try await SubmissionController.find(id, req, req.sql)
        guard r.submitterPerson == viewer.personID else { throw APIError.forbidden("the submitter answers the body's question") }
        try await SubmissionController.clarify(r, input, actor: req.actor, req: req)
    }

    struct ReviewRequest: Content {
        var reason: String
    }

    func requestReview(req: Request) async throws -> SubmissionView { try await run(req, ReviewRequest.self, Self.requestReview) }

    /// The submitter asks the body to look again (once answered or transferred, or when very overdue); the body and
    /// the one above it hear of it.
    static func requestReview(_ id: String, _ input: ReviewRequest, req: Request) async throws {
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        let tree = try await req.bodyTree()
        let view = try await SubmissionController.view(id, req: req)
        try await req.write { tx in
            let r = try await SubmissionController.find(id, req, tx)
            guard r.submitterPerson == viewer.personID else { throw APIError.forbidden("the submitter asks for a review") }
            guard ReviewRules.mayRequest(r.state, flag: view.flag, review: r.reviewState) else {
                throw APIError.conflict(field: "state", "a review is asked once the body has answered or transferred it, or when it is very overdue")
            }
            if MediationRules.blank(input.reason) { throw APIError(ValidationFailure(field: "reason", "say what the body should look at again")) }
            try await SubmissionStore(sql: tx).requestReview(
                r, reason: input.reason, today: today, parent: tree.nodes[r.bodyCode]?.parent, actor: actor)
        }
    }

    struct ReviewDecision: Content {
        var outcome: ReviewState
        var note: String
    }

    func decideReview(req: Request) async throws -> SubmissionView { try await run(req, ReviewDecision.self, Self.decideReview) }

    static func decideReview(_ id: String, _ input: ReviewDecision, req: Request) async throws {
        try await SubmissionController.keeping(id, req: req) { r, store, actor, _ in
            guard r.reviewState == .requested else { throw APIError.conflict(field: "outcome", "no review was asked") }
            var issues = IssueCollector()
            if input.outcome == .requested { issues.add("outcome", "upheld or revised") }
            if MediationRules.blank(input.note) { issues.add("note", "say what the review found") }
            try issues.throwIfAny()
            try await store.decideReview(r, input.outcome, note: input.note, actor: actor)
        }
    }

    // MARK: commitments

    func commit(req: Request) async throws -> SubmissionView {
        let id = try req.parameters.require("id")
        guard let n = Int(try req.parameters.require("n")) else { throw APIError.badRequest(field: "n", "the ask's number") }
        try await Self.commit(id, n: n, try req.input(CommitmentUpdate.self), req: req)
        return try await SubmissionController.view(id, req: req)
    }

    /// Progress, due date, responsible body and milestones of an accepted ask, by the receiving body.
    static func commit(_ id: String, n: Int, _ u: CommitmentUpdate, req: Request) async throws {
        try await SubmissionController.keeping(id, req: req) { r, store, actor, today in
            guard let ask = try await store.asks(r.id).first(where: { $0.n == n }) else { throw APIError.notFound("ask", String(n)) }
            try u.validate(today: today, answer: ask.answer, published: ask.published)
            if let b = u.responsibleBody, try await BodyStore(sql: store.sql).refs([b])[b] == nil {
                throw APIError(ValidationFailure(field: "responsibleBody", "unknown body code '\(b)'"))
            }
            try await store.commit(r, n: n, u, actor: actor)
        }
    }

    // MARK: followers

    struct Follow: Content {
        var channel: String
        var target: String
    }

    struct Prepared: Sendable {
        var id, channel, target: String
        var sealed: String?
        var secret: String?
    }

    /// A webhook follower gets a signing secret, sealed in the store and shown once.
    static func prepare(_ f: Follow, req: Request) throws -> Prepared {
        var issues = IssueCollector()
        SubscriptionController.checkTarget(channel: f.channel, target: f.target, &issues)
        try issues.throwIfAny()
        let id = UUID().uuidString.lowercased()
        let secret = f.channel == "webhook" ? Secrets.token() : nil
        return Prepared(
            id: id, channel: f.channel, target: f.target,
            sealed: try secret.map { try req.application.vault.seal(ContactDetails(name: $0), recordID: id) },
            secret: secret)
    }

    struct Followed: Content {
        var id, channel, target: String
        var secret: String?
    }

    func follow(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let p = try await Self.follow(id, try req.input(Follow.self), req: req)
        return try await Followed(id: p.id, channel: p.channel, target: p.target, secret: p.secret).encodeResponse(status: .created, for: req)
    }

    /// Anyone who may read the submission may follow it; every change reaches them through the outbox.
    static func follow(_ id: String, _ f: Follow, req: Request) async throws -> Prepared {
        let viewer = try req.requireSignedIn()
        guard let person = viewer.personID else { throw APIError.forbidden("a person follows a submission, not a token of a tool") }
        let p = try prepare(f, req: req)
        let actor = req.actor
        try await req.write { tx in
            let r = try await SubmissionController.find(id, req, tx)
            let store = SubmissionStore(sql: tx)
            if try await store.followers(of: r.id, person: person).count >= 5 {
                throw APIError(ValidationFailure(field: "target", "at most five ways to follow one submission"))
            }
            try await store.follow(
                submission: r.id, body: r.bodyCode, id: p.id, person: person, channel: p.channel, target: p.target, sealedSecret: p.sealed,
                actor: actor)
        }
        return p
    }

    func followers(req: Request) async throws -> [SubmissionStore.Follower] {
        let viewer = try req.requireSignedIn()
        let r = try await SubmissionController.find(try req.parameters.require("id"), req, req.sql)
        return try await SubmissionStore(sql: req.sql).followers(of: r.id, person: viewer.personID ?? "")
    }

    func unfollow(req: Request) async throws -> HTTPStatus {
        try await Self.unfollow(try req.parameters.require("id"), follower: try req.parameters.require("follower"), req: req)
        return .noContent
    }

    /// A follower stops following (their own way of following only).
    static func unfollow(_ id: String, follower: String, req: Request) async throws {
        let viewer = try req.requireSignedIn()
        let actor = req.actor
        let done = try await req.write { tx in
            _ = try await SubmissionController.find(id, req, tx)
            return try await SubmissionStore(sql: tx).unfollow(follower, of: id, person: viewer.personID ?? "", actor: actor)
        }
        guard done else { throw APIError.notFound("follower", follower) }
    }

    // MARK: the batch

    struct Published: Content {
        var submissions: Int
        var answered: Int
    }

    func publishHeld(req: Request) async throws -> Published {
        try await Self.publishHeld(body: try req.parameters.require("code"), req: req)
    }

    /// Publishes every held answer of a body at once (after the council's meeting).
    static func publishHeld(body: String, req: Request) async throws -> Published {
        let viewer = try req.requireSignedIn()
        guard viewer.keepsRecords(of: body) else { throw APIError.forbidden("only the people of \(body) publish its answers") }
        let actor = req.actor
        let today = String(Timestamp.now().prefix(10))
        return try await req.write { tx in
            let store = SubmissionStore(sql: tx)
            var answered = 0
            let held = try await store.withHeldAnswers(body: body).filter { [.acknowledged, .underConsideration].contains($0.state) }
            for r in held where try await store.publish(r, today: today, actor: actor) { answered += 1 }
            return Published(submissions: held.count, answered: answered)
        }
    }
}

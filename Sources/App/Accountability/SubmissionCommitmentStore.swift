import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The parts of a submission after the answer: commitments from accepted asks, the submitter's internal review,
/// files, followers, receipts for anonymous submitters, and the body-wide batch of held answers.
extension SubmissionStore {
    func commit(_ r: Row, n: Int, _ u: CommitmentUpdate, actor: String) async throws {
        var q = sql.update("submission_asks")
        if let p = u.progress { q = q.set("progress", to: p) }
        if let d = u.dueOn { q = q.set("due_on", to: d) }
        if let b = u.responsibleBody { q = q.set("responsible_body", to: b) }
        if let m = u.milestones { q = q.set("milestones", to: MediationStore.json(m)) }
        try await q.where("submission_id", .equal, r.id).where("n", .equal, n).run()
        var parts: [String] = []
        if let p = u.progress { parts.append("\(p) %") }
        if let d = u.dueOn { parts.append("due \(d)") }
        if let b = u.responsibleBody { parts.append(b) }
        if let m = u.milestones { parts.append("\(m.filter(\.done).count)/\(m.count) milestones") }
        if let note = u.note, !MediationRules.blank(note) { parts.append(note) }
        try await event(r.id, kind: "commitment", note: "\(n): " + parts.joined(separator: "; "), actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "commitment", recordType: "submission", recordID: r.id, content: u)
        try await tellFollowers(r, "submission.commitment", state: r.state)
    }

    func requestReview(_ r: Row, reason: String, today: String, parent: String?, actor: String) async throws {
        try await sql.update("submissions").set("review_state", to: ReviewState.requested.rawValue).set("review_requested_on", to: today)
            .set("updated_at", to: Timestamp.now()).where("id", .equal, r.id).run()
        try await event(r.id, kind: "review-requested", note: reason, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "review-requested", recordType: "submission", recordID: r.id, content: [reason])
        try await OutboxStore(sql: sql).enqueue("submission.review-requested", bodies: [r.bodyCode] + (parent.map { [$0] } ?? []))
        try await tellFollowers(r, "submission.review-requested", state: r.state)
    }

    func decideReview(_ r: Row, _ outcome: ReviewState, note: String, actor: String) async throws {
        try await sql.update("submissions").set("review_state", to: outcome.rawValue).set("updated_at", to: Timestamp.now())
            .where("id", .equal, r.id).run()
        try await event(r.id, kind: "review-" + outcome.rawValue, note: note, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "review-" + outcome.rawValue, recordType: "submission", recordID: r.id)
        try await tellFollowers(r, "submission.review-" + outcome.rawValue, state: r.state)
    }

    /// The submission a receipt code names (digest only is stored), whatever its classification: its holder is its
    /// submitter.
    func receipt(digest: String) async throws -> Row? {
        try await Self.table.unscoped(sql, because: "the receipt's holder is the anonymous submitter").columns(Self.columns)
            .where("receipt_digest", .equal, digest).first(decoding: Row.self, with: AreaStore.decoder)
    }

    // MARK: files

    static let fileColumns = ["id", "name", "content_type", "size", "sha256", "added_at"]

    private struct FileRow: Decodable {
        var id, name, contentType, sha256, addedAt: String
        var size: Int
        var view: SubmissionFileView {
            SubmissionFileView(id: id, name: name, contentType: contentType, sha256: sha256, addedAt: addedAt, size: size)
        }
    }

    /// In the caller's transaction, audited with the digest (not the content).
    func addFile(_ f: SubmissionFiles.Checked, to r: Row, actor: String) async throws -> SubmissionFileView {
        let data = Data(f.bytes)
        let v = SubmissionFileView(
            id: UUID().uuidString.lowercased(), name: f.name, contentType: f.contentType, sha256: AuditChain.sha256(data), addedAt: Timestamp.now(),
            size: data.count)
        try await sql.insert(into: "submission_files").columns(["submission_id"] + Self.fileColumns + ["data", "added_by"])
            .values(
                SQLBind(r.id), SQLBind(v.id), SQLBind(v.name), SQLBind(v.contentType), SQLBind(v.size), SQLBind(v.sha256), SQLBind(v.addedAt),
                SQLBind(data), SQLBind(actor)
            ).run()
        try await event(r.id, kind: "file", note: v.name, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "attach", recordType: "submission", recordID: r.id, content: [v.id, v.sha256])
        return v
    }

    /// Files of a submission the caller has already read through its scope.
    func files(of id: String) async throws -> [SubmissionFileView] {
        try await sql.select().columns(Self.fileColumns).from("submission_files").where("submission_id", .equal, id).orderBy("added_at")
            .orderBy("id").all(decoding: FileRow.self, with: AreaStore.decoder).map(\.view)
    }

    func file(_ fid: String, of id: String) async throws -> (SubmissionFileView, Data)? {
        guard
            let row = try await sql.select().columns(Self.fileColumns + ["data"]).from("submission_files").where("submission_id", .equal, id)
                .where("id", .equal, fid).first()
        else { return nil }
        return (try row.decode(model: FileRow.self, with: AreaStore.decoder).view, try row.decode(column: "data", as: Data.self))
    }

    // MARK: followers

    /// A follower is a subscription tied to one submission: delivered by the outbox like a body's, never listed
    /// or fanned out as one.
    func follow(submission: String, body: String, id: String, person: String, channel: String, target: String, sealedSecret: String?, actor: String)
        async throws
    {
        try await sql.insert(into: "subscriptions").columns(
            "id", "body_code", "channel", "target", "secret_sealed", "events", "active", "created_by", "created_at", "submission_id", "person_id"
        )
        .values(
            [
                SQLBind(id), SQLBind(body), SQLBind(channel), SQLBind(target), SQLBind(sealedSecret), SQLBind("[]"), SQLBind(true),
                SQLBind(actor), SQLBind(Timestamp.now()), SQLBind(submission), SQLBind(person),
            ] as [any SQLExpression]
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "follow", recordType: "submission", recordID: submission, content: [id, channel])
    }

    struct Follower: Sendable, Content {
        var id, channel, target, createdAt: String
    }

    func followers(of id: String, person: String) async throws -> [Follower] {
        try await sql.select().columns("id", "channel", "target", "created_at").from("subscriptions").where("submission_id", .equal, id)
            .where("person_id", .equal, person).where("active", .equal, true).orderBy("created_at").all().map {
                Follower(
                    id: try $0.decode(column: "id", as: String.self), channel: try $0.decode(column: "channel", as: String.self),
                    target: try $0.decode(column: "target", as: String.self), createdAt: try $0.decode(column: "created_at", as: String.self))
            }
    }

    func unfollow(_ subscription: String, of id: String, person: String, actor: String) async throws -> Bool {
        let done = try await sql.update("subscriptions").set("active", to: false).where("id", .equal, subscription)
            .where("submission_id", .equal, id).where("person_id", .equal, person).where("active", .equal, true).returning("id").all()
        if !done.isEmpty {
            try await AuditStore(sql: sql).append(actor: actor, action: "unfollow", recordType: "submission", recordID: id, content: [subscription])
        }
        return !done.isEmpty
    }

    /// Followers hear of the change; the headline only of a public submission, since an e-mail leaves the installation.
    func tellFollowers(_ r: Row, _ event: String, state: SubmissionState) async throws {
        var p = NotificationPayload(event: event, at: Timestamp.now())
        p.body = r.bodyCode
        p.status = state.rawValue
        p.link = "/submissions/\(r.id)"
        if r.classification == Classification.public.rawValue { p.headline = r.title }
        try await OutboxStore(sql: sql).enqueue(p, submission: r.id)
    }

    // MARK: batches and figures

    /// Submissions of a body holding answers not yet published (a council publishes after its meeting).
    func withHeldAnswers(body: String) async throws -> [Row] {
        let ids = try await sql.select().distinct().column("submission_id").from("submission_asks").where("published", .equal, false)
            .where(SQLColumn("answer"), .isNot, SQLLiteral.null).all().map { try $0.decode(column: "submission_id", as: String.self) }
        guard !ids.isEmpty else { return [] }
        return try await Self.table.unscoped(sql, because: "the caller keeps the body's records; the batch acts for the body")
            .columns(Self.columns).where("body_code", .equal, body).where(SQLColumn("id"), .in, SQLBind.group(ids)).all(
                decoding: Row.self, with: AreaStore.decoder)
    }

    /// Every commitment of a body, for its public figures (counts only leave).
    func commitments(body: String) async throws -> [CommitmentFigures.Row] {
        try await sql.select().columns(SQLColumn("progress", table: "submission_asks"), SQLColumn("due_on", table: "submission_asks"))
            .from("submission_asks")
            .join("submissions", on: SQLColumn("id", table: "submissions"), .equal, SQLColumn("submission_id", table: "submission_asks"))
            .where(SQLColumn("body_code", table: "submissions"), .equal, SQLBind(body))
            .where(SQLColumn("published", table: "submission_asks"), .equal, SQLLiteral.boolean(true))
            .where(
                SQLColumn("answer", table: "submission_asks"), .in, SQLBind.group([AskAnswer.accepted.rawValue, AskAnswer.partlyAccepted.rawValue])
            )
            .all().map {
                CommitmentFigures.Row(
                    progress: try $0.decode(column: "progress", as: Int.self), dueOn: try $0.decode(column: "due_on", as: String?.self))
            }
    }
}

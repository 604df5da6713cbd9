import AgoraCore
import Foundation
import SQLKit
import Vapor

struct AskView: Content {
    var n: Int
    var text: String
    var answer: AskAnswer?
    var reason: String?
    var published: Bool
    var progress: Int
    /// A commitment's (an accepted ask's): when it is due, who carries it out, the steps on the way.
    var dueOn: String?
    var responsibleBody: String?
    var milestones: [Milestone]
}

struct SubmissionEventView: Content {
    var seq: Int
    var at, kind: String
    var actor: String
    var note: String?
}

struct SubmissionView: Content {
    var id, body, title, summary, area, topic, country, receivedOn, createdAt: String
    var kind: SubmissionKind
    var state: SubmissionState
    var classification: Classification
    /// Hidden (nil) when protected, except from the receiving body's coordinators and the submitter.
    var submitter: String?
    var organisation: String?
    var protected: Bool
    var acknowledgedOn, answeredOn, transferredTo: String?
    var extensionDays: Int
    var acknowledgeBy, answerBy, veryLateFrom: String
    var flag: SubmissionClock.Flag
    var asks: [AskView]
    var history: [SubmissionEventView]
    /// Made without an account: the submitter holds a receipt code.
    var anonymous: Bool
    var review: ReviewState?
    var reviewRequestedOn: String?
    var files: [SubmissionFileView]
    /// Shown once, to the anonymous submitter, when it is made.
    var receipt: String?
}

struct SubmissionFileView: Content {
    var id, name, contentType, sha256, addedAt: String
    var size: Int
}

/// Submissions to bodies, their asks, their clock and history. Read through the one scoping (the receiving body and
/// those above it; the submitter by name); the public figures count every submission and reveal none.
struct SubmissionStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "submission", table: "submissions", authorColumn: "submitter_person")
    static let columns = [
        "id", "body_code", "kind", "title", "summary", "area_code", "topic", "submitter_person", "submitter_name", "organisation", "protected",
        "classification", "state", "country", "received_on", "acknowledged_on", "answered_on", "extension_days", "paused", "paused_since",
        "transferred_to", "flag", "created_at", "updated_at", "review_state", "review_requested_on", "receipt_digest",
    ]
    static let selected = ColumnList(columns, table: "submissions")

    struct Row: Decodable, Sendable {
        var id, bodyCode, title, summary, areaCode, topic, submitterName, classification, country, receivedOn, paused, flag, createdAt,
            updatedAt: String
        var kind: SubmissionKind
        var state: SubmissionState
        var submitterPerson, organisation, acknowledgedOn, answeredOn, pausedSince, transferredTo, reviewRequestedOn, receiptDigest: String?
        var reviewState: ReviewState?
        var protected: Bool
        var anonymous: Bool { receiptDigest != nil }
        var extensionDays: Int
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> Row? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id).first(decoding: Row.self, with: AreaStore.decoder)
    }

    func list(_ scope: AccessScope, body: String?, state: SubmissionState?, page: PageRequest) async throws -> [Row] {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let b = body { q = q.where("body_code", .equal, b) }
        if let s = state { q = q.where("state", .equal, s.rawValue) }
        if let after = page.after { q = q.where("id", .lessThan, after) }
        return try await q.orderBy("id", .descending).limit(page.limit + 1).all(decoding: Row.self, with: AreaStore.decoder)
    }

    /// Unscoped: the public figures count every submission of a body (confidential ones too) and show none of them;
    /// the flag sweep acts for the installation.
    func all(body: String?) async throws -> [Row] {
        var q = Self.table.unscoped(sql, because: "figures count every submission and show none; the flag sweep acts for the installation")
            .columns(Self.columns)
        if let b = body { q = q.where("body_code", .equal, b) }
        return try await q.all(decoding: Row.self, with: AreaStore.decoder)
    }

    static func paused(_ r: Row) -> [ClosedRange<Int>] {
        (MediationStore.decode([[String]].self, r.paused) ?? []).compactMap { p in
            guard p.count == 2, let a = CivilDate.parse(p[0]), let b = CivilDate.parse(p[1]), a <= b else { return nil }
            return a...b
        }
    }

    static func clock(_ r: Row, _ d: SubmissionDeadlines) -> SubmissionClock {
        SubmissionClock(received: CivilDate.parse(r.receivedOn) ?? 0, deadlines: d, extended: r.extensionDays, paused: paused(r))
    }

    func create(
        id: String, body: String, kind: SubmissionKind, title: String, summary: String, area: String, topic: Topic, country: String, person: String?,
        name: String, organisation: String?, protected: Bool, classification: Classification, asks: [String], receiptDigest: String?,
        actor: String
    ) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "submissions").columns(Self.columns)
            .values(
                [
                    SQLBind(id), SQLBind(body), SQLBind(kind.rawValue), SQLBind(title), SQLBind(summary), SQLBind(area), SQLBind(topic.rawValue),
                    SQLBind(person), SQLBind(name), SQLBind(organisation), SQLBind(protected), SQLBind(classification.rawValue),
                    SQLBind(SubmissionState.received.rawValue), SQLBind(country), SQLBind(String(now.prefix(10))), SQLBind(nil as String?),
                    SQLBind(nil as String?), SQLBind(0), SQLBind("[]"), SQLBind(nil as String?), SQLBind(nil as String?),
                    SQLBind(SubmissionClock.Flag.onTime.rawValue), SQLBind(now), SQLBind(now), SQLBind(nil as String?), SQLBind(nil as String?),
                    SQLBind(receiptDigest),
                ] as [any SQLExpression]
            ).run()
        for (i, a) in asks.enumerated() {
            try await sql.insert(into: "submission_asks").columns("submission_id", "n", "text", "answer", "reason", "published", "progress", "due_on")
                .values(
                    [
                        SQLBind(id), SQLBind(i + 1), SQLBind(a), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(false), SQLBind(0),
                        SQLBind(nil as String?),
                    ]
                        as [any SQLExpression]
                ).run()
        }
        // The submitter reads their own; a confidential one is read by the receiving body alone (not those above).
        var grants = [("body", body)]
        if let person { grants.append(("person", person)) }
        for (kind, who) in grants {
            try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                .values(SQLBind("submission"), SQLBind(id), SQLBind(kind), SQLBind(who)).run()
        }
        try await event(id, kind: "received", note: nil, actor: actor)
        try await AuditStore(sql: sql).append(
            actor: actor, action: "create", recordType: "submission", recordID: id, content: [body, kind.rawValue, title])
        try await OutboxStore(sql: sql).enqueue("submission.received", bodies: [body])
    }

    func event(_ id: String, kind: String, note: String?, actor: String) async throws {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("submission_events")
                .where("submission_id", .equal, id).first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await sql.insert(into: "submission_events").columns("submission_id", "seq", "at", "kind", "note", "actor")
            .values(SQLBind(id), SQLBind(seq), SQLBind(Timestamp.now()), SQLBind(kind), SQLBind(note), SQLBind(actor)).run()
    }

    func asks(_ id: String) async throws -> [AskView] {
        try await sql.select().columns("n", "text", "answer", "reason", "published", "progress", "due_on", "responsible_body", "milestones")
            .from("submission_asks").where("submission_id", .equal, id).orderBy("n").all().map {
                AskView(
                    n: try $0.decode(column: "n", as: Int.self), text: try $0.decode(column: "text", as: String.self),
                    answer: try $0.decode(column: "answer", as: String?.self).flatMap(AskAnswer.init(rawValue:)),
                    reason: try $0.decode(column: "reason", as: String?.self), published: try $0.decode(column: "published", as: Bool.self),
                    progress: try $0.decode(column: "progress", as: Int.self), dueOn: try $0.decode(column: "due_on", as: String?.self),
                    responsibleBody: try $0.decode(column: "responsible_body", as: String?.self),
                    milestones: MediationStore.decode([Milestone].self, try $0.decode(column: "milestones", as: String.self)) ?? [])
            }
    }

    func history(_ id: String) async throws -> [SubmissionEventView] {
        try await sql.select().columns("seq", "at", "kind", "note", "actor").from("submission_events").where("submission_id", .equal, id)
            .orderBy("seq").all().map {
                SubmissionEventView(
                    seq: try $0.decode(column: "seq", as: Int.self), at: try $0.decode(column: "at", as: String.self),
                    kind: try $0.decode(column: "kind", as: String.self), actor: try $0.decode(column: "actor", as: String.self),
                    note: try $0.decode(column: "note", as: String?.self))
            }
    }

    /// A step on the submission; `today` is the day it happens (`YYYY-MM-DD`).
    func step(_ r: Row, to: SubmissionState, note: String?, transferTo: String?, today: String, actor: String) async throws {
        var q = sql.update("submissions").set("state", to: to.rawValue).set("updated_at", to: Timestamp.now())
        if to == .acknowledged { q = q.set("acknowledged_on", to: today) }
        if to == .clarificationRequested { q = q.set("paused_since", to: today) }
        if r.state == .clarificationRequested, let since = r.pausedSince {
            // The clock stood still from the request to the day before the answer came.
            let end = CivilDate.text((CivilDate.parse(today) ?? 0) - 1)
            var paused = (MediationStore.decode([[String]].self, r.paused) ?? [])
            if end >= since { paused.append([since, end]) }
            q = q.set("paused", to: MediationStore.json(paused)).set("paused_since", to: SQLLiteral.null)
        }
        if to == .transferred { q = q.set("transferred_to", to: transferTo) }
        let changed = try await q.where("id", .equal, r.id).where("state", .equal, r.state.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the submission changed meanwhile; reload it") }
        try await event(r.id, kind: to.rawValue, note: note, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: to.rawValue, recordType: "submission", recordID: r.id, content: [note ?? ""])
        try await OutboxStore(sql: sql).enqueue("submission.\(to.rawValue)", bodies: [r.bodyCode] + (transferTo.map { [$0] } ?? []))
        try await tellFollowers(r, "submission.\(to.rawValue)", state: to)
    }

    func extend(_ r: Row, days: Int, reason: String, actor: String) async throws {
        try await sql.update("submissions").set("extension_days", to: r.extensionDays + days).set("updated_at", to: Timestamp.now())
            .where("id", .equal, r.id).run()
        try await event(r.id, kind: "extended", note: "\(days) working days: \(reason)", actor: actor)
        try await AuditStore(sql: sql).append(
            actor: actor, action: "extend", recordType: "submission", recordID: r.id, content: [String(days), reason])
        try await tellFollowers(r, "submission.extended", state: r.state)
    }

    func answer(_ id: String, n: Int, answer: AskAnswer, reason: String?, publish: Bool) async throws {
        try await sql.update("submission_asks").set("answer", to: answer.rawValue).set("reason", to: reason).set("published", to: publish)
            .where("submission_id", .equal, id).where("n", .equal, n).run()
    }

    /// Publishes every held answer of the submission; when every ask has one, the submission is answered today.
    func publish(_ r: Row, today: String, actor: String) async throws -> Bool {
        let newly = try await sql.update("submission_asks").set("published", to: true).where("submission_id", .equal, r.id)
            .where(SQLColumn("answer"), .isNot, SQLLiteral.null).where("published", .equal, false).returning("n").all()
        if !newly.isEmpty {
            try await event(r.id, kind: "published", note: nil, actor: actor)
            try await tellFollowers(r, "submission.answers-published", state: r.state)
        }
        let open = try await asks(r.id).filter { $0.answer == nil }
        guard open.isEmpty, r.state != .answered else { return false }
        try await sql.update("submissions").set("answered_on", to: today).where("id", .equal, r.id).run()
        try await step(r, to: .answered, note: nil, transferTo: nil, today: today, actor: actor)
        return true
    }

    /// A submission's past, as recorded elsewhere before it was entered here (the demo; a migration from paper).
    func backdate(_ id: String, receivedOn: String, acknowledgedOn: String?, answeredOn: String?, state: SubmissionState) async throws {
        try await sql.update("submissions").set("received_on", to: receivedOn).set("acknowledged_on", to: acknowledgedOn)
            .set("answered_on", to: answeredOn).set("state", to: state.rawValue).where("id", .equal, id).run()
    }

    func setFlag(_ id: String, _ flag: SubmissionClock.Flag) async throws -> Bool {
        try await !sql.update("submissions").set("flag", to: flag.rawValue).where("id", .equal, id).where("flag", .notEqual, flag.rawValue)
            .returning("id").all().isEmpty
    }
}

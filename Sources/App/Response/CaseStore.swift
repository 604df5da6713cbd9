import AgoraCore
import Foundation
import SQLKit
import Vapor

struct CaseRow: Decodable, Sendable {
    var id, alertId, bodyCode, firstBody, areaCode, areaPath, severity, topics, chain, openedAt, updatedAt: String
    var classification: Classification
    var status: CaseStatus
    var ackDue, acknowledgedAt, acknowledgedBy, firstActionAt, closedAt, outcome, summary: String?
    var escalations, deadlineEscalations: Int
    var crossBorder: Bool
}

struct CaseActionView: Content {
    var id, body, kind, description, responsible, due, createdBy, createdAt: String
    var status: ActionStatus
    var result, doneAt: String?
}

struct CaseEventView: Content {
    var seq: Int
    var at, kind, actor: String
    var from, to, reason, note: String?
}

struct PartyView: Content {
    var body: String
    var role: String
}

struct CaseView: Content {
    var id, alert, body, firstBody: String
    var classification: Classification
    var status: CaseStatus
    var area, severity, openedAt, updatedAt: String
    var topics: [String]
    var chain: [String]
    var acknowledgeBy, acknowledgedAt, firstActionAt, closedAt, outcome, summary: String?
    var escalations, deadlineEscalations: Int
    var crossBorder: Bool
    var overdue: Bool
    var parties: [PartyView]
    var actions: [CaseActionView]
    var history: [CaseEventView]
}

/// Response cases: opened when an alert is issued, routed to the lowest competent body, escalated
/// up its chain when asked or when a deadline passes, closed with an outcome. Every step is a row in
/// `case_events`, an audit entry, and notifications in the outbox, all in the caller's transaction.
struct CaseStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "case", table: "cases", hasParties: true)
    static let columns = [
        "id", "alert_id", "body_code", "first_body", "classification", "status", "area_code", "area_path", "severity", "topics", "chain",
        "opened_at", "ack_due", "acknowledged_at", "acknowledged_by", "first_action_at", "closed_at", "outcome", "summary",
        "escalations", "deadline_escalations", "cross_border", "updated_at",
    ]
    static let selected = ColumnList(columns, table: "cases")

    func get(_ id: String, _ scope: AccessScope) async throws -> CaseRow? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id)
            .first(decoding: CaseRow.self, with: AreaStore.decoder)
    }

    /// Unscoped: for the deadline sweep, which acts for the installation.
    func get(_ id: String) async throws -> CaseRow? {
        try await Self.table.unscoped(sql, because: "the deadline sweep acts for the installation").columns(Self.columns).where("id", .equal, id)
            .first(decoding: CaseRow.self, with: AreaStore.decoder)
    }

    func setAlert(_ caseID: String, alertID: String) async throws {
        try await sql.update("cases").set("alert_id", to: alertID).where("id", .equal, caseID).run()
    }

    /// Unscoped, for the deadline sweep, which acts for the installation: open cases not acknowledged by their deadline.
    func overdueAcknowledgements(now: String, limit: Int = 500) async throws -> [(id: String, due: String)] {
        try await Self.table.unscoped(sql, because: "the deadline sweep acts for the installation").columns("id", "ack_due").where(
            "status", .equal, CaseStatus.open.rawValue
        )
        .where(SQLColumn("ack_due"), .isNot, SQLLiteral.null).where("ack_due", .lessThan, now).limit(limit).all()
        .map { (try $0.decode(column: "id", as: String.self), try $0.decode(column: "ack_due", as: String.self)) }
    }

    /// Unscoped, for the deadline sweep: planned actions past due that have not yet escalated their case.
    func lateActions(now: String, limit: Int = 500) async throws -> [(action: String, caseID: String, due: String)] {
        try await sql.select().columns(SQLColumn("id", table: "a"), SQLColumn("case_id", table: "a"), SQLColumn("due_at", table: "a"))
            .from(SQLAlias(SQLIdentifier("case_actions"), as: SQLIdentifier("a")))
            .where(SQLColumn("status", table: "a"), .equal, SQLBind(ActionStatus.planned.rawValue)).where(
                SQLColumn("overdue_escalated", table: "a"), .equal, SQLBind(false)
            )
            .where(SQLColumn("due_at", table: "a"), .lessThan, SQLBind(now)).limit(limit).all()
            .map {
                (
                    try $0.decode(column: "id", as: String.self), try $0.decode(column: "case_id", as: String.self),
                    try $0.decode(column: "due_at", as: String.self)
                )
            }
    }

    /// Marks a late action as having escalated its case; false when another process did first.
    func markEscalated(action: String) async throws -> Bool {
        try await !sql.update("case_actions").set("overdue_escalated", to: true).where("id", .equal, action)
            .where("overdue_escalated", .equal, false).returning("id").all().isEmpty
    }

    struct Filter: Sendable {
        var status: CaseStatus?
        var body: String?
        var area: String?
        var severity: CAPSeverity?
        /// Open cases past a deadline: the acknowledgement, or a planned action's.
        var overdue = false
        /// Opened on or after / on or before, YYYY-MM-DD.
        var from: String?
        var to: String?
    }

    func list(_ scope: AccessScope, _ f: Filter, page: PageRequest) async throws -> [CaseRow] {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let s = f.status { q = q.where("status", .equal, s.rawValue) }
        if let b = f.body { q = q.where("body_code", .equal, b) }
        if let a = f.area { q = q.where("area_path", .like, "%/" + AreaStore.escapeLike(a) + "/%") }
        if let s = f.severity { q = q.where("severity", .equal, s.rawValue) }
        if let d = f.from { q = q.where("opened_at", .greaterThanOrEqual, d) }
        if let d = f.to { q = q.where("opened_at", .lessThan, d + "T99") }  // the whole last day
        if f.overdue {
            let now = Timestamp.now()
            q = q.where("status", .notEqual, CaseStatus.closed.rawValue).where(
                SQLQueryString(
                    "(cases.ack_due < \(bind: now) OR EXISTS (SELECT 1 FROM case_actions a WHERE a.case_id = cases.id AND a.status = \(bind: ActionStatus.planned.rawValue) AND a.due_at < \(bind: now)))"
                ))
        }
        if let after = page.after { q = q.where("id", .lessThan, after) }
        return try await q.orderBy("id", .descending).limit(page.limit + 1).all(decoding: CaseRow.self, with: AreaStore.decoder)
    }

    /// Actions, history and parties of all the cases with one query each (a board shows hundreds).
    func views(_ rows: [CaseRow], now: String = Timestamp.now()) async throws -> [CaseView] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        var actions: [String: [CaseActionView]] = [:]
        var history: [String: [CaseEventView]] = [:]
        var parties: [String: [PartyView]] = [:]
        for chunk in ids.chunked(500).map(Array.init) {
            for a in try await sql.select().columns(
                "id", "case_id", "body_code", "kind", "description", "responsible", "due_at", "status", "result",
                "created_by", "created_at", "done_at"
            )
            .from("case_actions").where("case_id", .in, chunk).orderBy("created_at").all() {
                actions[try a.decode(column: "case_id", as: String.self), default: []].append(
                    CaseActionView(
                        id: try a.decode(column: "id", as: String.self), body: try a.decode(column: "body_code", as: String.self),
                        kind: try a.decode(column: "kind", as: String.self), description: try a.decode(column: "description", as: String.self),
                        responsible: try a.decode(column: "responsible", as: String.self), due: try a.decode(column: "due_at", as: String.self),
                        createdBy: try a.decode(column: "created_by", as: String.self),
                        createdAt: try a.decode(column: "created_at", as: String.self), status: try a.decode(column: "status", as: ActionStatus.self),
                        result: try a.decode(column: "result", as: String?.self),
                        doneAt: try a.decode(column: "done_at", as: String?.self)))
            }
            for e in try await sql.select().columns("case_id", "seq", "at", "kind", "actor", "from_body", "to_body", "reason", "note").from(
                "case_events"
            )
            .where("case_id", .in, chunk).orderBy("seq").all() {
                history[try e.decode(column: "case_id", as: String.self), default: []].append(
                    CaseEventView(
                        seq: try e.decode(column: "seq", as: Int.self), at: try e.decode(column: "at", as: String.self),
                        kind: try e.decode(column: "kind", as: String.self), actor: try e.decode(column: "actor", as: String.self),
                        from: try e.decode(column: "from_body", as: String?.self), to: try e.decode(column: "to_body", as: String?.self),
                        reason: try e.decode(column: "reason", as: String?.self), note: try e.decode(column: "note", as: String?.self)))
            }
            for p in try await sql.select().columns("record_id", "body_code", "role").from("record_parties").where("record_type", .equal, "case")
                .where("record_id", .in, chunk).orderBy("body_code").all()
            {
                parties[try p.decode(column: "record_id", as: String.self), default: []].append(
                    PartyView(body: try p.decode(column: "body_code", as: String.self), role: try p.decode(column: "role", as: String.self)))
            }
        }
        return rows.map { r in
            let acts = actions[r.id] ?? []
            let overdue = r.status != .closed && ((r.ackDue.map { $0 < now } ?? false) || acts.contains { $0.status == .planned && $0.due < now })
            return CaseView(
                id: r.id, alert: r.alertId, body: r.bodyCode, firstBody: r.firstBody, classification: r.classification, status: r.status,
                area: r.areaCode, severity: r.severity, openedAt: r.openedAt, updatedAt: r.updatedAt, topics: Self.list(r.topics),
                chain: Self.list(r.chain), acknowledgeBy: r.ackDue, acknowledgedAt: r.acknowledgedAt, firstActionAt: r.firstActionAt,
                closedAt: r.closedAt, outcome: r.outcome, summary: r.summary, escalations: r.escalations,
                deadlineEscalations: r.deadlineEscalations, crossBorder: r.crossBorder, overdue: overdue,
                parties: parties[r.id] ?? [], actions: acts, history: history[r.id] ?? [])
        }
    }

    static func list(_ json: String) -> [String] { (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? [] }
    static func due(after seconds: Int, from date: Date = Date()) -> String { Timestamp.format(date.addingTimeInterval(Double(seconds))) }

    // MARK: Opening

    /// Opens the case of a newly issued alert: routed by area and the topics of its indicators,
    /// shared across a border when the area touches another country.
    func open(alert: AlertRow, draft: AlertDraft, snapshot: RiskSnapshot, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let area = alert.areaCode
        let path = snapshot.path(area)
        let bodies = BodyStore(sql: sql)
        let profiles = try await bodies.profiles(areaPath: path)
        let topics = Routing.topics(indicators: draft.indicators ?? [], framework: snapshot.framework)
        let route = Routing.route(areaPath: path, topics: topics, bodies: profiles)
        guard let responsible = route.competent else {
            throw APIError(ValidationFailure(field: "areas", "no body has a response mandate for \(area); add one to the directory before issuing"))
        }
        let severity = draft.severity ?? .Unknown
        let settings = snapshot.settings
        let now = Timestamp.now()
        try await sql.insert(into: "cases").columns(Self.columns)
            .values(
                [
                    SQLBind(id), SQLBind(alert.id), SQLBind(responsible.code), SQLBind(responsible.code), SQLBind(alert.classification),
                    SQLBind(CaseStatus.open.rawValue),
                    SQLBind(area), SQLBind(alert.areaPath), SQLBind(severity.rawValue), SQLBind(JSONText.array(topics.map(\.rawValue))),
                    SQLBind(JSONText.array(route.chain.map(\.code))), SQLBind(now),
                    SQLBind(Self.due(after: settings.deadlines.acknowledge(severity))),
                    SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?), SQLBind(nil as String?),
                    SQLBind(nil as String?), SQLBind(0), SQLBind(0), SQLBind(false), SQLBind(now),
                ] as [any SQLExpression]
            ).run()
        try await AlertStore(sql: sql).setCase(alert.id, caseID: id)
        try await share(id, alert: alert.id, body: responsible.code, role: "responsible")
        try await event(
            id, kind: "opened", to: responsible.code, reason: topics.first?.rawValue,
            note: "routed by \(topics.map(\.rawValue).joined(separator: ", "))", actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "open", recordType: "case", recordID: id, content: [alert.id, responsible.code])
        try await OutboxStore(sql: sql).enqueue("case.opened", bodies: [responsible.code], caseID: id)

        // Across a border: the regional body above both countries, and each country's national body, see it.
        let countries = Set(
            ([area] + (draft.areas ?? [])).flatMap { a in [a] + (snapshot.neighbours[a] ?? []) }.compactMap { snapshot.path($0).last })
        if countries.count > 1 {
            var all = profiles
            for c in countries { all += try await bodies.profiles(areaPath: [c]) }
            let informed = Set(
                countries.compactMap { c in
                    Routing.route(areaPath: [c], topics: topics, bodies: all).chain.first { $0.level == .national }?.code
                }
            ).subtracting([responsible.code])
            if let regional = Routing.regional(countries: countries, topic: topics.first ?? .response, bodies: all) {
                try await share(id, alert: alert.id, body: regional.code, role: "informed")
                try await event(
                    id, kind: "escalated", from: responsible.code, to: regional.code, reason: EscalationReason.crossBorder.rawValue,
                    note: "the area touches \(countries.sorted().joined(separator: ", "))", actor: actor)
                try await sql.update("cases").set("cross_border", to: true).set(SQLColumn("escalations"), to: SQLRaw("escalations + 1"))
                    .where("id", .equal, id).run()
                try await OutboxStore(sql: sql).enqueue("case.escalated", bodies: [regional.code], caseID: id)
            }
            for b in informed.sorted() { try await share(id, alert: alert.id, body: b, role: "informed") }
            try await OutboxStore(sql: sql).enqueue("case.shared", bodies: informed.sorted(), caseID: id)
        }
        return id
    }

    func share(_ caseID: String, alert: String, body: String, role: String) async throws {
        try await Parties(sql: sql).add("case", caseID, body: body, role: role)
        try await Parties(sql: sql).add("alert", alert, body: body, role: role)
    }

    func event(_ caseID: String, kind: String, from: String? = nil, to: String? = nil, reason: String? = nil, note: String? = nil, actor: String)
        async throws
    {
        let seq =
            (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("seq")), as: "m").from("case_events").where("case_id", .equal, caseID)
                .first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await sql.insert(into: "case_events").columns("id", "case_id", "seq", "at", "kind", "from_body", "to_body", "reason", "note", "actor")
            .values(
                [
                    SQLBind(UUID().uuidString.lowercased()), SQLBind(caseID), SQLBind(seq), SQLBind(Timestamp.now()), SQLBind(kind), SQLBind(from),
                    SQLBind(to), SQLBind(reason), SQLBind(note), SQLBind(actor),
                ] as [any SQLExpression]
            ).run()
    }

    // MARK: Steps

    func acknowledge(_ c: CaseRow, actor: String) async throws {
        guard c.status == .open else { throw APIError.conflict(field: "status", "the case is \(c.status.rawValue), not waiting for acknowledgement") }
        let now = Timestamp.now()
        let changed = try await sql.update("cases").set("status", to: CaseStatus.acknowledged.rawValue).set("ack_due", to: SQLLiteral.null)
            .set(SQLColumn("acknowledged_at"), to: SQLFunction("COALESCE", args: SQLColumn("acknowledged_at"), SQLBind(now)))
            .set("acknowledged_by", to: actor).set("updated_at", to: now)
            .where("id", .equal, c.id).where("status", .equal, CaseStatus.open.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "status", "the case changed meanwhile; reload it") }
        try await event(c.id, kind: "acknowledged", to: c.bodyCode, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "acknowledge", recordType: "case", recordID: c.id, content: [c.bodyCode])
    }

    struct NewAction: Content {
        var kind: ActionKind
        var description: String
        /// Who does it: a person, a team, a partner.
        var responsible: String
        var due: String
        /// `done` records something already done.
        var status: ActionStatus?
        var result: String?
    }

    func plan(_ c: CaseRow, _ a: NewAction, actor: String) async throws -> String {
        var issues = IssueCollector()
        if c.status == .closed { throw APIError.conflict(field: "status", "the case is closed") }
        if a.description.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("description", "say what will be done") }
        if a.responsible.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("responsible", "say who does it") }
        let status = a.status ?? .planned
        if status == .cancelled { issues.add("status", "a new action is planned or done") }
        if !AlertRules.isTimestamp(a.due) {
            issues.add("due", "'\(a.due)' is not a date-time; use YYYY-MM-DDTHH:MM:SSZ")
        } else if status == .planned, AlertRules.normalised(a.due) <= AlertRules.normalised(Timestamp.now()) {
            issues.add("due", "is in the past")
        }
        try issues.throwIfAny()
        if c.status == .open { try await acknowledge(c, actor: actor) }  // planning a response is acknowledging the case
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "case_actions").columns(
            "id", "case_id", "body_code", "kind", "description", "responsible", "due_at", "status", "result",
            "created_by", "created_at", "done_at", "overdue_escalated"
        )
        .values(
            [
                SQLBind(id), SQLBind(c.id), SQLBind(c.bodyCode), SQLBind(a.kind.rawValue), SQLBind(a.description), SQLBind(a.responsible),
                SQLBind(Timestamp.format(AlertRules.date(a.due) ?? Date())), SQLBind(status.rawValue), SQLBind(a.result), SQLBind(actor),
                SQLBind(now),
                SQLBind(status == .done ? now : nil), SQLBind(false),
            ] as [any SQLExpression]
        ).run()
        if status == .done { try await firstAction(c.id, now) }
        try await event(
            c.id, kind: status == .done ? "action-done" : "action-planned", to: c.bodyCode, reason: a.kind.rawValue, note: a.description, actor: actor
        )
        try await AuditStore(sql: sql).append(
            actor: actor, action: "action.\(status.rawValue)", recordType: "case", recordID: c.id, content: [id, a.kind.rawValue])
        return id
    }

    func complete(_ c: CaseRow, action: String, result: String, status: ActionStatus, actor: String) async throws {
        let now = Timestamp.now()
        let changed = try await sql.update("case_actions").set("status", to: status.rawValue).set("result", to: result).set("done_at", to: now)
            .where("id", .equal, action).where("case_id", .equal, c.id).where("status", .equal, ActionStatus.planned.rawValue).returning("kind").all()
        guard let kind = try changed.first?.decode(column: "kind", as: String.self) else {
            throw APIError.notFound("planned action", action, field: "action")
        }
        if status == .done { try await firstAction(c.id, now) }
        try await event(c.id, kind: status == .done ? "action-done" : "action-cancelled", to: c.bodyCode, reason: kind, note: result, actor: actor)
        try await AuditStore(sql: sql).append(
            actor: actor, action: "action.\(status.rawValue)", recordType: "case", recordID: c.id, content: [action, result])
    }

    private func firstAction(_ id: String, _ now: String) async throws {
        try await sql.update("cases").set(SQLColumn("first_action_at"), to: SQLFunction("COALESCE", args: SQLColumn("first_action_at"), SQLBind(now)))
            .set("updated_at", to: now).where("id", .equal, id).run()
    }

    /// Actions of the case still planned, oldest due first.
    func plannedActions(_ caseID: String) async throws -> [String] {
        try await sql.select().column("id").from("case_actions").where("case_id", .equal, caseID)
            .where("status", .equal, ActionStatus.planned.rawValue).orderBy("due_at").all().map { try $0.decode(column: "id", as: String.self) }
    }

    func close(_ c: CaseRow, outcome: CaseOutcome, summary: String, decisions: [CaseClosing.Decision], actor: String) async throws {
        guard c.status != .closed else { throw APIError.conflict(field: "status", "the case is already closed") }
        do {
            try CaseClosing.check(planned: try await plannedActions(c.id), decisions: decisions)
        } catch let f as ValidationFailure { throw APIError(f) }
        for d in decisions { try await complete(c, action: d.id, result: d.result ?? "", status: d.status, actor: actor) }
        let now = Timestamp.now()
        try await sql.update("cases").set("status", to: CaseStatus.closed.rawValue).set("closed_at", to: now).set("outcome", to: outcome.rawValue)
            .set("summary", to: summary)
            .set("ack_due", to: SQLLiteral.null).set("updated_at", to: now).where("id", .equal, c.id).run()
        try await event(c.id, kind: "closed", to: c.bodyCode, reason: outcome.rawValue, note: summary, actor: actor)
        try await AuditStore(sql: sql).append(
            actor: actor, action: "close", recordType: "case", recordID: c.id, content: [outcome.rawValue, summary])
        try await OutboxStore(sql: sql).enqueue("case.closed", bodies: try await Parties(sql: sql).bodies("case", c.id), caseID: c.id)
    }

    /// One level up the case's chain, recorded with its reason; when no body is above, the case stays
    /// where it is, says so in its history and notifies — it is never dropped.
    @discardableResult
    func escalate(_ c: CaseRow, reason: EscalationReason, note: String?, settings: ResponseSettings, actor: String) async throws -> String? {
        let path = RiskStore.path(c.areaPath)
        let profiles = try await BodyStore(sql: sql).profiles(areaPath: path)
        let byCode = Dictionary(profiles.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let missed = reason == .acknowledgementOverdue || reason == .actionOverdue
        guard let current = byCode[c.bodyCode] else { return nil }
        let chain = Self.list(c.chain).compactMap { byCode[$0] }
        let now = Timestamp.now()
        guard let next = Routing.next(above: current, chain: chain, areaPath: path, bodies: profiles) else {
            try await sql.update("cases").set("ack_due", to: SQLLiteral.null).set("updated_at", to: now)
                .set(SQLColumn("deadline_escalations"), to: SQLRaw(missed ? "deadline_escalations + 1" : "deadline_escalations"))
                .where("id", .equal, c.id).run()
            try await event(
                c.id, kind: "escalation-exhausted", from: c.bodyCode, reason: reason.rawValue,
                note: "no body with a response mandate above \(c.bodyCode); the case stays with it", actor: actor)
            try await AuditStore(sql: sql).append(
                actor: actor, action: "escalate.none", recordType: "case", recordID: c.id, content: [reason.rawValue])
            try await OutboxStore(sql: sql).enqueue("case.escalation-failed", bodies: [c.bodyCode], caseID: c.id)
            // Nobody above a national body here: the regional hub, if an agreement carries cases to it.
            if current.level >= .national, let hub = try await elevate(c, from: current, reason: reason, note: note) { return hub }
            return nil
        }
        let severity = CAPSeverity(rawValue: c.severity) ?? .Unknown
        try await sql.update("cases").set("body_code", to: next.code).set("status", to: CaseStatus.open.rawValue)
            .set("ack_due", to: Self.due(after: settings.deadlines.acknowledge(severity))).set("updated_at", to: now)
            .set(SQLColumn("escalations"), to: SQLRaw("escalations + 1"))
            .set(SQLColumn("deadline_escalations"), to: SQLRaw(missed ? "deadline_escalations + 1" : "deadline_escalations"))
            .where("id", .equal, c.id).run()
        try await share(c.id, alert: c.alertId, body: c.bodyCode, role: "was-responsible")
        try await share(c.id, alert: c.alertId, body: next.code, role: "responsible")
        try await event(c.id, kind: "escalated", from: c.bodyCode, to: next.code, reason: reason.rawValue, note: note, actor: actor)
        try await AuditStore(sql: sql).append(
            actor: actor, action: "escalate", recordType: "case", recordID: c.id, content: [c.bodyCode, next.code, reason.rawValue])
        try await OutboxStore(sql: sql).enqueue("case.escalated", bodies: [next.code, c.bodyCode], caseID: c.id)
        if next.level > .national && current.level <= .national { _ = try await elevate(c, from: current, reason: reason, note: note) }
        return next.code
    }

    /// A case going above the national level goes to the regional hub as `case.elevated`, in this transaction, as far
    /// as an agreement in force lets it (`FederationOutbox`); the hub's answer comes back into the case's history.
    /// - Returns: the installation(s) it went to, or nil when no agreement carried it.
    func elevate(_ c: CaseRow, from current: BodyProfile, reason: EscalationReason, note: String?) async throws -> String? {
        guard FederationIdentity.current != nil else { return nil }
        var fields: [String: JSONValue] = [
            "severity": .string(c.severity), "topics": .string(c.topics), "from": .string(current.code), "reason": .string(reason.rawValue),
            "openedAt": .string(c.openedAt), "escalations": .number(Double(c.escalations + 1)),
        ]
        if let note { fields["note"] = .string(note) }
        let record = ShareableRecord(
            type: .case, id: c.id, classification: c.classification, areaPath: ShareableRecord.steps(path: c.areaPath),
            occurredOn: String(c.openedAt.prefix(10)),
            level: .subRegional, fields: fields, personal: ["note"])
        let to = try await FederationOutbox(sql: sql).share(record, kind: FederationKind.elevated)
        guard !to.isEmpty else { return nil }
        try await event(c.id, kind: "elevated", from: current.code, to: to.joined(separator: ", "), reason: reason.rawValue, actor: "federation")
        return to.joined(separator: ", ")
    }

    /// Back down to a body that held the case before; it must acknowledge again.
    func deEscalate(_ c: CaseRow, to body: String, note: String, settings: ResponseSettings, actor: String) async throws {
        let held = try await Parties(sql: sql).list("case", c.id).filter { $0.role == "was-responsible" }.map(\.body)
        guard held.contains(body) else {
            throw APIError(
                ValidationFailure(field: "to", "'\(body)' has not held this case; hand it back to one of: \(held.joined(separator: ", "))"))
        }
        let severity = CAPSeverity(rawValue: c.severity) ?? .Unknown
        try await sql.update("cases").set("body_code", to: body).set("status", to: CaseStatus.open.rawValue)
            .set("ack_due", to: Self.due(after: settings.deadlines.acknowledge(severity))).set("updated_at", to: Timestamp.now())
            .where("id", .equal, c.id).run()
        try await share(c.id, alert: c.alertId, body: c.bodyCode, role: "was-responsible")
        try await share(c.id, alert: c.alertId, body: body, role: "responsible")
        try await event(
            c.id, kind: "de-escalated", from: c.bodyCode, to: body, reason: EscalationReason.deEscalated.rawValue, note: note, actor: actor)
        try await AuditStore(sql: sql).append(actor: actor, action: "de-escalate", recordType: "case", recordID: c.id, content: [c.bodyCode, body])
        try await OutboxStore(sql: sql).enqueue("case.escalated", bodies: [body], caseID: c.id)
    }
}

/// When a case was opened, acknowledged, first acted on and closed (the response gap).
struct CaseTimingRow: Decodable, Sendable {
    var id, firstBody, openedAt: String
    var acknowledgedAt, firstActionAt, closedAt: String?
    var deadlineEscalations: Int
}

extension CaseStore {
    /// The cases the scope shows, opened between `from` and `to` (days, both inclusive; nil: open-ended).
    func timings(_ scope: AccessScope, from: String?, to: String?) async throws -> [CaseTimingRow] {
        let c = { (name: String) in SQLColumn(name, table: "cases") }
        var q = Self.table.select(sql, scope)
            .columns(c("id"), c("first_body"), c("acknowledged_at"), c("first_action_at"), c("closed_at"), c("deadline_escalations"), c("opened_at"))
        if let from { q = q.where(c("opened_at"), .greaterThanOrEqual, SQLBind(from)) }
        if let to { q = q.where(c("opened_at"), .lessThanOrEqual, SQLBind(to + "~")) }
        return try await q.all(decoding: CaseTimingRow.self, with: AreaStore.decoder)
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/alerts`: proposals from the risk model, alerts issued by analysts, their CAP 1.2 form,
/// updates and cancellations; `/feeds/alerts.atom`: the public feed CAP aggregators read.
struct AlertController {
    func register(_ app: Application, api: any RoutesBuilder) {
        let a = api.grouped("alerts")
        a.get(use: list)
        a.get("export.csv", use: export)
        a.post(use: create)
        a.get(":id", use: get)
        a.patch(":id", use: edit)
        a.get(":id", "cap", use: cap)
        a.post(":id", "issue", use: issue)
        a.post(":id", "dismiss", use: dismiss)
        a.post(":id", "update", use: update)
        a.post(":id", "cancel", use: cancel)
        app.get("feeds", "alerts.atom", use: feed)
    }

    /// The list's filters, as the API and the alerts page's GET form send them (an empty value is no filter).
    static func filter(_ req: Request) throws -> AlertStore.Filter {
        func value(_ name: String) throws -> String? { try req.filterValue(name) }
        return AlertStore.Filter(
            state: try value("state").map { try AlertState.parse($0, field: "state") }, area: try value("area"), body: try value("body"),
            text: try value("q"))
    }

    func list(req: Request) async throws -> Page<AlertView> {
        let page = try PageRequest(req)
        let store = AlertStore(sql: req.sql)
        let rows = try await store.list(try await req.scope(), try Self.filter(req), page: page)
        let signedIn = req.viewer.personID != nil
        return Page(rows: rows.map { store.view($0, signedIn: signedIn) }, request: page, code: \.id)
    }

    /// The alerts the list shows, as CSV; audited.
    func export(req: Request) async throws -> Response {
        let store = AlertStore(sql: req.sql)
        let rows = try await store.list(try await req.scope(), try Self.filter(req), page: PageRequest(limit: CSVExport.limit))
        try CSVExport.refuseIfOver(rows.count)
        let signedIn = req.viewer.personID != nil
        let columns = ["id", "identifier", "state", "msg_type", "sent", "severity", "headline", "area", "body", "classification", "response_case"]
        return try await CSVExport.response(
            req, name: "alerts.csv", recordType: "alert",
            .init(
                columns: columns,
                rows: rows.map { store.view($0, signedIn: signedIn) }.map { v in
                    (
                        v.id,
                        [
                            v.id, v.identifier, v.state.rawValue, v.msgType.rawValue, v.sent ?? "", v.severity, v.headline, v.area, v.body,
                            v.classification.rawValue, v.responseCase ?? "",
                        ]
                    )
                }))
    }

    static func find(_ req: Request) async throws -> AlertRow {
        let id = try req.parameters.require("id")
        guard let r = try await AlertStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("alert", id) }
        return r
    }

    func get(req: Request) async throws -> AlertView {
        AlertStore(sql: req.sql).view(try await Self.find(req), signedIn: req.viewer.personID != nil)
    }

    func cap(req: Request) async throws -> Response {
        let r = try await Self.find(req)
        guard r.state != .proposed && r.state != .dismissed else {
            throw APIError.conflict(field: "state", "a \(r.state) alert was never sent; it has no CAP message")
        }
        let m = try await CAPExport.message(r, sender: req.application.agora.capSender, publicURL: req.publicBase, sql: req.sql)
        return Response(status: .ok, headers: ["Content-Type": "application/cap+xml; charset=utf-8"], body: .init(string: m.xml()))
    }

    /// Analysts and coordinators of the issuing body, or of a body above it.
    static func requireIssuer(_ req: Request, body: String) async throws {
        let viewer = try req.requireSignedIn()
        let tree = try await req.bodyTree()
        guard viewer.isInstallationAdmin || AccessPolicy.holds(viewer, [.analyst, .coordinator], in: body, orAbove: tree) else {
            throw APIError.forbidden("issuing alerts for \(body) needs an analyst or coordinator of it or of a body above it")
        }
    }

    struct Reference: Decodable {
        var msgType: CAPMsgType?
        var references: String?
        var reason: String?
    }

    /// An alert written by hand, issued at once (and its case opened). `msgType` Update or Cancel
    /// with `references` does what `/alerts/{id}/update` and `/cancel` do.
    func create(req: Request) async throws -> Response {
        try req.requireSignedIn()
        let (draft, ref) = try req.input(AlertDraft.self, Reference.self)
        if let t = ref.msgType, t != .Alert {
            guard let target = ref.references, !target.isEmpty else {
                throw APIError(
                    ValidationFailure(field: "references", "an \(t.rawValue) must reference the alert it \(t == .Update ? "updates" : "cancels")"))
            }
            guard let old = try await AlertStore(sql: req.sql).get(target, try await req.scope()) else {
                throw APIError(ValidationFailure(field: "references", "no alert '\(target)' that you can see"))
            }
            let id =
                try await t == .Update ? Self.supersede(req, old, edits: draft) : Self.cancel(req, old, reason: ref.reason ?? draft.description ?? "")
            return try await Self.created(req, id)
        }
        return try await Self.created(req, try await Self.write(draft, req: req))
    }

    /// An alert written by hand and issued at once (the API's POST and the composer): by the caller's one issuing
    /// body unless the draft names one.
    static func write(_ input: AlertDraft, req: Request) async throws -> String {
        let viewer = try req.requireSignedIn()
        var draft = input
        if draft.body == nil {
            let mine = Set(viewer.roles.filter { [.analyst, .coordinator].contains($0.role) }.map(\.body))
            guard mine.count == 1 else { throw APIError(ValidationFailure(field: "body", "say which body issues the alert")) }
            draft.body = mine.first
        }
        try await Self.requireIssuer(req, body: draft.body!)
        return try await Self.issue(req, existing: nil, draft: draft)
    }

    /// Checks, stores and issues: the alert, its case routed to the lowest competent body, the
    /// notifications, all in one transaction.
    static func issue(_ req: Request, existing: AlertRow?, draft input: AlertDraft) async throws -> String {
        var draft = input
        draft.status = draft.status ?? .Actual
        draft.categories = draft.categories ?? [.Security]
        draft.language = draft.language ?? "en"
        let sql = req.sql
        let sent = Timestamp.now()
        try await check(req, draft, sent: sent)
        guard try await BodyStore(sql: sql).refs([draft.body!])[draft.body!] != nil else {
            throw APIError(ValidationFailure(field: "body", "unknown body code '\(draft.body!)'"))
        }
        let snapshot = try await req.application.risk.current(sql)
        let path = AreaPath.text(snapshot.path(draft.areas![0]))
        let fallback = try await BodyStore(sql: sql).alertClassification(draft.body!)
        let classification = draft.classification ?? fallback
        let actor = req.actor
        let ready = draft
        return try await req.write { tx in
            let tsql = tx
            let alerts = AlertStore(sql: tsql)
            let id: String
            if let e = existing {
                try await alerts.transition(
                    e.id, from: .proposed, to: .issued, draft: ready, classification: classification, sent: sent, actor: actor)
                try await alerts.setArea(e.id, path: path)
                id = e.id
            } else {
                id = try await alerts.insert(
                    ready, state: .issued, msgType: .Alert, refersTo: nil, caseID: nil, body: ready.body!, classification: classification,
                    areaPath: path, risk: nil, actor: actor, sent: sent)
            }
            let row = try await alerts.justWritten(id)!
            _ = try await CaseStore(sql: tsql).open(alert: row, draft: ready, snapshot: snapshot, actor: actor)
            try await OutboxStore(sql: tsql).enqueue("alert.issued", bodies: [ready.body!], alertID: id)
            return id
        }
    }

    /// The core's alert rules, against this installation's areas and framework.
    static func check(_ req: Request, _ draft: AlertDraft, sent: String) async throws {
        let framework = try await FrameworkStore(sql: req.sql).active()
        let known = try await AreaStore(sql: req.sql).exists(draft.areas ?? [])
        try AlertRules.check(
            draft, .init(areaExists: { known.contains($0) }, indicators: Set(framework.indicators.map(\.indicator.code)), sent: sent))
    }

    /// The alert as the caller now sees it, answered as created.
    static func created(_ req: Request, _ id: String) async throws -> Response {
        let store = AlertStore(sql: req.sql)
        return try await store.view(try await store.get(id, try await req.scope())!).created(at: "/api/v1/alerts/\(id)", for: req)
    }

    /// Issues a proposal, with any edits the analyst made.
    func issue(req: Request) async throws -> AlertView {
        let id = try await Self.issueProposal(try await Self.find(req), edits: try req.optionalInput(AlertDraft.self) ?? AlertDraft(), req: req)
        return AlertStore(sql: req.sql).view(try await AlertStore(sql: req.sql).get(id, try await req.scope())!)
    }

    /// Issues a proposal with the analyst's edits (the API and the alert page).
    static func issueProposal(_ r: AlertRow, edits: AlertDraft, req: Request) async throws -> String {
        try await Self.requireIssuer(req, body: r.bodyCode)
        guard r.state == .proposed else {
            throw APIError.conflict(field: "state", "only a proposed alert can be issued; this one is \(r.state)")
        }
        var draft = r.alertDraft.merged(with: edits)
        draft.body = r.bodyCode  // the proposing body issues; a different issuer writes a new alert
        return try await Self.issue(req, existing: r, draft: draft)
    }

    /// Edits a proposal before anyone issues it (the analyst's draft); the alert stays proposed.
    func edit(req: Request) async throws -> AlertView {
        let r = try await Self.find(req)
        try await Self.requireIssuer(req, body: r.bodyCode)
        guard r.state == .proposed else {
            throw APIError.conflict(field: "state", "only a proposal can be edited; an issued alert is changed by an Update")
        }
        var draft = r.alertDraft.merged(with: try req.input(AlertDraft.self))
        draft.body = r.bodyCode
        try await Self.check(req, draft, sent: Timestamp.now())
        let actor = req.actor
        let ready = draft
        try await req.write { tx in
            try await AlertStore(sql: tx).transition(
                r.id, from: .proposed, to: .proposed, draft: ready,
                classification: ready.classification, actor: actor)
        }
        return try await get(req: req)
    }

    struct ReasonInput: Content { var reason: String }

    static func reason(_ req: Request) throws -> String {
        let input = try req.input(ReasonInput.self)
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw APIError(ValidationFailure(field: "reason", "say why")) }
        return reason
    }

    func dismiss(req: Request) async throws -> AlertView {
        try await Self.dismiss(try await Self.find(req), reason: try Self.reason(req), req: req)
        return try await get(req: req)
    }

    static func dismiss(_ r: AlertRow, reason input: String, req: Request) async throws {
        try await Self.requireIssuer(req, body: r.bodyCode)
        let reason = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw APIError(ValidationFailure(field: "reason", "say why")) }
        guard r.state == .proposed else {
            throw APIError.conflict(field: "state", "only a proposed alert can be dismissed; this one is \(r.state)")
        }
        let actor = req.actor
        try await req.write { tx in
            try await AlertStore(sql: tx).transition(r.id, from: .proposed, to: .dismissed, reason: reason, actor: actor)
        }
    }

    /// An Update: a new CAP message that replaces the issued one; the case carries on.
    func update(req: Request) async throws -> Response {
        let r = try await Self.find(req)
        let id = try await Self.supersede(req, r, edits: try req.optionalInput(AlertDraft.self) ?? AlertDraft())
        return try await Self.created(req, id)
    }

    func cancel(req: Request) async throws -> Response {
        let r = try await Self.find(req)
        let id = try await Self.cancel(req, r, reason: try Self.reason(req))
        return try await Self.created(req, id)
    }

    static func supersede(_ req: Request, _ old: AlertRow, edits: AlertDraft) async throws -> String {
        try await requireIssuer(req, body: old.bodyCode)
        guard old.state == .issued, old.msgType != .Cancel else {
            throw APIError(ValidationFailure(field: "references", "only an issued alert can be updated; this one is \(old.state)"))
        }
        var draft = old.alertDraft.merged(with: edits)
        draft.body = old.bodyCode
        let sent = Timestamp.now()
        try await check(req, draft, sent: sent)
        let actor = req.actor
        let ready = draft
        return try await req.write { tx in
            let sql = tx
            try await AlertStore(sql: sql).transition(old.id, from: .issued, to: .superseded, actor: actor)
            let id = try await AlertStore(sql: sql).insert(
                ready, state: .issued, msgType: .Update, refersTo: old.id, caseID: old.caseId, body: old.bodyCode,
                classification: ready.classification ?? old.classification,
                areaPath: old.areaPath, risk: nil, actor: actor, sent: sent)
            try await copyParties(sql, from: old.id, to: id)
            if let c = old.caseId {
                try await CaseStore(sql: sql).setAlert(c, alertID: id)
                try await CaseStore(sql: sql).event(c, kind: "alert-updated", note: ready.headline, actor: actor)
            }
            try await OutboxStore(sql: sql).enqueue("alert.issued", bodies: [old.bodyCode], alertID: id)
            return id
        }
    }

    static func cancel(_ req: Request, _ old: AlertRow, reason: String) async throws -> String {
        try await requireIssuer(req, body: old.bodyCode)
        guard old.state == .issued, old.msgType != .Cancel else {
            throw APIError(ValidationFailure(field: "references", "only an issued alert can be cancelled; this one is \(old.state)"))
        }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw APIError(ValidationFailure(field: "reason", "say why")) }
        let actor = req.actor
        var draft = old.alertDraft
        draft.description = reason
        let ready = draft
        return try await req.write { tx in
            let sql = tx
            try await AlertStore(sql: sql).transition(old.id, from: .issued, to: .cancelled, reason: reason, actor: actor)
            let id = try await AlertStore(sql: sql).insert(
                ready, state: .issued, msgType: .Cancel, refersTo: old.id, caseID: old.caseId, body: old.bodyCode,
                classification: old.classification,
                areaPath: old.areaPath, risk: nil, actor: actor, sent: Timestamp.now())
            try await AlertStore(sql: sql).setReason(id, reason)
            try await copyParties(sql, from: old.id, to: id)
            if let c = old.caseId { try await CaseStore(sql: sql).event(c, kind: "alert-cancelled", note: reason, actor: actor) }
            return id
        }
    }

    static func copyParties(_ sql: any SQLDatabase, from: String, to: String) async throws {
        for p in try await Parties(sql: sql).list("alert", from) { try await Parties(sql: sql).add("alert", to, body: p.body, role: p.role) }
    }

    /// Public alerts as an Atom feed whose entries link to their CAP documents (the form Google
    /// Public Alerts and other aggregators read). Only `public` alerts; the scope is the anonymous one.
    func feed(req: Request) async throws -> Response {
        let rows = try await AlertStore(sql: req.sql).list(.anonymous, .init(state: .issued), page: PageRequest(limit: 100))
        let base = req.publicBase
        let updated = rows.compactMap(\.sentAt).max().flatMap(AlertRules.date).map(CAPMessage.time) ?? CAPMessage.time(Date(timeIntervalSince1970: 0))
        var x = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>\(CAPMessage.escape(base))/feeds/alerts.atom</id>
              <title>Agora public alerts</title>
              <updated>\(updated)</updated>
              <link rel="self" href="\(CAPMessage.escape(base))/feeds/alerts.atom"/>
              <author><name>\(CAPMessage.escape(req.application.agora.capSender))</name></author>

            """
        let now = CAPMessage.time(Date())
        for r in rows.prefix(100) {
            let d = r.alertDraft
            if let e = d.expires, AlertRules.normalised(e) < now { continue }  // expired alerts leave the feed
            let cap = "\(base)/api/v1/alerts/\(r.id)/cap"
            x += """
                  <entry>
                    <id>urn:agora:alert:\(CAPMessage.escape(r.identifier))</id>
                    <title>\(CAPMessage.escape(r.headline))</title>
                    <updated>\(r.sentAt.flatMap(AlertRules.date).map(CAPMessage.time) ?? updated)</updated>
                    <summary>\(CAPMessage.escape(d.description ?? r.headline))</summary>
                    <category term="\(CAPMessage.escape(r.severity))"/>
                    <link rel="alternate" type="application/cap+xml" href="\(CAPMessage.escape(cap))"/>
                  </entry>

                """
        }
        x += "</feed>\n"
        return Response(status: .ok, headers: ["Content-Type": "application/atom+xml; charset=utf-8"], body: .init(string: x))
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

struct AlertRow: Decodable, Sendable {
    var id, identifier, bodyCode: String
    var classification: Classification
    var state: AlertState
    var msgType: CAPMsgType
    var draft, areaCode, areaPath, severity, headline, createdBy, createdAt,
        updatedAt: String
    var refersTo, caseId, risk, sentAt, issuedBy, reason: String?

    var alertDraft: AlertDraft { (try? JSONDecoder().decode(AlertDraft.self, from: Data(draft.utf8))) ?? AlertDraft() }
}

/// The score and drivers that made the system propose an alert, kept with it.
struct RiskEvidence: Content, Equatable {
    var score: RiskScore
    var drivers: [RiskDriver]
}

struct AlertView: Content {
    var id: String
    var identifier: String
    var body: String
    var classification: Classification
    var state: AlertState
    var msgType: CAPMsgType
    /// The alert this one updates or cancels.
    var refersTo: String?
    var responseCase: String?
    var sent: String?
    var severity: String
    var headline: String
    var area: String
    var fields: AlertDraft
    var risk: RiskEvidence?
    var reason: String?
    var createdBy: String
    var createdAt: String
    var updatedAt: String
    /// Where the CAP 1.2 document of this alert is served.
    var cap: String
}

struct AlertStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "alert", table: "alerts", hasParties: true, accreditedReadable: true)
    static let columns = [
        "id", "identifier", "body_code", "classification", "state", "msg_type", "refers_to", "case_id", "draft", "area_code", "area_path",
        "severity", "headline", "risk", "created_by", "created_at", "sent_at", "issued_by", "reason", "updated_at",
    ]
    static let selected = ColumnList(columns, table: "alerts")

    struct Filter: Sendable {
        var state: AlertState?
        var area: String?
        var body: String?
        /// Words in the headline, in any case.
        var text: String? = nil
    }

    func list(_ scope: AccessScope, _ f: Filter, page: PageRequest) async throws -> [AlertRow] {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let s = f.state { q = q.where("state", .equal, s.rawValue) }
        if let a = f.area { q = q.where("area_path", .like, "%/" + AreaStore.escapeLike(a) + "/%") }
        if let b = f.body { q = q.where("body_code", .equal, b) }
        if let text = f.text {
            q = q.where(SQLFunction("LOWER", args: SQLColumn("headline")), .like, SQLBind("%" + AreaStore.escapeLike(text.lowercased()) + "%"))
        }
        if let after = page.after { q = q.where("id", .lessThan, after) }
        return try await q.orderBy("id", .descending).limit(page.limit + 1).all(decoding: AlertRow.self, with: AreaStore.decoder)
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> AlertRow? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id)
            .first(decoding: AlertRow.self, with: AreaStore.decoder)
    }

    /// The public reads the alert as issued; the analysis behind it, its case and who wrote it stay inside.
    func view(_ r: AlertRow, signedIn: Bool) -> AlertView {
        var v = view(r)
        if !signedIn {
            v.risk = nil
            v.responseCase = nil
            v.createdBy = ""
            v.fields.incidents = nil
        }
        return v
    }

    func view(_ r: AlertRow) -> AlertView {
        AlertView(
            id: r.id, identifier: r.identifier, body: r.bodyCode, classification: r.classification, state: r.state, msgType: r.msgType,
            refersTo: r.refersTo, responseCase: r.caseId, sent: r.sentAt, severity: r.severity, headline: r.headline, area: r.areaCode,
            fields: r.alertDraft, risk: r.risk.flatMap { try? JSONDecoder().decode(RiskEvidence.self, from: Data($0.utf8)) },
            reason: r.reason, createdBy: r.createdBy, createdAt: r.createdAt, updatedAt: r.updatedAt, cap: "/api/v1/alerts/\(r.id)/cap")
    }

    /// Alert ids sort by creation time (a time prefix), so the newest come first without another index.
    static func newID() -> String {
        let ms = Int(Date().timeIntervalSince1970 * 1000)
        return String(ms, radix: 16).leftPad(12) + "-" + UUID().uuidString.lowercased().prefix(18)
    }

    func insert(
        _ d: AlertDraft, state: AlertState, msgType: CAPMsgType, refersTo: String?, caseID: String?, body: String,
        classification: Classification, areaPath: String, risk: RiskEvidence?, actor: String, sent: String?
    ) async throws -> String {
        let id = Self.newID()
        let now = Timestamp.now()
        let draft = String(decoding: try JSONEncoder.sorted.encode(d), as: UTF8.self)
        let riskText = try risk.map { String(decoding: try JSONEncoder.sorted.encode($0), as: UTF8.self) }
        try await sql.insert(into: "alerts").columns(Self.columns)
            .values(
                [
                    SQLBind(id), SQLBind("agora-" + id), SQLBind(body), SQLBind(classification.rawValue), SQLBind(state.rawValue),
                    SQLBind(msgType.rawValue),
                    SQLBind(refersTo), SQLBind(caseID), SQLBind(draft), SQLBind(d.areas?.first ?? ""), SQLBind(areaPath),
                    SQLBind((d.severity ?? .Unknown).rawValue), SQLBind(d.headline ?? ""), SQLBind(riskText), SQLBind(actor), SQLBind(now),
                    SQLBind(sent),
                    SQLBind(sent == nil ? nil : actor), SQLBind(nil as String?), SQLBind(now),
                ] as [any SQLExpression]
            ).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: state == .proposed ? "propose" : msgType == .Alert ? "issue" : msgType.rawValue.lowercased(),
            recordType: "alert", recordID: id, content: d)
        if state == .issued { try await share(id) }
        return id
    }

    /// An issued alert, to the installations an agreement in force shares alerts with (in this transaction). A regional
    /// body's alert goes to every country its areas lie in or border (`RegionalReach`), each for an area of its own;
    /// an alert taken up from another installation (`federation:` actor) is not sent on again.
    func share(_ id: String) async throws {
        guard FederationIdentity.current != nil, let r = try await justWritten(id), !(r.issuedBy ?? r.createdBy).hasPrefix("federation:") else {
            return
        }
        let d = r.alertDraft
        let level = (try await BodyStore(sql: sql).refs([r.bodyCode])[r.bodyCode]?.level).flatMap(BodyLevel.init(rawValue:)) ?? .district
        var fields: [String: JSONValue] = [
            "headline": .string(r.headline), "severity": .string(r.severity), "identifier": .string(r.identifier), "body": .string(r.bodyCode),
        ]
        if let e = d.event { fields["event"] = .string(e) }
        if let u = d.urgency { fields["urgency"] = .string(u.rawValue) }
        if let c = d.certainty { fields["certainty"] = .string(c.rawValue) }
        if let i = d.instruction { fields["instruction"] = .string(i) }
        let on = String((r.sentAt ?? r.createdAt).prefix(10))
        func record(_ path: String) -> ShareableRecord {
            ShareableRecord(
                type: .alert, id: r.id, classification: r.classification, areaPath: ShareableRecord.steps(path: path), occurredOn: on, level: level,
                fields: fields)
        }
        guard level > .national else {
            try await FederationOutbox(sql: sql).share(record(r.areaPath), kind: FederationKind.shared)
            return
        }
        let areas = AreaStore(sql: sql)
        let own = d.areas ?? [r.areaCode]
        var neighbours: [String: [String]] = [:]
        for a in own { neighbours[a] = try await areas.neighbours(of: a).map(\.neighbourCode) }
        let countries = try await areas.countries(of: own + neighbours.values.flatMap { $0 })
        for (_, area) in RegionalReach.areas(own, neighbours: neighbours, country: { countries[$0] }) {
            try await FederationOutbox(sql: sql).share(record(AreaPath.text(try await areas.path(area))), kind: FederationKind.regionalAlert)
        }
    }

    /// Moves an alert on; `from` guards against two people acting on the same alert at once.
    func transition(
        _ id: String, from: AlertState, to: AlertState, draft: AlertDraft? = nil, classification: Classification? = nil,
        reason: String? = nil, sent: String? = nil, actor: String
    ) async throws {
        var q = sql.update("alerts").set("state", to: to.rawValue).set("updated_at", to: Timestamp.now())
        if let d = draft {
            q = q.set("draft", to: String(decoding: try JSONEncoder.sorted.encode(d), as: UTF8.self))
                .set("headline", to: d.headline ?? "").set("severity", to: (d.severity ?? .Unknown).rawValue).set(
                    "area_code", to: d.areas?.first ?? "")
        }
        if let c = classification { q = q.set("classification", to: c.rawValue) }
        if let r = reason { q = q.set("reason", to: r) }
        if let s = sent { q = q.set("sent_at", to: s).set("issued_by", to: actor) }
        let changed = try await q.where("id", .equal, id).where("state", .equal, from.rawValue).returning("id").all()
        guard !changed.isEmpty else { throw APIError.conflict(field: "state", "the alert is no longer \(from.rawValue)") }
        try await AuditStore(sql: sql).append(
            actor: actor, action: to.rawValue, recordType: "alert", recordID: id, content: [reason ?? "", draft?.headline ?? ""])
        if to == .issued { try await share(id) }
    }

    /// Unscoped, because the alert was just written in this transaction by its issuer (who may see it).
    func justWritten(_ id: String) async throws -> AlertRow? {
        try await Self.table.unscoped(sql, because: "written in this transaction by its issuer, who may see it").columns(Self.columns).where(
            "id", .equal, id
        ).first(decoding: AlertRow.self, with: AreaStore.decoder)
    }

    func setReason(_ id: String, _ reason: String) async throws {
        try await sql.update("alerts").set("reason", to: reason).where("id", .equal, id).run()
    }

    func setArea(_ id: String, path: String) async throws {
        try await sql.update("alerts").set("area_path", to: path).where("id", .equal, id).run()
    }

    func setCase(_ id: String, caseID: String) async throws {
        try await sql.update("alerts").set("case_id", to: caseID).where("id", .equal, id).run()
    }

    /// The newest alert for an area since `day`, of any state, to avoid proposing the same thing twice.
    func recent(area: String, since: String) async throws -> [AlertRow] {
        try await Self.table.unscoped(sql, because: "the proposer must not propose twice what someone else can see").columns(Self.columns).where(
            "area_code", .equal, area
        ).where("created_at", .greaterThanOrEqual, since)
            .all(decoding: AlertRow.self, with: AreaStore.decoder)
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

/// Alerts as CAP 1.2 documents.
enum CAPExport {
    static func message(_ r: AlertRow, sender: String, publicURL: String, sql: any SQLDatabase) async throws -> CAPMessage {
        let d = r.alertDraft
        let cls = r.classification
        let sent = r.sentAt.flatMap(AlertRules.date) ?? AlertRules.date(r.createdAt) ?? Date()
        let areas = AreaStore(sql: sql)
        var capAreas: [CAPMessage.Area] = []
        let codes = d.areas ?? [r.areaCode]
        let names = Dictionary(try await areas.refs(codes).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        for code in codes {
            var a = CAPMessage.Area(
                areaDesc: codes.count == 1 ? (d.areaDesc ?? names[code] ?? code) : (names[code] ?? code), geocodes: [(name: "PCODE", value: code)])
            if let text = try await areas.geometryText(code), let g = try? GeoJSON.geometry(fromText: text), let ring = CAPMessage.polygon(g) {
                a.polygons = [ring]
            }
            capAreas.append(a)
        }
        var m = CAPMessage(
            identifier: r.identifier, sender: sender, sent: sent, status: d.status ?? .Actual,
            msgType: r.msgType, scope: .Public, categories: d.categories ?? [.Security],
            event: d.event ?? "Risk of violent conflict", urgency: d.urgency ?? .Unknown, severity: d.severity ?? .Unknown,
            certainty: d.certainty ?? .Unknown, areas: capAreas)
        switch cls {
        case .public: m.scope = .Public
        case .internal, .restricted:
            m.scope = .Restricted
            m.restriction =
                cls == .internal
                ? "Members of this Agora installation only"
                : "Members of \(r.bodyCode), of the bodies above it, and of the bodies the case is shared with"
        case .confidential:
            m.scope = .Private
            m.addresses = try await Parties(sql: sql).bodies("alert", r.id).sorted()
            if m.addresses.isEmpty { m.addresses = [r.bodyCode] }
        }
        if let ref = r.refersTo,
            let old = try await AlertStore.table.unscoped(sql, because: "a CAP update names the message it replaces by identifier only").columns(
                "identifier", "sent_at", "created_at"
            ).where("id", .equal, ref).first()
        {
            let t = try old.decode(column: "sent_at", as: String?.self) ?? old.decode(column: "created_at", as: String.self)
            m.references = [(sender: sender, identifier: try old.decode(column: "identifier", as: String.self), sent: AlertRules.date(t) ?? sent)]
        }
        m.language = d.language ?? "en"
        m.responseTypes = d.responseTypes ?? []
        m.effective = d.effective.flatMap(AlertRules.date)
        m.expires = d.expires.flatMap(AlertRules.date)
        m.senderName = try await BodyStore(sql: sql).refs([r.bodyCode])[r.bodyCode]?.name
        m.headline = d.headline
        m.description = d.description
        m.instruction = d.instruction
        m.web = publicURL + "/api/v1/alerts/\(r.id)"
        m.parameters = [(name: "AgoraClassification", value: cls.rawValue)]
        if r.msgType == .Cancel, let reason = r.reason { m.note = reason }
        return m
    }
}

/// Bodies a record is shared with because they act on it or must know of it.
struct Parties: Sendable {
    let sql: any SQLDatabase

    func add(_ recordType: String, _ id: String, body: String, role: String) async throws {
        try await sql.insert(into: "record_parties").columns("record_type", "record_id", "body_code", "role")
            .values(SQLBind(recordType), SQLBind(id), SQLBind(body), SQLBind(role))
            .onConflict(with: ["record_type", "record_id", "body_code"]) { $0.set(excludedValueOf: "role") }.run()
    }

    func bodies(_ recordType: String, _ id: String) async throws -> [String] {
        try await sql.select().column("body_code").from("record_parties").where("record_type", .equal, recordType).where("record_id", .equal, id)
            .all().map { try $0.decode(column: "body_code", as: String.self) }
    }

    func list(_ recordType: String, _ id: String) async throws -> [(body: String, role: String)] {
        try await sql.select().columns("body_code", "role").from("record_parties").where("record_type", .equal, recordType).where(
            "record_id", .equal, id
        )
        .orderBy("body_code").all().map { (try $0.decode(column: "body_code", as: String.self), try $0.decode(column: "role", as: String.self)) }
    }
}

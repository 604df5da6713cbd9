import AgoraCore
import Foundation
import SQLKit
import Vapor

/// What an installation decides about risk and response: thresholds, weights, deadlines.
struct ResponseSettings: Content, Equatable {
    var risk = RiskSettings()
    var deadlines = ResponseDeadlines()
    /// Months a stipulation's score may stay still before it counts as stalled (3 when unset).
    var stallMonths: Int?

    var stallPeriods: Int { stallMonths ?? 3 }
    /// Working days a body has for submissions, by body code or by level (`district`, `national` …).
    var submissionDeadlines: [String: SubmissionDeadlines]?

    func validate() throws {
        var issues = IssueCollector()
        if let m = stallMonths, !(1...24).contains(m) { issues.add("stallMonths", "1 to 24 months") }
        for (k, d) in (submissionDeadlines ?? [:]).sorted(by: { $0.key < $1.key }) {
            do { try d.validate(field: "submissionDeadlines.\(k)") } catch let f as ValidationFailure {
                for i in f.issues { issues.add(i.field, i.message) }
            }
        }
        for (prefix, check) in [("risk", { try risk.validate() }), ("deadlines", { try deadlines.validate() })] as [(String, () throws -> Void)] {
            do { try check() } catch let f as ValidationFailure { for i in f.issues { issues.add("\(prefix).\(i.field)", i.message) } }
        }
        try issues.throwIfAny()
    }
}

/// Settings are one JSON document per key in `settings`; every change is audited.
struct SettingsStore: Sendable {
    let sql: any SQLDatabase
    static let key = "response"

    func load() async throws -> ResponseSettings {
        guard let row = try await sql.select().column("value").from("settings").where("key", .equal, Self.key).first() else {
            return ResponseSettings()
        }
        return try JSONDecoder().decode(ResponseSettings.self, from: Data(try row.decode(column: "value", as: String.self).utf8))
    }

    func save(_ s: ResponseSettings, actor: String) async throws {
        try s.validate()
        let text = String(decoding: try JSONEncoder.sorted.encode(s), as: UTF8.self)
        try await sql.insert(into: "settings").columns("key", "value", "updated_by", "updated_at")
            .values(SQLBind(Self.key), SQLBind(text), SQLBind(actor), SQLBind(Timestamp.now()))
            .onConflict(with: ["key"]) { $0.set(excludedValueOf: "value").set(excludedValueOf: "updated_by").set(excludedValueOf: "updated_at") }
            .run()
        try await AuditStore(sql: sql).append(actor: actor, action: "update", recordType: "settings", recordID: Self.key, content: s)
    }
}

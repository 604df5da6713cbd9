import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Public holidays per country (ISO alpha-2, as the shared file writes them), editable: Islamic holidays are
/// estimates until the moon is seen, and a government may declare a day.
struct HolidayStore: Sendable {
    let sql: any SQLDatabase

    /// Reads `country,date,name` rows, all or nothing; an issue names its line.
    static func read(_ text: String) throws -> [(country: String, date: String, name: String)] {
        let table = try CSVTable.parse(text, separator: ",")
        guard let c = table.column("country"), let d = table.column("date"), let n = table.column("name") else {
            throw ValidationFailure(field: "header", "expected the columns country, date, name")
        }
        var issues = IssueCollector()
        var out: [(String, String, String)] = []
        for row in table.rows {
            let country = table.value(row, c) ?? ""
            let date = table.value(row, d) ?? ""
            if Country.find(country) == nil || country.count != 2 {
                issues.add("line \(row.line), country", "'\(country)' is not an ISO alpha-2 code")
            }
            if ReportRules.parseDay(date) == nil { issues.add("line \(row.line), date", "'\(date)' is not a date; use YYYY-MM-DD") }
            out.append((country, date, table.value(row, n) ?? ""))
        }
        try issues.throwIfAny()
        if out.isEmpty { throw ValidationFailure(field: "file", "holds no holiday") }
        return out
    }

    func upsert(_ rows: [(country: String, date: String, name: String)], actor: String) async throws {
        for r in rows {
            try await sql.insert(into: "holidays").columns("country", "day", "name").values(SQLBind(r.country), SQLBind(r.date), SQLBind(r.name))
                .onConflict(with: ["country", "day"]) { $0.set(excludedValueOf: "name") }.run()
        }
        try await AuditStore(sql: sql).append(
            actor: actor, action: "import", recordType: "holidays", recordID: "\(rows.count) days", content: rows.map(\.date))
    }

    /// The working calendar of a country (alpha-2 or alpha-3).
    func calendar(_ country: String) async throws -> WorkingCalendar {
        let a2 = Country.find(country)?.alpha2 ?? country
        let rows = try await sql.select().column("day").from("holidays").where("country", .equal, a2).all()
            .map { (country: a2, date: try $0.decode(column: "day", as: String.self)) }
        return WorkingCalendar.of(country: a2, holidays: rows)
    }
}

import Foundation

/// A weapon as it is entered, one at a time or as a CSV line: the same checks for both.
public struct WeaponEntry: Codable, Sendable, Equatable {
    public var body: String
    public var type: WeaponType
    public var status: WeaponStatus?
    public var marks: WeaponMarks
    public var store: String?
    public var classification: Classification?
    public var incident: String?
    public var area: String?
    public var campaign: String?
    /// The day it came on the register (today when absent).
    public var registeredOn: String?

    public init(
        body: String, type: WeaponType, status: WeaponStatus? = nil, marks: WeaponMarks, store: String? = nil, classification: Classification? = nil,
        incident: String? = nil, area: String? = nil, campaign: String? = nil, registeredOn: String? = nil
    ) {
        self.body = body
        self.type = type
        self.status = status
        self.marks = marks
        self.store = store
        self.classification = classification
        self.incident = incident
        self.area = area
        self.campaign = campaign
        self.registeredOn = registeredOn
    }

    /// Everything wrong with the entry at once, fields prefixed with `field` (`weapons[2]`, `line 7`).
    public func validate(field prefix: String = "", today: String) throws {
        var issues = IssueCollector()
        let p = prefix.isEmpty ? "" : prefix + "."
        if MediationRules.blank(body) { issues.add(p + "body", "the body that holds or recorded the weapon") }
        if status == .destroyed { issues.add(p + "status", "a weapon is destroyed through a destruction record, with its witnesses") }
        if let d = registeredOn, !CivilDate.isDay(d) || d > today {
            issues.add(p + "registeredOn", "a date, YYYY-MM-DD, not in the future")
        }
        do { try marks.validate(field: p + "marks", thisYear: Int(today.prefix(4)) ?? 2100) } catch let f as ValidationFailure {
            for i in f.issues { issues.add(i.field, i.message) }
        }
        try issues.throwIfAny()
    }
}

/// The register's CSV layout: one weapon per line, headers as named here (case-insensitive, any order).
/// `markLocations` is `;`-separated; `unmarked` and `altered` are `yes`/`true`/`1`.
public enum WeaponCSV {
    public static let columns = [
        "body", "type", "status", "manufacturer", "countryOfManufacture", "serial", "yearOfManufacture", "model", "calibre", "markLocations",
        "unmarked", "altered", "store", "area", "registeredOn", "classification",
    ]

    /// Every line read and checked, or every problem with its line number: nothing is half-read.
    public static func parse(_ text: String, today: String) throws -> [WeaponEntry] {
        let table = try CSVTable.parse(text)
        var issues = IssueCollector()
        let unknown = table.header.filter { h in !columns.contains { $0.caseInsensitiveCompare(h) == .orderedSame } }
        for h in unknown { issues.add("line 1", "unknown column '\(h)'; the columns are \(columns.joined(separator: ", "))") }
        for required in ["body", "type"] where table.column(required) == nil { issues.add("line 1", "the column '\(required)' is missing") }
        try issues.throwIfAny()
        if table.rows.isEmpty { throw ValidationFailure(field: "file", "has a header and no weapon") }
        func flag(_ v: String?) -> Bool { ["yes", "true", "1", "y"].contains((v ?? "").lowercased()) }
        var out: [WeaponEntry] = []
        for row in table.rows {
            func v(_ c: String) -> String? { table.value(row, table.column(c)) }
            let line = "line \(row.line)"
            do {
                let year = try v("yearOfManufacture").map { y -> Int in
                    guard let n = Int(y) else { throw ValidationFailure(field: "\(line).yearOfManufacture", "'\(y)' is not a year") }
                    return n
                }
                let e = WeaponEntry(
                    body: v("body") ?? "", type: try WeaponType.parse(v("type") ?? "", field: "\(line).type"),
                    status: try v("status").map { try WeaponStatus.parse($0, field: "\(line).status") },
                    marks: WeaponMarks(
                        manufacturer: v("manufacturer"), countryOfManufacture: v("countryOfManufacture"), serial: v("serial"),
                        yearOfManufacture: year,
                        model: v("model"), calibre: v("calibre"),
                        markLocations: (v("markLocations") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                            !$0.isEmpty
                        },
                        unmarked: flag(v("unmarked")), altered: flag(v("altered"))),
                    store: v("store"), classification: try v("classification").map { try Classification.parse($0, field: "\(line).classification") },
                    area: v("area"), registeredOn: v("registeredOn"))
                try e.validate(field: line, today: today)
                out.append(e)
            } catch let f as ValidationFailure {
                for i in f.issues { issues.add(i.field, i.message) }
            }
        }
        try issues.throwIfAny()
        return out
    }
}

/// Weapons typed one per line on a form (a collection point has no spreadsheet): `type; manufacturer; country; serial;
/// calibre`, or `type; unmarked; what it is`. Every line checked; errors name the line.
public enum WeaponLines {
    public static func parse(_ text: String, field: String = "weapons", thisYear: Int) throws -> [(type: WeaponType, marks: WeaponMarks)] {
        var issues = IssueCollector()
        var out: [(WeaponType, WeaponMarks)] = []
        for (i, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let parts = raw.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = parts.first, !first.isEmpty else { continue }
            let f = "\(field) line \(i + 1)"
            guard let type = WeaponType(rawValue: first.lowercased()) else {
                issues.add(f, "'\(first)' is not a weapon type; use one of \(WeaponType.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            func at(_ k: Int) -> String? { k < parts.count && !parts[k].isEmpty ? parts[k] : nil }
            let marks =
                at(1)?.lowercased() == "unmarked"
                ? WeaponMarks(model: at(2), unmarked: true)
                : WeaponMarks(manufacturer: at(1), countryOfManufacture: at(2)?.uppercased(), serial: at(3), calibre: at(4))
            do { try marks.validate(field: f, thisYear: thisYear) } catch let v as ValidationFailure {
                for x in v.issues { issues.add(x.field, x.message) }
                continue
            }
            out.append((type, marks))
        }
        if out.isEmpty && issues.issues.isEmpty { issues.add(field, "one weapon per line: type; manufacturer; country; serial; calibre") }
        try issues.throwIfAny()
        return out
    }
}

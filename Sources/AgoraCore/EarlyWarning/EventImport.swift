import Foundation

/// One event read from an event-data file (ACLED, UCDP GED, HXL-tagged CSV), before it becomes an incident.
public struct EventRecord: Sendable, Equatable {
    public var line: Int
    public var sourceName: String
    /// Stable across re-imports: importing the same file twice adds nothing.
    public var sourceEventID: String
    public var day: String
    public var timePrecision: TimePrecision
    public var lat: Double?
    public var lon: Double?
    public var geoPrecision: GeoPrecision?
    public var country: String?
    public var admin1: String?
    public var admin2: String?
    public var pcode: String?
    public var eventType: String
    public var actors: [String]
    public var fatalities: Int
    public var notes: String
    public var indicators: [String]
}

public enum EventLayout: String, Sendable {
    case acledAPI = "ACLED (API layout)"
    case acledV6 = "ACLED (v6 upper-case layout)"
    case ucdpGED = "UCDP GED"
    case hxl = "HXL-tagged CSV"
}

public struct EventFile: Sendable {
    public var layout: EventLayout
    public var records: [EventRecord]
    /// Rows that cannot become incidents, with the line and the reason.
    public var rejected: [ValidationIssue]
    public var rows: Int
}

/// Reads event data in the layouts met in the wild. File-level problems (an unknown layout, a missing
/// column, a broken quote) throw; row-level problems reject that row with its line and reason.
public enum EventImport {
    /// UTF-8 with or without a byte-order mark, else Windows-1252 (which Latin-1 files also read as).
    public static func bytes(_ data: Data) -> [UInt8] {
        let raw = [UInt8](data)
        if UTF8Check.isValid(raw) { return raw }
        return Array((String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)).utf8)
    }

    /// The whole file at once (tests, small files); the importer reads it a chunk at a time (`EventStream`).
    public static func parse(_ data: Data) throws -> EventFile {
        var stream = try EventStream(data)
        var records: [EventRecord] = []
        while let chunk = try stream.next(50_000) { records += chunk }
        return EventFile(layout: stream.layout, records: records, rejected: stream.rejected, rows: stream.rows)
    }

    /// ACLED event types to the standard framework's indicators.
    /// ACLED's event types of every release to the framework: the current six, and the nine of the releases
    /// before 2019. Strategic developments are no threat in themselves (their sub-events below may be).
    public static let acledIndicators: [String: [String]] = [
        "Battles": ["CS05"], "Violence against civilians": ["CS01"], "Explosions/Remote violence": ["VE02"],
        "Riots": ["GR03"], "Protests": ["GR03"], "Strategic developments": [],
        "Battle-No change of territory": ["CS05"], "Battle-Government regains territory": ["CS05"],
        "Battle-Non-state actor overtakes territory": ["CS05"], "Remote violence": ["VE02"], "Riots/Protests": ["GR03"],
        "Strategic development": [], "Headquarters or base established": [], "Non-violent transfer of territory": [],
        "Non-violent activity by a conflict actor": [],
    ]

    /// ACLED's sub-event types that say more than their type does.
    public static let acledSubEventIndicators: [String: [String]] = [
        "Abduction/forced disappearance": ["CS02"], "Excessive force against protesters": ["GR01", "GR03"],
        "Protest with intervention": ["GR01", "GR03"], "Arrests": ["GR02"], "Agreement": ["SC03"], "Disrupted weapons use": ["CS03"],
    ]

    /// UCDP GED's three types of violence.
    public static let ucdpTypes: [String: (name: String, indicators: [String])] = [
        "1": ("State-based armed conflict", ["CS05"]), "2": ("Non-state conflict", ["CS05"]), "3": ("One-sided violence", ["CS01"]),
    ]

    /// "15960.0" → "15960": pandas writes integer columns as floats.
    static func integerText(_ s: String) -> String {
        if let d = Double(s), d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return s
    }

    /// The date formats met in event data, to `YYYY-MM-DD`: 20210106, 2021-01-06, 2009-06-09 00:00:00.000,
    /// 06/01/2021 (ACLED v6, day first), 06 January 2021, 6-Jan-21.
    public static func day(_ raw: String, dayFirst: Bool) -> String? {
        if raw.utf8.count == 10, let r = ReportRules.parseDay(raw) { return r }  // the common case, without trimming
        let s = raw.trimmingCharacters(in: .whitespaces)
        func make(_ y: Int, _ m: Int, _ d: Int) -> String? {
            let out = String(format: "%04d-%02d-%02d", y, m, d)
            return ReportRules.parseDay(out)
        }
        if s.count == 8, let n = Int(s) { return make(n / 10000, n / 100 % 100, n % 100) }
        let head = String(s.prefix(10))
        if head.count == 10, head.dropFirst(4).first == "-", let r = ReportRules.parseDay(head) { return r }
        let slash = s.split(separator: "/")
        if slash.count == 3, let a = Int(slash[0]), let b = Int(slash[1]), var y = Int(slash[2].prefix(4)) {
            if y < 100 { y += y < 50 ? 2000 : 1900 }
            return dayFirst ? make(y, b, a) : (a > 12 ? make(y, b, a) : make(y, a, b))
        }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = s.replacingOccurrences(of: "-", with: " ").split(separator: " ")
        if words.count == 3, let d = Int(words[0]), let m = months.firstIndex(of: String(words[1].prefix(3)).lowercased()), var y = Int(words[2]) {
            if y < 100 { y += y < 50 ? 2000 : 1900 }
            return make(y, m + 1, d)
        }
        return nil
    }

    /// Names as event data writes them and as boundary files do: "Borno state" and "Borno", "Murang'a" and "Muranga".
    public static func normalise(_ name: String) -> String {
        var s = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for suffix in [" state", " county", " region", " province", " lga", " district", " city", " town"] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count))
        }
        return String(s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
}

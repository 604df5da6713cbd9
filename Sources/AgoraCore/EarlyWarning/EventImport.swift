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
    public static func text(_ data: Data) -> String {
        if let s = String(data: data, encoding: .utf8) { return s }
        return String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }

    public static func parse(_ data: Data) throws -> EventFile {
        var table = try CSVTable.parse(text(data))
        // HXL: a row of #hashtags under the header. Tags name the columns from then on.
        var tags: [String]? = nil
        if let first = table.rows.first {
            let cells = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if cells.filter({ $0.hasPrefix("#") }).count >= max(2, cells.count / 2) {
                tags = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                table.rows.removeFirst()
            }
        }
        let lower = table.header.map { $0.lowercased() }
        let layout: EventLayout
        if lower.contains("event_id_cnty") {
            layout = table.header.contains("EVENT_ID_CNTY") ? .acledV6 : .acledAPI
        } else if lower.contains("date_start") && lower.contains("type_of_violence") {
            layout = .ucdpGED
        } else if tags != nil {
            layout = .hxl
        } else {
            throw ValidationFailure(
                field: "header", "not ACLED, UCDP GED or HXL-tagged CSV: no event_id_cnty, date_start/type_of_violence or #hashtag row")
        }

        func col(_ names: String...) -> Int? {
            for n in names { if let i = lower.firstIndex(of: n.lowercased()) { return i } }
            return nil
        }
        func tag(_ t: String) -> Int? { tags?.firstIndex { $0 == t || $0.hasPrefix(t + "+") } }
        let required: [(String, Int?)]
        var cols: [String: Int?] = [:]
        switch layout {
        case .acledAPI, .acledV6:
            cols = [
                "id": col("event_id_cnty"), "date": col("event_date"), "tp": col("time_precision"), "type": col("event_type"),
                "sub": col("sub_event_type"), "a1": col("actor1"), "a2": col("actor2"), "admin1": col("admin1"), "admin2": col("admin2"),
                "lat": col("latitude"), "lon": col("longitude"), "gp": col("geo_precision"), "notes": col("notes"),
                "deaths": col("fatalities"), "iso3": col("iso3"), "country": col("country"), "location": col("location"),
            ]
            required = [
                ("event_id_cnty", cols["id"]!), ("event_date", cols["date"]!), ("event_type", cols["type"]!), ("fatalities", cols["deaths"]!),
            ]
        case .ucdpGED:
            cols = [
                "id": col("id"), "date": col("date_start"), "tp": col("date_prec"), "type": col("type_of_violence"), "sub": col("dyad_name"),
                "a1": col("side_a"), "a2": col("side_b"), "admin1": col("adm_1"), "admin2": col("adm_2"), "lat": col("latitude"),
                "lon": col("longitude"), "gp": col("where_prec"), "notes": col("source_headline"), "deaths": col("best"),
                "iso3": col("iso3"), "country": col("country"), "location": col("where_coordinates"),
            ]
            required = [("id", cols["id"]!), ("date_start", cols["date"]!), ("type_of_violence", cols["type"]!), ("best", cols["deaths"]!)]
        case .hxl:
            cols = [
                "id": tag("#event+id") ?? tag("#meta+id"), "date": tag("#date+start") ?? tag("#date"), "type": tag("#event+type"),
                "admin1": tag("#adm1+name"), "admin2": tag("#adm2+name"), "pcode": tag("#loc+code") ?? tag("#adm2+code") ?? tag("#adm1+code"),
                "lat": tag("#geo+lat"), "lon": tag("#geo+lon"), "notes": tag("#description"), "deaths": tag("#affected+killed"),
                "iso3": tag("#country+code"), "a1": tag("#group+name+first"), "a2": tag("#group+name+second"),
                "indicators": tag("#indicator+code"),
            ]
            required = [("#date", cols["date"]!)]
        }
        let missing = required.filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ValidationFailure(field: "header", "missing column(s): \(missing.joined(separator: ", "))") }

        var records: [EventRecord] = []
        var rejected: [ValidationIssue] = []
        var seen = Set<String>()
        for row in table.rows {
            func v(_ key: String) -> String? { table.value(row, cols[key] ?? nil) }
            let at = "line \(row.line)"
            if row.fields.count < table.header.count - 1 && row.fields.count < 3 { continue }  // a stray blank-ish line
            guard let rawDate = v("date"), let day = day(rawDate, dayFirst: layout == .acledV6) else {
                rejected.append(ValidationIssue(field: "\(at).date", message: "'\(v("date") ?? "")' is not a date this importer reads"))
                continue
            }
            let lat = v("lat").flatMap(Double.init)
            let lon = v("lon").flatMap(Double.init)
            if let lat, let lon, !((-90...90).contains(lat) && (-180...180).contains(lon)) {
                rejected.append(ValidationIssue(field: "\(at).latitude", message: "\(lat), \(lon) is out of range"))
                continue
            }
            let deaths = v("deaths").flatMap(Double.init).map { Int($0.rounded()) } ?? 0
            if deaths < 0 {
                rejected.append(ValidationIssue(field: "\(at).fatalities", message: "cannot be negative"))
                continue
            }
            let rawID = v("id").map(integerText)
            let prefix = layout == .ucdpGED ? "ucdp:" : layout == .hxl ? "hxl:" : "acled:"
            // HXL without an id: the row's content is its identity, so a re-import still adds nothing.
            // An id that already names its source ("acled:KEN7606", "agora:…", as Agora exports them) is kept as it is,
            // so an exported file re-imports onto the same incidents.
            let id =
                rawID.map { $0.utf8.contains(0x3A) ? $0 : prefix + $0 }
                ?? prefix + AuditChain.sha256(row.fields.joined(separator: "\u{1F}")).prefix(24).description
            if !seen.insert(id).inserted { continue }  // the same event twice in one file
            var type = v("type") ?? "Event"
            var indicators: [String] = []
            switch layout {
            case .acledAPI, .acledV6: indicators = acledIndicators[type] ?? []
            case .ucdpGED:
                let t = integerText(type)
                type = ["1": "State-based armed conflict", "2": "Non-state conflict", "3": "One-sided violence"][t] ?? type
                indicators = ["1": ["CS05"], "2": ["CS05"], "3": ["CS01"]][t] ?? []
            case .hxl: indicators = (v("indicators") ?? "").split(separator: " ").map(String.init)
            }
            let tp = v("tp").flatMap(Double.init).map { Int($0) } ?? 1
            let gp = v("gp").flatMap(Double.init).map { Int($0) }
            records.append(
                EventRecord(
                    line: row.line, sourceName: layout.rawValue, sourceEventID: id, day: day,
                    timePrecision: layout == .ucdpGED
                        ? (tp <= 1 ? .day : tp <= 3 ? .week : .month) : TimePrecision(rawValue: min(max(tp, 1), 3)) ?? .day,
                    lat: lat, lon: lon,
                    geoPrecision: gp.map {
                        layout == .ucdpGED ? ($0 <= 1 ? .exact : $0 <= 2 ? .near : .region) : GeoPrecision(rawValue: min(max($0, 1), 3)) ?? .region
                    },
                    country: v("iso3")?.uppercased() ?? v("country").flatMap { Country.named($0)?.alpha3 }, admin1: v("admin1"), admin2: v("admin2"),
                    pcode: v("pcode"),
                    eventType: [type, v("sub")].compactMap { $0 }.joined(separator: ": "),
                    actors: [v("a1"), v("a2")].compactMap { $0 }, fatalities: deaths, notes: v("notes") ?? "", indicators: indicators))
        }
        return EventFile(layout: layout, records: records, rejected: rejected, rows: table.rows.count)
    }

    /// ACLED event types to the standard framework's indicators.
    static let acledIndicators: [String: [String]] = [
        "Battles": ["CS05"], "Violence against civilians": ["CS01"], "Explosions/Remote violence": ["VE02"],
        "Riots": ["GR03"], "Protests": ["GR03"], "Strategic developments": [],
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

import Foundation

/// An event-data file read a chunk of rows at a time: the importer parses the next chunk while the store
/// writes the last one, and fields the import does not use never become strings.
public struct EventStream: Sendable {
    public let layout: EventLayout
    /// Rows read so far (blank lines and the HXL tag row not counted).
    public private(set) var rows = 0
    /// Rows that cannot become incidents, with the line and the reason.
    public private(set) var rejected: [ValidationIssue] = []
    /// The file has no id column: each event's id is made from its row's content (stable across imports).
    public var generatesIDs: Bool { columns.id == nil }
    /// Data rows in the file, counted when it was opened.
    public let rowCount: Int
    /// Bytes read and the file's size, for progress.
    public var progress: (done: Int, of: Int) { (reader.offset, reader.bytes.count) }

    private var reader: CSVReader
    private let columns: Columns
    private let width: Int
    /// The reader stands on a data row not yet returned (the first one, read to look for HXL tags).
    private var pending: Bool
    private var seen = Set<String>()

    /// Where each field the import reads sits in a row.
    struct Columns {
        var id, date, tp, type, sub, a1, a2, admin1, admin2, lat, lon, gp, notes, deaths, iso3, country, pcode, indicators: Int?
    }

    public init(_ data: Data) throws {
        reader = CSVReader(bytes: EventImport.bytes(data))
        guard try reader.next() else { throw ValidationFailure(field: "file", "is empty") }
        let header = reader.strings.map { $0.trimmingCharacters(in: .whitespaces) }
        width = header.count
        // HXL: a row of #hashtags under the header. Tags name the columns from then on.
        var tags: [String]? = nil
        pending = try reader.next()
        if pending {
            let first = reader.strings
            let cells = first.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if cells.filter({ $0.hasPrefix("#") }).count >= max(2, cells.count / 2) {
                tags = first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                pending = false
            }
        }
        let lower = header.map { $0.lowercased() }
        // ACLED is known by its columns; a file without event_id_cnty gets ids made from each row's content.
        let acled = lower.contains("event_id_cnty") || (lower.contains("event_date") && lower.contains("event_type") && lower.contains("fatalities"))
        if acled {
            layout = header.contains("EVENT_ID_CNTY") || header.contains("EVENT_DATE") ? .acledV6 : .acledAPI
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
        let c: Columns
        let required: [(String, Int?)]
        switch layout {
        case .acledAPI, .acledV6:
            c = Columns(
                id: col("event_id_cnty"), date: col("event_date"), tp: col("time_precision"), type: col("event_type"), sub: col("sub_event_type"),
                a1: col("actor1"), a2: col("actor2"), admin1: col("admin1"), admin2: col("admin2"), lat: col("latitude"), lon: col("longitude"),
                gp: col("geo_precision"), notes: col("notes"), deaths: col("fatalities"), iso3: col("iso3"), country: col("country"))
            required = [("event_date", c.date), ("event_type", c.type), ("fatalities", c.deaths)]
        case .ucdpGED:
            c = Columns(
                id: col("id"), date: col("date_start"), tp: col("date_prec"), type: col("type_of_violence"), sub: col("dyad_name"),
                a1: col("side_a"), a2: col("side_b"), admin1: col("adm_1"), admin2: col("adm_2"), lat: col("latitude"), lon: col("longitude"),
                gp: col("where_prec"), notes: col("source_headline"), deaths: col("best"), iso3: col("iso3"), country: col("country"))
            required = [("id", c.id), ("date_start", c.date), ("type_of_violence", c.type), ("best", c.deaths)]
        case .hxl:
            c = Columns(
                id: tag("#event+id") ?? tag("#meta+id"), date: tag("#date+start") ?? tag("#date+occurred") ?? tags?.firstIndex(of: "#date"),
                type: tag("#event+type"),
                a1: tag("#group+name+first"), a2: tag("#group+name+second"), admin1: tag("#adm1+name"), admin2: tag("#adm2+name"),
                lat: tag("#geo+lat"), lon: tag("#geo+lon"), notes: tag("#description"), deaths: tag("#affected+killed"),
                iso3: tag("#country+code"), pcode: tag("#loc+code") ?? tag("#adm2+code") ?? tag("#adm1+code"), indicators: tag("#indicator+code"))
            required = [("#date", c.date)]
            try Self.checkHXLEvents(tags ?? [])
        }
        let missing = required.filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty { throw ValidationFailure(field: "header", "missing column(s): \(missing.joined(separator: ", "))") }
        columns = c
        // The whole file is cut into rows once before anything is read from it: a broken quote names its line
        // before any transaction begins, and the importer knows how large the load is (no strings are made).
        var probe = reader
        var n = pending ? 1 : 0
        while try probe.next() { n += 1 }
        rowCount = n
    }

    /// An HXL file is event data when it dates events and says what happened in each; refused at the header
    /// otherwise, rather than importing rows of something else as incidents.
    static func checkHXLEvents(_ tags: [String]) throws {
        func has(_ t: String) -> Bool { tags.contains { $0 == t || $0.hasPrefix(t + "+") } }
        // Counts per area and period (HDX's monthly ACLED aggregates) are not events: one row is many.
        let counted = has("#event+num") || has("#fatality+num") || tags.contains { $0.hasPrefix("#affected") && $0.contains("+num") }
        if has("#event+num") || (counted && !has("#event+id")) {
            throw ValidationFailure(
                field: "header",
                "an aggregate (#event+num: events counted per area and period), not one row per event; import the event-level file instead")
        }
        let dated = tags.contains { $0 == "#date" || $0.hasPrefix("#date+start") || $0.hasPrefix("#date+occurred") }
        let what = has("#event+type") || has("#affected+killed") || has("#indicator+code") || has("#event+id")
        if !dated || !what {
            throw ValidationFailure(
                field: "header",
                "HXL, but not event data: needs #date (or #date+start) and one of #event+type, #event+id, #affected+killed, #indicator+code")
        }
    }

    /// Up to `max` records (rows rejected or repeated in the file are left out); nil at the end of the file.
    public mutating func next(_ max: Int) throws -> [EventRecord]? {
        var out: [EventRecord] = []
        out.reserveCapacity(Swift.min(max, 16_384))
        while out.count < max {
            if pending {
                pending = false
            } else if try !reader.next() {
                break
            }
            rows += 1
            if let r = record() { out.append(r) }
        }
        return out.isEmpty ? nil : out
    }

    private mutating func record() -> EventRecord? {
        let c = columns
        let r = reader
        let at = "line \(r.line)"
        if r.count < width - 1 && r.count < 3 { return nil }  // a stray blank-ish line
        guard let rawDate = r.value(c.date), let day = EventImport.day(rawDate, dayFirst: layout == .acledV6) else {
            rejected.append(ValidationIssue(field: "\(at).date", message: "'\(r.value(c.date) ?? "")' is not a date this importer reads"))
            return nil
        }
        let lat = r.value(c.lat).flatMap(Double.init)
        let lon = r.value(c.lon).flatMap(Double.init)
        if let lat, let lon, !((-90...90).contains(lat) && (-180...180).contains(lon)) {
            rejected.append(ValidationIssue(field: "\(at).latitude", message: "\(lat), \(lon) is out of range"))
            return nil
        }
        let deaths = r.digits(c.deaths) ?? r.value(c.deaths).flatMap(Double.init).map { Int($0.rounded()) } ?? 0
        if deaths < 0 {
            rejected.append(ValidationIssue(field: "\(at).fatalities", message: "cannot be negative"))
            return nil
        }
        let rawID = r.value(c.id).map(EventImport.integerText)
        let prefix = layout == .ucdpGED ? "ucdp:" : layout == .hxl ? "hxl:" : "acled:"
        // HXL without an id: the row's content is its identity, so a re-import still adds nothing.
        // An id that already names its source ("acled:KEN7606", "agora:…", as Agora exports them) is kept as it is,
        // so an exported file re-imports onto the same incidents.
        let id =
            rawID.map { $0.utf8.contains(0x3A) ? $0 : prefix + $0 }
            ?? prefix + AuditChain.sha256(r.strings.joined(separator: "\u{1F}")).prefix(24).description
        if !seen.insert(id).inserted { return nil }  // the same event twice in one file
        var type = r.value(c.type) ?? "Event"
        var indicators: [String] = []
        switch layout {
        case .acledAPI, .acledV6:
            indicators = r.value(c.sub).flatMap { EventImport.acledSubEventIndicators[$0] } ?? EventImport.acledIndicators[type] ?? []
        case .ucdpGED:
            let t = EventImport.ucdpTypes[EventImport.integerText(type)]
            type = t?.name ?? type
            indicators = t?.indicators ?? []
        case .hxl: indicators = (r.value(c.indicators) ?? "").split(separator: " ").map(String.init)
        }
        let tp = r.digits(c.tp) ?? r.value(c.tp).flatMap(Double.init).map { Int($0) } ?? 1
        let gp = r.digits(c.gp) ?? r.value(c.gp).flatMap(Double.init).map { Int($0) }
        return EventRecord(
            line: r.line, sourceName: layout.rawValue, sourceEventID: id, day: day,
            timePrecision: layout == .ucdpGED
                ? (tp <= 1 ? .day : tp <= 3 ? .week : .month) : TimePrecision(rawValue: Swift.min(Swift.max(tp, 1), 3)) ?? .day,
            lat: lat, lon: lon,
            geoPrecision: gp.map {
                layout == .ucdpGED
                    ? ($0 <= 1 ? .exact : $0 <= 2 ? .near : .region) : GeoPrecision(rawValue: Swift.min(Swift.max($0, 1), 3)) ?? .region
            },
            country: r.value(c.iso3)?.uppercased() ?? r.value(c.country).flatMap { Country.named($0)?.alpha3 }, admin1: r.value(c.admin1),
            admin2: r.value(c.admin2), pcode: r.value(c.pcode),
            eventType: [type, r.value(c.sub)].compactMap { $0 }.joined(separator: ": "),
            actors: [r.value(c.a1), r.value(c.a2)].compactMap { $0 }, fatalities: deaths, notes: r.value(c.notes) ?? "", indicators: indicators)
    }
}

/// Whether bytes are well-formed UTF-8 (no overlongs, no surrogates), without making a string of them.
enum UTF8Check {
    static func isValid(_ b: [UInt8]) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                continue
            }
            let len: Int
            if c >= 0xC2 && c <= 0xDF {
                len = 2
            } else if c >= 0xE0 && c <= 0xEF {
                len = 3
            } else if c >= 0xF0 && c <= 0xF4 {
                len = 4
            } else {
                return false
            }
            guard i + len <= n else { return false }
            for k in 1..<len where b[i + k] & 0xC0 != 0x80 { return false }
            if (c == 0xE0 && b[i + 1] < 0xA0) || (c == 0xED && b[i + 1] > 0x9F) || (c == 0xF0 && b[i + 1] < 0x90) || (c == 0xF4 && b[i + 1] > 0x8F) {
                return false
            }
            i += len
        }
        return true
    }
}

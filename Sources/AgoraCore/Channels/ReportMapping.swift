import Foundation

/// How the answers of a form (an OpenRosa submission, a row of a Kobo or ODK Central export) become a report: which
/// field holds the indicators, the area, the place, the day, the harm and the text, and how a form's own choices
/// translate into the framework's codes. Agora's own form is one such mapping (`ReportMapping.builtIn`); a
/// user's XLSForm or an export comes with theirs (`mapping.json`, see docs/CHANNELS.md).
public struct ReportMapping: Sendable, Equatable, Codable {
    /// A field whose answers are codes, or are translated into codes by `values` (a form's choice → a code).
    public struct Coded: Sendable, Equatable, Codable {
        public var field: String
        public var values: [String: String]?
        public init(field: String, values: [String: String]? = nil) {
            self.field = field
            self.values = values
        }
    }

    /// A geopoint field (`lat lon altitude accuracy`, as ODK writes it) or two columns.
    public struct Location: Sendable, Equatable, Codable {
        public var field: String?
        public var lat: String?
        public var lon: String?
        public init(field: String? = nil, lat: String? = nil, lon: String? = nil) {
            self.field = field
            self.lat = lat
            self.lon = lon
        }
    }

    /// The submission's own id (`meta/instanceID`, Kobo's `_uuid`): a second copy of it is the same report.
    public var uuid: String
    public var indicators: Coded
    public var area: Coded?
    public var location: Location?
    /// The day it happened; a timestamp's day is taken.
    public var occurredOn: String
    public var killed: String?
    public var injured: String?
    /// Fields written into the report's text, each as `label: answer` (the label is the field's name, or the
    /// column header of an export).
    public var description: [String]
    public var photo: String?
    public var audio: String?

    public init(
        uuid: String, indicators: Coded, area: Coded? = nil, location: Location? = nil, occurredOn: String, killed: String? = nil,
        injured: String? = nil, description: [String], photo: String? = nil, audio: String? = nil
    ) {
        self.uuid = uuid
        self.indicators = indicators
        self.area = area
        self.location = location
        self.occurredOn = occurredOn
        self.killed = killed
        self.injured = injured
        self.description = description
        self.photo = photo
        self.audio = audio
    }

    /// Agora's own form (`/openrosa/forms/agora-report.xml`): the answers are the framework's codes already.
    public static let builtIn = ReportMapping(
        uuid: "meta/instanceID", indicators: Coded(field: "indicators"), area: Coded(field: "area"), location: Location(field: "location"),
        occurredOn: "occurred", killed: "killed", injured: "injured", description: ["description"], photo: "photo", audio: "audio")

    static let keys: Set<String> = ["uuid", "indicators", "area", "location", "occurredOn", "killed", "injured", "description", "photo", "audio"]

    /// A mapping file, every problem named (unknown keys included: a misspelt key must not silently map nothing).
    public static func decode(_ data: Data) throws -> ReportMapping {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ValidationFailure(field: "mapping", "a JSON object: {\"uuid\": …, \"indicators\": {\"field\": …, \"values\": {…}}, …}")
        }
        var issues = IssueCollector()
        for k in object.keys.sorted() where !keys.contains(k) {
            issues.add("mapping.\(k)", "unknown key; known: \(keys.sorted().joined(separator: ", "))")
        }
        for (k, allowed) in [("indicators", ["field", "values"]), ("area", ["field", "values"]), ("location", ["field", "lat", "lon"])] {
            for sub in ((object[k] as? [String: Any])?.keys.sorted() ?? []) where !allowed.contains(sub) {
                issues.add("mapping.\(k).\(sub)", "unknown key; known: \(allowed.joined(separator: ", "))")
            }
        }
        try issues.throwIfAny()
        let m: ReportMapping
        do { m = try JSONDecoder().decode(ReportMapping.self, from: data) } catch let DecodingError.keyNotFound(key, ctx) {
            throw ValidationFailure(field: "mapping." + (ctx.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."), "is required")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw ValidationFailure(field: "mapping." + ctx.codingPath.map(\.stringValue).joined(separator: "."), "has the wrong type")
        } catch {
            throw ValidationFailure(field: "mapping", "cannot be read: \(error)")
        }
        if let l = m.location, (l.field == nil) == (l.lat == nil || l.lon == nil) {
            throw ValidationFailure(field: "mapping.location", "either \"field\" (a geopoint) or both \"lat\" and \"lon\"")
        }
        return m
    }

    /// Every field the mapping reads, to check them against a form's questions or an export's header.
    public var fields: [String] {
        [uuid, indicators.field, occurredOn]
            + [area?.field, location?.field, location?.lat, location?.lon, killed, injured, photo, audio].compactMap { $0 }
            + description
    }

    /// One mapped submission: the draft (without body or reporter: the intake adds who files it), its uuid and the
    /// names of its attached files.
    public struct Mapped: Sendable, Equatable {
        public var draft: ReportDraft
        public var uuid: String
        public var photo: String?
        public var audio: String?
    }

    /// The answers (`answer(field)`, nil or empty when unanswered) as a draft; `label(field)` names a field in the
    /// text. Every problem at once, named by the field it came from.
    public func map(_ answer: (String) -> String?, label: (String) -> String = { $0 }) throws -> Mapped {
        var issues = IssueCollector()
        func value(_ f: String?) -> String? {
            guard let f, let v = answer(f)?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return v
        }
        let id = Self.uuid(value(uuid) ?? "")
        if id.isEmpty { issues.add(uuid, "the submission has no id") }

        let indicatorCodes = Self.codes(value(indicators.field) ?? "", values: indicators.values)
        if indicatorCodes.unknown.count > 0 {
            issues.add(indicators.field, "no indicator for '\(indicatorCodes.unknown.joined(separator: "', '"))' in the mapping")
        }
        if indicatorCodes.codes.isEmpty && indicatorCodes.unknown.isEmpty { issues.add(indicators.field, "no answer that maps to an indicator") }

        var areaCode: String?
        if let a = area, let v = value(a.field) {
            if let table = a.values {
                areaCode = table[v]
                if areaCode == nil { issues.add(a.field, "no area for '\(v)' in the mapping") }
            } else {
                areaCode = v
            }
        }
        var lat: Double?
        var lon: Double?
        if let l = location {
            if let f = l.field, let v = value(f) {
                let parts = v.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
                if parts.count >= 2 { (lat, lon) = (parts[0], parts[1]) } else { issues.add(f, "'\(v)' is not a point: latitude longitude") }
            } else if let la = value(l.lat), let lo = value(l.lon) {
                lat = Double(la)
                lon = Double(lo)
                if lat == nil { issues.add(l.lat!, "'\(la)' is not a number") }
                if lon == nil { issues.add(l.lon!, "'\(lo)' is not a number") }
            }
            if let la = lat, !(-90...90).contains(la) { issues.add(l.field ?? l.lat!, "latitude \(la) is outside −90…90") }
            if let lo = lon, !(-180...180).contains(lo) { issues.add(l.field ?? l.lon!, "longitude \(lo) is outside −180…180") }
        }
        if areaCode == nil && (lat == nil || lon == nil) && (area != nil || location != nil) {
            issues.add(area?.field ?? location?.field ?? location?.lat ?? "area", "no area and no point: where did it happen?")
        }

        let day = value(occurredOn).map(Self.day) ?? ""
        if ReportRules.parseDay(day) == nil { issues.add(occurredOn, "'\(value(occurredOn) ?? "")' is not a date (YYYY-MM-DD)") }

        func count(_ f: String?) -> Int? {
            guard let f, let v = value(f) else { return nil }
            guard let d = Double(v), d >= 0, d == d.rounded(), d < 10_000_000 else {
                issues.add(f, "'\(v)' is not a whole number of people")
                return nil
            }
            return Int(d)
        }
        let killedN = count(killed)
        let injuredN = count(injured)

        let text =
            description.count == 1
            ? (value(description[0]) ?? "")
            : description.compactMap { f in value(f).map { "\(label(f)): \($0)" } }.joined(separator: "\n")
        if text.isEmpty { issues.add(description.first ?? "description", "the submission says nothing about what happened") }
        try issues.throwIfAny()

        let harm = killedN == nil && injuredN == nil ? nil : Harm(fatalities: killedN, injured: injuredN)
        let draft = ReportDraft(
            indicators: indicatorCodes.codes, description: text, occurredOn: day, area: areaCode, lat: lat, lon: lon, harm: harm,
            sourceReference: "odk:" + id)
        return Mapped(draft: draft, uuid: id, photo: value(photo), audio: value(audio))
    }

    /// A timestamp's day, or a spreadsheet's serial day number (XLSX stores dates as days since 1899-12-30).
    static func day(_ v: String) -> String {
        if let serial = Double(v), (1...200_000).contains(serial) {
            let (y, m, d) = CivilDate.civil(Int(serial) - 25_569)
            return String(format: "%04d-%02d-%02d", y, m, d)
        }
        return String(v.prefix(10))
    }

    /// `uuid:1d58…` and `1d58…` are one submission (ODK writes the prefix, Kobo's `_uuid` does not).
    public static func uuid(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        return t.lowercased().hasPrefix("uuid:") ? String(t.dropFirst(5)) : t
    }

    /// The codes of a select-multiple answer. Without a table the answer is space-separated codes. With one, the
    /// longest choice matching at each word is taken: Kobo exports labels, which hold spaces ("Land encroachment").
    static func codes(_ answer: String, values: [String: String]?) -> (codes: [String], unknown: [String]) {
        let words = answer.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let values else { return (unique(words), []) }
        let keys = values.keys.map { ($0, $0.split(whereSeparator: \.isWhitespace).map(String.init)) }.sorted { $0.1.count > $1.1.count }
        var codes: [String] = []
        var unknown: [String] = []
        var i = 0
        while i < words.count {
            if let (k, kw) = keys.first(where: { kw in !kw.1.isEmpty && i + kw.1.count <= words.count && Array(words[i..<i + kw.1.count]) == kw.1 }) {
                if let c = values[k], !c.isEmpty { codes.append(c) }  // a choice mapped to "" is deliberately left out
                i += kw.count
            } else {
                unknown.append(words[i])
                i += 1
            }
        }
        return (unique(codes), unknown)
    }

    private static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}

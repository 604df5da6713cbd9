import Foundation

/// How precisely a report knows when something happened (ACLED's time_precision).
public enum TimePrecision: Int, Sendable, Codable, CaseIterable {
    case day = 1
    case week = 2
    case month = 3
}

/// How precisely a report knows where (ACLED's geo_precision): 1 the place itself, 2 near it, 3 only the region.
public enum GeoPrecision: Int, Sendable, Codable, CaseIterable {
    case exact = 1
    case near = 2
    case region = 3
}

/// Where a report stands in review. Only `unreviewed` reports can be reviewed; the others are final.
public enum ReportStatus: String, Vocabulary {
    public static let noun = "report status"
    case unreviewed
    /// Confirmed by an analyst; part of an incident.
    case verified
    case rejected
    /// The same event as another report, which is kept instead.
    case duplicate
}

/// Who told us.
public enum SourceKind: String, Vocabulary {
    public static let noun = "source kind"
    /// A registered reporter, known by pseudonym.
    case reporter
    /// A monitor reporting what they saw themselves.
    case monitor
    case media
    case partner
    /// A member of the public, without an account.
    case anonymous
}

public struct Harm: Sendable, Equatable, Codable {
    public var fatalities: Int?
    public var injured: Int?
    public var displaced: Int?
    public var propertyDamaged: Bool?

    public init(fatalities: Int? = nil, injured: Int? = nil, displaced: Int? = nil, propertyDamaged: Bool? = nil) {
        self.fatalities = fatalities
        self.injured = injured
        self.displaced = displaced
        self.propertyDamaged = propertyDamaged
    }
}

/// A claim from the ground: what happened, when, where, to whom, and who says so.
public struct ReportDraft: Sendable, Equatable, Codable {
    public var indicators: [String]
    public var eventType: String?
    public var description: String
    /// `YYYY-MM-DD`.
    public var occurredOn: String
    /// `HH:MM`, when known.
    public var occurredAt: String?
    public var timePrecision: TimePrecision?
    public var area: String?
    public var lat: Double?
    public var lon: Double?
    public var geoPrecision: GeoPrecision?
    public var actors: [String]?
    public var harm: Harm?
    public var sourceKind: SourceKind?
    /// Pseudonymous reporter id, when `sourceKind` is `reporter`.
    public var reporter: String?
    /// A link or citation for media and partner sources.
    public var sourceReference: String?
    public var classification: Classification?
    /// The body the report is filed with; defaults to the filer's own.
    public var body: String?

    public init(
        indicators: [String], eventType: String? = nil, description: String, occurredOn: String, occurredAt: String? = nil,
        timePrecision: TimePrecision? = nil, area: String? = nil, lat: Double? = nil, lon: Double? = nil, geoPrecision: GeoPrecision? = nil,
        actors: [String]? = nil, harm: Harm? = nil, sourceKind: SourceKind? = nil, reporter: String? = nil, sourceReference: String? = nil,
        classification: Classification? = nil, body: String? = nil
    ) {
        self.indicators = indicators
        self.eventType = eventType
        self.description = description
        self.occurredOn = occurredOn
        self.occurredAt = occurredAt
        self.timePrecision = timePrecision
        self.area = area
        self.lat = lat
        self.lon = lon
        self.geoPrecision = geoPrecision
        self.actors = actors
        self.harm = harm
        self.sourceKind = sourceKind
        self.reporter = reporter
        self.sourceReference = sourceReference
        self.classification = classification
        self.body = body
    }
}

public enum ReportRules {
    public static let maxDescription = 20_000

    /// What checking a report needs to know besides the report.
    public struct Context: Sendable {
        /// Indicator codes of the installation's framework.
        public var indicators: Set<String>
        /// Today, `YYYY-MM-DD`, in UTC.
        public var today: String
        public init(indicators: Set<String>, today: String) {
            self.indicators = indicators
            self.today = today
        }
    }

    public static func check(_ r: ReportDraft, _ ctx: Context) throws {
        var issues = IssueCollector()
        if r.indicators.isEmpty { issues.add("indicators", "name at least one indicator of the framework") }
        for (i, code) in r.indicators.enumerated() where !ctx.indicators.contains(code) {
            issues.add("indicators[\(i)]", "'\(code)' is not an indicator of this installation's framework")
        }
        if r.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { issues.add("description", "say what happened") }
        if r.description.count > maxDescription { issues.add("description", "at most \(maxDescription) characters (\(r.description.count) given)") }
        if let d = parseDay(r.occurredOn) {
            if d < "1900-01-01" { issues.add("occurredOn", "\(r.occurredOn) is before 1900") }
            // A day of slack for time zones: a report from UTC+14 may be dated tomorrow here.
            if d > dayAfter(ctx.today) { issues.add("occurredOn", "\(r.occurredOn) is in the future") }
        } else {
            issues.add("occurredOn", "'\(r.occurredOn)' is not a date; use YYYY-MM-DD")
        }
        if let t = r.occurredAt, !isTime(t) { issues.add("occurredAt", "'\(t)' is not a time; use HH:MM") }
        if r.area == nil && (r.lat == nil || r.lon == nil) {
            issues.add("area", "give the area, or the latitude and longitude, of where it happened")
        }
        if (r.lat == nil) != (r.lon == nil) { issues.add(r.lat == nil ? "lat" : "lon", "give both latitude and longitude, or neither") }
        GeoPoint.check(lat: r.lat, lon: r.lon, into: &issues)
        for (field, v) in [("harm.fatalities", r.harm?.fatalities), ("harm.injured", r.harm?.injured), ("harm.displaced", r.harm?.displaced)] {
            if let v, v < 0 { issues.add(field, "cannot be negative") }
            if let v, v > 10_000_000 { issues.add(field, "is not plausible") }
        }
        if r.sourceKind == .reporter && r.reporter == nil { issues.add("reporter", "name the reporter (their id) when the source is a reporter") }
        for (i, a) in (r.actors ?? []).enumerated() where a.count > 300 { issues.add("actors[\(i)]", "at most 300 characters") }
        try issues.throwIfAny()
    }

    public static func parseDay(_ s: String) -> String? {
        guard s.utf8.count == 10, let (y, m, d) = CivilDate.fields(s), d <= daysIn(m, y) else { return nil }
        return s
    }

    static func daysIn(_ m: Int, _ y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func isTime(_ t: String) -> Bool {
        let p = t.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]) else { return false }
        return (0..<24).contains(h) && (0..<60).contains(m) && t.count == 5
    }

    public static func dayAfter(_ day: String) -> String {
        CivilDate.parse(day).map { CivilDate.text($0 + 1) } ?? day  // a DateFormatter per report was 6 % of a submission
    }
}

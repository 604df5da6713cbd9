import Foundation

/// Where an alert is in its life.
public enum AlertState: String, Vocabulary {
    public static let noun = "alert state"
    /// Made by the system when an area crossed a threshold; waiting for an analyst.
    case proposed
    case issued
    case dismissed
    /// Replaced by an Update message.
    case superseded
    case cancelled
}

/// What an analyst writes (or the system proposes): the CAP fields Agora keeps.
public struct AlertDraft: Codable, Sendable, Equatable {
    /// The body that issues it; defaults to the analyst's body.
    public var body: String?
    public var classification: Classification?
    public var status: CAPStatus?
    public var categories: [CAPCategory]?
    public var event: String?
    public var responseTypes: [CAPResponseType]?
    public var urgency: CAPUrgency?
    public var severity: CAPSeverity?
    public var certainty: CAPCertainty?
    public var headline: String?
    public var description: String?
    public var instruction: String?
    /// Area codes (P-codes); the first is the main area.
    public var areas: [String]?
    public var areaDesc: String?
    public var effective: String?
    public var expires: String?
    public var language: String?
    public var indicators: [String]?
    public var incidents: [String]?

    public init(
        body: String? = nil, classification: Classification? = nil, status: CAPStatus? = nil, categories: [CAPCategory]? = nil,
        event: String? = nil, responseTypes: [CAPResponseType]? = nil, urgency: CAPUrgency? = nil, severity: CAPSeverity? = nil,
        certainty: CAPCertainty? = nil, headline: String? = nil, description: String? = nil, instruction: String? = nil,
        areas: [String]? = nil, areaDesc: String? = nil, effective: String? = nil, expires: String? = nil, language: String? = nil,
        indicators: [String]? = nil, incidents: [String]? = nil
    ) {
        self.body = body
        self.classification = classification
        self.status = status
        self.categories = categories
        self.event = event
        self.responseTypes = responseTypes
        self.urgency = urgency
        self.severity = severity
        self.certainty = certainty
        self.headline = headline
        self.description = description
        self.instruction = instruction
        self.areas = areas
        self.areaDesc = areaDesc
        self.effective = effective
        self.expires = expires
        self.language = language
        self.indicators = indicators
        self.incidents = incidents
    }

    /// Fields given in `edit` replace these; the rest stay.
    public func merged(with edit: AlertDraft) -> AlertDraft {
        var m = self
        m.body = edit.body ?? body
        m.classification = edit.classification ?? classification
        m.status = edit.status ?? status
        m.categories = edit.categories ?? categories
        m.event = edit.event ?? event
        m.responseTypes = edit.responseTypes ?? responseTypes
        m.urgency = edit.urgency ?? urgency
        m.severity = edit.severity ?? severity
        m.certainty = edit.certainty ?? certainty
        m.headline = edit.headline ?? headline
        m.description = edit.description ?? description
        m.instruction = edit.instruction ?? instruction
        m.areas = edit.areas ?? areas
        m.areaDesc = edit.areaDesc ?? areaDesc
        m.effective = edit.effective ?? effective
        m.expires = edit.expires ?? expires
        m.language = edit.language ?? language
        m.indicators = edit.indicators ?? indicators
        m.incidents = edit.incidents ?? incidents
        return m
    }
}

public enum AlertRules {
    public struct Context {
        public var areaExists: (String) -> Bool
        public var indicators: Set<String>
        /// When the alert is sent, as a timestamp `YYYY-MM-DDTHH:MM:SS…`.
        public var sent: String
        public init(areaExists: @escaping (String) -> Bool, indicators: Set<String>, sent: String) {
            self.areaExists = areaExists
            self.indicators = indicators
            self.sent = sent
        }
    }

    /// Every problem at once, each naming its field. An issued alert needs all of CAP's required fields.
    public static func check(_ d: AlertDraft, _ c: Context) throws {
        var issues = IssueCollector()
        let areas = d.areas ?? []
        if areas.isEmpty { issues.add("areas", "an alert needs at least one area (a P-code)") }
        for (i, a) in areas.enumerated() where !c.areaExists(a) { issues.add("areas[\(i)]", "unknown area code '\(a)'") }
        if (d.event ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            issues.add("event", "say what the alert is about, e.g. 'Inter-communal violence'")
        }
        if (d.headline ?? "").trimmingCharacters(in: .whitespaces).isEmpty { issues.add("headline", "is required") }
        if (d.headline ?? "").count > 160 { issues.add("headline", "keep it under 160 characters: it goes out by SMS") }
        if d.urgency == nil { issues.add("urgency", "is required: \(CAPUrgency.allCases.map(\.rawValue).joined(separator: ", "))") }
        if d.severity == nil { issues.add("severity", "is required: \(CAPSeverity.allCases.map(\.rawValue).joined(separator: ", "))") }
        if d.certainty == nil { issues.add("certainty", "is required: \(CAPCertainty.allCases.map(\.rawValue).joined(separator: ", "))") }
        if d.categories?.isEmpty == true { issues.add("categories", "name at least one category, e.g. Security") }
        for (i, code) in (d.indicators ?? []).enumerated() where !c.indicators.contains(code) {
            issues.add("indicators[\(i)]", "'\(code)' is not an indicator of the active framework")
        }
        func time(_ field: String, _ v: String?) -> String? {
            guard let v else { return nil }
            guard isTimestamp(v) else {
                issues.add(field, "'\(v)' is not a date-time; use YYYY-MM-DDTHH:MM:SSZ")
                return nil
            }
            return normalised(v)
        }
        let effective = time("effective", d.effective)
        if let e = time("expires", d.expires) {
            if e <= normalised(c.sent) { issues.add("expires", "is before the alert is sent (\(c.sent))") }
            if let eff = effective, e <= eff { issues.add("expires", "is before the alert takes effect (\(eff))") }
        }
        if let l = d.language, l.range(of: "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", options: .regularExpression) == nil {
            issues.add("language", "'\(l)' is not a language tag such as en, fr or en-GB")
        }
        try issues.throwIfAny()
    }

    public static func isTimestamp(_ s: String) -> Bool {
        s.range(of: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$", options: .regularExpression) != nil
            && CivilDate.parse(s) != nil
    }

    /// The instant as sortable UTC text, so times with different offsets compare correctly.
    public static func normalised(_ s: String) -> String {
        guard let d = date(s) else { return s }
        return CAPMessage.time(d)
    }

    public static func date(_ s: String) -> Date? {
        guard let day = CivilDate.parse(s) else { return nil }
        let t = s.dropFirst(11)
        let parts = t.prefix(8).split(separator: ":").compactMap { Int($0.prefix(2)) }
        guard parts.count >= 2 else { return nil }
        var secs = Double(day * 86400 + parts[0] * 3600 + parts[1] * 60 + (parts.count > 2 ? parts[2] : 0))
        // An offset `+hh:mm` / `-hh:mm` at the end (read by hand: a regular expression per date was a twentieth of a
        // page listing dates).
        let z = Array(t.utf8.suffix(6))
        func digit(_ i: Int) -> Double? { z[i] >= 0x30 && z[i] <= 0x39 ? Double(z[i] - 0x30) : nil }
        if z.count == 6, z[0] == UInt8(ascii: "+") || z[0] == UInt8(ascii: "-"), z[3] == UInt8(ascii: ":"), let h1 = digit(1), let h2 = digit(2),
            let m1 = digit(4), let m2 = digit(5)
        {
            let sign: Double = z[0] == UInt8(ascii: "-") ? -1 : 1
            secs -= sign * ((h1 * 10 + h2) * 3600 + (m1 * 10 + m2) * 60)
        }
        return Date(timeIntervalSince1970: secs)
    }

    /// The proposal the system makes when an area's score crosses the installation's threshold.
    public static func proposal(for s: RiskScore, areaName: String, drivers: [RiskDriver], indicatorNames: [String: String]) -> AlertDraft {
        let severity: CAPSeverity = s.level == .critical ? .Extreme : s.level == .high ? .Severe : .Moderate
        let named = drivers.filter { $0.kind == .indicator && $0.contribution > 0 }.prefix(3).map { indicatorNames[$0.code] ?? $0.code }
        var lines = [
            "Risk in \(areaName) is \(s.level.rawValue) for \(s.period): score \(s.score) (pressure \(fmt(s.pressure)), usual \(fmt(s.baseline)), spill-over from neighbours \(fmt(s.spillover)))."
        ]
        lines.append("\(s.incidents) verified incident(s), \(s.fatalities) death(s) this period.")
        if !named.isEmpty { lines.append("Main signs: " + named.joined(separator: "; ") + ".") }
        let spill = drivers.filter { $0.kind == .neighbour }.map(\.code)
        if !spill.isEmpty { lines.append("Rising in neighbouring areas: " + spill.joined(separator: ", ") + ".") }
        return AlertDraft(
            classification: .restricted, status: .Actual, categories: [.Security], event: "Risk of violent conflict",
            responseTypes: [.Monitor, .Prepare], urgency: s.level == .critical ? .Immediate : .Expected, severity: severity,
            certainty: .Likely, headline: "\(s.level.rawValue.capitalized) risk of violence in \(areaName)",
            description: lines.joined(separator: " "), areas: [s.area], areaDesc: areaName,
            indicators: drivers.filter { $0.kind == .indicator && $0.contribution > 0 }.map(\.code),
            incidents: drivers.filter { $0.kind == .incident }.map(\.code))
    }

    /// A proposal from a forecast: the chance of deadly violence in an area for a coming week or month.
    public static func forecastProposal(
        area: String, areaName: String, period: String, chance: Double, deaths: Double, low: Int, high: Int, drivers: [String]
    ) -> AlertDraft {
        let percent = Int((chance * 100).rounded())
        var lines = [
            "The forecast gives a \(percent) % chance of at least one deadly event in \(areaName) in \(period): "
                + "expected deaths \(fmt(deaths)) (8 in 10 chances between \(low) and \(high))."
        ]
        if !drivers.isEmpty { lines.append("What weighs most: " + drivers.joined(separator: "; ") + ".") }
        return AlertDraft(
            classification: .restricted, status: .Actual, categories: [.Security], event: "Risk of violent conflict",
            responseTypes: [.Monitor, .Prepare], urgency: .Expected, severity: chance >= 0.6 ? .Severe : .Moderate,
            certainty: chance >= 0.5 ? .Likely : .Possible, headline: "Deadly violence forecast in \(areaName) (\(percent) %)",
            description: lines.joined(separator: " "), areas: [area], areaDesc: areaName)
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}

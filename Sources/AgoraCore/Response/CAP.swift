import Foundation

// The Common Alerting Protocol 1.2 (OASIS) vocabularies, spelled as the standard spells them.
public enum CAPStatus: String, Vocabulary {
    public static let noun = "CAP status"
    case Actual, Exercise, System, Test, Draft
}
public enum CAPMsgType: String, Vocabulary {
    public static let noun = "CAP message type"
    case Alert, Update, Cancel
}
public enum CAPScope: String, Vocabulary {
    public static let noun = "CAP scope"
    case Public, Restricted, Private
}
public enum CAPCategory: String, Vocabulary {
    public static let noun = "CAP category"
    case Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other
}
public enum CAPResponseType: String, Vocabulary {
    public static let noun = "CAP response type"
    case Shelter, Evacuate, Prepare, Execute, Avoid, Monitor, Assess, AllClear, None
}
public enum CAPUrgency: String, Vocabulary {
    public static let noun = "CAP urgency"
    case Immediate, Expected, Future, Past, Unknown
}
public enum CAPSeverity: String, Vocabulary, Comparable {
    public static let noun = "CAP severity"
    case Extreme, Severe, Moderate, Minor, Unknown
    /// Extreme is the greatest.
    public static func < (a: CAPSeverity, b: CAPSeverity) -> Bool { allCases.firstIndex(of: a)! > allCases.firstIndex(of: b)! }
}
public enum CAPCertainty: String, Vocabulary {
    public static let noun = "CAP certainty"
    case Observed, Likely, Possible, Unlikely, Unknown
}

/// One CAP 1.2 message with one `info` block, ready to write as XML.
public struct CAPMessage: Sendable, Equatable {
    public struct Area: Sendable, Equatable {
        public var areaDesc: String
        /// Closed rings of at least four points.
        public var polygons: [[GeoPoint]] = []
        public var geocodes: [(name: String, value: String)] = []
        public init(areaDesc: String, polygons: [[GeoPoint]] = [], geocodes: [(name: String, value: String)] = []) {
            self.areaDesc = areaDesc
            self.polygons = polygons
            self.geocodes = geocodes
        }
        public static func == (a: Area, b: Area) -> Bool {
            a.areaDesc == b.areaDesc && a.polygons == b.polygons
                && a.geocodes.map { "\($0.name)=\($0.value)" } == b.geocodes.map { "\($0.name)=\($0.value)" }
        }
    }

    public var identifier: String
    public var sender: String
    /// A `Date`, written as CAP wants it: with an explicit offset, never `Z`.
    public var sent: Date
    public var status: CAPStatus
    public var msgType: CAPMsgType
    public var scope: CAPScope
    public var restriction: String?
    public var addresses: [String] = []
    public var note: String?
    /// Earlier messages this one updates or cancels: (sender, identifier, sent).
    public var references: [(sender: String, identifier: String, sent: Date)] = []
    public var language: String = "en-GB"
    public var categories: [CAPCategory]
    public var event: String
    public var responseTypes: [CAPResponseType] = []
    public var urgency: CAPUrgency
    public var severity: CAPSeverity
    public var certainty: CAPCertainty
    public var effective: Date?
    public var expires: Date?
    public var senderName: String?
    public var headline: String?
    public var description: String?
    public var instruction: String?
    public var web: String?
    public var parameters: [(name: String, value: String)] = []
    public var areas: [Area]

    public init(
        identifier: String, sender: String, sent: Date, status: CAPStatus, msgType: CAPMsgType, scope: CAPScope,
        categories: [CAPCategory], event: String, urgency: CAPUrgency, severity: CAPSeverity, certainty: CAPCertainty, areas: [Area]
    ) {
        self.identifier = identifier
        self.sender = sender
        self.sent = sent
        self.status = status
        self.msgType = msgType
        self.scope = scope
        self.categories = categories
        self.event = event
        self.urgency = urgency
        self.severity = severity
        self.certainty = certainty
        self.areas = areas
    }

    public static func == (a: CAPMessage, b: CAPMessage) -> Bool { a.xml() == b.xml() }

    /// CAP date-time: `2026-11-29T15:02:36+00:00` (the schema's pattern forbids `Z` and fractions).
    public static func time(_ d: Date) -> String {
        let day = Int((d.timeIntervalSince1970 / 86400).rounded(.down))
        let secs = Int(d.timeIntervalSince1970.rounded(.down)) - day * 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return CivilDate.text(day) + "T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))+00:00"
    }

    public func xml() -> String {
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"
        func el(_ name: String, _ value: String?, indent: String = "  ") {
            guard let v = value, !v.isEmpty else { return }
            x += "\(indent)<\(name)>\(Self.escape(v))</\(name)>\n"
        }
        el("identifier", identifier)
        el("sender", sender)
        el("sent", Self.time(sent))
        el("status", status.rawValue)
        el("msgType", msgType.rawValue)
        el("scope", scope.rawValue)
        el("restriction", restriction)
        if !addresses.isEmpty { el("addresses", addresses.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")) }
        el("note", note)
        if !references.isEmpty { el("references", references.map { "\($0.sender),\($0.identifier),\(Self.time($0.sent))" }.joined(separator: " ")) }
        x += "  <info>\n"
        let i = "    "
        el("language", language, indent: i)
        for c in categories { el("category", c.rawValue, indent: i) }
        el("event", event, indent: i)
        for r in responseTypes { el("responseType", r.rawValue, indent: i) }
        el("urgency", urgency.rawValue, indent: i)
        el("severity", severity.rawValue, indent: i)
        el("certainty", certainty.rawValue, indent: i)
        el("effective", effective.map(Self.time), indent: i)
        el("expires", expires.map(Self.time), indent: i)
        el("senderName", senderName, indent: i)
        el("headline", headline, indent: i)
        el("description", description, indent: i)
        el("instruction", instruction, indent: i)
        el("web", web, indent: i)
        for p in parameters {
            x += "\(i)<parameter>\n"
            el("valueName", p.name, indent: i + "  ")
            el("value", p.value, indent: i + "  ")
            x += "\(i)</parameter>\n"
        }
        for a in areas {
            x += "\(i)<area>\n"
            el("areaDesc", a.areaDesc, indent: i + "  ")
            for ring in a.polygons {
                el("polygon", ring.map { "\(Self.coord($0.lat)),\(Self.coord($0.lon))" }.joined(separator: " "), indent: i + "  ")
            }
            for g in a.geocodes {
                x += "\(i)  <geocode>\n"
                el("valueName", g.name, indent: i + "    ")
                el("value", g.value, indent: i + "    ")
                x += "\(i)  </geocode>\n"
            }
            x += "\(i)</area>\n"
        }
        x += "  </info>\n</alert>\n"
        return x
    }

    static func coord(_ v: Double) -> String { String(format: "%.4f", v) }

    public static func escape(_ s: String) -> String { Markup.escape(s) }

    /// A CAP polygon from an area's shape: the outer ring of its largest part, thinned to at most
    /// `maxPoints` vertices (aggregators reject huge polygons), closed, counter-clockwise not required.
    public static func polygon(_ g: AreaGeometry, maxPoints: Int = 100) -> [GeoPoint]? {
        let rings = g.polygons.compactMap(\.rings.first).filter { $0.count >= 3 }
        guard var ring = rings.max(by: { (BoundingBox(points: $0)?.area ?? 0) < (BoundingBox(points: $1)?.area ?? 0) }) else { return nil }
        if ring.first == ring.last { ring.removeLast() }
        if ring.count > maxPoints - 1 {
            let step = Double(ring.count) / Double(maxPoints - 1)
            ring = (0..<(maxPoints - 1)).map { ring[Int(Double($0) * step)] }
        }
        guard ring.count >= 3 else { return nil }
        return ring + [ring[0]]
    }
}

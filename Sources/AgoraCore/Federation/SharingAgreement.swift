import Foundation

/// What a data-sharing agreement may carry from one installation to another.
public enum SharedRecordType: String, Vocabulary {
    public static let noun = "shared record type"
    case incident
    case alert
    case `case`
    case riskAggregate = "risk-aggregate"
    case agreementImplementation = "agreement-implementation"
    case weaponLostOrStolen = "weapon-lost-or-stolen"
    case ddrAggregate = "ddr-aggregate"

    /// Counts, not records: the only types an `aggregate` agreement carries.
    public var isAggregate: Bool { self == .riskAggregate || self == .ddrAggregate }

    /// What comes to a national installation on its country's subjects: answers to the cases it elevated, regional
    /// alerts for its areas, lost-or-stolen weapons relayed from other countries. Its own incidents, risk figures and the
    /// rest go out on the same subjects; reading them back would double its link's traffic for nothing.
    public static let comingBack: [SharedRecordType] = [.case, .alert, .weaponLostOrStolen]
}

/// How much of a record leaves: counts only, records without the people in them, or whole records.
public enum Granularity: String, Vocabulary, Comparable {
    public static let noun = "granularity"
    case aggregate
    case pseudonymised
    case record

    public static func < (a: Granularity, b: Granularity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How precisely a shared record's date is told.
public enum DatePrecision: String, Vocabulary {
    public static let noun = "date precision"
    case day
    case week
    case month

    /// `2026-11-19` → itself, the Monday of its ISO week, or `2026-11`.
    public func coarsen(_ day: String) -> String {
        switch self {
        case .day: return day
        case .month: return String(day.prefix(7))
        case .week:
            guard let d = Self.calendar.date(from: Self.parts(day)) else { return String(day.prefix(7)) }
            let weekday = Self.calendar.component(.weekday, from: d)  // 1 = Sunday
            let monday = Self.calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: d)!
            let c = Self.calendar.dateComponents([.year, .month, .day], from: monday)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
    }

    /// `day` plus `n` days (YYYY-MM-DD, UTC).
    public static func adding(_ n: Int, to day: String) -> String {
        guard let d = calendar.date(from: parts(day)), let later = calendar.date(byAdding: .day, value: n, to: d) else { return day }
        let c = calendar.dateComponents([.year, .month, .day], from: later)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func parts(_ day: String) -> DateComponents {
        let p = day.split(separator: "-").compactMap { Int($0) }
        return DateComponents(year: p.first, month: p.count > 1 ? p[1] : 1, day: p.count > 2 ? p[2] : 1)
    }
}

public enum AgreementState: String, Vocabulary {
    public static let noun = "agreement state"
    case draft
    case signed
    case active
    case suspended
    case terminated
}

/// A data-sharing agreement between two installations: the origin shares with the recipient (a regional hub, or a
/// neighbour), for a purpose, within a scope, at a granularity, for a time. Nothing leaves outside an active one.
public struct SharingAgreement: Sendable, Codable, Equatable {
    public var id: String
    public var origin: String
    public var recipient: String
    public var purpose: String
    public var types: [SharedRecordType]
    /// The highest classification that may leave (`confidential` never may: it goes by name, not by installation).
    public var maxClassification: Classification
    /// Area codes the records must lie in (a record's area or one above it); empty: the origin's whole territory.
    public var areas: [String]
    public var granularity: Granularity
    public var place: LocationPrecision
    public var dates: DatePrecision
    /// How long the recipient keeps what it received after the agreement ends.
    public var retentionDays: Int
    public var validFrom: String
    public var validUntil: String?
    public var state: AgreementState
    public var signedByOrigin: String?
    public var signedByRecipient: String?
    public var endedOn: String?

    public init(
        id: String, origin: String, recipient: String, purpose: String, types: [SharedRecordType], maxClassification: Classification,
        areas: [String] = [], granularity: Granularity, place: LocationPrecision = .admin1, dates: DatePrecision = .day,
        retentionDays: Int = 365, validFrom: String, validUntil: String? = nil, state: AgreementState = .draft
    ) {
        self.id = id
        self.origin = origin
        self.recipient = recipient
        self.purpose = purpose
        self.types = types
        self.maxClassification = maxClassification
        self.areas = areas
        self.granularity = granularity
        self.place = place
        self.dates = dates
        self.retentionDays = retentionDays
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.state = state
    }

    /// Whether records may flow under it on `day` (YYYY-MM-DD).
    public func inForce(on day: String) -> Bool {
        state == .active && validFrom <= day && (validUntil.map { day <= $0 } ?? true)
    }

    /// The checks a draft must pass; every problem named by field.
    public func validate() throws {
        var c = IssueCollector()
        for (field, v) in [("origin", origin), ("recipient", recipient)] where !Self.isInstallationID(v) {
            c.add(field, "an installation id: letters, digits and hyphens, at most 64")
        }
        if let bad = areas.first(where: { !Self.isAreaCode($0) }) { c.add("areas", "'\(bad.prefix(40))' is not an area code") }
        if origin == recipient && !origin.isEmpty { c.add("recipient", "must be another installation than the origin") }
        if purpose.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { c.add("purpose", "is required") }
        if types.isEmpty { c.add("types", "name at least one record type") }
        if maxClassification == .confidential { c.add("maxClassification", "confidential records are shared by name, never by agreement") }
        if granularity == .aggregate, let t = types.first(where: { !$0.isAggregate }) {
            c.add("types", "an aggregate agreement carries counts only; '\(t.rawValue)' is a record type")
        }
        if !(1...3650).contains(retentionDays) { c.add("retentionDays", "must be between 1 and 3650") }
        if !Self.isDay(validFrom) { c.add("validFrom", "must be a date (YYYY-MM-DD)") }
        if let u = validUntil, !Self.isDay(u) || u < validFrom { c.add("validUntil", "must be a date on or after validFrom") }
        try c.throwIfAny()
    }

    public static func isInstallationID(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 64 && s.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") && $0.isASCII }
    }

    static func isAreaCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 32 && s.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") && $0.isASCII }
    }

    static func isDay(_ s: String) -> Bool {
        s.count == 10 && s.split(separator: "-").map(\.count) == [4, 2, 2] && s.allSatisfy { $0.isNumber || $0 == "-" }
    }
}

/// What a party does to an agreement. Signing is by each side in turn; it becomes active when both have signed and
/// either side activates it; either side may suspend, resume or terminate it; a terminated agreement stays ended.
public enum AgreementAction: String, Vocabulary {
    public static let noun = "agreement action"
    case sign
    case activate
    case suspend
    case resume
    case terminate
}

public enum SharingRules {
    /// The agreement after `installation` (one of its parties) does `action` on `day`.
    public static func apply(_ action: AgreementAction, by installation: String, to a: SharingAgreement, on day: String) throws -> SharingAgreement {
        guard installation == a.origin || installation == a.recipient else {
            throw ValidationFailure(field: "installation", "'\(installation)' is not a party to this agreement")
        }
        var next = a
        func refuse() -> ValidationFailure {
            ValidationFailure(field: "action", "cannot \(action.rawValue) an agreement that is \(a.state.rawValue)")
        }
        switch (action, a.state) {
        case (.sign, .draft):
            if installation == a.origin {
                next.signedByOrigin = next.signedByOrigin ?? day
            } else {
                next.signedByRecipient = next.signedByRecipient ?? day
            }
            if next.signedByOrigin != nil && next.signedByRecipient != nil { next.state = .signed }
        case (.activate, .signed):
            guard day >= a.validFrom else { throw ValidationFailure(field: "action", "the agreement is valid from \(a.validFrom)") }
            next.state = .active
        case (.suspend, .active): next.state = .suspended
        case (.resume, .suspended): next.state = .active
        case (.terminate, .draft), (.terminate, .signed), (.terminate, .active), (.terminate, .suspended):
            next.state = .terminated
            next.endedOn = day
        default: throw refuse()
        }
        return next
    }
}

import Foundation

/// What an accredited organisation's people may do with the accrediting body (and the bodies below it).
public enum AccreditationPermission: String, Vocabulary {
    public static let noun = "permission"
    case fileReports = "file-reports"
    case joinForums = "join-forums"
    case submit
    case restrictedAlerts = "restricted-alerts"
    case nominate
}

/// A category of a body's accreditation (ECOSOC's general, special, roster): the checklist an applicant must meet,
/// what it allows, and how long it lasts.
public struct AccreditationCategory: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var criteria: [String]
    public var permissions: [AccreditationPermission]
    public var termYears: Int
    public init(code: String, name: String, criteria: [String], permissions: [AccreditationPermission], termYears: Int = 4) {
        self.code = code
        self.name = name
        self.criteria = criteria
        self.permissions = permissions
        self.termYears = termYears
    }
}

/// A duty of an accredited organisation: the annual update, the quadrennial report.
public struct ObligationRule: Codable, Sendable, Equatable {
    public var kind: String
    public var everyMonths: Int
    public init(kind: String, everyMonths: Int) {
        self.kind = kind
        self.everyMonths = everyMonths
    }
}

public struct AccreditationScheme: Codable, Sendable, Equatable {
    public var body: String
    public var name: String
    public var categories: [AccreditationCategory]
    public var obligations: [ObligationRule]
    /// Days a refused applicant waits before applying again.
    public var reapplyAfterDays: Int
    /// Days after an obligation falls due before the accreditation is suspended automatically.
    public var graceDays: Int
    /// The shortest right of reply before a suspension.
    public var hearingDays: Int

    public init(
        body: String, name: String, categories: [AccreditationCategory], obligations: [ObligationRule] = [], reapplyAfterDays: Int = 365,
        graceDays: Int = 30, hearingDays: Int = 14
    ) {
        self.body = body
        self.name = name
        self.categories = categories
        self.obligations = obligations
        self.reapplyAfterDays = reapplyAfterDays
        self.graceDays = graceDays
        self.hearingDays = hearingDays
    }

    public func category(_ code: String) -> AccreditationCategory? { categories.first { $0.code == code } }

    public func validate() throws {
        var issues = IssueCollector()
        if MediationRules.blank(name) { issues.add("name", "is empty") }
        if categories.isEmpty { issues.add("categories", "at least one category") }
        var codes = Set<String>()
        for (i, c) in categories.enumerated() {
            if c.code.range(of: #"^[a-z][a-z0-9-]{0,31}$"#, options: .regularExpression) == nil {
                issues.add("categories[\(i)].code", "lower-case letters, digits and dashes (general, special, roster)")
            }
            if !codes.insert(c.code).inserted { issues.add("categories[\(i)].code", "'\(c.code)' is named twice") }
            if MediationRules.blank(c.name) { issues.add("categories[\(i)].name", "is empty") }
            if c.criteria.isEmpty || c.criteria.contains(where: MediationRules.blank) {
                issues.add("categories[\(i)].criteria", "write each criterion")
            }
            if !(1...10).contains(c.termYears) { issues.add("categories[\(i)].termYears", "1 to 10 years") }
        }
        for (i, o) in obligations.enumerated() {
            if MediationRules.blank(o.kind) { issues.add("obligations[\(i)].kind", "say what is due (annual-update, quadrennial-report)") }
            if !(1...120).contains(o.everyMonths) { issues.add("obligations[\(i)].everyMonths", "1 to 120 months") }
        }
        if !(0...3650).contains(reapplyAfterDays) { issues.add("reapplyAfterDays", "0 to 3650 days") }
        if !(0...365).contains(graceDays) { issues.add("graceDays", "0 to 365 days") }
        if !(1...120).contains(hearingDays) { issues.add("hearingDays", "1 to 120 days: an organisation is heard before it is suspended") }
        try issues.throwIfAny()
    }
}

/// An application's way through the body: ECOSOC's NGO committee and council, in one machine.
public enum ApplicationState: String, Vocabulary {
    public static let noun = "application state"
    case draft, submitted
    case completenessCheck = "completeness-check"
    case underReview = "under-review"
    /// Questions to the applicant: the clock stops until they answer.
    case questions
    case deferred, recommended, granted, refused, withdrawn

    public var next: [ApplicationState] {
        switch self {
        case .draft: [.submitted, .withdrawn]
        case .submitted: [.completenessCheck, .withdrawn]
        case .completenessCheck: [.underReview, .questions, .withdrawn]
        case .underReview: [.questions, .deferred, .recommended, .refused, .withdrawn]
        case .questions: [.underReview, .withdrawn]
        case .deferred: [.underReview, .withdrawn]
        case .recommended: [.granted, .refused, .deferred]
        case .granted, .refused, .withdrawn: []
        }
    }

    /// Steps the applicant takes; the rest are the body's.
    public var byApplicant: Bool { [.submitted, .withdrawn].contains(self) }
    public var open: Bool { !next.isEmpty }
}

public enum Verdict: String, Vocabulary {
    public static let noun = "verdict"
    case met
    case notMet = "not-met"
    case unclear
}

public struct CriterionAssessment: Codable, Sendable, Equatable {
    public var criterion: String
    public var evidence: String?
    public var verdict: Verdict
    public init(criterion: String, evidence: String? = nil, verdict: Verdict) {
        self.criterion = criterion
        self.evidence = evidence
        self.verdict = verdict
    }
}

/// A decision of the deciding organ: at which session, by vote or consensus, and why.
public struct AccreditationDecision: Codable, Sendable, Equatable {
    public var organ: String
    public var session: String
    public var consensus: Bool
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var abstentions: Int?
    public var reasons: String
    public init(
        organ: String, session: String, consensus: Bool, votesFor: Int? = nil, votesAgainst: Int? = nil, abstentions: Int? = nil, reasons: String
    ) {
        self.organ = organ
        self.session = session
        self.consensus = consensus
        self.votesFor = votesFor
        self.votesAgainst = votesAgainst
        self.abstentions = abstentions
        self.reasons = reasons
    }

    public func validate(field: String = "decision") throws {
        var issues = IssueCollector()
        if MediationRules.blank(organ) { issues.add(field + ".organ", "name the organ that decided") }
        if MediationRules.blank(session) { issues.add(field + ".session", "name the session") }
        if MediationRules.blank(reasons) { issues.add(field + ".reasons", "a decision gives its reasons") }
        if !consensus && (votesFor == nil || votesAgainst == nil) {
            issues.add(field + ".votesFor", "a vote records the votes for and against, or say consensus")
        }
        if [votesFor, votesAgainst, abstentions].contains(where: { ($0 ?? 0) < 0 }) { issues.add(field + ".votesFor", "votes are 0 or more") }
        try issues.throwIfAny()
    }
}

public enum ApplicationRules {
    /// Checks a step of an application before it is taken: the decision the step needs, the category and its
    /// checklist for a recommendation or grant, the session a deferral goes to.
    public static func check(
        from: ApplicationState, to: ApplicationState, scheme: AccreditationScheme, category: String?, assessments: [CriterionAssessment],
        decision: AccreditationDecision?, deferredTo: String?, note: String?
    ) throws {
        var issues = IssueCollector()
        if !from.next.contains(to) { issues.add("to", "an application \(from.rawValue) cannot become \(to.rawValue)") }
        if [.deferred, .recommended, .granted, .refused].contains(to) {
            if let d = decision {
                do { try d.validate() } catch let f as ValidationFailure { for i in f.issues { issues.add(i.field, i.message) } }
            } else {
                issues.add("decision", "a \(to.rawValue) decision records the organ, the session, the vote and the reasons")
            }
        }
        if to == .deferred, MediationRules.blank(deferredTo ?? "") { issues.add("deferredTo", "say to which session it is deferred") }
        if to == .questions, MediationRules.blank(note ?? "") { issues.add("note", "write the questions to the applicant") }
        if [.recommended, .granted].contains(to) {
            if let code = category, let c = scheme.category(code) {
                for criterion in c.criteria where assessments.first(where: { $0.criterion == criterion })?.verdict != .met {
                    issues.add("assessments", "'\(criterion)' is not assessed as met")
                }
            } else {
                issues.add("category", "name one of \(scheme.categories.map(\.code).joined(separator: ", "))")
            }
        }
        try issues.throwIfAny()
    }

    /// A refused applicant may apply again after the scheme's waiting period (`today` and `refusedOn` as day numbers).
    public static func mayReapply(refusedOn: Int?, today: Int, scheme: AccreditationScheme) -> Int? {
        guard let r = refusedOn, today < r + scheme.reapplyAfterDays else { return nil }
        return r + scheme.reapplyAfterDays
    }
}

/// An accreditation after the grant.
public enum AccreditationStatus: String, Vocabulary {
    public static let noun = "accreditation status"
    case active
    /// The term ends within 90 days: the organisation applies to renew.
    case renewalDue = "renewal-due"
    /// A suspension is proposed; the organisation has a right of reply until a day.
    case hearing
    case suspended, expired, withdrawn

    /// Whether the category's permissions hold: at once lost on suspension, expiry or withdrawal.
    public var permits: Bool { [.active, .renewalDue, .hearing].contains(self) }
}

public struct Obligation: Codable, Sendable, Equatable {
    public var kind: String
    public var everyMonths: Int
    public var dueOn: String
    /// Reminders already sent for this due date (60, 30, 7 days before).
    public var reminded: [Int]
    public init(kind: String, everyMonths: Int, dueOn: String, reminded: [Int] = []) {
        self.kind = kind
        self.everyMonths = everyMonths
        self.dueOn = dueOn
        self.reminded = reminded
    }
}

public enum AccreditationRules {
    public static let reminderDays = [60, 30, 7]
    public static let renewalWindowDays = 90

    /// The day `months` after `day` (clamped to the month's end).
    public static func adding(months: Int, to day: String) -> String {
        guard let (y, m, d) = CivilDate.fields(day) else { return day }
        let total = y * 12 + (m - 1) + months
        let ny = total / 12
        let nm = total % 12 + 1
        let first = CivilDate.day(year: ny, month: nm, day: 1)
        let next = nm == 12 ? CivilDate.day(year: ny + 1, month: 1, day: 1) : CivilDate.day(year: ny, month: nm + 1, day: 1)
        return CivilDate.text(first + min(d, next - first) - 1)
    }

    /// What the daily sweep does to one accreditation on `today`.
    public enum Action: Equatable, Sendable {
        case remind(obligation: Int, daysBefore: Int)
        case suspendForMissed(obligation: Int)
        case renewalDue
        case expire
        case reinstate
        case suspendAfterHearing
    }

    public static func sweep(
        status: AccreditationStatus, validUntil: String, obligations: [Obligation], graceDays: Int, hearingUntil: String?, suspendedUntil: String?,
        automatic: Bool, today: String
    ) -> [Action] {
        guard let t = CivilDate.parse(today) else { return [] }
        var out: [Action] = []
        switch status {
        case .active, .renewalDue:
            if today > validUntil { return [.expire] }
            for (i, o) in obligations.enumerated() {
                guard let due = CivilDate.parse(o.dueOn) else { continue }
                if t > due + graceDays { return [.suspendForMissed(obligation: i)] }
                // The nearest reminder not yet sent, once its day has come (a missed run sends the next one only).
                if let d = reminderDays.filter({ t >= due - $0 && t <= due }).min(), !o.reminded.contains(d) {
                    out.append(.remind(obligation: i, daysBefore: d))
                }
            }
            if status == .active, let end = CivilDate.parse(validUntil), t >= end - renewalWindowDays { out.append(.renewalDue) }
        case .hearing:
            if let h = hearingUntil, today > h { out.append(.suspendAfterHearing) }
        case .suspended:
            // A suspension for a period ends by itself; one for a missed obligation ends when it is met.
            if !automatic, let u = suspendedUntil, today > u { out.append(.reinstate) }
            if automatic, obligations.allSatisfy({ (CivilDate.parse($0.dueOn) ?? 0) + graceDays >= t }) { out.append(.reinstate) }
        case .expired, .withdrawn: break
        }
        return out
    }
}

import Foundation

/// An alleged breach of a ceasefire or agreement, from allegation to a published finding.
public enum ViolationState: String, Vocabulary {
    public static let noun = "violation state"
    case alleged
    case preliminaryCheck = "preliminary-check"
    case investigation
    case finding
    /// The parties named in the finding answer it before it is published.
    case responses
    case published
    /// Dropped at the preliminary check: nothing to investigate (with the reason on the record).
    case dismissed

    public var next: [ViolationState] {
        switch self {
        case .alleged: [.preliminaryCheck]
        case .preliminaryCheck: [.investigation, .dismissed]
        case .investigation: [.finding]
        case .finding: [.responses, .published]
        case .responses: [.published]
        case .published, .dismissed: []
        }
    }
}

public enum ViolationFinding: String, Vocabulary {
    public static let noun = "finding"
    case substantiated, unsubstantiated, inconclusive
}

public enum AllegationSource: String, Vocabulary {
    public static let noun = "source"
    case monitor, party, `public`, patrol
}

public struct ViolationDraft: Codable, Sendable, Equatable {
    public var agreement: String
    /// The stipulation said to be breached, when the allegation names one.
    public var stipulation: String?
    public var source: AllegationSource
    public var allegedParty: String?
    public var occurredOn: String
    public var area: String
    public var description: String
    public var incidents: [String]
    public init(
        agreement: String, stipulation: String? = nil, source: AllegationSource, allegedParty: String? = nil, occurredOn: String, area: String,
        description: String, incidents: [String] = []
    ) {
        self.agreement = agreement
        self.stipulation = stipulation
        self.source = source
        self.allegedParty = allegedParty
        self.occurredOn = occurredOn
        self.area = area
        self.description = description
        self.incidents = incidents
    }
}

/// A step of the procedure, with what that step records.
public struct ViolationStep: Codable, Sendable, Equatable {
    public var to: ViolationState
    public var note: String
    /// Investigation: the team, the sites visited, how many interviews.
    public var team: [String]?
    public var sites: [String]?
    public var interviews: Int?
    /// Finding: what was found; when substantiated, which party breached which stipulation.
    public var finding: ViolationFinding?
    public var party: String?
    public var stipulation: String?
    /// Responses: a party and what it answered.
    public var respondent: String?
    public init(
        to: ViolationState, note: String, team: [String]? = nil, sites: [String]? = nil, interviews: Int? = nil, finding: ViolationFinding? = nil,
        party: String? = nil, stipulation: String? = nil, respondent: String? = nil
    ) {
        self.to = to
        self.note = note
        self.team = team
        self.sites = sites
        self.interviews = interviews
        self.finding = finding
        self.party = party
        self.stipulation = stipulation
        self.respondent = respondent
    }
}

public enum ViolationRules {
    public static func check(_ v: ViolationDraft, stipulations: Set<String>, today: String) throws {
        var issues = IssueCollector()
        if let s = v.stipulation, !stipulations.contains(s) { issues.add("stipulation", "'\(s)' is not a stipulation of this agreement") }
        if let d = ReportRules.parseDay(v.occurredOn) {
            if d > ReportRules.dayAfter(today) { issues.add("occurredOn", "\(v.occurredOn) is in the future") }
        } else {
            issues.add("occurredOn", "'\(v.occurredOn)' is not a date; use YYYY-MM-DD")
        }
        if MediationRules.blank(v.description) { issues.add("description", "say what happened") }
        try issues.throwIfAny()
    }

    public static func check(step s: ViolationStep, from: ViolationState, stipulations: Set<String>) throws {
        var issues = IssueCollector()
        if !from.next.contains(s.to) {
            let allowed = from.next.map(\.rawValue).joined(separator: ", ")
            issues.add(
                "to", "an allegation at \(from.rawValue) cannot go to \(s.to.rawValue)" + (allowed.isEmpty ? " (it is over)" : "; next: \(allowed)"))
        }
        if MediationRules.blank(s.note) { issues.add("note", "say what was done or decided") }
        switch s.to {
        case .investigation:
            if (s.team ?? []).isEmpty { issues.add("team", "name the investigation team") }
        case .finding:
            if s.finding == nil { issues.add("finding", "substantiated, unsubstantiated or inconclusive") }
            if s.finding == .substantiated {
                if MediationRules.blank(s.party ?? "") { issues.add("party", "a substantiated violation names the party that breached") }
                if let st = s.stipulation, !stipulations.contains(st) { issues.add("stipulation", "'\(st)' is not a stipulation of this agreement") }
                if s.stipulation == nil { issues.add("stipulation", "a substantiated violation names the stipulation breached") }
            }
        case .responses:
            if MediationRules.blank(s.respondent ?? "") { issues.add("respondent", "name the party answering") }
        default: break
        }
        try issues.throwIfAny()
    }
}

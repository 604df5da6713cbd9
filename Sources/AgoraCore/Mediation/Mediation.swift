import Foundation

/// Track of diplomacy: 1 official, 1.5 officials with unofficial actors, 2 unofficial, 3 community.
public enum MediationTrack: String, Vocabulary {
    public static let noun = "track"
    case one = "1"
    case oneAndHalf = "1.5"
    case two = "2"
    case three = "3"
}

public enum MediationMode: String, Vocabulary {
    public static let noun = "mode"
    case mediation, facilitation
    case goodOffices = "good-offices"
    case dialogue
}

/// What someone is to a process. Only `party` must consent; the others join the table on other terms.
public enum PartyRole: String, Vocabulary {
    public static let noun = "party role"
    case party, signatory, guarantor, witness, observer
}

public enum Consent: String, Vocabulary {
    public static let noun = "consent"
    case pending, given, refused
}

/// The life of a mediation. A process can stall (suspended) and resume; it ends in an agreement that is then
/// implemented, or in failure or withdrawal.
public enum MediationState: String, Vocabulary {
    public static let noun = "mediation state"
    case referred
    case consentPending = "consent-pending"
    case preNegotiation = "pre-negotiation"
    case negotiation, agreement, suspended, failed, withdrawn, implementation, closed

    /// Where a case may go from here.
    public var next: [MediationState] {
        switch self {
        case .referred: [.consentPending, .withdrawn, .failed]
        case .consentPending: [.preNegotiation, .suspended, .withdrawn, .failed]
        case .preNegotiation: [.negotiation, .suspended, .withdrawn, .failed]
        case .negotiation: [.agreement, .suspended, .withdrawn, .failed]
        case .suspended: [.consentPending, .preNegotiation, .negotiation, .withdrawn, .failed]
        case .agreement: [.implementation]
        case .implementation: [.closed]
        case .failed, .withdrawn, .closed: []
        }
    }

    public var isOpen: Bool { !next.isEmpty }
}

/// Who sits at the table: an organisation, a group, a body, or a named person (who may have no account).
public struct MediationParty: Codable, Sendable, Equatable {
    public enum Kind: String, Vocabulary {
        public static let noun = "kind of party"
        case organisation, group, body, person
    }
    public var name: String
    public var kind: Kind
    public var role: PartyRole
    /// A body code, an organisation identifier (org-id), or a person's account id; nil for people without one.
    public var ref: String?
    public var consent: Consent
    public init(name: String, kind: Kind, role: PartyRole, ref: String? = nil, consent: Consent = .pending) {
        self.name = name
        self.kind = kind
        self.role = role
        self.ref = ref
        self.consent = consent
    }
}

/// A mediator, a member of the body or from outside, and the conflict-of-interest declaration they signed.
public struct Mediator: Codable, Sendable, Equatable {
    public var name: String
    /// The account id when the mediator has one: it gives them the case and its mediators-only notes.
    public var person: String?
    public var declaration: String
    public var declaredAt: String
    public init(name: String, person: String? = nil, declaration: String, declaredAt: String) {
        self.name = name
        self.person = person
        self.declaration = declaration
        self.declaredAt = declaredAt
    }
}

public struct MediationDraft: Codable, Sendable, Equatable {
    public var title: String
    public var body: String
    public var track: MediationTrack
    public var mode: MediationMode
    public var topic: String
    public var areas: [String]
    public var incidents: [String]
    public var parties: [MediationParty]
    public var mediators: [Mediator]
    public init(
        title: String, body: String, track: MediationTrack, mode: MediationMode, topic: String, areas: [String], incidents: [String] = [],
        parties: [MediationParty], mediators: [Mediator] = []
    ) {
        self.title = title
        self.body = body
        self.track = track
        self.mode = mode
        self.topic = topic
        self.areas = areas
        self.incidents = incidents
        self.parties = parties
        self.mediators = mediators
    }
}

public enum MediationRules {
    public static func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    static func key(_ s: String) -> String { s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Every issue of a new case or of its changed parties and mediators, at once.
    public static func check(_ d: MediationDraft) throws {
        var issues = IssueCollector()
        if blank(d.title) { issues.add("title", "say what the dispute is") }
        if blank(d.topic) { issues.add("topic", "say what the dispute is about") }
        if d.areas.isEmpty { issues.add("areas", "name at least one area the dispute is in") }
        check(parties: d.parties, mediators: d.mediators, into: &issues)
        try issues.throwIfAny()
    }

    public static func check(parties: [MediationParty], mediators: [Mediator], into issues: inout IssueCollector) {
        if !parties.contains(where: { $0.role == .party }) { issues.add("parties", "name at least one party to the dispute") }
        var names = Set<String>()
        for (i, p) in parties.enumerated() {
            if blank(p.name) { issues.add("parties[\(i)].name", "is empty") }
            if !names.insert(key(p.name)).inserted { issues.add("parties[\(i)].name", "'\(p.name)' is named twice") }
            if p.role != .party, p.consent != .pending { issues.add("parties[\(i)].consent", "only a party to the dispute gives consent") }
        }
        let partyRefs = Set(parties.compactMap(\.ref))
        for (i, m) in mediators.enumerated() {
            if blank(m.name) { issues.add("mediators[\(i)].name", "is empty") }
            if names.contains(key(m.name)) || m.person.map(partyRefs.contains) == true {
                issues.add("mediators[\(i)]", "'\(m.name)' is also a party: a mediator cannot sit on a side")
            }
            if blank(m.declaration) { issues.add("mediators[\(i)].declaration", "a mediator signs a conflict-of-interest declaration first") }
            if ReportRules.parseDay(m.declaredAt) == nil { issues.add("mediators[\(i)].declaredAt", "must be a date, YYYY-MM-DD") }
        }
    }

    /// A change of state, with its reason; the conditions a mediator would check before moving on.
    public static func transition(
        from: MediationState, to: MediationState, reason: String, parties: [MediationParty], mediators: [Mediator], agreements: Int
    ) throws {
        var issues = IssueCollector()
        if !from.next.contains(to) {
            let allowed = from.next.map(\.rawValue).joined(separator: ", ")
            issues.add(
                "state", "a case \(from.rawValue) cannot become \(to.rawValue)" + (allowed.isEmpty ? " (it has ended)" : "; it can become \(allowed)")
            )
        }
        if blank(reason) { issues.add("reason", "say why the case moves") }
        if [.preNegotiation, .negotiation].contains(to) {
            let missing = parties.filter { $0.role == .party && $0.consent != .given }.map(\.name)
            if !missing.isEmpty { issues.add("parties", "every party consents before talks: not yet \(missing.joined(separator: ", "))") }
            if mediators.isEmpty { issues.add("mediators", "name a mediator before talks") }
        }
        if to == .agreement, agreements == 0 { issues.add("agreement", "record the agreement first") }
        try issues.throwIfAny()
    }
}

extension Viewer {
    /// Whether the viewer keeps a body's mediation and agreement records: an installation administrator, or anyone
    /// holding a role in the body other than monitor and auditor (who report and check, not negotiate).
    public func keepsRecords(of body: String) -> Bool {
        isInstallationAdmin || roles.contains { $0.body == body && $0.role != .auditor && $0.role != .monitor }
    }
}

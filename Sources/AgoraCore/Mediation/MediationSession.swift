import Foundation

/// Who may read a note or document of a mediation, on top of the case's classification: the narrowest first.
/// A viewer reaches a rank (mediators 3, parties 2, members of the mediating body 1, anyone 0) and reads what
/// is at or below it, so a party reads `parties`, `body` and `public` notes, never `mediators-only` ones.
public enum Visibility: String, Vocabulary, Comparable {
    public static let noun = "visibility"
    case `public`
    case body
    case parties
    case mediatorsOnly = "mediators-only"

    public var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Visibility, b: Visibility) -> Bool { a.rank < b.rank }

    /// The widest visibility a viewer of a case reads, from what they are to it.
    public static func reach(mediator: Bool, party: Bool, bodyMember: Bool) -> Visibility {
        mediator ? .mediatorsOnly : party ? .parties : bodyMember ? .body : .public
    }
}

public enum SessionFormat: String, Vocabulary {
    public static let noun = "session format"
    /// All parties together; one party with the mediators; the mediators carrying messages between parties.
    case joint, caucus, shuttle
}

/// Who came, counted so that inclusion can be measured: per stakeholder category, by sex, and the young among them.
public struct Attendance: Codable, Sendable, Equatable {
    public var category: String
    public var women: Int
    public var men: Int
    /// Of the women and men, those under 35 (the African Youth Charter's bound).
    public var youth: Int
    public init(category: String, women: Int, men: Int, youth: Int) {
        self.category = category
        self.women = women
        self.men = men
        self.youth = youth
    }
}

public struct SessionNote: Codable, Sendable, Equatable {
    public var text: String
    public var visibility: Visibility
    public init(text: String, visibility: Visibility = .mediatorsOnly) {
        self.text = text
        self.visibility = visibility
    }
}

/// A document of the installation (a brief, minutes, a draft text) attached to a session, with who may see that it
/// is there; reading the document itself still needs its own classification.
public struct SessionDocument: Codable, Sendable, Equatable {
    public var document: String
    public var visibility: Visibility
    public init(document: String, visibility: Visibility = .mediatorsOnly) {
        self.document = document
        self.visibility = visibility
    }
}

public struct NextStep: Codable, Sendable, Equatable {
    public var action: String
    public var owner: String
    public var due: String
    public init(action: String, owner: String, due: String) {
        self.action = action
        self.owner = owner
        self.due = due
    }
}

public struct SessionDraft: Codable, Sendable, Equatable {
    public var date: String
    public var area: String
    public var format: SessionFormat
    public var attendance: [Attendance]
    /// Notes (confidential by default: mediators only) and outcomes, each with its own visibility.
    public var notes: [SessionNote]
    public var outcomes: [SessionNote]
    public var documents: [SessionDocument]
    public var nextSteps: [NextStep]
    public init(
        date: String, area: String, format: SessionFormat, attendance: [Attendance] = [], notes: [SessionNote] = [], outcomes: [SessionNote] = [],
        documents: [SessionDocument] = [], nextSteps: [NextStep] = []
    ) {
        self.documents = documents
        self.date = date
        self.area = area
        self.format = format
        self.attendance = attendance
        self.notes = notes
        self.outcomes = outcomes
        self.nextSteps = nextSteps
    }

    /// The session as a viewer of the given reach reads it.
    public func seen(by reach: Visibility) -> SessionDraft {
        var s = self
        s.notes = notes.filter { $0.visibility <= reach }
        s.outcomes = outcomes.filter { $0.visibility <= reach }
        s.documents = documents.filter { $0.visibility <= reach }
        if reach < .body { s.nextSteps = [] }
        return s
    }
}

public struct InclusionSummary: Codable, Sendable, Equatable {
    public var people: Int
    public var women: Int
    public var youth: Int
    public var womenShare: Double?
    public var youthShare: Double?

    public static func of(_ sessions: [[Attendance]]) -> InclusionSummary {
        let all = sessions.flatMap { $0 }
        let w = all.reduce(0) { $0 + $1.women }
        let p = all.reduce(0) { $0 + $1.women + $1.men }
        let y = all.reduce(0) { $0 + $1.youth }
        return InclusionSummary(
            people: p, women: w, youth: y, womenShare: p > 0 ? Double(w) / Double(p) : nil, youthShare: p > 0 ? Double(y) / Double(p) : nil)
    }
}

public enum SessionRules {
    /// `opened` is the case's opening day, `YYYY-MM-DD`; `today` likewise.
    public static func check(_ s: SessionDraft, opened: String, today: String) throws {
        var issues = IssueCollector()
        if let d = ReportRules.parseDay(s.date) {
            if d < opened { issues.add("date", "\(s.date) is before the case was opened (\(opened))") }
            if d > ReportRules.dayAfter(today) { issues.add("date", "\(s.date) is in the future: record a session once it has taken place") }
        } else {
            issues.add("date", "'\(s.date)' is not a date; use YYYY-MM-DD")
        }
        for (i, a) in s.attendance.enumerated() {
            if MediationRules.blank(a.category) { issues.add("attendance[\(i)].category", "say who they were (e.g. elders, youth, women's groups)") }
            if a.women < 0 || a.men < 0 || a.youth < 0 { issues.add("attendance[\(i)]", "counts cannot be negative") }
            if a.youth > a.women + a.men { issues.add("attendance[\(i)].youth", "more young people than people") }
        }
        for (name, list) in [("notes", s.notes), ("outcomes", s.outcomes)] {
            for (i, n) in list.enumerated() where MediationRules.blank(n.text) { issues.add("\(name)[\(i)].text", "is empty") }
        }
        for (i, n) in s.nextSteps.enumerated() {
            if MediationRules.blank(n.action) { issues.add("nextSteps[\(i)].action", "is empty") }
            if MediationRules.blank(n.owner) { issues.add("nextSteps[\(i)].owner", "say who will do it") }
            if ReportRules.parseDay(n.due) == nil { issues.add("nextSteps[\(i)].due", "'\(n.due)' is not a date; use YYYY-MM-DD") }
        }
        try issues.throwIfAny()
    }
}

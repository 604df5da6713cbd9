import Foundation

public enum SubmissionKind: String, Vocabulary {
    public static let noun = "kind of submission"
    case positionPaper = "position-paper"
    case petition, recommendation, grievance
    case forumResolution = "forum-resolution"
}

/// Where a submission stands with the body. `clarification-requested` stops the clock until the submitter answers.
public enum SubmissionState: String, Vocabulary {
    public static let noun = "submission state"
    case received, acknowledged
    case underConsideration = "under-consideration"
    case clarificationRequested = "clarification-requested"
    case answered, transferred

    public var next: [SubmissionState] {
        switch self {
        case .received: [.acknowledged, .transferred, .clarificationRequested]
        case .acknowledged: [.underConsideration, .clarificationRequested, .transferred, .answered]
        case .underConsideration: [.clarificationRequested, .answered, .transferred]
        case .clarificationRequested: [.underConsideration]
        case .answered, .transferred: []
        }
    }
}

/// How one ask of a submission is answered.
public enum AskAnswer: String, Vocabulary {
    public static let noun = "answer"
    case accepted
    case partlyAccepted = "partly-accepted"
    case rejected
    /// Not this body's to decide: transferred, with the body named.
    case notForUs = "not-for-us"
}

/// Days a body has, in working days: to acknowledge, to answer, and beyond which an answer is very late.
/// Defaults after the World Bank's grievance redress (acknowledge in 2) and freedom-of-information laws (answer in 20).
public struct SubmissionDeadlines: Codable, Sendable, Equatable {
    public var acknowledge: Int
    public var answer: Int
    public var veryLate: Int
    public init(acknowledge: Int = 2, answer: Int = 20, veryLate: Int = 40) {
        self.acknowledge = acknowledge
        self.answer = answer
        self.veryLate = veryLate
    }

    public func validate(field: String = "deadlines") throws {
        var issues = IssueCollector()
        if !(1...60).contains(acknowledge) { issues.add(field + ".acknowledge", "1 to 60 working days") }
        if !(1...250).contains(answer) { issues.add(field + ".answer", "1 to 250 working days") }
        if veryLate <= answer || veryLate > 500 { issues.add(field + ".veryLate", "more than the days to answer, at most 500") }
        try issues.throwIfAny()
    }
}

/// A submission's clock: when things are due, and whether it is late, from its record.
public struct SubmissionClock: Sendable, Equatable {
    public var received: Int
    public var deadlines: SubmissionDeadlines
    /// Working days added by extensions (each with its reason, kept on the record).
    public var extended: Int
    /// Days the clock stood still (clarification requested → answered), inclusive.
    public var paused: [ClosedRange<Int>]

    public init(received: Int, deadlines: SubmissionDeadlines, extended: Int = 0, paused: [ClosedRange<Int>] = []) {
        self.received = received
        self.deadlines = deadlines
        self.extended = extended
        self.paused = paused
    }

    public func acknowledgeBy(_ cal: WorkingCalendar) -> Int { cal.adding(deadlines.acknowledge, to: received, paused: paused) }
    public func answerBy(_ cal: WorkingCalendar) -> Int { cal.adding(deadlines.answer + extended, to: received, paused: paused) }
    public func veryLateFrom(_ cal: WorkingCalendar) -> Int { cal.adding(deadlines.veryLate + extended, to: received, paused: paused) }

    public enum Flag: String, Codable, Sendable, Comparable {
        case onTime = "on-time"
        case overdue
        case veryOverdue = "very-overdue"
        var rank: Int { [.onTime, .overdue, .veryOverdue].firstIndex(of: self)! }
        public static func < (a: Flag, b: Flag) -> Bool { a.rank < b.rank }
    }

    /// On `today`, for a submission in `state` (open states only run late; a paused clock does not).
    public func flag(_ state: SubmissionState, today: Int, _ cal: WorkingCalendar) -> Flag {
        if [.answered, .transferred, .clarificationRequested].contains(state) { return .onTime }
        if today > veryLateFrom(cal) { return .veryOverdue }
        if today > answerBy(cal) { return .overdue }
        if state == .received, today > acknowledgeBy(cal) { return .overdue }
        return .onTime
    }
}

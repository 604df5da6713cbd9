import Foundation

/// An accepted ask becomes a commitment of the body: who carries it out, by when, how far along, and the steps on
/// the way (Decidim's *results*). The submitter and followers hear of every change.
public struct Milestone: Codable, Sendable, Equatable {
    public var title: String
    public var dueOn: String?
    public var done: Bool
    public init(title: String, dueOn: String? = nil, done: Bool = false) {
        self.title = title
        self.dueOn = dueOn
        self.done = done
    }
}

extension Milestone {
    /// One milestone per line as a form writes it: `x` first when done, then the due date if any, then the title —
    /// `x 2026-11-25 Guidance sent`, `2027-06-30 A quarter of new appointments`.
    public static func lines(_ text: String) -> [Milestone] {
        text.split(whereSeparator: \.isNewline).compactMap { raw in
            var s = Substring(raw.trimmingCharacters(in: .whitespaces))
            var done = false
            for mark in ["[x]", "x ", "X ", "✓"] where s.hasPrefix(mark) {
                done = true
                s = s.dropFirst(mark.count).drop(while: \.isWhitespace)
                break
            }
            var due: String?
            if s.count >= 10, s.prefix(10).range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil {
                due = String(s.prefix(10))
                s = s.dropFirst(10).drop(while: \.isWhitespace)
            }
            let title = String(s)
            return title.isEmpty && due == nil ? nil : Milestone(title: title, dueOn: due, done: done)
        }
    }

    public var line: String { (done ? "x " : "") + (dueOn.map { $0 + " " } ?? "") + title }
}

public struct CommitmentUpdate: Codable, Sendable, Equatable {
    public var progress: Int?
    public var dueOn: String?
    public var responsibleBody: String?
    public var milestones: [Milestone]?
    public var note: String?
    public init(progress: Int? = nil, dueOn: String? = nil, responsibleBody: String? = nil, milestones: [Milestone]? = nil, note: String? = nil) {
        self.progress = progress
        self.dueOn = dueOn
        self.responsibleBody = responsibleBody
        self.milestones = milestones
        self.note = note
    }

    /// A due date is a promise about the future: one already past (`today`, `YYYY-MM-DD`) is refused, as are
    /// dates that do not parse and progress outside 0–100. Milestones already due keep their date when done.
    public func validate(today: String, answer: AskAnswer?, published: Bool) throws {
        var issues = IssueCollector()
        if ![.accepted, .partlyAccepted].contains(answer) || !published {
            issues.add("n", "only an accepted or partly accepted ask, its answer published, is a commitment")
        }
        if let p = progress, !(0...100).contains(p) { issues.add("progress", "0 to 100 per cent") }
        if let d = dueOn {
            if CivilDate.parse(d) == nil || d.count != 10 {
                issues.add("dueOn", "a date, YYYY-MM-DD")
            } else if d < today {
                issues.add("dueOn", "\(d) is already past; a commitment is due today or later")
            }
        }
        for (i, m) in (milestones ?? []).enumerated() {
            if MediationRules.blank(m.title) { issues.add("milestones[\(i)].title", "is empty") }
            if let d = m.dueOn {
                if CivilDate.parse(d) == nil || d.count != 10 {
                    issues.add("milestones[\(i)].dueOn", "a date, YYYY-MM-DD")
                } else if d < today, !m.done {
                    issues.add("milestones[\(i)].dueOn", "\(d) is already past; mark it done or give a later date")
                }
            }
        }
        if (milestones?.count ?? 0) > 30 { issues.add("milestones", "at most 30") }
        if progress == nil, dueOn == nil, responsibleBody == nil, milestones == nil {
            issues.add("progress", "say what changed: progress, dueOn, responsibleBody or milestones")
        }
        try issues.throwIfAny()
    }
}

/// A body's commitments in figures, for its public page: how many, how many done, how many late, the mean progress.
public struct CommitmentFigures: Codable, Sendable, Equatable {
    public var commitments: Int
    public var done: Int
    public var late: Int
    public var meanProgress: Double?

    public struct Row: Sendable {
        public var progress: Int
        public var dueOn: String?
        public init(progress: Int, dueOn: String?) {
            self.progress = progress
            self.dueOn = dueOn
        }
    }

    public static func of(_ rows: [Row], today: String) -> CommitmentFigures {
        CommitmentFigures(
            commitments: rows.count, done: rows.filter { $0.progress >= 100 }.count,
            late: rows.filter { $0.progress < 100 && ($0.dueOn.map { $0 < today } ?? false) }.count,
            meanProgress: rows.isEmpty ? nil : Double(rows.reduce(0) { $0 + $1.progress }) / Double(rows.count))
    }
}

/// The submitter's request that the body look again at how it handled a submission (Alaveteli's internal review).
public enum ReviewState: String, Vocabulary {
    public static let noun = "review state"
    case requested
    /// The body looked again and stands by its answer.
    case upheld
    /// The body looked again and changed its answer.
    case revised
}

public enum ReviewRules {
    /// A submitter may ask once the body answered or transferred it, or once it is very overdue.
    public static func mayRequest(_ state: SubmissionState, flag: SubmissionClock.Flag, review: ReviewState?) -> Bool {
        review != .requested && ([.answered, .transferred].contains(state) || flag == .veryOverdue)
    }
}

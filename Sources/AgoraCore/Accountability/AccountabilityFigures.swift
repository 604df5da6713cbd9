import Foundation

/// A body's public record of responsiveness, computed from its submissions (confidential ones count, and nothing
/// else of them shows).
public struct ResponsivenessFigures: Codable, Sendable, Equatable {
    public var received: Int
    public var answered: Int
    /// Of those answered, the share answered by the deadline.
    public var answeredOnTimeShare: Double?
    /// Median working days from receipt to answer.
    public var medianDaysToAnswer: Double?
    public var overdueNow: Int
    public var veryOverdueNow: Int

    public struct Row: Sendable {
        public var state: SubmissionState
        public var clock: SubmissionClock
        /// Day number of the answer, when answered.
        public var answeredOn: Int?
        /// The working days of the submission's country.
        public var calendar: WorkingCalendar
        public init(state: SubmissionState, clock: SubmissionClock, answeredOn: Int?, calendar: WorkingCalendar) {
            self.state = state
            self.clock = clock
            self.answeredOn = answeredOn
            self.calendar = calendar
        }
    }

    public static func of(_ rows: [Row], today: Int) -> ResponsivenessFigures {
        var onTime = 0
        var days: [Int] = []
        var overdue = 0
        var very = 0
        for r in rows {
            let cal = r.calendar
            if let a = r.answeredOn {
                if a <= r.clock.answerBy(cal) { onTime += 1 }
                days.append(cal.count(from: r.clock.received, to: a, paused: r.clock.paused))
            }
            switch r.clock.flag(r.state, today: today, cal) {
            case .overdue: overdue += 1
            case .veryOverdue: very += 1
            case .onTime: break
            }
        }
        let answered = days.count
        return ResponsivenessFigures(
            received: rows.count, answered: answered, answeredOnTimeShare: answered > 0 ? Double(onTime) / Double(answered) : nil,
            medianDaysToAnswer: median(days), overdueNow: overdue, veryOverdueNow: very)
    }

    static func median(_ v: [Int]) -> Double? {
        guard !v.isEmpty else { return nil }
        let s = v.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// Targets a body sets for who takes part in its forums (UNSCR 1325 for women, 2250 for youth); participation is
/// counted as mediation sessions count it (`Attendance`).
public struct InclusionTargets: Codable, Sendable, Equatable {
    public var women: Double
    public var youth: Double
    public var cso: Double
    public var traditionalAndReligious: Double
    public init(women: Double = 0.3, youth: Double = 0.2, cso: Double = 0.2, traditionalAndReligious: Double = 0.1) {
        self.women = women
        self.youth = youth
        self.cso = cso
        self.traditionalAndReligious = traditionalAndReligious
    }
}

public struct InclusionFigures: Codable, Sendable, Equatable {
    public var people: Int
    public var women: Double?
    public var youth: Double?
    public var cso: Double?
    public var traditionalAndReligious: Double?
    /// The measures below their target.
    public var short: [String]

    /// Stakeholder categories as the directory names them (`state`, `cso`, `traditional`, `religious`, `women`,
    /// `youth`, `private-sector`, `media`).
    public static func of(_ rows: [Attendance], targets: InclusionTargets) -> InclusionFigures {
        let people = rows.reduce(0) { $0 + $1.women + $1.men }
        func share(_ n: Int) -> Double? { people > 0 ? Double(n) / Double(people) : nil }
        func count(_ cats: Set<String>) -> Int { rows.filter { cats.contains($0.category) }.reduce(0) { $0 + $1.women + $1.men } }
        let f = InclusionFigures(
            people: people, women: share(rows.reduce(0) { $0 + $1.women }), youth: share(rows.reduce(0) { $0 + $1.youth }),
            cso: share(count(["cso"])),
            traditionalAndReligious: share(count(["traditional", "religious"])), short: [])
        var short: [String] = []
        for (name, value, target) in [
            ("women", f.women, targets.women), ("youth", f.youth, targets.youth), ("cso", f.cso, targets.cso),
            ("traditionalAndReligious", f.traditionalAndReligious, targets.traditionalAndReligious),
        ] where (value ?? 0) < target {
            short.append(name)
        }
        var out = f
        out.short = people > 0 ? short : []
        return out
    }
}

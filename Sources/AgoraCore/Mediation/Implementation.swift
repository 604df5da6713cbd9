import Foundation

/// The Peace Accords Matrix scale of implementation, per stipulation and period.
public enum PAMScore: Int, Codable, Sendable, CaseIterable, Comparable {
    case notInitiated = 0
    case minimal, intermediate, full
    public static func < (a: PAMScore, b: PAMScore) -> Bool { a.rawValue < b.rawValue }
    public var name: String { ["not initiated", "minimal", "intermediate", "full"][rawValue] }
}

/// What a score rests on. A published score carries at least one.
public struct Evidence: Codable, Sendable, Equatable {
    public enum Kind: String, Vocabulary {
        public static let noun = "kind of evidence"
        case incident, report, document, session, link
    }
    public var kind: Kind
    /// A record id (incident, report, document, session) or an https address.
    public var ref: String
    public var note: String
    public init(kind: Kind, ref: String, note: String = "") {
        self.kind = kind
        self.ref = ref
        self.note = note
    }
}

/// One stipulation's score for one period: proposed by a scorer, read again by a second reviewer who gives their
/// own score. Only then is it published, as the reviewer's score; how often the two agreed is shown.
public struct ScoreEntry: Codable, Sendable, Equatable {
    public var stipulation: String
    /// `YYYY-MM` (month) by default.
    public var period: String
    public var score: PAMScore
    public var evidence: [Evidence]
    public var scoredBy: String
    public var reviewedBy: String?
    public var reviewerScore: PAMScore?
    public var published: Bool
    public init(
        stipulation: String, period: String, score: PAMScore, evidence: [Evidence], scoredBy: String, reviewedBy: String? = nil,
        reviewerScore: PAMScore? = nil, published: Bool = false
    ) {
        self.stipulation = stipulation
        self.period = period
        self.score = score
        self.evidence = evidence
        self.scoredBy = scoredBy
        self.reviewedBy = reviewedBy
        self.reviewerScore = reviewerScore
        self.published = published
    }

    /// The score that counts once published: the second reading.
    public var final: PAMScore { reviewerScore ?? score }
}

public enum ScoreRules {
    public static func check(_ e: ScoreEntry, stipulations: Set<String>) throws {
        var issues = IssueCollector()
        if !stipulations.contains(e.stipulation) { issues.add("stipulation", "'\(e.stipulation)' is not a stipulation of this agreement") }
        if Period.parse(e.period)?.kind != .month { issues.add("period", "'\(e.period)' is not a month; use YYYY-MM") }
        for (i, ev) in e.evidence.enumerated() {
            if MediationRules.blank(ev.ref) { issues.add("evidence[\(i)].ref", "is empty") }
            if ev.kind == .link, !ev.ref.hasPrefix("https://") && !ev.ref.hasPrefix("http://") {
                issues.add("evidence[\(i)].ref", "a link is an http or https address")
            }
        }
        try issues.throwIfAny()
    }

    /// Publishing needs evidence and a second reviewer who is not the scorer.
    public static func checkPublish(_ e: ScoreEntry) throws {
        var issues = IssueCollector()
        if e.evidence.isEmpty { issues.add("evidence", "a score is published only with evidence") }
        if e.reviewedBy == nil || e.reviewerScore == nil { issues.add("reviewer", "a second reviewer scores it before it is published") }
        if let r = e.reviewedBy, r == e.scoredBy { issues.add("reviewer", "the second reviewer must be someone other than the scorer") }
        try issues.throwIfAny()
    }
}

/// Implementation roll-ups and the stall rule, from stipulations and published scores.
public enum Implementation {
    public struct Share: Codable, Sendable, Equatable {
        public var key: String
        /// Weighted share of full implementation, 0…1: Σ weight × score / 3 over Σ weight.
        public var share: Double
        public var stipulations: Int
    }

    public struct Rollup: Codable, Sendable, Equatable {
        public var period: String
        public var agreement: Double
        public var themes: [Share]
        public var actors: [Share]
    }

    /// Each stipulation's latest published score at or before `period` (not initiated when none).
    public static func latest(_ scores: [ScoreEntry], at period: String) -> [String: PAMScore] {
        var out: [String: (String, PAMScore)] = [:]
        for s in scores where s.published && s.period <= period {
            if let o = out[s.stipulation], o.0 > s.period { continue }
            out[s.stipulation] = (s.period, s.final)
        }
        return out.mapValues(\.1)
    }

    public static func rollup(_ stipulations: [Stipulation], _ scores: [ScoreEntry], at period: String) -> Rollup {
        let now = latest(scores, at: period)
        func share(_ list: [Stipulation]) -> Double {
            let w = list.reduce(0) { $0 + $1.weight }
            return w > 0 ? list.reduce(0) { $0 + $1.weight * Double((now[$1.code] ?? .notInitiated).rawValue) / 3 } / w : 0
        }
        let themes = Dictionary(grouping: stipulations, by: \.theme).map { Share(key: $0.key, share: share($0.value), stipulations: $0.value.count) }
        var byActor: [String: [Stipulation]] = [:]
        for s in stipulations { for a in Set(s.responsible.map(\.name)) { byActor[a, default: []].append(s) } }
        let actors = byActor.map { Share(key: $0.key, share: share($0.value), stipulations: $0.value.count) }
        return Rollup(
            period: period, agreement: share(stipulations), themes: themes.sorted { $0.key < $1.key }, actors: actors.sorted { $0.key < $1.key })
    }

    /// The agreement's share over its months, from `from` to `to` (`YYYY-MM`), for the chart.
    public static func series(_ stipulations: [Stipulation], _ scores: [ScoreEntry], from: String, to: String) -> [(String, Double)] {
        guard var p = Period.parse(from), let end = Period.parse(to), p <= end else { return [] }
        var out: [(String, Double)] = []
        while p <= end {
            out.append((p.label, rollup(stipulations, scores, at: p.label).agreement))
            p = Period(p.kind, p.index + 1)
        }
        return out
    }

    /// How often the second reviewer gave the scorer's score: agreed and reviewed counts.
    public static func reviewerAgreement(_ scores: [ScoreEntry]) -> (agreed: Int, reviewed: Int) {
        let reviewed = scores.filter { $0.reviewerScore != nil }
        return (reviewed.filter { $0.reviewerScore == $0.score }.count, reviewed.count)
    }

    public struct Stall: Codable, Sendable, Equatable {
        public enum Reason: String, Codable, Sendable {
            case overdue
            case noProgress = "no-progress"
        }
        public var stipulation: String
        public var reason: Reason
        public var score: PAMScore
        /// The month since which the score has not moved (or the due day when overdue).
        public var since: String
        public var responsible: [ResponsibleActor]
    }

    /// Stipulations stalled at `period` (`YYYY-MM`, the month being judged) on `today` (`YYYY-MM-DD`): not fully
    /// implemented and past due, or with a score that has not moved for `periods` months since `start` (the
    /// agreement's month). One waiting on a dependency that is not yet full is not stalled for want of progress.
    public static func stalls(_ stipulations: [Stipulation], _ scores: [ScoreEntry], start: String, period: String, today: String, periods: Int)
        -> [Stall]
    {
        let now = latest(scores, at: period)
        guard let p = Period.parse(period) else { return [] }
        var out: [Stall] = []
        for s in stipulations {
            let score = now[s.code] ?? .notInitiated
            guard score < .full else { continue }
            if let due = s.due, due < today {
                out.append(Stall(stipulation: s.code, reason: .overdue, score: score, since: due, responsible: s.responsible))
                continue
            }
            if s.dependsOn.contains(where: { (now[$0] ?? .notInitiated) < .full }) { continue }
            // The month the score last moved: its first published score that differs from the one before.
            var moved = start
            var previous = PAMScore.notInitiated
            for e in scores.filter({ $0.published && $0.stipulation == s.code && $0.period <= period }).sorted(by: { $0.period < $1.period }) {
                if e.final != previous { moved = e.period }
                previous = e.final
            }
            if let m = Period.parse(moved), p.index - m.index >= periods {
                out.append(Stall(stipulation: s.code, reason: .noProgress, score: score, since: moved, responsible: s.responsible))
            }
        }
        return out
    }

    /// An alert proposal to the mediating body when stalled commitments have no response case to follow them up:
    /// its analyst issues it (a case opens, routed as any alert) or dismisses it.
    public static func alertProposal(agreement: String, area: String, areaName: String, stalls: [Stall]) -> AlertDraft {
        let lines = stalls.map { s in
            "\(s.stipulation): " + (s.reason == .overdue ? "overdue since \(s.since)" : "no progress since \(s.since)")
                + " (score \(s.score.rawValue) of 3)"
        }
        return AlertDraft(
            classification: .restricted, status: .Actual, categories: [.Security], event: "Peace agreement commitments stalled",
            responseTypes: [.Assess, .Monitor], urgency: .Expected, severity: .Moderate, certainty: .Likely,
            headline: "Commitments of \(agreement) have stalled", description: "Stalled: " + lines.joined(separator: "; ") + ".",
            areas: [area], areaDesc: areaName, indicators: ["AG01"])
    }
}

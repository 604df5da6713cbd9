import Crypto
import Foundation

public enum CaseStatus: String, Vocabulary {
    public static let noun = "case status"
    /// Routed to a body; waiting for it to acknowledge.
    case open
    case acknowledged
    case closed
}

public enum ActionKind: String, Vocabulary {
    public static let noun = "kind of action"
    case dialogue
    case mediation
    case peaceMonitors = "peace-monitors"
    case policeReferral = "police-referral"
    case humanitarianRequest = "humanitarian-request"
    case publicMessage = "public-message"
    case fieldAssessment = "field-assessment"
    case other
}

public enum ActionStatus: String, Vocabulary {
    public static let noun = "action status"
    case planned, done, cancelled
}

public enum CaseOutcome: String, Vocabulary {
    public static let noun = "outcome"
    case resolved, contained, worsened
}

/// Why a case went up (or down) a level.
public enum EscalationReason: String, Vocabulary {
    public static let noun = "escalation reason"
    /// The body asked for help.
    case requested
    case acknowledgementOverdue = "acknowledgement-overdue"
    case actionOverdue = "action-overdue"
    case crossBorder = "cross-border"
    /// Handed back down once the higher body judged the lower able to act.
    case deEscalated = "de-escalated"
}

/// How long a body has to acknowledge a case, by the alert's severity; settable per installation.
public struct ResponseDeadlines: Codable, Sendable, Equatable {
    /// Seconds, keyed by CAP severity.
    public var acknowledge: [String: Int] = [
        "Extreme": 2 * 3600, "Severe": 12 * 3600, "Moderate": 48 * 3600, "Minor": 7 * 86400, "Unknown": 48 * 3600,
    ]
    public init() {}

    public func acknowledge(_ s: CAPSeverity) -> Int { acknowledge[s.rawValue] ?? 48 * 3600 }

    public func validate() throws {
        var issues = IssueCollector()
        for (k, v) in acknowledge.sorted(by: { $0.key < $1.key }) {
            if CAPSeverity(rawValue: k) == nil { issues.add("acknowledge.\(k)", "not a CAP severity") }
            if !(1...(90 * 86400)).contains(v) { issues.add("acknowledge.\(k)", "must be 1 second to 90 days") }
        }
        try issues.throwIfAny()
    }
}

/// Which body a case goes to, and where it goes next.
public enum Routing {
    /// The mandate topics an alert calls for, weightiest indicator first. Early warning is about
    /// watching, not acting, so it is dropped when anything else is named; `response` is the fallback.
    public static func topics(indicators: [String], framework: IndicatorFramework) -> [Topic] {
        let byCode = Dictionary(framework.indicators.map { ($0.indicator.code, $0.indicator) }, uniquingKeysWith: { a, _ in a })
        var out: [Topic] = []
        for i in indicators.compactMap({ byCode[$0] }).sorted(by: { $0.weight != $1.weight ? $0.weight > $1.weight : $0.code < $1.code }) {
            for t in i.topics where t != .earlyWarning && !out.contains(t) { out.append(t) }
        }
        if !out.contains(.response) { out.append(.response) }
        return out
    }

    /// The lowest competent body over all the topics (earlier topics win ties), and its way up.
    public static func route(areaPath: [String], topics: [Topic], bodies: [BodyProfile]) -> CompetenceAnswer {
        var best: CompetenceAnswer?
        for t in topics {
            let a = Competence.answer(areaPath: areaPath, topic: t, bodies: bodies)
            guard let c = a.competent else { continue }
            if best == nil || c.level < best!.competent!.level { best = a }
        }
        return best ?? CompetenceAnswer(competent: nil, chain: [])
    }

    /// The next body up from `current`: the next in the chain above its level; else any competent
    /// body for `response` at a higher level. Nil when nobody is above: the case stays and says so.
    public static func next(above current: BodyProfile, chain: [BodyProfile], areaPath: [String], bodies: [BodyProfile]) -> BodyProfile? {
        if let n = chain.first(where: { $0.level > current.level }) { return n }
        return Competence.answer(areaPath: areaPath, topic: .response, bodies: bodies).chain.first { $0.level > current.level }
    }

    /// The lowest body above national level whose mandate covers every one of the countries, for
    /// the topic (or for response), e.g. ECOWAS for Ghana and Togo, IGAD for Kenya and Uganda.
    public static func regional(countries: Set<String>, topic: Topic, bodies: [BodyProfile]) -> BodyProfile? {
        func covers(_ b: BodyProfile) -> Bool { b.worldwide || countries.isSubset(of: b.jurisdiction) }
        let above = bodies.filter { $0.level > .national && covers($0) }
        let order: (BodyProfile, BodyProfile) -> Bool = { $0.level != $1.level ? $0.level < $1.level : $0.code < $1.code }
        return above.filter { $0.topics.contains(topic) }.min(by: order) ?? above.filter { $0.topics.contains(.response) }.min(by: order)
    }
}

/// The gap between warning and response, measured from the record.
public enum ResponseGap {
    /// One case as the measure needs it; times are seconds since the alert was issued.
    public struct CaseTimes: Sendable, Equatable {
        public var body: String
        public var level: BodyLevel
        public var toAcknowledge: Double?
        public var toFirstAction: Double?
        public var toClose: Double?
        /// Whether anything was done: an action recorded as done.
        public var responded: Bool
        public var escalatedForDeadline: Bool
        public init(
            body: String, level: BodyLevel, toAcknowledge: Double?, toFirstAction: Double?, toClose: Double?, responded: Bool,
            escalatedForDeadline: Bool
        ) {
            self.body = body
            self.level = level
            self.toAcknowledge = toAcknowledge
            self.toFirstAction = toFirstAction
            self.toClose = toClose
            self.responded = responded
            self.escalatedForDeadline = escalatedForDeadline
        }
    }

    public struct Row: Codable, Sendable, Equatable {
        /// A body code, or a body level.
        public var key: String
        public var cases: Int
        public var medianSecondsToAcknowledge: Double?
        public var medianSecondsToFirstAction: Double?
        public var medianSecondsToClose: Double?
        public var noResponseShare: Double
        public var escalatedForDeadlineShare: Double
    }

    public static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func row(_ key: String, _ cs: [CaseTimes]) -> Row {
        let n = Double(cs.count)
        return Row(
            key: key, cases: cs.count, medianSecondsToAcknowledge: median(cs.compactMap(\.toAcknowledge)),
            medianSecondsToFirstAction: median(cs.compactMap(\.toFirstAction)), medianSecondsToClose: median(cs.compactMap(\.toClose)),
            noResponseShare: cs.isEmpty ? 0 : Double(cs.filter { !$0.responded }.count) / n,
            escalatedForDeadlineShare: cs.isEmpty ? 0 : Double(cs.filter(\.escalatedForDeadline).count) / n)
    }

    /// Per body (the body a case was first routed to) and per level, and overall.
    public static func measure(_ cases: [CaseTimes]) -> (total: Row, byBody: [Row], byLevel: [Row]) {
        let bodies = Dictionary(grouping: cases, by: \.body).sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        let levels = Dictionary(grouping: cases, by: \.level).sorted { $0.key < $1.key }.map { row($0.key.rawValue, $0.value) }
        return (row("all", cases), bodies, levels)
    }
}

/// Webhook signatures: HMAC-SHA256 over `timestamp.body`, so a receiver can check both who sent it
/// and that it is not a replay of an old delivery.
public enum WebhookSignature {
    public static func sign(secret: String, timestamp: Int, body: Data) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Hex.string(mac)
    }

    /// Seconds to wait before attempt `n + 1` after `n` failures: doubling from `base`, at most `cap`.
    public static func backoff(failures n: Int, base: Double, cap: Double = 6 * 3600) -> Double {
        min(cap, base * pow(2, Double(max(0, n - 1))))
    }
}

import Foundation

/// An agreement's header, compatible with PA-X (the Peace Agreements Database of the University of Edinburgh):
/// a PA-X row and an agreement recorded here carry the same facts under the same names.
public struct AgreementDraft: Codable, Sendable, Equatable {
    public var title: String
    /// Signed or agreed, `YYYY-MM-DD`.
    public var date: String
    /// PA-X `Status`, e.g. "Multiparty signed/agreed", "Unilateral document".
    public var status: String
    /// PA-X `Stage`: Pre (pre-negotiation), SubPar / SubComp (substantive, partial or comprehensive), Cea (ceasefire),
    /// Imp (implementation), Ren (renewal), Oth.
    public var stage: String
    public var parties: String
    public var thirdParties: String
    /// PA-X `Con` (the conflict's country or countries) and `Reg`.
    public var country: String
    public var region: String
    /// PA-X `AgtId`, when the agreement is in PA-X.
    public var paxID: Int?
    public var text: String
    public var signatories: [Signatory]
    /// Themes PA-X found provisions on, with the depth of the provision (1 rhetorical … 3 detailed).
    public var themes: [ThemeCode]
    public init(
        title: String, date: String, status: String = "Multiparty signed/agreed", stage: String = "SubPar", parties: String,
        thirdParties: String = "",
        country: String, region: String = "", paxID: Int? = nil, text: String = "", signatories: [Signatory] = [], themes: [ThemeCode] = []
    ) {
        self.title = title
        self.date = date
        self.status = status
        self.stage = stage
        self.parties = parties
        self.thirdParties = thirdParties
        self.country = country
        self.region = region
        self.paxID = paxID
        self.text = text
        self.signatories = signatories
        self.themes = themes
    }

    public static let stages = ["Pre", "SubPar", "SubComp", "Cea", "Imp", "Ren", "Oth"]
}

public struct Signatory: Codable, Sendable, Equatable {
    public var name: String
    /// The party they signed for, or "witness", "guarantor".
    public var onBehalfOf: String
    public init(name: String, onBehalfOf: String) {
        self.name = name
        self.onBehalfOf = onBehalfOf
    }
}

public struct ThemeCode: Codable, Sendable, Equatable, Hashable {
    /// One of `PAXThemes` codes (e.g. `Ce`, `SsrDdr`, `GeWom`) or a theme of the installation's own.
    public var code: String
    public var depth: Int
    public init(code: String, depth: Int) {
        self.code = code
        self.depth = depth
    }
}

public enum AgreementRules {
    /// `requireParties` is off for PA-X rows: PA-X leaves `Part` empty on 17 agreements, and a record of them is
    /// better than none; one entered here names its parties.
    public static func check(_ a: AgreementDraft, requireParties: Bool = true) throws {
        var issues = IssueCollector()
        if MediationRules.blank(a.title) { issues.add("title", "is empty") }
        if ReportRules.parseDay(a.date) == nil { issues.add("date", "'\(a.date)' is not a date; use YYYY-MM-DD") }
        if !AgreementDraft.stages.contains(a.stage) {
            issues.add("stage", "'\(a.stage)' is not a PA-X stage; use one of \(AgreementDraft.stages.joined(separator: ", "))")
        }
        if requireParties, MediationRules.blank(a.parties) { issues.add("parties", "name the parties") }
        if MediationRules.blank(a.country) { issues.add("country", "name the country or countries") }
        if let id = a.paxID, id <= 0 { issues.add("paxID", "a PA-X AgtId is a positive number") }
        for (i, s) in a.signatories.enumerated() where MediationRules.blank(s.name) { issues.add("signatories[\(i)].name", "is empty") }
        for (i, t) in a.themes.enumerated() where !(0...3).contains(t.depth) { issues.add("themes[\(i)].depth", "0 to 3") }
        try issues.throwIfAny()
    }
}

/// Who must act on a stipulation: a body, an organisation, or a named party with no account.
public struct ResponsibleActor: Codable, Sendable, Equatable, Hashable {
    public enum Kind: String, Vocabulary {
        public static let noun = "kind of actor"
        case body, organisation, party
    }
    public var kind: Kind
    public var name: String
    public init(kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// One promise of an agreement, under its theme and sub-theme.
public struct Stipulation: Codable, Sendable, Equatable {
    /// Stable within the agreement, e.g. "2.3".
    public var code: String
    public var theme: String
    public var subTheme: String
    public var text: String
    public var responsible: [ResponsibleActor]
    /// Due by this day, or after the stipulations it depends on; either, both or neither.
    public var due: String?
    public var dependsOn: [String]
    /// How it is verified: what a reviewer looks for.
    public var verification: String
    /// Its weight in the roll-ups (1 unless the agreement says some promises weigh more).
    public var weight: Double
    public init(
        code: String, theme: String, subTheme: String = "", text: String, responsible: [ResponsibleActor], due: String? = nil,
        dependsOn: [String] = [], verification: String, weight: Double = 1
    ) {
        self.code = code
        self.theme = theme
        self.subTheme = subTheme
        self.text = text
        self.responsible = responsible
        self.due = due
        self.dependsOn = dependsOn
        self.verification = verification
        self.weight = weight
    }
}

public enum CommitmentRules {
    /// The stipulations of one agreement, all together: codes unique, dependencies known and without cycles.
    public static func check(_ list: [Stipulation]) throws {
        var issues = IssueCollector()
        var seen = Set<String>()
        let codes = Set(list.map(\.code))
        for (i, s) in list.enumerated() {
            let f = "stipulations[\(i)]"
            Codes.check(s.code, field: f + ".code", into: &issues)
            if !seen.insert(s.code).inserted { issues.add(f + ".code", "'\(s.code)' is used twice") }
            if MediationRules.blank(s.theme) { issues.add(f + ".theme", "is empty") }
            if MediationRules.blank(s.text) { issues.add(f + ".text", "say what was promised") }
            if s.responsible.isEmpty { issues.add(f + ".responsible", "name who must act") }
            for (j, r) in s.responsible.enumerated() where MediationRules.blank(r.name) { issues.add(f + ".responsible[\(j)].name", "is empty") }
            if let d = s.due, ReportRules.parseDay(d) == nil { issues.add(f + ".due", "'\(d)' is not a date; use YYYY-MM-DD") }
            if MediationRules.blank(s.verification) { issues.add(f + ".verification", "say how it will be verified") }
            if !(s.weight > 0 && s.weight <= 100) { issues.add(f + ".weight", "between 0 and 100") }
            for (j, d) in s.dependsOn.enumerated() {
                if d == s.code {
                    issues.add(f + ".dependsOn[\(j)]", "a stipulation cannot depend on itself")
                } else if !codes.contains(d) {
                    issues.add(f + ".dependsOn[\(j)]", "'\(d)' is not a stipulation of this agreement")
                }
            }
        }
        if let cycle = firstCycle(list) { issues.add("stipulations", "dependencies go round in a circle: \(cycle.joined(separator: " → "))") }
        try issues.throwIfAny()
    }

    /// The first cycle among the dependencies (beyond a stipulation depending on itself), as codes along it.
    static func firstCycle(_ list: [Stipulation]) -> [String]? {
        let deps = Dictionary(list.map { s in (s.code, s.dependsOn.filter { $0 != s.code }) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 on the path, 2 done
        var path: [String] = []
        func visit(_ n: String) -> [String]? {
            if state[n] == 2 { return nil }
            if state[n] == 1 { return Array(path[path.firstIndex(of: n)!...]) + [n] }
            state[n] = 1
            path.append(n)
            for d in deps[n] ?? [] where deps[d] != nil { if let c = visit(d) { return c } }
            path.removeLast()
            state[n] = 2
            return nil
        }
        for c in deps.keys.sorted() { if let cycle = visit(c) { return cycle } }
        return nil
    }
}

/// The commitment tree as a form writes it, one stipulation per line, fields separated by `|`:
/// `code | theme | what was promised | who must act (; between several) | due YYYY-MM-DD or empty | how it is verified`.
/// A phone's form needs no script to add rows; an error names the line.
public enum CommitmentLines {
    public static func parse(_ text: String) throws -> [Stipulation] {
        var out: [Stipulation] = []
        var issues = IssueCollector()
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let f = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count == 6 else {
                issues.add("stipulations, line \(i + 1)", "\(f.count) fields; write code | theme | promise | who | due | verification")
                continue
            }
            let who = f[3].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            out.append(
                Stipulation(
                    code: f[0], theme: f[1], text: f[2], responsible: who.map { ResponsibleActor(kind: .party, name: $0) },
                    due: f[4].isEmpty ? nil : f[4],
                    verification: f[5]))
        }
        try issues.throwIfAny()
        return out
    }
}

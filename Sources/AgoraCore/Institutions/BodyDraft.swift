/// A body (council, centre, network, organ…) as it comes in from a file or the API.
public struct BodyDraft: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var names: [String: String]?
    public var level: BodyLevel
    public var kind: BodyKind
    public var organisation: String?
    public var parent: String?
    public var legalBasis: String?
    public var description: String?
    public var website: String?
    public var jurisdiction: [String]
    public var worldwide: Bool?
    public var topics: [Topic]
    public var partners: [String]?
    /// Bodies that read this body's `restricted` records although they are not above it: a partnership that
    /// shares, set per partner (an early-warning CSO network and a district council, say). Nil keeps what is stored.
    public var sharesRestrictedWith: [String]?
    /// How the public reaches the body: shown on "How to report" and the body's page. Nil keeps what is stored.
    public var contact: BodyContact?
    /// What the body's alerts (proposals and drafts) are classified as until someone chooses. Nil keeps what is stored.
    public var alertClassification: Classification?

    public init(
        code: String, name: String, names: [String: String]? = nil, level: BodyLevel, kind: BodyKind,
        organisation: String? = nil, parent: String? = nil, legalBasis: String? = nil, description: String? = nil,
        website: String? = nil, jurisdiction: [String], worldwide: Bool? = nil, topics: [Topic], partners: [String]? = nil,
        sharesRestrictedWith: [String]? = nil, contact: BodyContact? = nil, alertClassification: Classification? = nil
    ) {
        self.code = code
        self.name = name
        self.names = names
        self.level = level
        self.kind = kind
        self.organisation = organisation
        self.parent = parent
        self.legalBasis = legalBasis
        self.description = description
        self.website = website
        self.jurisdiction = jurisdiction
        self.worldwide = worldwide
        self.topics = topics
        self.partners = partners
        self.sharesRestrictedWith = sharesRestrictedWith
        self.contact = contact
        self.alertClassification = alertClassification
    }

    public var profile: BodyProfile {
        BodyProfile(
            code: code, level: level, topics: Set(topics), jurisdiction: Set(jurisdiction),
            worldwide: worldwide ?? false, parent: parent)
    }
}

/// An organisation people and bodies belong to.
public struct OrganisationDraft: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: OrganisationKind
    public var country: String?
    public var website: String?

    public init(code: String, name: String, kind: OrganisationKind, country: String? = nil, website: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.country = country
        self.website = website
    }
}

public enum BodyRules {
    /// What checking a batch of bodies needs to know of what is already stored.
    public struct Context: Sendable {
        /// Stored bodies: level and parent.
        public var bodies: [String: (level: BodyLevel, parent: String?)]
        public var areaExists: @Sendable (String) -> Bool
        public var organisationExists: @Sendable (String) -> Bool

        public init(
            bodies: [String: (level: BodyLevel, parent: String?)], areaExists: @escaping @Sendable (String) -> Bool,
            organisationExists: @escaping @Sendable (String) -> Bool
        ) {
            self.bodies = bodies
            self.areaExists = areaExists
            self.organisationExists = organisationExists
        }
    }

    /// Checks a batch against itself and the store; `label` names an item in messages.
    public static func check(_ batch: [BodyDraft], context: Context, label: (Int) -> String = { "bodies[\($0)]" }) throws {
        var issues = IssueCollector()
        var seen: [String: Int] = [:]
        var all = context.bodies
        for d in batch { all[d.code] = (d.level, d.parent) }
        for (i, d) in batch.enumerated() {
            let at = label(i)
            Codes.check(d.code, field: "\(at).code", into: &issues)
            if let first = seen[d.code] { issues.add("\(at).code", "duplicate code '\(d.code)', first seen at \(label(first))") }
            seen[d.code] = i
            if d.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("\(at).name", "is required") }
            if let p = d.parent {
                if p == d.code {
                    issues.add("\(at).parent", "a body cannot be its own parent")
                } else if let parent = all[p] {
                    if parent.level < d.level {
                        issues.add(
                            "\(at).parent", "'\(p)' is a \(parent.level.rawValue) body; a \(d.level.rawValue) body reports to its own level or higher"
                        )
                    }
                } else {
                    issues.add("\(at).parent", "unknown body code '\(p)'")
                }
            }
            if let o = d.organisation, !context.organisationExists(o) { issues.add("\(at).organisation", "unknown organisation code '\(o)'") }
            let worldwide = d.worldwide ?? false
            if worldwide && d.level != .global { issues.add("\(at).worldwide", "only a global body can have a worldwide mandate") }
            if d.jurisdiction.isEmpty && !worldwide { issues.add("\(at).jurisdiction", "name at least one area the body serves") }
            for (k, a) in d.jurisdiction.enumerated() where !context.areaExists(a) {
                issues.add("\(at).jurisdiction[\(k)]", "unknown area code '\(a)'")
            }
            if let c = d.contact { c.check(at: "\(at).contact", into: &issues) }
            if d.topics.isEmpty { issues.add("\(at).topics", "name at least one topic of the body's mandate") }
            for (k, p) in (d.partners ?? []).enumerated() {
                if p == d.code {
                    issues.add("\(at).partners[\(k)]", "a body cannot partner itself")
                } else if all[p] == nil {
                    issues.add("\(at).partners[\(k)]", "unknown body code '\(p)'")
                }
            }
            for (k, p) in (d.sharesRestrictedWith ?? []).enumerated() {
                if p == d.code {
                    issues.add("\(at).sharesRestrictedWith[\(k)]", "a body reads its own records already")
                } else if all[p] == nil {
                    issues.add("\(at).sharesRestrictedWith[\(k)]", "unknown body code '\(p)'")
                }
            }
        }
        if let cycle = Codes.firstCycle(parents: all.compactMapValues(\.parent)) {
            issues.add("parent", "body links would form a cycle: \(cycle.joined(separator: " → "))")
        }
        try issues.throwIfAny()
    }

    public static func check(_ batch: [OrganisationDraft], areaExists: (String) -> Bool) throws {
        var issues = IssueCollector()
        var seen = Set<String>()
        for (i, o) in batch.enumerated() {
            let at = "organisations[\(i)]"
            Codes.check(o.code, field: "\(at).code", into: &issues)
            if !seen.insert(o.code).inserted { issues.add("\(at).code", "duplicate code '\(o.code)'") }
            if o.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("\(at).name", "is required") }
            if let c = o.country, !areaExists(c) { issues.add("\(at).country", "unknown area code '\(c)'") }
        }
        try issues.throwIfAny()
    }
}

/// A body's public contact: a phone line, an SMS number or short code, an e-mail address and an office address.
/// A community member without a smartphone needs these more than a web form.
public struct BodyContact: Sendable, Equatable, Codable {
    public var phone: String?
    public var sms: String?
    public var email: String?
    public var address: String?

    public init(phone: String? = nil, sms: String? = nil, email: String? = nil, address: String? = nil) {
        self.phone = phone
        self.sms = sms
        self.email = email
        self.address = address
    }

    public var isEmpty: Bool { [phone, sms, email, address].allSatisfy { ($0 ?? "").isEmpty } }

    func check(at: String, into issues: inout IssueCollector) {
        let dialable = Set("+0123456789 ()-.")
        for (name, value) in [("phone", phone), ("sms", sms)] {
            guard let v = value, !v.isEmpty else { continue }
            if v.count > 32 || !v.allSatisfy(dialable.contains) || v.filter(\.isNumber).count < 3 {
                issues.add("\(at).\(name)", "digits, spaces, +, -, ( ) and . only; 3 to 32 characters (a short code like 3311 is fine)")
            }
        }
        if let e = email, !e.isEmpty {
            let parts = e.split(separator: "@", omittingEmptySubsequences: false)
            if e.count > 254 || parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || e.contains(where: \.isWhitespace) {
                issues.add("\(at).email", "an e-mail address such as council@example.org")
            }
        }
        if let a = address, a.count > 300 { issues.add("\(at).address", "at most 300 characters") }
    }
}

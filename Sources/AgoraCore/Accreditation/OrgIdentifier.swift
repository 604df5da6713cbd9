import Foundation

/// An organisation identifier in org-id.guide form: a list (scheme) code such as `GH-RGD` or `KE-RSO`, and the id in
/// that list. The register of lists is data (`agora organisations schemes FILE`); `XX-AGORA` is the installation's own
/// list, for organisations no register holds (a village women's group).
public struct OrgIdentifier: Codable, Sendable, Hashable {
    public var scheme: String
    public var id: String
    public init(scheme: String, id: String) {
        self.scheme = scheme
        self.id = id
    }

    /// `GH-RGD-CG012345` as org-id.guide writes it.
    public var text: String { scheme + "-" + id }
    /// For duplicate detection: the same id typed with other case or separators is the same organisation.
    public var key: String { scheme.uppercased() + "-" + id.uppercased().filter { $0.isLetter || $0.isNumber } }
}

/// One list of the org-id.guide register, as stored.
public struct OrgScheme: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var coverage: [String]
    public var deprecated: Bool
    public init(code: String, name: String, coverage: [String] = [], deprecated: Bool = false) {
        self.code = code
        self.name = name
        self.coverage = coverage
        self.deprecated = deprecated
    }
}

public enum OrgIdentifiers {
    public static let localScheme = "XX-AGORA"

    /// Formats the lists' owners publish; a list not named here takes any id of letters, digits and `. / _ -`.
    public static let formats: [String: (pattern: String, says: String)] = [
        "GB-COH": (#"^(\d{8}|[A-Z]{2}\d{6})$"#, "8 digits, or 2 letters and 6 digits"),
        "GB-CHC": (#"^\d{6,7}$"#, "6 or 7 digits"),
        "US-EIN": (#"^\d{2}-?\d{7}$"#, "9 digits (12-3456789)"),
        "XM-DAC": (#"^\d{1,6}(-\d{1,6})?$"#, "a DAC code of digits (41301)"),
        "ZA-NPO": (#"^\d{3}-\d{3}(-NPO)?$"#, "123-456-NPO"),
        localScheme: (#"^[A-Z0-9][A-Z0-9-]{0,31}$"#, "up to 32 capital letters, digits and dashes"),
    ]

    /// Checks an identifier against the register; throws naming `field`.
    public static func check(_ i: OrgIdentifier, field: String, register: [String: OrgScheme]) throws {
        var issues = IssueCollector()
        if i.scheme != localScheme && register[i.scheme] == nil {
            issues.add(
                field + ".scheme",
                register.isEmpty
                    ? "'\(i.scheme)' cannot be checked: load the org-id.guide register (agora organisations schemes FILE), or use \(localScheme)"
                    : "'\(i.scheme)' is not a list of the org-id.guide register; use its code (GH-RGD, KE-RSO, NG-CAC …) or \(localScheme)")
        }
        let id = i.id
        if id.isEmpty || id.count > 64 || id.range(of: #"^[A-Za-z0-9][A-Za-z0-9./_-]*$"#, options: .regularExpression) == nil {
            issues.add(field + ".id", "1 to 64 letters, digits, dots, slashes, underscores or dashes, no spaces")
        } else if let f = formats[i.scheme], id.range(of: f.pattern, options: .regularExpression) == nil {
            issues.add(field + ".id", "'\(id)' is not an id of \(i.scheme): \(f.says)")
        }
        try issues.throwIfAny()
    }

    /// Parses `GH-RGD-CG012345`: the scheme is the longest list code of the register the text starts with (most are two
    /// parts, `GH-RGD`; some three, `CN-11-CR`); without a register, the first two parts.
    public static func parse(_ text: String, register: [String: OrgScheme] = [:]) -> OrgIdentifier? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        for n in [3, 2] where parts.count > n {
            let scheme = parts[0..<n].joined(separator: "-")
            if n == 2 || register[scheme] != nil {
                let id = parts[n...].joined(separator: "-")
                return id.isEmpty ? nil : OrgIdentifier(scheme: scheme, id: id)
            }
        }
        return nil
    }
}

/// Whether two organisations are likely the same: a shared identifier, or names alike once case, punctuation and
/// words every organisation uses are set aside ("WANEP Ghana" and "West Africa Network for Peacebuilding – Ghana"
/// are told apart only by their identifiers).
public enum OrgDuplicates {
    static let filler: Set<String> = ["the", "of", "for", "and", "in", "de", "la", "le", "des", "et", "pour", "du", "a", "an", "ltd", "limited"]

    public static func words(_ name: String) -> [String] {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { !filler.contains($0) }
    }

    /// Jaccard similarity of the names' character trigrams (over their words joined).
    public static func similarity(_ a: String, _ b: String) -> Double {
        func grams(_ s: String) -> Set<String> {
            let t = Array(" " + words(s).joined(separator: " ") + " ")
            guard t.count >= 3 else { return [String(t)] }
            return Set((0...(t.count - 3)).map { String(t[$0..<$0 + 3]) })
        }
        let x = grams(a)
        let y = grams(b)
        let union = x.union(y).count
        return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
    }

    public static func likelySame(_ a: String, _ b: String) -> Bool { words(a) == words(b) || similarity(a, b) >= 0.75 }
}

/// What an organisation tells the bodies it applies to: where and at which levels it works, the networks it belongs
/// to (WANEP-Ghana in WANEP), who funds it, and its registration evidence (document ids or links).
public struct OrganisationProfile: Codable, Sendable, Equatable {
    public var areas: [String]
    public var levels: [String]
    public var networks: [String]
    public var funding: String?
    public var evidence: [String]
    public init(areas: [String] = [], levels: [String] = [], networks: [String] = [], funding: String? = nil, evidence: [String] = []) {
        self.areas = areas
        self.levels = levels
        self.networks = networks
        self.funding = funding
        self.evidence = evidence
    }
}

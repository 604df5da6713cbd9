/// A closed list of words the installation and its API agree on; parsing names the field and the choices.
public protocol Vocabulary: RawRepresentable<String>, Sendable, Codable, CaseIterable, Hashable {
    /// What one value is called in an error message, e.g. "topic".
    static var noun: String { get }
}

extension Vocabulary {
    public static func parse(_ text: String, field: String) throws -> Self {
        guard let value = Self(rawValue: text) else {
            let choices = allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure(field: field, "'\(text)' is not a \(noun); use one of \(choices)")
        }
        return value
    }

    /// Decoding names the field and the allowed words instead of Swift's generic message.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let field = decoder.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        self = try Self.parse(text, field: field.hasPrefix(".") ? String(field.dropFirst()) : field)
    }
}

/// What a body has a mandate for. Routing (which body answers an alert) matches on these.
public enum Topic: String, Vocabulary {
    public static let noun = "topic"
    case earlyWarning = "early-warning"
    case response
    case mediation
    case dialogue
    case smallArms = "small-arms"
    case ddr
    case securitySectorReform = "security-sector-reform"
    case elections
    case naturalResources = "natural-resources"
    case humanitarian
    case humanRights = "human-rights"
    case civilSocietyEngagement = "cso-engagement"
}

/// What kind of institution a body is.
public enum BodyKind: String, Vocabulary {
    public static let noun = "kind of body"
    case peaceCouncil = "peace-council"
    case peaceCommittee = "peace-committee"
    case earlyWarningCentre = "early-warning-centre"
    case csoNetwork = "cso-network"
    case ministry
    case stateAgency = "state-agency"
    case regionalOrganisation = "regional-organisation"
    case organ
    case unBody = "un-body"
}

/// What kind of organisation people come from.
public enum OrganisationKind: String, Vocabulary {
    public static let noun = "kind of organisation"
    case cso
    case government
    case regional
    case un
    case `private`
    case traditional
    case religious
}

/// Who a member speaks for. Peace councils are mixed on purpose, and inclusion is measured by these.
public enum StakeholderCategory: String, Vocabulary {
    public static let noun = "stakeholder category"
    case state
    case cso
    case traditional
    case religious
    case women
    case youth
    case privateSector = "private-sector"
}

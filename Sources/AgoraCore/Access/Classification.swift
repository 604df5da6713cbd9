/// How widely a record may be read. Every record type that carries content carries one.
public enum Classification: String, Vocabulary, Comparable {
    public static let noun = "classification"
    /// Anyone, signed in or not.
    case `public`
    /// Any signed-in member of the installation.
    case `internal`
    /// Members of the owning body and of the bodies above it.
    case restricted
    /// Only the people and bodies named on the record.
    case confidential

    public var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Classification, b: Classification) -> Bool { a.rank < b.rank }
}

/// What a person may do in a body. Rights are per body: an analyst in one district is nobody in the next.
public enum Role: String, Vocabulary {
    public static let noun = "role"
    case monitor
    case analyst
    case responder
    case coordinator
    case csoLiaison = "cso-liaison"
    case auditor
    case bodyAdmin = "body-admin"
}

/// One role a person holds in one body.
public struct RoleGrant: Sendable, Hashable, Codable {
    public var body: String
    public var role: Role
    public init(body: String, role: Role) {
        self.body = body
        self.role = role
    }
}

/// Who is asking. Anonymous visitors are a viewer too: they see `public` only.
public enum Viewer: Sendable, Equatable {
    case anonymous
    case person(id: String, installationAdmin: Bool, roles: [RoleGrant])

    public var personID: String? {
        if case .person(let id, _, _) = self { return id }
        return nil
    }

    public var isInstallationAdmin: Bool {
        if case .person(_, let admin, _) = self { return admin }
        return false
    }

    public var roles: [RoleGrant] {
        if case .person(_, _, let roles) = self { return roles }
        return []
    }
}

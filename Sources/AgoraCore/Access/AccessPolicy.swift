/// What the access rule needs to know of one body.
public struct BodyNode: Sendable, Equatable {
    public var code: String
    public var level: BodyLevel
    public var parent: String?
    /// The body's jurisdiction, each area given with its ancestors (area first): enough to tell
    /// whether one body's jurisdiction lies inside another's without asking the store again.
    public var jurisdictionPaths: [[String]]
    public var worldwide: Bool
    /// A civil-society body (a CSO network). Wider jurisdiction makes a body "above" another only within the
    /// same sector: a national CSO network is not above the state's district councils by level alone.
    public var civilSociety: Bool
    /// Bodies this body shares its restricted records with (a partnership that says so).
    public var sharesWith: Set<String>

    public init(
        code: String, level: BodyLevel, parent: String?, jurisdictionPaths: [[String]], worldwide: Bool = false,
        civilSociety: Bool = false, sharesWith: Set<String> = []
    ) {
        self.code = code
        self.level = level
        self.parent = parent
        self.jurisdictionPaths = jurisdictionPaths
        self.worldwide = worldwide
        self.civilSociety = civilSociety
        self.sharesWith = sharesWith
    }
}

/// The bodies of the installation, with the one relation access rights follow: "is above".
public struct BodyTree: Sendable {
    public let nodes: [String: BodyNode]
    /// Reader → the bodies that share their restricted records with it.
    private let sharedWith: [String: Set<String>]

    public init(_ nodes: [BodyNode]) {
        self.nodes = Dictionary(nodes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var shared: [String: Set<String>] = [:]
        for n in nodes { for r in n.sharesWith { shared[r, default: []].insert(n.code) } }
        sharedWith = shared
    }

    /// The bodies whose restricted records `reader` reads by a sharing partnership.
    public func sharing(with reader: String) -> Set<String> { sharedWith[reader] ?? [] }

    /// True when `upper` is above `lower`: reached by parent links, or of a higher level with a
    /// jurisdiction that contains all of `lower`'s and of the same sector (a national centre is above the
    /// district councils of its country even when they report to a peace council instead; a national CSO
    /// network is not above them — a council shares with it by saying so, `sharesWith`).
    public func isAbove(_ upper: String, _ lower: String) -> Bool {
        guard upper != lower, let u = nodes[upper], let l = nodes[lower] else { return false }
        var seen = Set<String>()
        var next = l.parent
        while let p = next, seen.insert(p).inserted {
            if p == upper { return true }
            next = nodes[p]?.parent
        }
        guard u.level > l.level, u.civilSociety == l.civilSociety else { return false }
        if u.worldwide { return true }
        guard !l.worldwide, !l.jurisdictionPaths.isEmpty else { return false }
        let covered = Set(u.jurisdictionPaths.compactMap(\.first))
        return l.jurisdictionPaths.allSatisfy { path in path.contains(where: covered.contains) }
    }

    /// The body and every body below it.
    public func selfAndBelow(_ code: String) -> Set<String> {
        var out: Set<String> = [code]
        for other in nodes.keys where isAbove(code, other) { out.insert(other) }
        return out
    }
}

/// What a viewer may read, worked out once per request and then applied to every query.
public struct AccessScope: Sendable, Hashable {
    public var signedIn: Bool
    public var personID: String?
    /// Bodies in which the viewer holds any role.
    public var memberOf: Set<String>
    /// Owning bodies whose `restricted` records the viewer may read: their own bodies and all below.
    public var restrictedOwners: Set<String>
    /// Owning bodies whose `restricted` alerts the viewer reads through an organisation's accreditation that allows
    /// `restricted-alerts`: the accrediting body and every body below it.
    public var accreditedAlertOwners: Set<String> = []

    public static let anonymous = AccessScope(signedIn: false, personID: nil, memberOf: [], restrictedOwners: [])
}

/// The access rule of the installation, in one place. The data-access layer turns the same scope
/// into a SQL predicate (`AccessScope` → `WHERE …`); tests check both agree on every combination.
public enum AccessPolicy {
    /// `accreditedBy`: bodies that accredit an organisation the viewer acts for with `restricted-alerts`.
    public static func scope(for viewer: Viewer, in tree: BodyTree, accreditedBy: Set<String> = []) -> AccessScope {
        guard case .person(let id, let admin, let roles) = viewer else { return .anonymous }
        let member = Set(roles.map(\.body))
        var owners = Set<String>()
        // An installation administrator runs the whole installation: every restricted record, but
        // confidential ones still only by name.
        if admin {
            owners = Set(tree.nodes.keys)
        } else {
            for b in member { owners.formUnion(tree.selfAndBelow(b).union(tree.sharing(with: b))) }
        }
        var scope = AccessScope(signedIn: true, personID: id, memberOf: member, restrictedOwners: owners)
        for b in accreditedBy { scope.accreditedAlertOwners.formUnion(tree.selfAndBelow(b)) }
        return scope
    }

    /// What the rule needs to know of a record.
    public struct Record: Sendable, Equatable {
        public var classification: Classification
        public var ownerBody: String?
        public var grantedPeople: Set<String>
        public var grantedBodies: Set<String>
        /// Bodies the record is shared with because they must act on it (a case's responsible and
        /// informed bodies): each counts as an owner for `restricted` and as a grant for `confidential`.
        public var parties: Set<String>
        /// The person who made the record (a submitter), who reads it whatever its classification.
        public var author: String?
        /// A record type accredited organisations may read when restricted (alerts, with `restricted-alerts`).
        public var accreditedReadable: Bool

        public init(
            classification: Classification, ownerBody: String?, grantedPeople: Set<String> = [], grantedBodies: Set<String> = [],
            parties: Set<String> = [], author: String? = nil, accreditedReadable: Bool = false
        ) {
            self.author = author
            self.accreditedReadable = accreditedReadable
            self.classification = classification
            self.ownerBody = ownerBody
            self.grantedPeople = grantedPeople
            self.grantedBodies = grantedBodies
            self.parties = parties
        }
    }

    public static func canSee(_ scope: AccessScope, _ r: Record) -> Bool {
        if scope.signedIn, let p = scope.personID, r.author == p { return true }
        switch r.classification {
        case .public: return true
        case .internal: return scope.signedIn
        case .restricted:
            if scope.signedIn, r.accreditedReadable, let o = r.ownerBody, scope.accreditedAlertOwners.contains(o) { return true }
            return scope.signedIn && (r.ownerBody.map(scope.restrictedOwners.contains) == true || !r.parties.isDisjoint(with: scope.restrictedOwners))
        case .confidential:
            guard scope.signedIn else { return false }
            if let p = scope.personID, r.grantedPeople.contains(p) { return true }
            return !r.grantedBodies.isDisjoint(with: scope.memberOf) || !r.parties.isDisjoint(with: scope.memberOf)
        }
    }

    /// Whether the viewer holds one of these roles in the body itself (not above it).
    public static func holds(_ viewer: Viewer, _ roles: Set<Role>, in body: String) -> Bool {
        viewer.roles.contains { $0.body == body && roles.contains($0.role) }
    }

    /// Whether the viewer holds one of these roles in the body or in a body above it.
    public static func holds(_ viewer: Viewer, _ roles: Set<Role>, in body: String, orAbove tree: BodyTree) -> Bool {
        viewer.roles.contains { g in roles.contains(g.role) && (g.body == body || tree.isAbove(g.body, body)) }
    }
}

import Crypto
import Foundation

/// Who a DDR participant is to the programme (IDDRS 3.21): children are never combatants, whatever they carried.
public enum DDRCategory: String, Vocabulary {
    public static let noun = "participant category"
    case combatant, associated, child, dependant
}

/// A participant's way through the programme, and the three ways out of it.
public enum DDRStage: String, Vocabulary {
    public static let noun = "stage"
    case registered, screened, ineligible, disarmed, demobilised, reinsertion, reintegration, completed
    case droppedOut = "dropped-out"
    case reRecruited = "re-recruited"
    case deceased

    /// The programme's order (the funnel); exits and ineligibility are not on it.
    public static let path: [DDRStage] = [.registered, .screened, .disarmed, .demobilised, .reinsertion, .reintegration, .completed]
    public var isFinal: Bool { [.completed, .ineligible, .droppedOut, .reRecruited, .deceased].contains(self) }
    public var isExit: Bool { [.droppedOut, .reRecruited, .deceased].contains(self) }
}

/// What each step carries; the rules say which are needed.
public struct DDRStep: Codable, Sendable, Equatable {
    public var to: DDRStage
    /// Screening: the criterion applied (e.g. "proof of membership: weapon and knowledge test").
    public var criterion: String?
    public var reason: String?
    /// Disarmament: weapon ids in the register.
    public var weapons: [String]?
    public var certificate: String?
    public var site: String?
    public var option: String?
    public var provider: String?
    public var milestones: [String]?
    public var note: String?

    public init(
        to: DDRStage, criterion: String? = nil, reason: String? = nil, weapons: [String]? = nil, certificate: String? = nil, site: String? = nil,
        option: String? = nil, provider: String? = nil, milestones: [String]? = nil, note: String? = nil
    ) {
        self.to = to
        self.criterion = criterion
        self.reason = reason
        self.weapons = weapons
        self.certificate = certificate
        self.site = site
        self.option = option
        self.provider = provider
        self.milestones = milestones
        self.note = note
    }
}

public enum DDRRules {
    /// The participant's age in whole years on `day` (birth dates may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial
    /// date counts from its latest possible day, so that nobody is made older than they could be).
    public static func age(birth: String, on day: String) -> Int? {
        let parts = birth.split(separator: "-").compactMap { Int($0) }
        guard let y = parts.first, let (ty, tm, td) = CivilDate.fields(day) else { return nil }
        let m = parts.count > 1 ? parts[1] : 12
        let d = parts.count > 2 ? parts[2] : 31
        return ty - y - ((tm, td) < (m, d) ? 1 : 0)
    }

    public static func ageGroup(_ age: Int?) -> String {
        guard let a = age else { return "unknown" }
        switch a {
        case ..<18: return "under-18"
        case 18...24: return "18-24"
        case 25...35: return "25-35"
        case 36...50: return "36-50"
        default: return "51+"
        }
    }

    /// Registration: a birth date that reads, and anyone under 18 is a child (to be referred to child protection at once).
    public static func checkRegistration(category: DDRCategory, birth: String, sex: String, today: String) throws {
        var issues = IssueCollector()
        if let a = age(birth: birth, on: today) {
            if a < 0 || a > 110 { issues.add("identity.birthDate", "is not a plausible birth date") }
            if a < 18, category != .child {
                issues.add("category", "the participant is \(a): anyone under 18 is registered as child and referred to child protection")
            }
        } else {
            issues.add("identity.birthDate", "YYYY, YYYY-MM or YYYY-MM-DD")
        }
        if !["female", "male", "other"].contains(sex) { issues.add("sex", "female, male or other") }
        try issues.throwIfAny()
    }

    /// Nil when `from → step.to` is allowed with what the step carries, else the field and why not.
    public static func refusal(from: DDRStage, category: DDRCategory, _ s: DDRStep) -> (field: String, message: String)? {
        if from.isFinal { return ("to", "the participant's record is closed (\(from.rawValue))") }
        if s.to.isExit { return MediationRules.blank(s.note ?? "") ? ("note", "say what happened") : nil }
        let next: DDRStage? = {
            switch from {
            case .registered: return .screened
            case .screened: return category == .combatant ? .disarmed : nil
            case .disarmed: return .demobilised
            case .demobilised: return .reinsertion
            case .reinsertion: return .reintegration
            case .reintegration: return .completed
            default: return nil
            }
        }()
        let allowed: Set<DDRStage> =
            switch from {
            case .registered: [.screened, .ineligible]
            // Those who carried no weapon (associated, children, dependants) go on without disarmament.
            case .screened: category == .combatant ? [.disarmed] : [.disarmed, .demobilised]
            default: next.map { [$0] } ?? []
            }
        guard allowed.contains(s.to) else {
            let expected = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            return ("to", "a \(from.rawValue) participant goes next to \(expected), not \(s.to.rawValue)")
        }
        func blank(_ v: String?) -> Bool { MediationRules.blank(v ?? "") }
        switch s.to {
        case .screened where blank(s.criterion): return ("criterion", "name the eligibility criterion applied")
        case .ineligible where blank(s.criterion) || blank(s.reason):
            return (blank(s.criterion) ? "criterion" : "reason", "say which criterion and why")
        case .demobilised where blank(s.certificate): return ("certificate", "the demobilisation certificate's number")
        case .demobilised where blank(s.site): return ("site", "where the participant was demobilised")
        case .reintegration where blank(s.option): return ("option", "the reintegration option (vocational training, agriculture, education …)")
        case .reintegration where blank(s.provider): return ("provider", "who provides it")
        default: return nil
        }
    }

    /// A second payment of a tranche the participant was already paid.
    public static func isSecondPayment(tranche: String, paid: [String]) -> Bool {
        let k = MediationRules.key(tranche)
        return paid.contains { MediationRules.key($0) == k }
    }
}

/// The identity details the programme keeps sealed; only keyed hashes of them are compared.
public struct DDRIdentity: Codable, Sendable, Equatable {
    public var givenNames: String
    public var familyName: String
    public var birthDate: String
    public var placeOfOrigin: String?
    public var motherName: String?
    public var idNumber: String?
    public var phone: String?

    public init(
        givenNames: String, familyName: String, birthDate: String, placeOfOrigin: String? = nil, motherName: String? = nil, idNumber: String? = nil,
        phone: String? = nil
    ) {
        self.givenNames = givenNames
        self.familyName = familyName
        self.birthDate = birthDate
        self.placeOfOrigin = placeOfOrigin
        self.motherName = motherName
        self.idNumber = idNumber
        self.phone = phone
    }

    /// A name as compared: accents, case, order and spelling variants aside (Mohammed, Muhammed and Mohamed meet;
    /// Kamara and Camara meet): each word reduced to its first letter and its consonants, the words sorted.
    public static func nameKey(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split { !$0.isLetter }.map { word -> String in
            var s = String(word).replacingOccurrences(of: "ph", with: "f").replacingOccurrences(of: "ck", with: "k")
            s = String(s.map { c -> Character in ["c": "k", "q": "k", "z": "s", "v": "f"][c] ?? c })
            guard let first = s.first else { return "" }
            let rest = s.dropFirst().filter { !"aeiouyhw".contains($0) }
            var out = ""
            for c in [first == "y" ? "i" : first] + Array(rest) where out.last != c { out.append(c) }
            return out
        }
        return words.filter { !$0.isEmpty }.sorted().joined(separator: " ")
    }

    /// The attributes compared for double registration: name with full birth date, name with birth year (a day and
    /// month given differently, or swapped), the ID document, and name with the mother's name.
    public var matchAttributes: [String] {
        let name = Self.nameKey(givenNames + " " + familyName)
        let digits = birthDate.filter(\.isNumber)
        var out = ["name-birth:\(name)|\(digits)", "name-year:\(name)|\(digits.prefix(4))"]
        if let id = idNumber?.uppercased().filter({ $0.isLetter || $0.isNumber }), !id.isEmpty { out.append("document:\(id)") }
        if let m = motherName, !MediationRules.blank(m) { out.append("name-mother:\(name)|\(Self.nameKey(m))") }
        return out
    }

    public func validate() throws {
        var issues = IssueCollector()
        if MediationRules.blank(givenNames) { issues.add("identity.givenNames", "required") }
        if MediationRules.blank(familyName) { issues.add("identity.familyName", "required") }
        try issues.throwIfAny()
    }
}

/// Keyed hashes of identity attributes (HMAC-SHA256 under a key derived from the installation's secret): equal
/// attributes give equal keys in this installation only, and a copy of the store does not reveal who registered.
public struct DDRIdentityKeys: Sendable {
    let key: SymmetricKey

    public init(secret: SymmetricKey) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: secret, info: Data("agora ddr identity v1".utf8), outputByteCount: 32)
    }

    public func keys(_ identity: DDRIdentity) -> [String] {
        identity.matchAttributes.map { a in
            let kind = a.prefix { $0 != ":" }
            return kind + ":" + Hex.string(HMAC<SHA256>.authenticationCode(for: Data(a.utf8), using: key))
        }
    }
}

/// Counts that may leave the programme: cells under five shown as "<5" so that no one is singled out.
public enum DDRAggregates {
    public struct Row: Sendable {
        public var sex: String
        public var ageGroup: String
        public var category: DDRCategory
        public var stage: DDRStage
        public var area: String
        /// The furthest stage of the path the participant reached (an exit keeps it).
        public var furthest: DDRStage
        public init(sex: String, ageGroup: String, category: DDRCategory, stage: DDRStage, area: String, furthest: DDRStage? = nil) {
            self.furthest = furthest ?? stage
            self.sex = sex
            self.ageGroup = ageGroup
            self.category = category
            self.stage = stage
            self.area = area
        }
    }

    public static let threshold = 5

    public static func cell(_ n: Int) -> String { n > 0 && n < threshold ? "<\(threshold)" : String(n) }

    /// Dimension → value → suppressed count, and the funnel: how many reached each stage of the path.
    public static func of(_ rows: [Row]) -> (total: String, by: [String: [String: String]], funnel: [(stage: DDRStage, count: String)]) {
        func count(_ key: (Row) -> String) -> [String: String] {
            Dictionary(grouping: rows, by: key).mapValues { cell($0.count) }
        }
        let by: [String: [String: String]] = [
            "sex": count(\.sex), "ageGroup": count(\.ageGroup), "category": count(\.category.rawValue), "stage": count(\.stage.rawValue),
            "area": count(\.area),
        ]
        let funnel = DDRStage.path.map { s in
            (stage: s, count: cell(rows.filter { reached($0.furthest, s) }.count))
        }
        return (cell(rows.count), by, funnel)
    }

    /// Whether a participant whose furthest stage is `furthest` passed `stage`.
    static func reached(_ furthest: DDRStage, _ stage: DDRStage) -> Bool {
        if stage == .registered { return true }
        guard let a = DDRStage.path.firstIndex(of: furthest), let b = DDRStage.path.firstIndex(of: stage) else { return false }
        return a >= b
    }
}

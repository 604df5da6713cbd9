import Foundation

/// A small arm or light weapon as a commission records it: the International Tracing Instrument's marks (manufacturer,
/// country of manufacture, serial) and the ISACS 05.30 record fields, the UN Register category, and where it stands.
public enum WeaponStatus: String, Vocabulary {
    public static let noun = "weapon status"
    case stateStock = "state-stock"
    case licensedCivilian = "licensed-civilian"
    case seized, surrendered, collected
    case inCustody = "in-custody"
    case deactivated, destroyed
    case lostOrStolen = "lost-or-stolen"
    case exported
}

/// The UN Register of Conventional Arms' small-arms and light-weapons sub-categories.
public enum WeaponType: String, Vocabulary {
    public static let noun = "weapon type"
    case pistol = "revolver-or-self-loading-pistol"
    case rifle = "rifle-or-carbine"
    case subMachineGun = "sub-machine-gun"
    case assaultRifle = "assault-rifle"
    case lightMachineGun = "light-machine-gun"
    case heavyMachineGun = "heavy-machine-gun"
    case grenadeLauncher = "grenade-launcher"
    case antiTankGun = "portable-anti-tank-gun"
    case recoillessRifle = "recoilless-rifle"
    case antiTankLauncher = "portable-anti-tank-missile-launcher"
    case mortar = "mortar-under-75mm"
    case other
}

/// The marks and record fields of one weapon (ISACS 05.30).
public struct WeaponMarks: Codable, Sendable, Equatable {
    public var manufacturer: String?
    public var countryOfManufacture: String?
    public var serial: String?
    public var yearOfManufacture: Int?
    public var model: String?
    public var calibre: String?
    /// Where on the weapon the marks are (receiver, barrel, slide).
    public var markLocations: [String]
    /// No marks at all (a craft weapon): recorded as such, and the ITI minimum does not apply.
    public var unmarked: Bool
    /// Marks filed off, ground or overstamped: a sign of diversion, flagged on every search that finds it.
    public var altered: Bool

    public init(
        manufacturer: String? = nil, countryOfManufacture: String? = nil, serial: String? = nil, yearOfManufacture: Int? = nil, model: String? = nil,
        calibre: String? = nil, markLocations: [String] = [], unmarked: Bool = false, altered: Bool = false
    ) {
        self.manufacturer = manufacturer
        self.countryOfManufacture = countryOfManufacture
        self.serial = serial
        self.yearOfManufacture = yearOfManufacture
        self.model = model
        self.calibre = calibre
        self.markLocations = markLocations
        self.unmarked = unmarked
        self.altered = altered
    }

    enum CodingKeys: String, CodingKey {
        case manufacturer, countryOfManufacture, serial, yearOfManufacture, model, calibre, markLocations, unmarked, altered
    }

    /// Flags and mark locations may be left out (false, none).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            manufacturer: try c.decodeIfPresent(String.self, forKey: .manufacturer),
            countryOfManufacture: try c.decodeIfPresent(String.self, forKey: .countryOfManufacture),
            serial: try c.decodeIfPresent(String.self, forKey: .serial),
            yearOfManufacture: try c.decodeIfPresent(Int.self, forKey: .yearOfManufacture),
            model: try c.decodeIfPresent(String.self, forKey: .model), calibre: try c.decodeIfPresent(String.self, forKey: .calibre),
            markLocations: try c.decodeIfPresent([String].self, forKey: .markLocations) ?? [],
            unmarked: try c.decodeIfPresent(Bool.self, forKey: .unmarked) ?? false,
            altered: try c.decodeIfPresent(Bool.self, forKey: .altered) ?? false)
    }

    /// The ITI minimum — manufacturer, country of manufacture and serial — unless the weapon is recorded as unmarked;
    /// a year in the future or before firearms were serial-numbered is refused. Throws naming `field`.
    public func validate(field: String = "marks", thisYear: Int) throws {
        var issues = IssueCollector()
        if !unmarked {
            for (name, value) in [("manufacturer", manufacturer), ("countryOfManufacture", countryOfManufacture), ("serial", serial)]
            where MediationRules.blank(value ?? "") {
                issues.add("\(field).\(name)", "the International Tracing Instrument's minimum marks; or record the weapon as unmarked")
            }
        }
        if let c = countryOfManufacture, !MediationRules.blank(c), c.range(of: #"^[A-Z]{2,3}$"#, options: .regularExpression) == nil {
            issues.add("\(field).countryOfManufacture", "an ISO 3166 country code (RU, BG, CN …)")
        }
        if let y = yearOfManufacture, !(1850...thisYear).contains(y) { issues.add("\(field).yearOfManufacture", "1850 to \(thisYear)") }
        try issues.throwIfAny()
    }
}

/// Serial search that finds a weapon however its serial was read or typed: case, spaces and dashes aside, look-alike
/// characters folded (O/0, I/L/1, S/5, B/8, Z/2, G/6), `*` for any run and `?` for one character, and a partial serial
/// (a number half-erased) found inside a longer one.
public enum SerialSearch {
    static let folds: [Character: Character] = ["O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2", "G": "6"]

    /// The serial as compared: upper case, letters and digits only, look-alikes folded.
    public static func key(_ serial: String) -> String {
        String(
            serial.uppercased().compactMap { c -> Character? in
                guard c.isLetter || c.isNumber else { return nil }
                return folds[c] ?? c
            })
    }

    /// Whether `query` finds `serial`: a pattern with `*` and `?` must match the whole serial; without them the query
    /// may be any part of it (at least three characters, so that "1" does not find every weapon).
    public static func matches(_ query: String, _ serial: String) -> Bool {
        let s = Array(key(serial))
        let wild = query.contains("*") || query.contains("?")
        let pattern: [Character] = Array(query.uppercased()).compactMap { c in
            if c == "*" || c == "?" { return c }
            guard c.isLetter || c.isNumber else { return nil }
            return folds[c] ?? c
        }
        guard wild else {
            guard pattern.count >= 3 else { return pattern == s }
            return String(s).contains(String(pattern))
        }
        return glob(pattern[...], s[...])
    }

    static func glob(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        switch first {
        case "*": return glob(p.dropFirst(), s) || (!s.isEmpty && glob(p, s.dropFirst()))
        case "?": return !s.isEmpty && glob(p.dropFirst(), s.dropFirst())
        default: return s.first == first && glob(p.dropFirst(), s.dropFirst())
        }
    }

    /// A seized or collected weapon whose marks match a lost-or-stolen record: same manufacturer (when both known) and
    /// the same serial once folded — the diversion an alert must tell the commission of.
    public static func diverted(_ found: WeaponMarks, _ lost: WeaponMarks) -> Bool {
        guard let a = found.serial, let b = lost.serial, !key(a).isEmpty, key(a) == key(b) else { return false }
        if let m = found.manufacturer, let n = lost.manufacturer, !m.isEmpty, !n.isEmpty {
            return MediationRules.key(m) == MediationRules.key(n)
        }
        return true
    }
}

import Foundation

/// Reading the PA-X Peace Agreements Database export (`pax_all_agreements_data.csv`, 266 columns): each row an
/// agreement, its header columns and a column per coded provision (0 absent, 1–3 from rhetorical to detailed).
public enum PAX {
    /// The header columns an import reads; a file without any of them is another layout, refused at the header.
    public static let required = ["Con", "AgtId", "Agt", "Dat", "Status", "Stage", "Part", "ThrdPart", "Reg"]

    /// PA-X's main provision columns and the themes they stand for (sub-columns such as `GChRhet` refine these and
    /// are not themes of their own). The names are PA-X codebook's, shortened.
    public static let themes: [(code: String, name: String)] = [
        ("GCh", "Children and youth"), ("GDis", "Persons with disabilities"), ("GAge", "Older persons"), ("GMig", "Migrant workers"),
        ("GRa", "Racial, ethnic and national groups"), ("GRe", "Religious groups"), ("GInd", "Indigenous people"), ("GOth", "Other groups"),
        ("GRef", "Refugees and displaced persons"), ("GSoc", "Social class"), ("GeWom", "Women, girls and gender"), ("GeMe", "Men and boys"),
        ("GeLgbti", "LGBTI"), ("GeFa", "Family"), ("StDef", "State definition"), ("Pol", "Political institutions"),
        ("ConRen", "Constitutional reform"), ("Cons", "Constitution"), ("Ele", "Elections"), ("ElecComm", "Electoral commission"),
        ("PolPar", "Political parties"), ("Civso", "Civil society"), ("Tral", "Traditional and religious leaders"),
        ("Pubad", "Public administration"), ("Polps", "Political power sharing"), ("Terps", "Territorial power sharing"),
        ("Eps", "Economic power sharing"), ("Mps", "Military power sharing"), ("HrGen", "Human rights"), ("EqGen", "Equality"),
        ("HrDem", "Democracy"), ("Prot", "Protection"), ("HrFra", "Human rights framework"), ("HrCp", "Civil and political rights"),
        ("HrSec", "Socio-economic rights"), ("HrNi", "National human rights institution"), ("HrIi", "International human rights oversight"),
        ("HrMob", "Freedom of movement"), ("HrDet", "Detention"), ("Med", "Media and communication"), ("HrCit", "Citizenship"),
        ("JusCr", "Criminal justice"), ("JusEm", "State of emergency"), ("JusJu", "Judiciary and courts"), ("JusPri", "Prisons"),
        ("JusTra", "Traditional law"), ("Dev", "Development"), ("NEC", "National economic plan"), ("NatRes", "Natural resources"),
        ("IntFu", "International funds"), ("Bus", "Business"), ("Tax", "Taxation"), ("Ban", "Banks"), ("LaRef", "Land reform"),
        ("LaNom", "Pastoralism and nomadism"), ("LaCH", "Cultural heritage"), ("LaEn", "Environment"), ("Wat", "Water"),
        ("SsrGua", "Security guarantees"), ("Ce", "Ceasefire"), ("SsrPol", "Police"), ("SsrArm", "Armed forces"), ("SsrDdr", "DDR"),
        ("SsrInt", "Intelligence services"), ("SsrPsf", "Parastatal and rebel forces"), ("SsrFf", "Withdrawal of foreign forces"),
        ("Cor", "Corruption"), ("SsrCrOcr", "Organised crime"), ("SsrDrugs", "Drugs"), ("Terr", "Terrorism"),
        ("TjGen", "Transitional justice"), ("TjAm", "Amnesty"), ("TjCou", "Courts for past crimes"), ("TjMech", "Truth and justice mechanism"),
        ("TjPrire", "Prisoner release"), ("TjVet", "Vetting"), ("TjVic", "Victims"), ("TjMis", "Missing persons"), ("TjRep", "Reparations"),
        ("TjNR", "Reconciliation"), ("ImUN", "UN signatory"), ("ImOth", "Other international signatory"), ("ImRef", "Referendum"),
        ("ImPK", "International mission or force"), ("ImE", "Enforcement mechanism"),
    ]
    public static let themeNames = Dictionary(themes.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })

    /// One agreement read from a row, and the line it starts on.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var draft: AgreementDraft
    }

    /// Every row, or every issue (line and column named) and no rows. `countries` keeps rows whose `Con` names one of
    /// them (case-insensitive, as PA-X writes them: "Kenya", "Ghana").
    public static func read(_ text: String, countries: [String] = []) throws -> [Row] {
        let table = try CSVTable.parse(text, separator: ",")
        let missing = required.filter { table.column($0) == nil }
        if !missing.isEmpty {
            throw ValidationFailure(
                field: "header",
                "not the PA-X agreements layout: no column \(missing.joined(separator: ", ")) (expected the export of pax_all_agreements_data.csv)")
        }
        let col = Dictionary(uniqueKeysWithValues: required.map { ($0, table.column($0)!) })
        let themeCols = themes.compactMap { t in table.column(t.code).map { (t.code, $0) } }
        if themeCols.count < themes.count / 2 {
            throw ValidationFailure(field: "header", "not the PA-X agreements layout: too few provision columns")
        }
        let wanted = Set(countries.map { $0.lowercased() })
        var issues = IssueCollector()
        var out: [Row] = []
        var ids = [Int: Int]()
        for row in table.rows {
            let at = "line \(row.line)"
            guard row.fields.count == table.header.count else {
                issues.add(at, "\(row.fields.count) fields where the header has \(table.header.count)")
                continue
            }
            func v(_ c: String) -> String { table.value(row, col[c]) ?? "" }
            let con = v("Con")
            if !wanted.isEmpty, !con.lowercased().split(separator: "/").contains(where: { wanted.contains($0.trimmingCharacters(in: .whitespaces)) }),
                !wanted.contains(con.lowercased())
            {
                continue
            }
            guard let id = Int(v("AgtId")), id > 0 else {
                issues.add(at + ", AgtId", "'\(v("AgtId"))' is not an agreement id")
                continue
            }
            if let first = ids[id] { issues.add(at + ", AgtId", "\(id) is already on line \(first)") }
            ids[id] = row.line
            var themes: [ThemeCode] = []
            for (code, c) in themeCols {
                let raw = table.value(row, c) ?? "0"
                guard let d = Int(raw), (0...3).contains(d) else {
                    issues.add(at + ", \(code)", "'\(raw)' is not a provision code 0–3")
                    continue
                }
                if d > 0 { themes.append(ThemeCode(code: code, depth: d)) }
            }
            let draft = AgreementDraft(
                title: v("Agt"), date: v("Dat"), status: v("Status"), stage: v("Stage"), parties: v("Part"), thirdParties: v("ThrdPart"),
                country: con, region: v("Reg"), paxID: id, themes: themes)
            do { try AgreementRules.check(draft, requireParties: false) } catch let f as ValidationFailure {
                for i in f.issues { issues.add(at + ", " + paxColumn(i.field), i.message) }
                continue
            }
            out.append(Row(line: row.line, draft: draft))
        }
        try issues.throwIfAny()
        return out
    }

    /// The PA-X column behind a field of the draft, for error messages that point into the file.
    static func paxColumn(_ field: String) -> String {
        ["title": "Agt", "date": "Dat", "stage": "Stage", "parties": "Part", "country": "Con", "status": "Status"][field] ?? field
    }
}

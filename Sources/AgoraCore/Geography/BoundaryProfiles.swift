import Foundation

/// How the properties of a boundary file name an area. Known layouts are recognised; any other
/// file says which properties hold the code and the name.
public struct BoundaryMapping: Sendable, Equatable {
    public var level: AreaLevel?
    public var codeProperty: String?
    public var nameProperty: String?
    public var parentProperty: String?
    /// A parent for every feature, when the file holds one country's areas and no parent column.
    public var parent: String?
    public var source: String?

    public init(
        level: AreaLevel? = nil, codeProperty: String? = nil, nameProperty: String? = nil,
        parentProperty: String? = nil, parent: String? = nil, source: String? = nil
    ) {
        self.level = level
        self.codeProperty = codeProperty
        self.nameProperty = nameProperty
        self.parentProperty = parentProperty
        self.parent = parent
        self.source = source
    }
}

public enum BoundaryProfiles {
    /// Turns GeoJSON features into area drafts. Every feature needs a polygon, a code and a name.
    public static func drafts(from features: [GeoJSON.Feature], mapping: BoundaryMapping) throws -> [AreaDraft] {
        var issues = IssueCollector()
        var out: [AreaDraft] = []
        for f in features {
            let at = "features[\(f.index)]"
            guard let geometry = f.geometry else {
                issues.add("\(at).geometry", "an area needs a Polygon or MultiPolygon")
                continue
            }
            let p = f.properties
            do {
                var d = try draft(p, mapping: mapping, at: at)
                d.geometry = geometry
                d.source = mapping.source ?? d.source
                d.origin = at
                out.append(d)
            } catch let failure as ValidationFailure {
                for i in failure.issues { issues.add(i.field, i.message) }
            }
        }
        try issues.throwIfAny()
        return out
    }

    private static func draft(_ p: [String: JSONValue], mapping m: BoundaryMapping, at: String) throws -> AreaDraft {
        func text(_ key: String?) -> String? { key.flatMap { p[$0]?.text } }
        func require(_ key: String?, _ what: String) throws -> String {
            guard let key else { throw ValidationFailure(field: at, "cannot tell which property holds the \(what); pass it") }
            guard let v = text(key) else { throw ValidationFailure(field: "\(at).properties.\(key)", "is empty; the \(what) is required") }
            return v
        }
        // Explicit mapping wins over recognised layouts.
        if m.codeProperty != nil || m.nameProperty != nil {
            guard let level = m.level else { throw ValidationFailure(field: "level", "say which level the file's areas are on") }
            return AreaDraft(
                code: try require(m.codeProperty, "code"), name: try require(m.nameProperty, "name"),
                level: level, parent: text(m.parentProperty) ?? m.parent)
        }
        if p["ADM0_A3"] != nil {  // Natural Earth admin-0
            let iso = text("ISO_A3")
            let code = (iso == nil || iso == "-99") ? try require("ADM0_A3", "code") : iso!
            var names: [String: String] = [:]
            for lang in ["fr", "ar", "pt", "es"] { names[lang] = text("NAME_" + lang.uppercased()) }
            return AreaDraft(
                code: code, name: text("NAME") ?? text("ADMIN") ?? code, names: names, level: .country,
                parent: nil, source: "Natural Earth admin-0")
        }
        for n in [2, 1] where p["admin\(n)Pcod"] != nil {  // OCHA COD-AB
            let level: AreaLevel = n == 1 ? .admin1 : .admin2
            var parent = text("admin\(n - 1)Pcod")
            if n == 1, let a2 = parent, let c = Country.find(a2) { parent = c.alpha3 }
            return AreaDraft(
                code: try require("admin\(n)Pcod", "P-code"), name: try require("admin\(n)Name", "name"),
                level: level, parent: m.parent ?? parent, source: "OCHA COD-AB")
        }
        if p["county_code"] != nil, p["county_name"] != nil {  // Kenya's 47 counties; P-code is KE + 3 digits
            guard let n = p["county_code"]?.number, n >= 1, n < 1000 else {
                throw ValidationFailure(field: "\(at).properties.county_code", "is not a county number")
            }
            return AreaDraft(
                code: String(format: "KE%03d", Int(n)), name: try require("county_name", "name"),
                level: .admin1, parent: m.parent ?? "KEN", source: "Kenya counties (OSM)")
        }
        throw ValidationFailure(field: at, "the properties are not of a layout Agora knows; pass the code and name properties and the level")
    }

    /// Reads an OCHA global P-code list (Location, Admin Level, P-Code, Name, Parent P-Code).
    /// `countries` limits it to some ISO3 codes; empty means all.
    public static func drafts(fromPcodeCSV text: String, countries: Set<String>) throws -> [AreaDraft] {
        let table = try CSVTable.parse(text)
        let cols = ["Location", "Admin Level", "P-Code", "Name", "Parent P-Code"].map { (name: $0, index: table.column($0)) }
        let missing = cols.filter { $0.index == nil }.map(\.name)
        if !missing.isEmpty { throw ValidationFailure(field: "header", "missing column(s): \(missing.joined(separator: ", "))") }
        let (loc, lvl, code, name, parent) = (cols[0].index, cols[1].index, cols[2].index, cols[3].index, cols[4].index)
        var issues = IssueCollector()
        var out: [AreaDraft] = []
        for row in table.rows {
            let at = "line \(row.line)"
            guard let country = table.value(row, loc)?.uppercased() else {
                issues.add(at, "Location is empty")
                continue
            }
            if !countries.isEmpty && !countries.contains(country) { continue }
            let level: AreaLevel
            switch table.value(row, lvl) {
            case "1": level = .admin1
            case "2": level = .admin2
            case "3": level = .community
            case let other:
                issues.add("\(at).Admin Level", "'\(other ?? "")' is not 1, 2 or 3")
                continue
            }
            guard let c = table.value(row, code) else {
                issues.add("\(at).P-Code", "is empty")
                continue
            }
            guard let n = table.value(row, name) else {
                issues.add("\(at).Name", "is empty")
                continue
            }
            var d = AreaDraft(code: c, name: n, level: level, parent: table.value(row, parent) ?? country, source: "OCHA global P-codes")
            d.origin = at
            out.append(d)
        }
        try issues.throwIfAny()
        return out
    }
}

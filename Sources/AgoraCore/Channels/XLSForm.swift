import Foundation

/// An XLSForm (the `survey`, `choices` and `settings` sheets KoboToolbox and ODK users write) turned into the
/// XForm Collect downloads. The common subset: text, numbers, dates and times, select one/many from a list,
/// a point, photos and recordings, notes, groups, calculations, relevance, constraints and the usual metadata,
/// with labels in several languages (`label::French (fr)`). Anything else is refused by row and type rather
/// than served half-understood.
public struct XLSForm: Sendable, Equatable {
    public var formID: String
    public var title: String
    public var version: String
    public var xform: String
    /// Every answerable field by its path below the root (`group/question`), in order.
    public var fields: [String]

    public typealias Sheet = [(line: Int, cells: [String])]

    public static let supported = [
        "text", "integer", "decimal", "date", "time", "dateTime", "select_one", "select_multiple", "geopoint", "image", "audio", "note",
        "calculate", "begin group", "end group", "start", "end", "today", "deviceid",
    ]
    static let bindTypes = [
        "text": "string", "integer": "int", "decimal": "decimal", "date": "date", "time": "time", "dateTime": "dateTime",
        "select_one": "string", "select_multiple": "string", "geopoint": "geopoint", "image": "binary", "audio": "binary", "note": "string",
        "calculate": "string", "start": "dateTime", "end": "dateTime", "today": "date", "deviceid": "string",
    ]
    static let preloads = [
        "start": ("timestamp", "start"), "end": ("timestamp", "end"), "today": ("date", "today"), "deviceid": ("property", "deviceid"),
    ]

    private struct Question {
        var line: Int
        var type: String
        var list: String?
        var name: String
        var path: String
        var labels: [String: String]
        var hints: [String: String]
        var column: [String: String]
    }

    /// `sheets`: by name (case-insensitive); `fallbackVersion` when the settings give none.
    public static func read(_ sheets: [String: Sheet], fallbackVersion: String) throws -> XLSForm {
        var issues = IssueCollector()
        let byName = Dictionary(sheets.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        guard let survey = byName["survey"], let head = survey.first else {
            throw ValidationFailure(field: "survey", "the workbook has no survey sheet")
        }
        func table(_ s: Sheet) -> (header: [String], rows: [(Int, [String: String])]) {
            let header = (s.first?.cells ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
            let rows = s.dropFirst().map { r in
                (
                    r.line,
                    Dictionary(
                        zip(header, r.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }).filter { !$0.0.isEmpty },
                        uniquingKeysWith: { a, _ in a })
                )
            }
            return (header, rows)
        }
        let (surveyHeader, surveyRows) = table(survey)
        _ = head
        for required in ["type", "name"] where !surveyHeader.contains(required) { issues.add("survey", "no '\(required)' column") }
        try issues.throwIfAny()

        // Settings: the form's id, title and version.
        let settings = byName["settings"].map { table($0).rows.first?.1 ?? [:] } ?? [:]
        let formID = settings["form_id"].flatMap { $0.isEmpty ? nil : $0 } ?? "form"
        let title = settings["form_title"].flatMap { $0.isEmpty ? nil : $0 } ?? formID
        let version = settings["version"].flatMap { $0.isEmpty ? nil : $0 } ?? fallbackVersion
        if !validName(formID) { issues.add("settings.form_id", "'\(formID)' is not a valid id: letters, digits, _ - .") }

        // Choices by list.
        var lists: [String: [(name: String, labels: [String: String])]] = [:]
        if let c = byName["choices"] {
            for (line, row) in table(c).rows {
                guard let list = row["list_name"] ?? row["list name"], !list.isEmpty else { continue }
                guard let n = row["name"], !n.isEmpty else {
                    issues.add("choices row \(line)", "a choice needs a name")
                    continue
                }
                lists[list, default: []].append((n, labels(row, "label")))
            }
        }

        // Questions, with their paths through groups.
        var questions: [Question] = []
        var groups: [String] = []
        var seen: [String: Int] = [:]
        for (line, row) in surveyRows {
            guard let rawType = row["type"], !rawType.isEmpty else { continue }
            let parts = rawType.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            var type = parts[0]
            var list: String?
            if rawType == "begin group" || rawType == "begin_group" { type = "begin group" }
            if rawType == "end group" || rawType == "end_group" { type = "end group" }
            if ["select_one", "select_multiple"].contains(type) {
                guard parts.count == 2 else {
                    issues.add("survey row \(line).type", "'\(rawType)': name the choice list, e.g. select_one yes_no")
                    continue
                }
                list = parts[1]
                if lists[parts[1]] == nil { issues.add("survey row \(line).type", "no choice list '\(parts[1])' in the choices sheet") }
            } else if parts.count > 1 && type != "begin group" && type != "end group" {
                issues.add("survey row \(line).type", "type '\(rawType)' is not supported; supported: \(supported.joined(separator: ", "))")
                continue
            }
            guard supported.contains(type) else {
                issues.add("survey row \(line).type", "type '\(rawType)' is not supported; supported: \(supported.joined(separator: ", "))")
                continue
            }
            if type == "end group" {
                if groups.popLast() == nil { issues.add("survey row \(line).type", "end group without a begin group") }
                continue
            }
            let name = row["name"] ?? ""
            guard validName(name) else {
                issues.add("survey row \(line).name", "'\(name)' is not a valid name: a letter or _, then letters, digits, _ - .")
                continue
            }
            if let earlier = seen[name] { issues.add("survey row \(line).name", "'\(name)' is already the name of row \(earlier)") }
            seen[name] = line
            let path = (groups + [name]).joined(separator: "/")
            questions.append(
                Question(
                    line: line, type: type, list: list, name: name, path: path, labels: labels(row, "label"), hints: labels(row, "hint"), column: row)
            )
            if type == "begin group" { groups.append(name) }
        }
        if !groups.isEmpty { issues.add("survey", "group '\(groups.last!)' is never ended") }
        try issues.throwIfAny()

        // `${name}` → the question's absolute path.
        let paths = Dictionary(questions.map { ($0.name, "/data/" + $0.path) }, uniquingKeysWith: { a, _ in a })
        func expr(_ s: String?, _ q: Question, _ column: String) -> String? {
            guard var s, !s.isEmpty else { return nil }
            while let r = s.range(of: #"\$\{[^}]*\}"#, options: .regularExpression) {
                let ref = String(s[r].dropFirst(2).dropLast())
                guard let p = paths[ref] else {
                    issues.add("survey row \(q.line).\(column)", "${\(ref)} names no question")
                    return nil
                }
                s.replaceSubrange(r, with: p)
            }
            return s
        }

        let languages = Set(questions.flatMap { $0.labels.keys } + lists.values.flatMap { $0.flatMap { $0.labels.keys } }).sorted()
        let multilingual = languages.contains { !$0.isEmpty }
        let e = Markup.escape
        var binds = ""
        var itext: [String: String] = [:]
        func label(_ id: String, _ texts: [String: String], tag: String = "label") -> String {
            guard !texts.isEmpty else { return "" }
            if !multilingual { return "<\(tag)>\(e(texts[""] ?? ""))</\(tag)>" }
            for l in languages {
                itext[l, default: ""] += "<text id=\"\(e(id)):\(tag)\"><value>\(e(texts[l] ?? texts[""] ?? texts.values.first!))</value></text>"
            }
            return "<\(tag) ref=\"jr:itext('\(e(id)):\(tag)')\"/>"
        }

        // The instance tree and the body, nested by groups.
        func build(_ qs: ArraySlice<Question>, prefix: String) -> (instance: String, body: String, rest: ArraySlice<Question>) {
            var instance = ""
            var body = ""
            var rest = qs
            while let q = rest.first {
                if !q.path.hasPrefix(prefix) || q.path == prefix.dropLast() { break }
                rest = rest.dropFirst()
                let ref = "/data/" + q.path
                if q.type == "begin group" {
                    let inner = build(rest, prefix: q.path + "/")
                    rest = inner.rest
                    instance += "<\(q.name)>\(inner.instance)</\(q.name)>"
                    if let rel = expr(q.column["relevant"], q, "relevant") { binds += "<bind nodeset=\"\(ref)\" relevant=\"\(e(rel))\"/>" }
                    body +=
                        "<group ref=\"\(ref)\"\(q.column["appearance"].map { " appearance=\"\(e($0))\"" } ?? "")>\(label(ref, q.labels))\(inner.body)</group>"
                    continue
                }
                instance += "<\(q.name)/>"
                var bind = "<bind nodeset=\"\(ref)\" type=\"\(bindTypes[q.type]!)\""
                if ["yes", "true", "true()", "1"].contains((q.column["required"] ?? "").lowercased()) { bind += " required=\"true()\"" }
                if let c = expr(q.column["constraint"], q, "constraint") { bind += " constraint=\"\(e(c))\"" }
                if let m = q.column["constraint_message"], !m.isEmpty { bind += " jr:constraintMsg=\"\(e(m))\"" }
                if let r = expr(q.column["relevant"], q, "relevant") { bind += " relevant=\"\(e(r))\"" }
                if let c = expr(q.column["calculation"], q, "calculation") { bind += " calculate=\"\(e(c))\"" }
                if q.type == "calculate" && q.column["calculation"].map({ $0.isEmpty }) ?? true {
                    issues.add("survey row \(q.line).calculation", "a calculate row needs a calculation")
                }
                if q.type == "note" || ["yes", "true"].contains((q.column["read_only"] ?? "").lowercased()) { bind += " readonly=\"true()\"" }
                if let (p, params) = preloads[q.type] { bind += " jr:preload=\"\(p)\" jr:preloadParams=\"\(params)\"" }
                binds += bind + "/>"
                let appearance = q.column["appearance"].flatMap { $0.isEmpty ? nil : " appearance=\"\(e($0))\"" } ?? ""
                let texts = label(ref, q.labels) + label(ref, q.hints, tag: "hint")
                switch q.type {
                case "select_one", "select_multiple":
                    let items = (lists[q.list!] ?? []).map { c in "<item>\(label("\(ref)/\(c.name)", c.labels))<value>\(e(c.name))</value></item>" }
                        .joined()
                    let tag = q.type == "select_one" ? "select1" : "select"
                    body += "<\(tag) ref=\"\(ref)\"\(appearance)>\(texts)\(items)</\(tag)>"
                case "image", "audio":
                    body += "<upload ref=\"\(ref)\" mediatype=\"\(q.type)/*\"\(appearance)>\(texts)</upload>"
                case "calculate", "start", "end", "today", "deviceid": break
                default: body += "<input ref=\"\(ref)\"\(appearance)>\(texts)</input>"
                }
            }
            return (instance, body, rest)
        }
        let tree = build(questions[...], prefix: "")
        try issues.throwIfAny()
        binds += "<bind nodeset=\"/data/meta/instanceID\" type=\"string\" readonly=\"true()\" jr:preload=\"uid\"/>"
        let itextXML =
            multilingual
            ? "<itext>" + languages.map { l in "<translation lang=\"\(e(l.isEmpty ? "default" : l))\">\(itext[l] ?? "")</translation>" }.joined()
                + "</itext>"
            : ""
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" xmlns:odk="http://www.opendatakit.org/xforms">
            <h:head><h:title>\(e(title))</h:title>
            <model odk:xforms-version="1.0.0">\(itextXML)
            <instance><data id="\(e(formID))" version="\(e(version))">\(tree.instance)<meta><instanceID/></meta></data></instance>
            \(binds)
            </model></h:head>
            <h:body>\(tree.body)</h:body></h:html>
            """
        let fields = questions.filter { !["begin group", "note"].contains($0.type) }.map(\.path) + ["meta/instanceID"]
        return XLSForm(formID: formID, title: title, version: version, xform: xml, fields: fields)
    }

    /// `label` and `label::French (fr)` columns: by language ("" for the plain column).
    static func labels(_ row: [String: String], _ base: String) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in row where !v.isEmpty {
            if k == base { out[""] = v } else if k.hasPrefix(base + "::") { out[String(k.dropFirst(base.count + 2))] = v }
        }
        return out
    }

    static func validName(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || CharacterSet.letters.contains(f) else { return false }
        return s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0) }
    }

    /// Checks that every field a mapping reads is a question of the form (by path, or by a name that is unique).
    public func check(_ m: ReportMapping) throws {
        var issues = IssueCollector()
        for f in Set(m.fields).sorted() {
            let hits = fields.filter { $0 == f || $0.hasSuffix("/" + f) }
            if hits.isEmpty {
                issues.add("mapping", "the form has no question '\(f)'")
            } else if hits.count > 1 && !fields.contains(f) {
                issues.add("mapping", "'\(f)' is the name of \(hits.count) questions; give its path (\(hits.joined(separator: ", ")))")
            }
        }
        try issues.throwIfAny()
    }
}

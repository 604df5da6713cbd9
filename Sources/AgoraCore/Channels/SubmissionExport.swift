import Foundation

/// Exported form submissions (a Kobo or ODK Central export as CSV, or Kobo's XLSX) read with a `ReportMapping`:
/// every row mapped, every problem named by its line and column, nothing decided on a partial read.
public enum SubmissionExport {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var mapped: ReportMapping.Mapped
    }

    public struct Result: Sendable {
        public var rows: [Row]
        /// Rows whose uuid came earlier in the same file (an export appended twice).
        public var repeated: Int
    }

    /// A table: the header and each row with the line it starts on (a spreadsheet's row number for XLSX).
    public struct Table: Sendable {
        public var header: [String]
        public var rows: [(line: Int, fields: [String])]
        public init(header: [String], rows: [(line: Int, fields: [String])]) {
            self.header = header
            self.rows = rows
        }

        public init(csv: CSVTable) {
            header = csv.header
            rows = csv.rows.map { ($0.line, $0.fields) }
        }
    }

    public static func read(_ table: Table, mapping: ReportMapping) throws -> Result {
        var issues = IssueCollector()
        let index = Dictionary(table.header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // A mapping that names a column the file does not have has misread the layout: stop before any row.
        for f in Set(mapping.fields).sorted() where index[f] == nil {
            issues.add("mapping", "no column '\(f)' in the file (its columns: \(table.header.prefix(8).joined(separator: ", "))…)")
        }
        try issues.throwIfAny()
        if table.rows.isEmpty { throw ValidationFailure(field: "file", "has a header and no submissions") }
        var rows: [Row] = []
        var seen = Set<String>()
        var repeated = 0
        for r in table.rows {
            let answer = { (f: String) -> String? in index[f].flatMap { $0 < r.fields.count ? r.fields[$0] : nil } }
            do {
                let m = try mapping.map(answer)
                if seen.insert(m.uuid).inserted { rows.append(Row(line: r.line, mapped: m)) } else { repeated += 1 }
            } catch let f as ValidationFailure {
                for i in f.issues { issues.add("line \(r.line).\(i.field)", i.message) }
            }
        }
        try issues.throwIfAny()
        return Result(rows: rows, repeated: repeated)
    }
}

/// The sheets of an XLSX workbook as rows of text, read from the package's XML parts (`part(path)` gives a part's
/// bytes, nil when absent): shared strings, inline strings, numbers and booleans; empty cells kept in place.
public enum XLSXSheets {
    public static func read(_ part: (String) throws -> Data?) throws -> [(name: String, rows: [(line: Int, cells: [String])])] {
        guard let workbook = try part("xl/workbook.xml") else { throw ValidationFailure(field: "file", "not an XLSX workbook (no xl/workbook.xml)") }
        let rels = try part("xl/_rels/workbook.xml.rels").map(XMLNode.parse)
        var targets: [String: String] = [:]
        for r in rels?.all("Relationship") ?? [] {
            if let id = r.attributes["Id"], let t = r.attributes["Target"] { targets[id] = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t }
        }
        var shared: [String] = []
        if let s = try part("xl/sharedStrings.xml") {
            shared = try XMLNode.parse(s).all("si").map(text)
        }
        var out: [(name: String, rows: [(line: Int, cells: [String])])] = []
        for (i, sheet) in (try XMLNode.parse(workbook).child("sheets")?.all("sheet") ?? []).enumerated() {
            let name = sheet.attributes["name"] ?? "Sheet\(i + 1)"
            let path = sheet.attributes["id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(i + 1).xml"
            guard let data = try part(path) else { throw ValidationFailure(field: "file", "sheet '\(name)' is missing from the workbook") }
            var rows: [(line: Int, cells: [String])] = []
            for (k, row) in (try XMLNode.parse(data).child("sheetData")?.all("row") ?? []).enumerated() {
                let line = row.attributes["r"].flatMap { Int($0) } ?? k + 1
                var cells: [String] = []
                for c in row.all("c") {
                    let col = c.attributes["r"].map(column) ?? cells.count
                    while cells.count < col { cells.append("") }
                    let v = c.child("v")?.text ?? ""
                    let value: String =
                        switch c.attributes["t"] {
                        case "s": Int(v).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
                        case "inlineStr": c.child("is").map(text) ?? ""
                        case "b": v == "1" ? "TRUE" : "FALSE"
                        default: v
                        }
                    if col < cells.count { cells[col] = value } else { cells.append(value) }
                }
                if cells.contains(where: { !$0.isEmpty }) { rows.append((line, cells)) }
            }
            out.append((name, rows))
        }
        return out
    }

    /// A shared or inline string: its plain `t`, or the runs of rich text joined.
    static func text(_ n: XMLNode) -> String {
        if let t = n.child("t") { return t.text }
        return n.all("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// `C7` → 2 (0-based column).
    static func column(_ ref: String) -> Int {
        var n = 0
        for ch in ref.unicodeScalars {
            guard ("A"..."Z").contains(ch) else { break }
            n = n * 26 + Int(ch.value - 64)
        }
        return max(n - 1, 0)
    }
}

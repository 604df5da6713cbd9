import Foundation

/// RFC 4180 CSV with the mess of real exports: a byte-order mark, CRLF or LF, quoted fields with
/// embedded separators and newlines, and `;` as separator where spreadsheets chose it.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line in the file where the row starts, for error messages.
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    public static func parse(_ text: String, separator: Character? = nil) throws -> CSVTable {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let sep = separator ?? guessSeparator(body)
        var records: [Row] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var rowStart = 1
        var quoteOpenedAt = 0
        var iterator = body.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    let n = next()
                    if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteOpenedAt = line
            case sep:
                fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                fields.append(field); field = ""
                if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: rowStart, fields: fields)) }
                fields = []
                line += 1
                rowStart = line
            default:
                field.append(c)
            }
        }
        if inQuotes { throw ValidationFailure(field: "line \(quoteOpenedAt)", "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Row(line: rowStart, fields: fields))
        }
        guard let head = records.first else { throw ValidationFailure(field: "file", "is empty") }
        return CSVTable(header: head.fields.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }

    /// The separator that splits the first line into the most columns.
    static func guessSeparator(_ text: Substring) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        return [",", ";", "\t"].max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count } ?? ","
    }

    /// Column index by header name, case-insensitive.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The value of a column in a row, trimmed; nil when empty or missing.
    public func value(_ row: Row, _ column: Int?) -> String? {
        guard let column, column < row.fields.count else { return nil }
        let v = row.fields[column].trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }
}

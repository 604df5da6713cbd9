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

    /// Works on UTF-8 bytes: separators, quotes and line ends are ASCII, so a field is cut from the
    /// bytes without looking at characters (a 2-million-row export parses in seconds, not minutes).
    public static func parse(_ text: String, separator: Character? = nil) throws -> CSVTable {
        let bytes = Array(text.utf8)
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let sep: UInt8 = separator?.asciiValue ?? guessSeparator(bytes, from: i)
        let quote: UInt8 = 0x22
        let lf: UInt8 = 0x0A
        let cr: UInt8 = 0x0D
        var records: [Row] = []
        var fields: [String] = []
        var line = 1
        var rowStart = 1
        let n = bytes.count
        func endRow() {
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: rowStart, fields: fields)) }
            fields = []
            fields.reserveCapacity(24)
        }
        while i < n {
            // One field: quoted (with "" for a quote, and line ends kept) or plain up to the separator or line end.
            if bytes[i] == quote {
                let opened = line
                var buf: [UInt8] = []
                i += 1
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n, bytes[i + 1] == quote {
                            buf.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if b == lf { line += 1 }
                    buf.append(b)
                    i += 1
                }
                if !closed { throw ValidationFailure(field: "line \(opened)", "a quoted field is never closed") }
                // Anything after the closing quote up to the separator belongs to the field, as before.
                let rest = i
                while i < n, bytes[i] != sep, bytes[i] != lf, bytes[i] != cr { i += 1 }
                buf.append(contentsOf: bytes[rest..<i])
                fields.append(String(decoding: buf, as: UTF8.self))
            } else {
                let start = i
                while i < n, bytes[i] != sep, bytes[i] != lf, bytes[i] != cr { i += 1 }
                fields.append(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            if i >= n { break }
            let b = bytes[i]
            i += 1
            if b == sep {
                if i >= n { fields.append("") }
                continue
            }
            if b == cr, i < n, bytes[i] == lf { i += 1 }
            endRow()
            line += 1
            rowStart = line
        }
        if !fields.isEmpty { records.append(Row(line: rowStart, fields: fields)) }
        guard let head = records.first else { throw ValidationFailure(field: "file", "is empty") }
        return CSVTable(header: head.fields.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }

    /// The separator that splits the first line into the most columns.
    static func guessSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var i = start
        while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D {
            if counts[bytes[i]] != nil { counts[bytes[i]]! += 1 }
            i += 1
        }
        return [UInt8(0x2C), 0x3B, 0x09].max { counts[$0]! < counts[$1]! } ?? 0x2C
    }

    /// Column index by header name, case-insensitive.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The value of a column in a row, trimmed; nil when empty or missing.
    public func value(_ row: Row, _ column: Int?) -> String? {
        guard let column, column < row.fields.count else { return nil }
        let f = row.fields[column]
        // Most fields have no surrounding space: check the ends' bytes before trimming at all.
        guard let first = f.utf8.first, let last = f.utf8.last else { return nil }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 && first < 0x80 && last < 0x80 { return f }
        let v = f.trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }
}

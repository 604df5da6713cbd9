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
        var reader = CSVReader(bytes: Array(text.utf8), separator: separator?.asciiValue)
        guard try reader.next() else { throw ValidationFailure(field: "file", "is empty") }
        let header = reader.strings.map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [Row] = []
        while try reader.next() { rows.append(Row(line: reader.line, fields: reader.strings)) }
        return CSVTable(header: header, rows: rows)
    }

    /// Column index by header name, case-insensitive.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The value of a column in a row, trimmed; nil when empty or missing.
    public func value(_ row: Row, _ column: Int?) -> String? {
        guard let column, column < row.fields.count else { return nil }
        return CSVReader.trimmed(row.fields[column])
    }
}

/// A cursor over CSV bytes. A row's fields are kept as byte ranges, and a `String` is made only for a field
/// that is read: an ACLED export has 31 columns of which an import reads about half (a 2-million-row file
/// made 62 million strings before).
public struct CSVReader: Sendable {
    public let bytes: [UInt8]
    public let separator: UInt8
    private var i: Int
    private var nextLine = 1
    /// 1-based line where the current row starts.
    public private(set) var line = 1
    /// The current row's fields: raw byte ranges; a quoted field's range starts at its opening quote.
    private var cuts: [Range<Int>] = []

    static let quote: UInt8 = 0x22
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D

    public init(bytes: [UInt8], separator: UInt8? = nil) {
        self.bytes = bytes
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.separator = separator ?? Self.guessSeparator(bytes, from: i)
        cuts.reserveCapacity(32)
    }

    /// Fields in the current row.
    public var count: Int { cuts.count }
    /// Where the cursor is, in bytes: for progress.
    public var offset: Int { i }

    /// Moves to the next row that is not blank; false at the end of the file.
    public mutating func next() throws -> Bool {
        let n = bytes.count
        let sep = separator
        while i < n {
            cuts.removeAll(keepingCapacity: true)
            line = nextLine
            var endedByNewline = false
            while true {
                let start = i
                if bytes[i] == Self.quote {
                    i += 1
                    var closed = false
                    while i < n {
                        let b = bytes[i]
                        if b == Self.quote {
                            if i + 1 < n, bytes[i + 1] == Self.quote {
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if b == Self.lf { nextLine += 1 }
                        i += 1
                    }
                    if !closed { throw ValidationFailure(field: "line \(line)", "a quoted field is never closed") }
                }
                // Up to the separator or line end (after a closing quote, what follows belongs to the field).
                while i < n, bytes[i] != sep, bytes[i] != Self.lf, bytes[i] != Self.cr { i += 1 }
                cuts.append(start..<i)
                if i >= n { break }
                let b = bytes[i]
                i += 1
                if b == sep {
                    if i >= n {
                        cuts.append(i..<i)
                        break
                    }
                    continue
                }
                if b == Self.cr, i < n, bytes[i] == Self.lf { i += 1 }
                nextLine += 1
                endedByNewline = true
                break
            }
            if endedByNewline && cuts.count == 1 && cuts[0].isEmpty { continue }  // a blank line
            return true
        }
        return false
    }

    /// The field's text as written (quotes undone), untrimmed.
    public func string(_ k: Int) -> String {
        let r = cuts[k]
        guard let first = r.first, bytes[first] == Self.quote else { return String(decoding: bytes[r], as: UTF8.self) }
        var buf: [UInt8] = []
        buf.reserveCapacity(r.count)
        var j = first + 1
        while j < r.upperBound {
            let b = bytes[j]
            if b == Self.quote {
                if j + 1 < r.upperBound, bytes[j + 1] == Self.quote {
                    buf.append(Self.quote)
                    j += 2
                    continue
                }
                j += 1
                break
            }
            buf.append(b)
            j += 1
        }
        buf.append(contentsOf: bytes[j..<r.upperBound])
        return String(decoding: buf, as: UTF8.self)
    }

    /// Every field of the current row.
    public var strings: [String] { (0..<cuts.count).map(string) }

    /// A column's value, trimmed; nil when empty or missing.
    public func value(_ column: Int?) -> String? {
        guard let column, column < cuts.count else { return nil }
        let r = cuts[column]
        guard let first = r.first else { return nil }
        let a = bytes[first]
        let z = bytes[r.upperBound - 1]
        // Most fields are plain, unquoted and unpadded: cut straight from the bytes.
        if a != Self.quote && a != 0x20 && a != 0x09 && z != 0x20 && z != 0x09 && a < 0x80 && z < 0x80 {
            return String(decoding: bytes[r], as: UTF8.self)
        }
        return Self.trimmed(string(column))
    }

    /// A column's value when it is plain digits, read from its bytes; nil otherwise (the caller reads it as text).
    public func digits(_ column: Int?) -> Int? {
        guard let column, column < cuts.count else { return nil }
        let r = cuts[column]
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var v = 0
        for j in r {
            let d = bytes[j] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    static func trimmed(_ f: String) -> String? {
        // Most fields have no surrounding space: check the ends' bytes before trimming at all.
        guard let first = f.utf8.first, let last = f.utf8.last else { return nil }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 && first < 0x80 && last < 0x80 { return f }
        let v = f.trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
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
}

import Foundation

/// JSON text written by hand where an encoder per value would cost more than the work itself.
public enum JSONText {
    /// A JSON string literal (RFC 8259 escaping).
    public static func string(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var o = "\""
        o.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": o += "\\\""
            case "\\": o += "\\\\"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            case "\t": o += "\\t"
            case "\u{0}"..."\u{1F}": o += String(format: "\\u%04x", u.value)
            default: o.unicodeScalars.append(u)
            }
        }
        return o + "\""
    }

    /// `["a","b"]`, as JSONEncoder writes an array of strings.
    public static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ",") + "]" }
}

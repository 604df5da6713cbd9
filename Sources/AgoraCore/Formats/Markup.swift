/// The one escaper for text written into markup — HTML pages (text and attribute values), SVG drawn on the
/// server, CAP and Atom XML: `& < > " '` as entities, so a value can end neither an element nor an attribute;
/// control characters other than tab and line breaks dropped (XML 1.0 forbids them; a page gains nothing from them).
public enum Markup {
    public static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

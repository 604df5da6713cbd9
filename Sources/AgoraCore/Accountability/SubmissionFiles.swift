import Foundation

/// Files a submitter adds — the position paper itself, a petition's signatures, photos. Only kinds Agora can read are
/// taken; photos lose their metadata as report photos do, and a PDF loses its author, creator and producer fields and
/// its XMP packet (overwritten in place, so the file's offsets stay valid). Word and OpenDocument files are taken
/// as they are: the page tells a protected submitter to send a PDF instead.
public enum SubmissionFiles {
    public static let maxBytes = 5 << 20
    public static let maxFiles = 5

    public struct Checked: Sendable, Equatable {
        public var name: String
        public var contentType: String
        public var bytes: [UInt8]
        public init(name: String, contentType: String, bytes: [UInt8]) {
            self.name = name
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    public static func check(_ bytes: [UInt8], name: String, field: String) throws -> Checked {
        guard !bytes.isEmpty else { throw ValidationFailure(field: field, "the file is empty") }
        guard bytes.count <= maxBytes else {
            throw ValidationFailure(field: field, "at most \(maxBytes >> 20) MB per file (this one is \(bytes.count / 1_048_576 + 1) MB)")
        }
        let clean = cleanName(name)
        let ext = clean.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if bytes.starts(with: Array("%PDF-".utf8)) { return Checked(name: clean, contentType: "application/pdf", bytes: blankPDFMetadata(bytes)) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let type = officeTypes[ext] { return Checked(name: clean, contentType: type, bytes: bytes) }
        if let (kind, type) = Media.sniff(bytes), kind == .photo {
            let photo = try Media.check(bytes, field: field, expected: .photo)
            return Checked(name: clean, contentType: type, bytes: photo.bytes)
        }
        throw ValidationFailure(field: field, "send a PDF, a JPEG or PNG photo, or a Word or OpenDocument text (.docx, .odt)")
    }

    static let officeTypes = [
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "odt": "application/vnd.oasis.opendocument.text",
    ]

    /// The name as shown: no folders, no control characters, at most 120 characters.
    public static func cleanName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let printable = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
        let trimmed = String(printable.trimmingCharacters(in: .whitespaces).prefix(120))
        return trimmed.isEmpty ? "file" : trimmed
    }

    /// Blanks `/Author`, `/Creator` and `/Producer` strings and any XMP packet: same length, so the cross-reference
    /// table still points at the right bytes.
    public static func blankPDFMetadata(_ input: [UInt8]) -> [UInt8] {
        var b = input
        for key in ["/Author", "/Creator", "/Producer"] {
            let k = Array(key.utf8)
            var i = 0
            while let at = find(k, in: b, from: i) {
                var j = at + k.count
                while j < b.count, [0x20, 0x0A, 0x0D, 0x09].contains(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "(") {
                    j = blankLiteral(&b, from: j + 1)
                } else if j < b.count, b[j] == UInt8(ascii: "<"), j + 1 < b.count, b[j + 1] != UInt8(ascii: "<") {
                    j += 1
                    while j < b.count, b[j] != UInt8(ascii: ">") {
                        if isHex(b[j]) { b[j] = UInt8(ascii: "0") }
                        j += 1
                    }
                }
                i = max(j, at + 1)
            }
        }
        var i = 0
        while let start = find(Array("<?xpacket begin".utf8), in: b, from: i), let end = find(Array("<?xpacket end".utf8), in: b, from: start),
            let close = find(Array("?>".utf8), in: b, from: end)
        {
            for x in start..<(close + 2) where ![0x0A, 0x0D].contains(b[x]) { b[x] = 0x20 }
            i = close + 2
        }
        return b
    }

    /// Blanks a literal string's contents (escapes and nested parentheses respected); returns the index after it.
    static func blankLiteral(_ b: inout [UInt8], from start: Int) -> Int {
        var depth = 1
        var j = start
        while j < b.count {
            switch b[j] {
            case UInt8(ascii: "\\"):
                b[j] = 0x20
                if j + 1 < b.count { b[j + 1] = 0x20 }
                j += 2
                continue
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return j + 1 }
            default: break
            }
            if depth > 0, b[j] != UInt8(ascii: "("), b[j] != UInt8(ascii: ")") { b[j] = 0x20 }
            j += 1
        }
        return j
    }

    static func isHex(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x46).contains(c) || (0x61...0x66).contains(c)
    }

    static func find(_ needle: [UInt8], in b: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, b.count >= needle.count, from <= b.count - needle.count else { return nil }
        var i = from
        while i <= b.count - needle.count {
            if b[i] == needle[0], Array(b[i..<i + needle.count]) == needle { return i }
            i += 1
        }
        return nil
    }
}

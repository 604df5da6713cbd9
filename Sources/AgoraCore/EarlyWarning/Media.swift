/// Photos and recordings attached to a report. What a phone sends can say where it was taken and by which
/// device (EXIF GPS, a camera serial, an MP4 location box): a monitor's photo must not lead anyone to the
/// monitor. So only kinds Agora can read are kept, each with its metadata removed before it is stored; the
/// rest is refused by name so the person can send a JPEG or PNG instead.
public enum Media {
    public enum Kind: String, Codable, Sendable, CaseIterable { case photo, audio }

    public struct Checked: Sendable, Equatable {
        public var kind: Kind
        public var contentType: String
        public var bytes: [UInt8]
    }

    /// Limits after the phone has resized a photo (about 300 KB at 1600 px); a recording of a few minutes.
    public static let maxPhotoBytes = 4 << 20
    public static let maxAudioBytes = 8 << 20
    public static let maxPhotos = 3
    public static let maxRecordings = 1

    /// Photos and recordings are shown to signed-in readers of their report only: like a report's free text,
    /// which the public never gets, a photo can show faces, houses and number plates.
    public static func visible(to scope: AccessScope) -> Bool { scope.signedIn }

    /// A report's files stay within the limits: at most three photos and one recording, whatever was there before.
    public static func checkCount(existing: [Kind: Int], adding: [Checked]) throws {
        for kind in Kind.allCases {
            let n = existing[kind, default: 0] + adding.filter { $0.kind == kind }.count
            let limit = kind == .photo ? maxPhotos : maxRecordings
            if n > limit {
                throw ValidationFailure(
                    field: kind.rawValue, kind == .photo ? "at most \(limit) photos per report" : "at most one recording per report")
            }
        }
    }

    /// The type a file really is, from its first bytes (never from its name or the type the sender claims).
    public static func sniff(_ b: [UInt8]) -> (kind: Kind, contentType: String)? {
        func at(_ i: Int, _ s: String) -> Bool { b.count >= i + s.utf8.count && Array(b[i..<i + s.utf8.count]) == Array(s.utf8) }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return (.photo, "image/jpeg") }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return (.photo, "image/png") }
        if b.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return (.audio, "audio/webm") }
        if at(0, "OggS") { return (.audio, "audio/ogg") }
        if at(0, "#!AMR") { return (.audio, "audio/amr") }
        if at(0, "RIFF") && at(8, "WAVE") { return (.audio, "audio/wav") }
        if at(4, "ftyp") { return (.audio, at(8, "3gp") ? "audio/3gpp" : "audio/mp4") }
        if at(0, "ID3") || (b.count > 2 && b[0] == 0xFF && b[1] & 0xE0 == 0xE0) { return (.audio, "audio/mpeg") }
        return nil
    }

    /// The file as it will be stored: its kind checked against the field it came in, its size against the
    /// limit, its metadata removed. Throws a failure naming `field`. Without `expected`, either kind is taken.
    public static func check(_ bytes: [UInt8], field: String, expected: Kind?) throws -> Checked {
        guard !bytes.isEmpty else { throw ValidationFailure(field: field, "the file is empty") }
        guard let (kind, type) = sniff(bytes), expected == nil || kind == expected else {
            let photo = "a JPEG or PNG photo"
            let audio = "a recording (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 or WAV)"
            throw ValidationFailure(field: field, "send " + (expected == .photo ? photo : expected == .audio ? audio : photo + " or " + audio))
        }
        let limit = kind == .photo ? maxPhotoBytes : maxAudioBytes
        guard bytes.count <= limit else {
            throw ValidationFailure(field: field, "at most \(limit >> 20) MB (this one is \(bytes.count / 1_048_576 + 1) MB)")
        }
        let clean: [UInt8]?
        switch type {
        case "image/jpeg": clean = stripJPEG(bytes)
        case "image/png": clean = stripPNG(bytes)
        case "audio/mp4", "audio/3gpp": clean = blankMP4Location(bytes)
        case "audio/mpeg": clean = stripID3(bytes)
        default: clean = bytes
        }
        guard let clean else { throw ValidationFailure(field: field, "the file is damaged or not what it says it is") }
        return Checked(kind: kind, contentType: type, bytes: clean)
    }

    /// JPEG without APP1–APP15 (EXIF, XMP, IPTC, maker notes) or comments; APP0 (JFIF) and the image stay.
    static func stripJPEG(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF {
                i += 1
                continue
            }  // fill byte
            if marker == 0xD9 { return out + [0xFF, 0xD9] }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else { return nil }
            // Start of scan: the compressed image runs to the end; it holds no metadata.
            if marker == 0xDA { return out + b[i...] }
            let drop = (0xE1...0xEF).contains(marker) || marker == 0xFE
            if !drop { out += b[i..<i + 2 + length] }
            i += 2 + length
        }
        return nil
    }

    /// PNG with only the chunks that draw the image; text, EXIF and time chunks go.
    static func stripPNG(_ b: [UInt8]) -> [UInt8]? {
        let keep: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs"]
        var out = Array(b[0..<8])
        var i = 8
        var first = true
        while i + 12 <= b.count {
            let length = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 0, i + 12 + length <= b.count else { return nil }
            let type = String(decoding: b[i + 4..<i + 8], as: UTF8.self)
            if first && type != "IHDR" { return nil }
            first = false
            if keep.contains(type) { out += b[i..<i + 12 + length] }
            i += 12 + length
            if type == "IEND" { return out }
        }
        return nil
    }

    /// MP4/3GP with its location boxes (`©xyz`, `loci`) turned into `free` boxes of the same size, zeroed:
    /// the file plays as before and says nothing of where it was recorded.
    static func blankMP4Location(_ b: [UInt8]) -> [UInt8]? {
        var out = b
        let containers: Set<String> = ["moov", "udta", "meta", "trak", "mdia", "minf", "ilst"]
        func walk(_ start: Int, _ end: Int) -> Bool {
            var i = start
            while i + 8 <= end {
                var size = Int(out[i]) << 24 | Int(out[i + 1]) << 16 | Int(out[i + 2]) << 8 | Int(out[i + 3])
                let type = String(out[i + 4..<i + 8].map { Character(Unicode.Scalar($0)) })
                var header = 8
                if size == 1 {  // 64-bit size
                    guard i + 16 <= end else { return false }
                    size = out[i + 8..<i + 16].reduce(0) { $0 << 8 | Int($1) }
                    header = 16
                }
                if size == 0 { size = end - i }
                guard size >= header, i + size <= end else { return false }
                if type == "\u{A9}xyz" || type == "loci" {
                    out.replaceSubrange(i + 4..<i + 8, with: Array("free".utf8))
                    for k in i + header..<i + size { out[k] = 0 }
                } else if containers.contains(type) {
                    // `meta` carries a version and flags before its children.
                    guard walk(i + header + (type == "meta" ? 4 : 0), i + size) else { return false }
                }
                i += size
            }
            return true
        }
        return walk(0, out.count) ? out : nil
    }

    /// MP3 without its ID3v2 tag (title, artist, comments: whatever the recorder wrote there).
    static func stripID3(_ b: [UInt8]) -> [UInt8]? {
        guard b.count >= 10, b[0] == 0x49, b[1] == 0x44, b[2] == 0x33 else { return b }
        let size = Int(b[6] & 0x7F) << 21 | Int(b[7] & 0x7F) << 14 | Int(b[8] & 0x7F) << 7 | Int(b[9] & 0x7F)
        let footer = b[5] & 0x10 != 0 ? 10 : 0
        guard 10 + size + footer < b.count else { return nil }
        return Array(b[(10 + size + footer)...])
    }
}

import Foundation
import Testing

@testable import AgoraCore

/// Files as phones make them, with the metadata that would lead someone to the monitor who sent them.
enum Samples {
    static func segment(_ marker: UInt8, _ payload: String) -> [UInt8] {
        let p = Array(payload.utf8)
        return [0xFF, marker, UInt8((p.count + 2) >> 8), UInt8((p.count + 2) & 0xFF)] + p
    }
    /// SOI, JFIF, EXIF with a GPS position, a comment, a quantisation table, the scan, EOI.
    static let jpeg: [UInt8] =
        [0xFF, 0xD8] + segment(0xE0, "JFIF\0\u{1}\u{1}") + segment(0xE1, "Exif\0\0GPS 10.9987N 0.2371W serial 4711")
        + segment(0xFE, "taken by Amina") + segment(0xDB, "QTABLE") + segment(0xDA, "SCANHDR") + Array("compressed-image".utf8) + [0xFF, 0xD9]

    static func chunk(_ type: String, _ data: String) -> [UInt8] {
        let d = Array(data.utf8)
        return [0, 0, UInt8(d.count >> 8), UInt8(d.count & 0xFF)] + Array(type.utf8) + d + [1, 2, 3, 4]
    }
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static func png(idat: String = "pixels") -> [UInt8] {
        pngSignature + chunk("IHDR", "header-13-byt") + chunk("tEXt", "Author\0Amina, Bawku") + chunk("eXIf", "GPS 10.9")
            + chunk("IDAT", idat) + chunk("IEND", "")
    }

    static func box(_ type: [UInt8], _ payload: [UInt8]) -> [UInt8] {
        let n = payload.count + 8
        return [UInt8(n >> 24), UInt8((n >> 16) & 0xFF), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + type + payload
    }
    static let m4a: [UInt8] =
        box(Array("ftyp".utf8), Array("M4A \0\0\0\0".utf8))
        + box(Array("moov".utf8), box(Array("udta".utf8), box([0xA9] + Array("xyz".utf8), Array("+10.9987-000.2371/".utf8))))
        + box(Array("mdat".utf8), Array("sound".utf8))
}

@Suite struct MediaTests {
    func text(_ b: [UInt8]) -> String { String(b.map { Character(Unicode.Scalar($0)) }) }

    @Test func aPhotoLosesWhereAndByWhomItWasTaken() throws {
        let c = try Media.check(Samples.jpeg, field: "photo", expected: .photo)
        #expect(c.contentType == "image/jpeg" && c.kind == .photo)
        #expect(!text(c.bytes).contains("GPS") && !text(c.bytes).contains("Amina"))
        // What draws the image stays, in order.
        #expect(text(c.bytes).contains("JFIF") && text(c.bytes).contains("QTABLE") && text(c.bytes).hasSuffix("compressed-image\u{FF}\u{D9}"))

        let p = try Media.check(Samples.png(), field: "photo", expected: .photo)
        #expect(p.contentType == "image/png" && !text(p.bytes).contains("Amina") && !text(p.bytes).contains("GPS"))
        #expect(text(p.bytes).contains("IHDR") && text(p.bytes).contains("pixels") && text(p.bytes).contains("IEND"))
    }

    @Test func aRecordingLosesItsLocationAndKeepsItsSize() throws {
        let c = try Media.check(Samples.m4a, field: "audio", expected: .audio)
        #expect(c.contentType == "audio/mp4" && c.bytes.count == Samples.m4a.count)
        #expect(!text(c.bytes).contains("10.9987") && text(c.bytes).contains("free") && text(c.bytes).contains("sound"))
        let id3 = Array("ID3".utf8) + [3, 0, 0, 0, 0, 0, 9] + Array("Amina 077".utf8) + [0xFF, 0xFB, 0x90, 0x00]
        let mp3 = try Media.check(id3, field: "audio", expected: .audio)
        #expect(mp3.contentType == "audio/mpeg" && mp3.bytes == [0xFF, 0xFB, 0x90, 0x00])
        #expect(try Media.check(Array("OggS\0rest".utf8), field: "audio", expected: .audio).contentType == "audio/ogg")
    }

    @Test func whatCannotBeReadIsRefusedByField() {
        func issue(_ b: [UInt8], _ k: Media.Kind, field: String = "photo") -> String? {
            do {
                _ = try Media.check(b, field: field, expected: k)
                return nil
            } catch let f as ValidationFailure { return f.issues.first.map { "\($0.field): \($0.message)" } } catch { return "\(error)" }
        }
        #expect(issue([], .photo) == "photo: the file is empty")
        #expect(issue(Array("<svg onload=alert(1)>".utf8), .photo) == "photo: send a JPEG or PNG photo")
        #expect(issue(Samples.jpeg, .audio, field: "audio")?.hasPrefix("audio: send a recording") == true)
        #expect(issue(Array(Samples.jpeg.prefix(12)), .photo) == "photo: the file is damaged or not what it says it is")
        #expect(issue(Samples.pngSignature + Samples.chunk("tEXt", "x"), .photo) == "photo: the file is damaged or not what it says it is")
        let big = [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: Media.maxPhotoBytes)
        #expect(issue(big, .photo) == "photo: at most 4 MB (this one is 5 MB)")
    }
}

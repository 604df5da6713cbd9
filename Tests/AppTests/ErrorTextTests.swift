import AgoraCore
import Foundation
import Testing

@testable import App

/// Refusals on the walked paths read in French: sign-in, the report form, its files, the review, the alert composer and the
/// case steps. A new refusal there without its French fails here.
@Suite struct ErrorTextTests {
    static func issues(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let f as ValidationFailure { return f.issues.map(\.message) } catch { return ["\(error)"] }
    }

    @Test func theTableIsWellFormed() {
        let lines = ErrorTexts.table.split(separator: "\n")
        #expect(ErrorTexts.patterns.count == lines.count)
        for line in lines {
            let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(parts.count == 4 && Set(parts).count == 4, "English | French | Portuguese | Arabic: \(line)")
            #expect(Set(parts.map { $0.components(separatedBy: "%@").count }).count == 1, "placeholders of \(line)")
        }
        // What varies is carried over, in place.
        #expect(ErrorTexts.translate("unknown area code 'GH99'", .fr) == "code de lieu inconnu « GH99 »")
        #expect(ErrorTexts.translate("at most 4 MB (this one is 5 MB)", .fr) == "4 Mo au plus (celui-ci fait 5 Mo)")
        #expect(ErrorTexts.translate("unknown area code 'GH99'", .en) == "unknown area code 'GH99'")
        #expect(ErrorTexts.translate("something new", .fr) == "something new")
        #expect(ErrorTexts.translate("unknown area code 'GH99'", .pt) == "código de zona desconhecido «GH99»")
        #expect(ErrorTexts.translate("unknown area code 'GH99'", .ar) == "رمز منطقة غير معروف «GH99»")
    }

    @Test func everyRefusalOfTheWalkedPathsIsTranslated() throws {
        let ctx = ReportRules.Context(indicators: ["CS01"], today: "2026-11-30")
        var messages: [String] = []
        for draft in [
            ReportDraft(indicators: [], description: " ", occurredOn: "yesterday", occurredAt: "noon", lat: 1),
            ReportDraft(
                indicators: ["XX"], description: String(repeating: "a", count: ReportRules.maxDescription + 1), occurredOn: "1850-01-01",
                area: "GH1201",
                actors: [String(repeating: "b", count: 301)], harm: Harm(fatalities: -1, injured: 20_000_000), sourceKind: .reporter),
            ReportDraft(indicators: ["CS01"], description: "x", occurredOn: "2099-01-01", area: "GH1201"),
        ] {
            messages += Self.issues { try ReportRules.check(draft, ctx) }
        }
        for (bytes, kind) in [
            ([UInt8](), Media.Kind.photo), (Array("<svg>".utf8), .photo), (Array("<svg>".utf8), .audio), ([0xFF, 0xD8, 0xFF, 0], .photo),
        ] {
            messages += Self.issues { _ = try Media.check(bytes, field: "f", expected: kind) }
        }
        messages += Self.issues { _ = try Media.check(Array("<svg>".utf8), field: "f", expected: nil) }
        messages += Self.issues {
            _ = try Media.check([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: Media.maxPhotoBytes), field: "f", expected: .photo)
        }
        let one = try Media.check(Array("OggS".utf8), field: "a", expected: .audio)
        let photo = try Media.check([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9], field: "p", expected: .photo)
        messages += Self.issues { try Media.checkCount(existing: [.audio: 1], adding: [one]) }
        messages += Self.issues { try Media.checkCount(existing: [.photo: 3], adding: [photo]) }
        let actx = AlertRules.Context(areaExists: { $0 == "GH1201" }, indicators: ["CS01"], sent: "2026-11-30T10:00:00Z")
        messages += Self.issues { try AlertRules.check(AlertDraft(categories: []), actx) }
        messages += Self.issues {
            try AlertRules.check(
                AlertDraft(
                    headline: String(repeating: "h", count: 161), areas: ["XX"], effective: "2026-12-02T00:00:00Z", expires: "2026-12-01T00:00:00Z",
                    language: "??", indicators: ["ZZ"]), actx)
        }
        messages += Self.issues { try AlertRules.check(AlertDraft(expires: "soon"), actx) }
        #expect(messages.count > 30)
        // Refusals worded in the App itself, as written there.
        let source = try [
            "EarlyWarning/ReportController.swift", "Response/CaseActions.swift", "Web/FormFiles.swift", "Pages/ReportForm/ReportFormPage.swift",
        ]
        .map {
            try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/App/" + $0),
                encoding: .utf8)
        }.joined()
        let literal = try NSRegularExpression(pattern: #"ValidationFailure\(field: "[^"]*", "([^"\\]*(?:\\\([^()"]*\)[^"\\]*)*)"\)"#)
        let found = literal.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap {
            Range($0.range(at: 1), in: source).map {
                String(source[$0]).replacingOccurrences(of: #"\\\([^()"]*\)"#, with: "X", options: .regularExpression)
            }
        }
        #expect(found.count >= 10, "\(found)")
        messages += found + [SignIn.wrongAnswer, SignIn.formExpired, SignIn.missingFields]
        for lang in [Lang.fr, .pt, .ar] {
            let untranslated = Set(messages.filter { ErrorTexts.translate($0, lang) == $0 })
            #expect(untranslated.isEmpty, "no \(lang.name) for: \(untranslated.sorted())")
        }
    }
}

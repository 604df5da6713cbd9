import AgoraCore
import Foundation
import Testing

@testable import App

/// Periods read as dates, in the page's language: "2026-W49" means nothing to a council member.
@Suite struct LanguageTests {
    @Test func periodsAreWrittenAsDates() {
        let en = T(lang: .en)
        let fr = T(lang: .fr)
        #expect(en.period("2026-W48") == "23–29 Nov 2026")
        #expect(en.period("2026-W49") == "30 Nov – 6 Dec 2026")
        #expect(en.period("2026-W53") == "28 Dec 2026 – 3 Jan 2027")
        #expect(en.period("2026-11") == "November 2026")
        #expect(fr.period("2026-11") == "novembre 2026")
        #expect(fr.period("2026-W49").hasPrefix("30 nov") && fr.period("2026-W49").hasSuffix("déc. 2026"))
        #expect(en.period("not a period") == "not a period")
    }

    /// Kenya is UTC+3: a council reads and types its own clock; the store keeps UTC.
    @Test func timesAreShownAndTakenInTheInstallationsZone() {
        let nairobi = TimeZone(identifier: "Africa/Nairobi")!
        let t = T(lang: .en, zone: nairobi)
        let shown = t.date("2026-11-30T09:00:00.000Z", time: true)
        #expect(shown.contains("12:00") && !shown.contains("UTC"), "\(shown)")
        #expect(T(lang: .en).date("2026-11-30T09:00:00.000Z", time: true).hasSuffix("09:00 UTC"))
        #expect(t.date("2026-11-30") == "30 Nov 2026")  // a calendar day does not move
        #expect(t.date("2026-11-30T23:59:00Z") == "30 Nov 2026" && t.date("2026-11-30") == "30 Nov 2026")  // remembered, the same
        #expect(T(lang: .fr).date("2026-11-30").contains("nov") && t.date("2026-13-45xyz") == "2026-13-45xyz" && t.date(nil) == "—")
        #expect(WebForm.timestamp("2026-11-30T12:00", zone: nairobi) == "2026-11-30T09:00:00.000Z")
        #expect(WebForm.timestamp("2026-11-30T12:00", zone: TimeZone(identifier: "UTC")!) == "2026-11-30T12:00:00.000Z")
        #expect(WebForm.localInput(Date(timeIntervalSince1970: 1_796_029_200), zone: nairobi) == "2026-11-30T12:00")
    }

    @Test func anUnknownTimeZoneStopsTheStart() async throws {
        let mars: (inout AgoraSettings) -> Void = { $0.timeZoneName = "Mars/Olympus_Mons" }
        await #expect(throws: (any Error).self) { try await TestInstallation.run(.sqlite, settings: mars) { _ in } }
    }
}

/// Every text a page can ask for exists in every language: literal keys found in the sources, and the keys pages
/// build from the core's vocabularies. A missing one would show the bare value, in English, to a French reader.
@Suite struct TranslationTests {
    static func values<V: Vocabulary>(_ t: V.Type) -> [String] { V.allCases.map(\.rawValue) }

    /// Keys pages build as prefix + value.
    static let built: [String: [String]] = [
        "area.": values(AreaLevel.self), "risk.": values(RiskLevel.self),
        "status.": values(CaseStatus.self) + values(ReportStatus.self), "astatus.": values(ActionStatus.self),
        "action.": values(ActionKind.self), "outcome.": values(CaseOutcome.self), "state.": values(AlertState.self),
        "class.": values(Classification.self), "level.": values(BodyLevel.self), "kind.": values(BodyKind.self),
        "topic.": values(Topic.self), "receipt.status.": values(ReportStatus.self), "severity.": values(CAPSeverity.self),
        "plain.": values(CAPSeverity.self) + values(CAPUrgency.self) + values(CAPCertainty.self),
        "reason.": values(EscalationReason.self),
        "party.": ["responsible", "was-responsible", "informed"],
        "event.": [
            "opened", "acknowledged", "escalated", "de-escalated", "escalation-exhausted", "closed", "alert-updated", "alert-cancelled",
            "action-planned", "action-done", "action-cancelled",
        ],
    ]

    /// Values fill the placeholders in order; a value's own `%@` stays as written; missing values leave placeholders.
    @Test func textsAreFilledInOrderAndValuesAreNotReread() {
        #expect(T.fill("%@ and %@", ["a", "b"]) == "a and b")
        #expect(T.fill("from %@ to %@.", ["x%@", "y"]) == "from x%@ to y.")
        #expect(T.fill("%@ then %@", ["only"]) == "only then %@")
        #expect(T.fill("100 % sure, %@", ["Ghana"]) == "100 % sure, Ghana")
        #expect(T.fill("ends with %", ["x"]) == "ends with %")
        #expect(T(lang: .en)("risk.title", "2026-W47").contains("2026-W47"))
    }

    @Test func everyTextIsInEveryLanguage() throws {
        // Each table: one line per key, every column filled; together, every key in all four languages with the same
        // placeholders, and no translation of a key that does not exist.
        var keys: [String: Set<String>] = [:]
        for (name, table, columns) in [("Texts.table", Texts.table, 3), ("Texts.tablePtAr", Texts.tablePtAr, 3)] {
            var lines: [String: Int] = [:]
            for line in table.split(separator: "\n") where !line.hasPrefix("#") {
                let cols = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cols.count >= 2, !cols[0].isEmpty else { continue }
                #expect(cols.count == columns, "\(name) \(cols[0]): \(columns - 1) languages, no | in a text")
                #expect(cols.dropFirst().allSatisfy { !$0.isEmpty }, "\(name) \(cols[0]): a language is empty")
                lines[cols[0], default: 0] += 1
            }
            #expect(lines.filter { $0.value > 1 }.isEmpty, "\(name): keys twice: \(lines.filter { $0.value > 1 }.keys.sorted())")
            keys[name] = Set(lines.keys)
        }
        #expect(
            keys["Texts.table"] == keys["Texts.tablePtAr"],
            "untranslated: \(keys["Texts.table"]!.subtracting(keys["Texts.tablePtAr"]!).sorted()); unknown: \(keys["Texts.tablePtAr"]!.subtracting(keys["Texts.table"]!).sorted())"
        )
        for (key, texts) in Texts.all {
            #expect(Set(texts.keys) == Set(Lang.allCases), "\(key): \(Set(Lang.allCases).subtracting(texts.keys))")
            let holes = Set(texts.values.map { $0.components(separatedBy: "%@").count })
            #expect(holes.count == 1, "\(key): the languages have different numbers of %@")
        }
        // Literal keys in the sources: t("…"), m.t("…"), c.t("…").
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let files = FileManager.default.enumerator(at: root.appendingPathComponent("Sources/App"), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Texts.swift" }
        let pattern = try NSRegularExpression(pattern: #"\bt\("([a-z][A-Za-z0-9]*\.[A-Za-z0-9.]*[A-Za-z0-9])""#)
        var missing: [String] = []
        for f in files {
            let text = try String(contentsOf: f, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                if Texts.all[key] == nil { missing.append("\(f.lastPathComponent): \(key)") }
            }
        }
        for (prefix, values) in Self.built {
            for v in values where Texts.all[prefix + v] == nil { missing.append("built: \(prefix + v)") }
        }
        #expect(missing.isEmpty, "texts missing: \(Set(missing).sorted())")
    }
}

@Suite struct SiteURLTests {
    @Test func pathsAreBuiltFromTheirParts() {
        #expect(SiteURL.caseFile("c1").path == "/cases/c1")
        #expect(SiteURL.riskArea("GH1201", period: "2026-W49").path == "/risk/GH1201?period=2026-W49")
        #expect(SiteURL.riskArea("GH1201").path == "/risk/GH1201")
        #expect(SiteURL.alertNew(area: "GH 12&x").path == "/alerts/new?area=GH%2012%26x")
        // A code from data cannot make another path.
        #expect(SiteURL.body("A/../admin?x").path == "/bodies/A%2F..%2Fadmin%3Fx")
        #expect(SiteURL.incidentExport(file: "export.csv", query: "area=KEN").path == "/api/v1/incidents/export.csv?area=KEN")
    }
}

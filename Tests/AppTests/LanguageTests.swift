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
        #expect(WebForm.timestamp("2026-11-30T12:00", zone: nairobi) == "2026-11-30T09:00:00.000Z")
        #expect(WebForm.timestamp("2026-11-30T12:00", zone: TimeZone(identifier: "UTC")!) == "2026-11-30T12:00:00.000Z")
        #expect(WebForm.localInput(Date(timeIntervalSince1970: 1_796_029_200), zone: nairobi) == "2026-11-30T12:00")
    }

    @Test func anUnknownTimeZoneStopsTheStart() async throws {
        let mars: (inout AgoraSettings) -> Void = { $0.timeZoneName = "Mars/Olympus_Mons" }
        await #expect(throws: (any Error).self) { try await TestInstallation.run(.sqlite, settings: mars) { _ in } }
    }
}

import Foundation
import Testing

@testable import AgoraCore

@Suite struct WeaponTests {
    @Test func theITIMinimumUnlessUnmarked() throws {
        let ak = WeaponMarks(manufacturer: "Izhmash", countryOfManufacture: "RU", serial: "1984-O1523", yearOfManufacture: 1984, calibre: "7.62x39mm")
        try ak.validate(thisYear: 2026)
        #expect(throws: ValidationFailure.self) { try WeaponMarks(manufacturer: "Izhmash", serial: "1").validate(thisYear: 2026) }
        #expect(throws: ValidationFailure.self) {
            try WeaponMarks(manufacturer: "X", countryOfManufacture: "Russia", serial: "1").validate(thisYear: 2026)
        }
        #expect(throws: ValidationFailure.self) {
            try WeaponMarks(manufacturer: "X", countryOfManufacture: "RU", serial: "1", yearOfManufacture: 2030).validate(thisYear: 2026)
        }
        try WeaponMarks(model: "craft shotgun", unmarked: true).validate(thisYear: 2026)
        do {
            try WeaponMarks(serial: "123").validate(field: "weapons[3]", thisYear: 2026)
            Issue.record("a weapon with a serial alone passed")
        } catch let f as ValidationFailure {
            #expect(Set(f.issues.map(\.field)) == ["weapons[3].manufacturer", "weapons[3].countryOfManufacture"])
        }
    }

    @Test func serialsMatchHoweverTheyWereRead() {
        // Look-alikes, case and separators.
        #expect(SerialSearch.key("ak-47 o1s") == "AK47015")
        #expect(SerialSearch.matches("OI5-2B", "0152-8"))
        #expect(SerialSearch.matches("ls 028", "15-028"))
        // A partial serial (half erased) inside a longer one; too short a part finds nothing but itself.
        #expect(SerialSearch.matches("4415", "KA-0044157"))
        #expect(!SerialSearch.matches("44", "KA-0044157"))
        #expect(SerialSearch.matches("44", "44"))
        // Wildcards match the whole serial.
        #expect(SerialSearch.matches("KA*57", "KA-0044157"))
        #expect(SerialSearch.matches("KA-00??157", "KA0044157"))
        #expect(!SerialSearch.matches("KA*58", "KA-0044157"))
        #expect(!SerialSearch.matches("K?-0044157", "KA-00441570"))
    }

    @Test func aSeizedWeaponMatchingALostOneIsDiversion() {
        let lost = WeaponMarks(manufacturer: "Arsenal", countryOfManufacture: "BG", serial: "OS-1234")
        #expect(SerialSearch.diverted(WeaponMarks(manufacturer: "arsenal", serial: "05 1234", altered: true), lost))
        #expect(!SerialSearch.diverted(WeaponMarks(manufacturer: "Norinco", serial: "05 1234"), lost))
        #expect(SerialSearch.diverted(WeaponMarks(serial: "051234"), lost))  // maker unreadable: the serial decides
        #expect(!SerialSearch.diverted(WeaponMarks(unmarked: true), lost))
    }
}

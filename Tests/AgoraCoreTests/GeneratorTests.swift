import Foundation
import Testing

@testable import AgoraCore

@Suite struct GeneratorTests {
    static func area(_ i: Int) -> GeneratorArea {
        let nigeria = i < 150
        let lat: Double = 9 + Double(i % 10) * 0.1
        let lon: Double = 7 + Double(i / 10) * 0.1
        return GeneratorArea(
            country: nigeria ? "NGA" : "KEN", countryName: nigeria ? "Nigeria" : "Kenya", admin1: "R\(i / 10)", admin2: "D\(i)",
            centre: GeoPoint(lat: lat, lon: lon), spread: 0.2, border: i % 17 == 0)
    }
    static let areas: [GeneratorArea] = (0..<200).map(area)

    @Test func theSameSeedGivesTheSameRowsAndRowsStandAlone() {
        let a = EventGenerator(areas: Self.areas, seed: 7, lastDay: 20_000, count: 10_000)
        let b = EventGenerator(areas: Self.areas, seed: 7, lastDay: 20_000, count: 10_000)
        #expect(a.csv(0..<500) == b.csv(0..<500))
        #expect(a.row(321) == b.row(321))
        #expect(a.csv(0..<100) != EventGenerator(areas: Self.areas, seed: 8, lastDay: 20_000, count: 10_000).csv(0..<100))
        // A file written in pieces equals one written whole.
        #expect(a.csv(0..<300) == a.csv(0..<100) + a.csv(100..<300))
    }

    @Test func eventsClusterAndDeathsAreHeavyTailed() throws {
        let g = EventGenerator(areas: Self.areas, seed: 1, lastDay: 20_000, years: 2, count: 20_000)
        let rows: [[String]] = (0..<20_000).map { g.row($0) }
        var byArea: [String: Int] = [:]
        var byWeek: [Int: Int] = [:]
        var deaths: [Int] = []
        for r in rows {
            byArea[r[12], default: 0] += 1
            byWeek[Period.week(containing: CivilDate.parse(r[1])!).index, default: 0] += 1
            deaths.append(Int(r[19])!)
        }
        // Space: the busiest tenth of the areas holds far more than a tenth of the events.
        let top = byArea.values.sorted(by: >).prefix(20).reduce(0, +)
        #expect(Double(top) / 20_000 > 0.3)
        // Time: some weeks surge well above the typical week.
        let weeks = byWeek.values.sorted()
        #expect(Double(weeks.last!) > 3 * Double(weeks[weeks.count / 2]))
        // Deaths: most events none, a long tail of large ones.
        #expect(Double(deaths.filter { $0 == 0 }.count) / 20_000 > 0.5)
        #expect(deaths.max()! >= 100)
        // And the file is what the importer reads.
        let file = try EventImport.parse(Data(g.csv(0..<1000).utf8))
        #expect(file.layout == EventLayout.acledAPI && file.records.count == 1000 && file.rejected.isEmpty)
    }

    @Test func coordinatesAreWrittenWithFourDecimals() {
        #expect(EventGenerator.fixed4(-12.34567) == "-12.3457")
        #expect(EventGenerator.fixed4(0.00004) == "0.0000")
        #expect(EventGenerator.fixed4(7.5) == "7.5000")
    }
}

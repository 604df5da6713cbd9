import Foundation
import Testing

@testable import AgoraCore

@Suite struct GeoJSONInputTests {
    func issues(_ text: String) -> [ValidationIssue] {
        do {
            _ = try GeoJSON.features(from: Data(text.utf8))
            return []
        } catch let f as ValidationFailure { return f.issues } catch { return [] }
    }

    @Test func badGeometryIsNamedByFeatureAndPosition() {
        let open =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#
        #expect(issues(open).contains { $0.field == "features[0].geometry.coordinates[0]" && $0.message.contains("not closed") })
        let far =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,95],[0,0]]]}}]}"#
        #expect(issues(far).contains { $0.field == "features[0].geometry.coordinates[0][2]" && $0.message.contains("out of range") })
        let line =
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#
        #expect(issues(line).contains { $0.field == "features[0].geometry.type" })
        #expect(issues("not json").contains { $0.field == "file" })
        #expect(issues(#"{"type":"Topology"}"#).contains { $0.field == "type" })
    }

    @Test func roundingNoiseAtTheAntimeridianIsAccepted() throws {
        let text =
            #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[179,0],[180.00000000000006,0],[180,1],[179,0]]]}}"#
        let f = try GeoJSON.features(from: Data(text.utf8))
        #expect(f[0].geometry?.bbox.maxLon == 180)
    }

    @Test func geometryTextRoundTrips() throws {
        let g = AreaGeometry(polygons: [
            Polygon(rings: [[GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 0, lon: 2), GeoPoint(lat: 2, lon: 2), GeoPoint(lat: 0, lon: 0)]])
        ])!
        let back = try GeoJSON.geometry(fromText: GeoJSON.text(of: g))
        #expect(back == g)
        #expect(back.contains(GeoPoint(lat: 0.5, lon: 1.5)))
        #expect(!back.contains(GeoPoint(lat: 1.5, lon: 0.5)))
    }

    @Test func holesAreNotInside() {
        let outer = [
            GeoPoint(lat: 0, lon: 0), GeoPoint(lat: 0, lon: 10), GeoPoint(lat: 10, lon: 10), GeoPoint(lat: 10, lon: 0), GeoPoint(lat: 0, lon: 0),
        ]
        let hole = [GeoPoint(lat: 4, lon: 4), GeoPoint(lat: 4, lon: 6), GeoPoint(lat: 6, lon: 6), GeoPoint(lat: 6, lon: 4), GeoPoint(lat: 4, lon: 4)]
        let g = AreaGeometry(polygons: [Polygon(rings: [outer, hole])])!
        #expect(g.contains(GeoPoint(lat: 2, lon: 2)))
        #expect(!g.contains(GeoPoint(lat: 5, lon: 5)))
    }

    @Test func theSpatialIndexFindsWhatAScanFinds() {
        // 2,500 unit squares; every point lands in exactly the squares a brute-force scan says.
        var items: [(box: BoundingBox, payload: Int)] = []
        for i in 0..<50 {
            for j in 0..<50 {
                items.append((BoundingBox(minLon: Double(i), minLat: Double(j), maxLon: Double(i) + 1.5, maxLat: Double(j) + 1.5), i * 50 + j))
            }
        }
        let index = SpatialIndex(items)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let p = GeoPoint(lat: Double.random(in: -1...52, using: &rng), lon: Double.random(in: -1...52, using: &rng))
            let scan = Set(items.filter { $0.box.contains(p) }.map(\.payload))
            #expect(Set(index.candidates(containing: p)) == scan)
        }
    }
}

@Suite struct CSVTests {
    @Test func realWorldMess() throws {
        let t = try CSVTable.parse("\u{FEFF}a;b;c\r\n1;\"two; with \"\"quotes\"\"\";3\r\n\r\n4;\"multi\nline\";6\n")
        #expect(t.header == ["a", "b", "c"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].fields[1] == "two; with \"quotes\"")
        #expect(t.rows[1].line == 4)
        #expect(t.rows[1].fields[1] == "multi\nline")
    }

    @Test func aBrokenQuoteNamesItsLine() {
        #expect(throws: ValidationFailure(field: "line 3", "a quoted field is never closed")) {
            try CSVTable.parse("a,b\n1,2\n3,\"oops\n4,5\n")
        }
    }

    @Test func pcodeListsNeedTheirColumns() {
        #expect(throws: ValidationFailure.self) { try BoundaryProfiles.drafts(fromPcodeCSV: "Location,Name\nGHA,Ghana\n", countries: []) }
        let rows = "Location,Admin Level,P-Code,Name,Parent P-Code\nGHA,1,GH12,Upper East,GHA\nGHA,7,GH99,Odd,GHA\n"
        do {
            _ = try BoundaryProfiles.drafts(fromPcodeCSV: rows, countries: [])
            Issue.record("a bad admin level was accepted")
        } catch let f as ValidationFailure {
            #expect(f.issues.map(\.field) == ["line 3.Admin Level"])
        } catch { Issue.record("\(error)") }
    }
}

@Suite struct OrderedIDTests {
    @Test func idsAreUUIDv7InCreationOrder() {
        var gen = OrderedIDs()
        let now = Date()
        let ids = (0..<5_000).map { _ in gen.next(now: now) }  // all in one millisecond: the counter orders them
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(10) {
            #expect(UUID(uuidString: id) != nil)
            let hex = Array(id)
            #expect(hex[14] == "7", "version 7")
            #expect("89ab".contains(hex[19]), "RFC 9562 variant")
        }
        let later = gen.next(now: now.addingTimeInterval(1))
        #expect(later > ids.last!)
        // The time is in the first 48 bits.
        let ms = UInt64(id: ids[0])
        #expect(ms == UInt64(now.timeIntervalSince1970 * 1000))
    }

    @Test func jsonTextMatchesJSONDecoding() throws {
        for s in ["plain", "quote \" back \\ slash", "tab\tnew\nline\r", "\u{1}\u{1F}", "Kaduna – Zaria ✓", "a/b", ""] {
            let text = JSONText.array([s, s])
            #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == [s, s])
        }
        #expect(JSONText.array([]) == "[]")
    }

    @Test func isoDaysAreReadFromTheirBytes() {
        #expect(CivilDate.fields("2024-02-29") != nil)
        #expect(ReportRules.parseDay("2024-02-29") == "2024-02-29")
        #expect(ReportRules.parseDay("2023-02-29") == nil)
        #expect(ReportRules.parseDay("2023-13-01") == nil)
        #expect(ReportRules.parseDay("2023-1-011") == nil)
        #expect(ReportRules.parseDay("２０２３-01-01") == nil)
        #expect(CivilDate.parse("2021-01-06T10:00:00Z") == CivilDate.parse("2021-01-06"))
        #expect(EventImport.day(" 2021-01-06 ", dayFirst: false) == "2021-01-06")
    }
}

extension UInt64 {
    fileprivate init(id: String) { self = UInt64(id.replacingOccurrences(of: "-", with: "").prefix(12), radix: 16)! }
}

@Suite struct CSVReaderTests {
    @Test func fieldsAreCutFromTheBytesAsTheTableReadsThem() throws {
        let text = "a,b,c,d\r\n 1 ,\"x,\"\"y\"\"\"tail,0042,\r\n\r\n\"\",\"multi\nline\",-3,\t\u{A0}pad\u{A0}\n5,6,7,8"
        var r = CSVReader(bytes: Array(text.utf8))
        #expect(try r.next() && r.strings == ["a", "b", "c", "d"])
        #expect(try r.next())
        #expect(r.line == 2 && r.count == 4)
        #expect(r.value(0) == "1" && r.string(0) == " 1 ")
        #expect(r.value(1) == "x,\"y\"tail")
        #expect(r.digits(2) == 42 && r.value(3) == nil && r.value(9) == nil)
        #expect(try r.next())
        #expect(r.line == 4 && r.value(0) == nil && r.value(1) == "multi\nline")
        #expect(r.digits(2) == nil && r.value(2) == "-3" && r.value(3) == "pad")
        #expect(try r.next())
        #expect(r.line == 6 && r.strings == ["5", "6", "7", "8"])
        #expect(try !r.next())
        // The table made from the same reader agrees.
        let t = try CSVTable.parse(text)
        #expect(t.rows.map(\.line) == [2, 4, 6])
        #expect(t.value(t.rows[1], 3) == "pad")
    }

    @Test func aFileReadInChunksGivesWhatItGivesWhole() throws {
        let g = EventGenerator(areas: GeneratorTests.areas, seed: 3, lastDay: 20_000, count: 2_345)
        let data = Data(g.csv(0..<2_345).utf8)
        let whole = try EventImport.parse(data)
        var stream = try EventStream(data)
        var chunks: [[EventRecord]] = []
        while let c = try stream.next(1_000) { chunks.append(c) }
        #expect(chunks.map(\.count) == [1_000, 1_000, 345])
        #expect(chunks.flatMap { $0 } == whole.records)
        #expect(stream.rows == 2_345 && stream.rowCount == 2_345 && stream.progress.done == stream.progress.of)
    }

    @Test func utf8IsToldFromWindows1252() {
        #expect(UTF8Check.isValid(Array("Kaduna – Zaria ✓ 😀".utf8)))
        #expect(!UTF8Check.isValid([0x43, 0xF4, 0x74, 0x65]))  // "Côte" in Latin-1
        #expect(!UTF8Check.isValid([0xC0, 0xAF]))  // an overlong "/"
        #expect(!UTF8Check.isValid([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!UTF8Check.isValid([0xE2, 0x80]))  // cut short
    }
}

import Foundation
import Testing

@testable import AgoraCore

@Suite struct EventImportTests {
    @Test func datesAsTheyComeInTheWild() {
        #expect(EventImport.day("20210106", dayFirst: false) == "2021-01-06")
        #expect(EventImport.day("2009-06-09 00:00:00.000", dayFirst: false) == "2009-06-09")
        #expect(EventImport.day("06/01/2021", dayFirst: true) == "2021-01-06")
        #expect(EventImport.day("06 January 2021", dayFirst: false) == "2021-01-06")
        #expect(EventImport.day("6-Jan-21", dayFirst: false) == "2021-01-06")
        #expect(EventImport.day("31/02/2021", dayFirst: true) == nil)
        #expect(EventImport.day("yesterday", dayFirst: false) == nil)
    }

    @Test func theOldUpperCaseACLEDLayoutInLatin1() throws {
        let csv =
            "EVENT_ID_CNTY,EVENT_DATE,TIME_PRECISION,EVENT_TYPE,ACTOR1,ADMIN1,ADMIN2,LATITUDE,LONGITUDE,GEO_PRECISION,FATALITIES,NOTES,ISO3\r\n"
            + "CIV123,05/03/2011,1,Battles,Forces Nouvelles,Abidjan,Abobo,5.42,-4.02,1,12,\"Combats à Abobo\",CIV\r\n"
            + "CIV124,31/13/2011,1,Battles,X,Abidjan,Abobo,5.42,-4.02,1,1,,CIV\r\n"
        let f = try EventImport.parse(csv.data(using: .isoLatin1)!)
        #expect(f.layout == .acledV6)
        #expect(f.records.count == 1)
        #expect(f.records[0].day == "2011-03-05")
        #expect(f.records[0].notes == "Combats à Abobo")
        #expect(f.records[0].indicators == ["CS05"])
        #expect(f.rejected.map(\.field) == ["line 3.date"])
    }

    @Test func theCurrentACLEDExportLayout() throws {
        let csv =
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,admin1,admin2,latitude,longitude,geo_precision,fatalities,iso,country\n"
            + "NIG1,06 January 2021,2021,1,Political violence,Violence against civilians,Attack,Unidentified Armed Group,Borno,Maiduguri,11.84,13.16,1,3,566,Nigeria\n"
        let f = try EventImport.parse(Data(csv.utf8))
        #expect(f.layout == .acledAPI)
        #expect(f.records.first?.day == "2021-01-06")
        #expect(f.records.first?.indicators == ["CS01"])
        #expect(f.records.first?.sourceEventID == "acled:NIG1")
        #expect(f.records.first?.country == "NGA")  // no iso3 column: the country's name says it
    }

    @Test func hxlTaggedCSVWithoutIDsIsStillIdempotent() throws {
        let csv =
            "Date,Province,Killed,Lat,Lon\n#date,#adm1+name,#affected+killed,#geo+lat,#geo+lon\n2020-01-02,Borno,3,11.8,13.1\n2020-01-03,Borno,1.0,11.9,13.2\n"
        let a = try EventImport.parse(Data(csv.utf8))
        let b = try EventImport.parse(Data(csv.utf8))
        #expect(a.layout == .hxl)
        #expect(a.records.map(\.fatalities) == [3, 1])
        #expect(a.records.map(\.sourceEventID) == b.records.map(\.sourceEventID))
        #expect(Set(a.records.map(\.sourceEventID)).count == 2)
    }

    @Test func fileLevelProblemsNameTheLine() {
        #expect(throws: ValidationFailure.self) { try EventImport.parse(Data("a,b\n1,2\n".utf8)) }
        do {
            _ = try EventImport.parse(Data("event_id_cnty,event_date,event_type,fatalities\nK1,20200101,Riots,0\nK2,20200102,\"Riots,0\n".utf8))
            Issue.record("a broken quote was accepted")
        } catch let f as ValidationFailure {
            #expect(f.issues.first?.field == "line 3")
        } catch { Issue.record("\(error)") }
        #expect(throws: ValidationFailure(field: "header", "missing column(s): fatalities")) {
            try EventImport.parse(Data("event_id_cnty,event_date,event_type\nK1,20200101,Riots\n".utf8))
        }
    }

    @Test func namesMatchAcrossSpellings() {
        #expect(EventImport.normalise("Borno state") == EventImport.normalise("Borno"))
        #expect(EventImport.normalise("Murang'a") == EventImport.normalise("Muranga"))
        #expect(EventImport.normalise("Maiduguri lga") == "maiduguri")
    }

    @Test func realFilesParseWithEveryRowAccountedFor() throws {
        for (name, layout, rows) in [
            ("acled_kenya_2016-2021.csv", EventLayout.acledAPI, 2557), ("ucdp_ged_nigeria_1990-2019_hdx_hxl.csv", .ucdpGED, 4603),
        ] {
            guard let url = SharedData.file("conflict_events/" + name) else { continue }
            let f = try EventImport.parse(Data(contentsOf: url))
            #expect(f.layout == layout)
            #expect(f.rows == rows)
            #expect(f.records.count + f.rejected.count <= rows)
            #expect(f.records.allSatisfy { !$0.indicators.isEmpty || $0.eventType.hasPrefix("Strategic") })
        }
    }
}

@Suite struct FrameworkTests {
    /// The shipped data file is the built-in framework: edit a copy, re-import it with `agora frameworks import`.
    @Test func theShippedFrameworkFileIsTheBuiltInOne() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/frameworks/standard.json")
        let shipped = try IndicatorFramework.decode(Data(contentsOf: url))
        #expect(shipped == IndicatorFramework.standard)
        #expect(shipped.sectors.count == 7)
        #expect(shipped.indicators.contains { $0.indicator.kind == .peace })
    }

    @Test func aBrokenFrameworkNamesEveryProblem() {
        var f = IndicatorFramework.standard
        f.sectors[0].indicators[1].code = f.sectors[0].indicators[0].code
        f.sectors[1].indicators[0].weight = -1
        f.names = [:]
        do {
            try f.validate()
            Issue.record("accepted")
        } catch let e as ValidationFailure {
            #expect(Set(e.issues.map(\.field)) == ["names.en", "sectors[0].indicators[1].code", "sectors[1].indicators[0].weight"])
        } catch { Issue.record("\(error)") }
    }

    @Test func anAggregateIsRefusedNotImportedAsIncidents() {
        // HDX's monthly ACLED: counts per admin1 and month, one row standing for many events.
        let csv =
            "Country,Admin1,Month,Year,Events,Fatalities\n#country+name,#adm1+name,#date+month,#date+year,#event+num,#fatality+num\n"
            + "Kenya,Nairobi,January,2020,12,3\n"
        #expect(throws: ValidationFailure.self) { try EventImport.parse(Data(csv.utf8)) }
        do { _ = try EventImport.parse(Data(csv.utf8)) } catch let f as ValidationFailure {
            #expect(f.issues.first?.message.contains("aggregate") == true)
        } catch { Issue.record("\(error)") }
    }

    @Test func hxlThatIsNotEventDataIsRefusedAtTheHeader() {
        // A 3W activity list: dated, tagged, but no event in it.
        let csv =
            "Org,Sector,Admin1,Reported\n#org,#sector,#adm1+name,#date+reported\nNRC,Shelter,Borno,2020-01-05\n"
        do {
            _ = try EventImport.parse(Data(csv.utf8))
            Issue.record("an activity list was read as events")
        } catch let f as ValidationFailure {
            #expect(f.issues.first?.field == "header")
            #expect(f.issues.first?.message.contains("not event data") == true)
        } catch { Issue.record("\(error)") }
    }

    @Test func acledWithoutEventIDsGetsStableIDsFromItsRows() throws {
        let csv =
            "event_date,event_type,sub_event_type,actor1,country,admin1,latitude,longitude,fatalities\n"
            + "2017-03-01,Remote violence,,Al Shabaab,Kenya,Mandera,3.9,41.8,2\n"
            + "2017-03-02,Riots/Protests,,Rioters,Ivory Coast,Abidjan,5.3,-4.0,0\n"
            + "2017-03-03,Strategic developments,Agreement,Elders,Kenya,Marsabit,2.3,37.9,0\n"
        let a = try EventImport.parse(Data(csv.utf8))
        let b = try EventImport.parse(Data(csv.utf8))
        #expect(a.layout == .acledAPI && a.records.count == 3)
        #expect(a.records.map(\.sourceEventID) == b.records.map(\.sourceEventID))
        #expect(Set(a.records.map(\.sourceEventID)).count == 3 && a.records.allSatisfy { $0.sourceEventID.hasPrefix("acled:") })
        // Types of the releases before 2019, and a sub-event that says more than its type.
        #expect(a.records.map(\.indicators) == [["VE02"], ["GR03"], ["SC03"]])
        // ACLED's spelling of a country's name.
        #expect(a.records[1].country == "CIV")
        var stream = try EventStream(Data(csv.utf8))
        #expect(stream.generatesIDs)
        _ = try stream.next(10)
    }

    @Test func everyACLEDAndUCDPTypeMapsToIndicatorsOfTheFramework() {
        let codes = Set(IndicatorFramework.standard.indicators.map(\.indicator.code))
        let mapped =
            EventImport.acledIndicators.values.flatMap { $0 } + EventImport.acledSubEventIndicators.values.flatMap { $0 }
            + EventImport.ucdpTypes.values.flatMap(\.indicators)
        #expect(Set(mapped).isSubset(of: codes), "\(Set(mapped).subtracting(codes))")
        for old in ["Battle-No change of territory", "Battle-Government regains territory", "Battle-Non-state actor overtakes territory"] {
            #expect(EventImport.acledIndicators[old] == ["CS05"])
        }
        #expect(EventImport.acledIndicators["Remote violence"] == ["VE02"] && EventImport.acledIndicators["Riots/Protests"] == ["GR03"])
    }

    @Test func countryNamesAsACLEDAndUCDPWriteThem() {
        for (name, code) in [
            ("Democratic Republic of Congo", "COD"), ("Ivory Coast", "CIV"), ("Tanzania", "TZA"), ("Republic of Congo", "COG"),
            ("Swaziland", "SWZ"), ("Myanmar (Burma)", "MMR"), ("DR Congo (Zaire)", "COD"), ("Kenya", "KEN"), ("Côte d'Ivoire", "CIV"),
        ] {
            #expect(Country.named(name)?.alpha3 == code, "\(name)")
        }
        #expect(Country.named("Atlantis") == nil)
    }
}

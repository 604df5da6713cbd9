import Crypto
import Foundation
import Testing

@testable import AgoraCore

@Suite struct FederationTests {
    static let ghana = FederationKeys(secret: SymmetricKey(data: Data(repeating: 1, count: 32)))
    static let hubKeys = FederationKeys(secret: SymmetricKey(data: Data(repeating: 2, count: 32)))

    static func agreement(_ g: Granularity = .pseudonymised, types: [SharedRecordType] = [.incident, .case], state: AgreementState = .active)
        -> SharingAgreement
    {
        SharingAgreement(
            id: "ag-1", origin: "gh", recipient: "hub", purpose: "regional early warning", types: types, maxClassification: .restricted,
            areas: ["GH12"], granularity: g, place: .admin1, dates: .week, validFrom: "2026-01-01", validUntil: "2026-12-31", state: state)
    }

    static func incident(_ c: Classification = .restricted, area: String = "GH12") -> ShareableRecord {
        ShareableRecord(
            type: .incident, id: "inc-1", classification: c,
            areaPath: [.init(code: area + "01", level: .admin2), .init(code: area, level: .admin1), .init(code: "GHA", level: .country)],
            point: GeoPoint(lat: 11.05, lon: -0.24), occurredOn: "2026-11-19", level: .district,
            fields: ["title": .string("Clash at the market"), "reporter": .string("R-17"), "fatalities": .number(2)], personal: ["reporter"])
    }

    @Test func theAgreementFilterLetsOutOnlyWhatItAllows() {
        let a = Self.agreement()
        guard case .share(let id, let payload) = AgreementFilter.decide(Self.incident(), under: a, on: "2026-11-20", keys: Self.ghana) else {
            Issue.record("a restricted incident in scope was withheld")
            return
        }
        // Pseudonymised: the reporter is gone, the id is a pseudonym stable for this agreement; places and dates coarsened.
        #expect(
            id.hasPrefix("p-") && id == Self.ghana.pseudonym("inc-1", agreement: "ag-1") && id != Self.ghana.pseudonym("inc-1", agreement: "ag-2"))
        #expect(payload["reporter"] == nil && payload["title"] == .string("Clash at the market"))
        #expect(payload["areas"] == .array([.string("GH12"), .string("GHA")]) && payload["point"] == nil)
        #expect(payload["occurredOn"] == .string("2026-11-16"))  // the Monday of its week
        // A confidential incident never leaves, even under an agreement that (wrongly) named confidential.
        var loose = a
        loose.maxClassification = .confidential
        #expect(
            AgreementFilter.decide(Self.incident(.confidential), under: loose, on: "2026-11-20", keys: Self.ghana)
                != .share(sharedID: id, payload: payload))
        if case .share = AgreementFilter.decide(Self.incident(.confidential), under: loose, on: "2026-11-20", keys: Self.ghana) {
            Issue.record("a confidential incident left")
        }
        // An aggregate agreement sends no record; outside the areas, the types, the dates or the state: nothing.
        for (agreement, day, record) in [
            (Self.agreement(.aggregate, types: [.incident, .riskAggregate]), "2026-11-20", Self.incident()),
            (Self.agreement(), "2026-11-20", Self.incident(area: "GH08")),
            (Self.agreement(types: [.alert]), "2026-11-20", Self.incident()),
            (Self.agreement(), "2027-01-02", Self.incident()),
            (Self.agreement(state: .suspended), "2026-11-20", Self.incident()),
            (Self.agreement(state: .terminated), "2026-11-20", Self.incident()),
        ] {
            if case .share = AgreementFilter.decide(record, under: agreement, on: day, keys: Self.ghana) {
                Issue.record("shared outside the agreement: \(agreement.state) \(agreement.granularity) \(day) \(record.areaPath[1].code)")
            }
        }
        // Whole records keep their id and their people; an exact-place agreement keeps the point.
        var whole = Self.agreement(.record)
        whole.place = .exact
        whole.dates = .day
        if case .share(let id, let payload) = AgreementFilter.decide(Self.incident(.internal), under: whole, on: "2026-11-20", keys: Self.ghana) {
            #expect(id == "inc-1" && payload["reporter"] == .string("R-17") && payload["occurredOn"] == .string("2026-11-19"))
            #expect(payload["point"] == .object(["lat": .number(11.05), "lon": .number(-0.24)]))
        } else {
            Issue.record("a whole-record agreement withheld an internal incident")
        }
    }

    @Test func anAgreementIsSignedByBothThenActiveAndEndsForGood() throws {
        var a = Self.agreement(state: .draft)
        try a.validate()
        a = try SharingRules.apply(.sign, by: "gh", to: a, on: "2026-11-01")
        #expect(a.state == .draft)
        #expect(throws: ValidationFailure.self) { try SharingRules.apply(.activate, by: "gh", to: a, on: "2026-11-01") }
        a = try SharingRules.apply(.sign, by: "hub", to: a, on: "2026-11-02")
        #expect(a.state == .signed && a.signedByOrigin == "2026-11-01" && a.signedByRecipient == "2026-11-02")
        #expect(throws: ValidationFailure.self) { try SharingRules.apply(.sign, by: "ke", to: a, on: "2026-11-02") }
        a = try SharingRules.apply(.activate, by: "hub", to: a, on: "2026-11-03")
        a = try SharingRules.apply(.suspend, by: "gh", to: a, on: "2026-11-04")
        #expect(!a.inForce(on: "2026-11-04"))
        a = try SharingRules.apply(.resume, by: "gh", to: a, on: "2026-11-05")
        #expect(a.inForce(on: "2026-11-05"))
        a = try SharingRules.apply(.terminate, by: "hub", to: a, on: "2026-11-06")
        #expect(a.state == .terminated && a.endedOn == "2026-11-06")
        for action in AgreementAction.allCases {
            #expect(throws: ValidationFailure.self) { try SharingRules.apply(action, by: "gh", to: a, on: "2026-11-07") }
        }
        var bad = Self.agreement(.aggregate, types: [.incident], state: .draft)
        bad.maxClassification = .confidential
        bad.recipient = "gh"
        bad.validUntil = "2025-01-01"
        let failure = #expect(throws: ValidationFailure.self) { try bad.validate() }
        let fields = Set(failure?.issues.map(\.field) ?? [])
        #expect(fields == ["recipient", "maxClassification", "types", "validUntil"])
    }

    static func event(kind: String = FederationKind.shared, schema: Int = FederationEvent.schemaVersion, type: SharedRecordType = .incident)
        -> FederationEvent
    {
        FederationEvent(
            id: "0193a0a0-0000-7000-8000-000000000001", origin: "gh", agreement: "ag-1", kind: kind, recordType: type, recordID: "p-1",
            auditHash: "abc", at: "2026-11-20T10:00:00Z", country: "GHA", level: .district, payload: ["classification": .string("restricted")],
            schema: schema)
    }

    @Test func theHubAppliesOnlyWhatIsSignedFromAKnownPeerUnderAnAgreementInForce() throws {
        let peers = ["gh": Self.ghana.publicKey, "hub": Self.hubKeys.publicKey]
        let agreements = ["ag-1": Self.agreement()]
        func check(_ body: [UInt8], _ sig: String?, sender: String? = "gh", me: String = "hub", day: String = "2026-11-20")
            -> FederationIntake.Verdict
        {
            FederationIntake.check(body: body, signature: sig, sender: sender, peers: peers, agreements: agreements, me: me, on: day)
        }
        let body = try Self.event().body()
        #expect(check(body, Self.ghana.sign(body)) == .apply(Self.event()))
        #expect(Self.event().subject == "agora.gha.incident.district")
        // Forged (signed by another key), altered after signing, unsigned, from a stranger, sent in another's name.
        #expect(check(body, Self.hubKeys.sign(body)) == .quarantine("the signature does not verify with gh's key"))
        var altered = body
        altered[altered.firstIndex(of: UInt8(ascii: "p"))!] = UInt8(ascii: "q")
        #expect(check(altered, Self.ghana.sign(body)) != .apply(Self.event()))
        #expect(check(body, nil) == .quarantine("the signature does not verify with gh's key"))
        #expect(check(body, Self.ghana.sign(body), sender: "ke") == .quarantine("the sender header does not name the event's origin"))
        var stranger = Self.event()
        stranger.origin = "zz"
        let sb = try stranger.body()
        #expect(check(sb, Self.ghana.sign(sb), sender: "zz") == .quarantine("unknown installation 'zz'"))
        // A schema from the future, an event outside the agreement, after the agreement, to someone else.
        let future = try Self.event(schema: 2).body()
        #expect(check(future, Self.ghana.sign(future)) == .quarantine("schema 2 is newer than this installation reads (1)"))
        // One this version cannot even decode (a field renamed) is still told by its schema, not as "not a valid event".
        let reshaped = Array(String(decoding: future, as: UTF8.self).replacingOccurrences(of: "\"origin\"", with: "\"source\"").utf8)
        #expect(check(reshaped, Self.ghana.sign(reshaped)) == .quarantine("schema 2 is newer than this installation reads (1)"))
        let broken = Array(String(decoding: try Self.event().body(), as: UTF8.self).replacingOccurrences(of: "\"origin\"", with: "\"source\"").utf8)
        #expect(check(broken, Self.ghana.sign(broken)) == .quarantine("not a valid event"))
        let alert = try Self.event(type: .alert).body()
        #expect(check(alert, Self.ghana.sign(alert)) == .quarantine("alert is outside agreement ag-1"))
        #expect(check(body, Self.ghana.sign(body), day: "2027-02-01") == .quarantine("agreement ag-1 is active, not in force"))
        #expect(check(body, Self.ghana.sign(body), me: "ke") == .quarantine("agreement ag-1 does not run from gh to ke"))
        #expect(check(Array("{oops".utf8), "x") == .quarantine("not a JSON event"))
        // An answer runs back: from the hub to Ghana under Ghana's agreement, and not the other way.
        var answer = Self.event(kind: FederationKind.answered)
        answer.origin = "hub"
        let ab = try answer.body()
        #expect(check(ab, Self.hubKeys.sign(ab), sender: "hub", me: "gh") == .apply(answer))
        #expect(check(ab, Self.hubKeys.sign(ab), sender: "hub", me: "hub") != .apply(answer))
    }

    @Test func datesCoarsenToTheirWeekOrMonth() {
        #expect(DatePrecision.week.coarsen("2026-11-22") == "2026-11-16")  // a Sunday
        #expect(DatePrecision.week.coarsen("2026-11-16") == "2026-11-16")
        #expect(DatePrecision.week.coarsen("2026-01-01") == "2025-12-29")
        #expect(DatePrecision.month.coarsen("2026-11-22") == "2026-11")
    }

    /// A regional alert reaches each country its areas lie in or touch, for an area of that country's own.
    @Test func aRegionalAlertReachesBothSidesOfTheBorder() {
        let country: (String) -> String? = { ["KE023124": "KEN", "UG3080": "UGA", "UG3086": "UGA", "KE023": "KEN"][$0] }
        let neighbours = ["KE023124": ["UG3080", "UG3086", "KE023"], "UG3080": ["KE023124"]]
        let one = RegionalReach.areas(["KE023124"], neighbours: neighbours, country: country)
        #expect(one.map(\.country) == ["KEN", "UGA"] && one.map(\.area) == ["KE023124", "UG3080"])
        // A country named in the alert gets its own area, not a neighbour's.
        let both = RegionalReach.areas(["KE023124", "UG3086"], neighbours: neighbours, country: country)
        #expect(both.map(\.area) == ["KE023124", "UG3086"])
        // Unknown areas reach nobody; a lone area reaches its own country only.
        #expect(RegionalReach.areas(["XX1"], neighbours: [:], country: country).isEmpty)
        #expect(RegionalReach.areas(["UG3086"], neighbours: [:], country: country).map(\.country) == ["UGA"])
        #expect(RegionalReach.localArea(["KE023124", "KE023", "KEN"], known: ["KE023", "KEN"]) == "KE023")
        #expect(RegionalReach.localArea(["UG3080", "UGA"], known: ["KEN"]) == nil)
    }

    /// Installation ids and area codes are codes, not text: they name NATS subjects and durable consumers.
    @Test func anAgreementNamesItsPartiesAndAreasByCode() {
        var a = Self.agreement()
        a.origin = "<b>gh</b>"
        a.areas = ["GH12 <i>"]
        #expect(throws: ValidationFailure.self) { try a.validate() }
        #expect(SharingAgreement.isInstallationID("ke-01") && !SharingAgreement.isInstallationID("ké") && !SharingAgreement.isInstallationID(""))
    }

    /// A peer speaks for its own countries only: Ghana's signed event about Kenya is quarantined at the hub.
    @Test func aPeerSpeaksOnlyForItsOwnCountries() throws {
        var e = Self.event()
        e.country = "KEN"
        let body = try e.body()
        let verdict = FederationIntake.check(
            body: body, signature: Self.ghana.sign(body), sender: "gh", peers: ["gh": Self.ghana.publicKey], agreements: ["ag-1": Self.agreement()],
            me: "hub", on: "2026-11-20", countries: ["gh": ["GHA"]])
        #expect(verdict == .quarantine("gh does not speak for KEN"))
        let own = try Self.event().body()
        #expect(
            FederationIntake.check(
                body: own, signature: Self.ghana.sign(own), sender: "gh", peers: ["gh": Self.ghana.publicKey], agreements: ["ag-1": Self.agreement()],
                me: "hub", on: "2026-11-20", countries: ["gh": ["GHA"]]) == .apply(Self.event()))
    }

    /// The agreements in force, compiled into the hub server's permissions: each peer its own countries' subjects of
    /// the types it shares, its own consumer, and nothing more; nothing at all once its agreements are over.
    @Test func theAgreementsCompileIntoTheHubServersPermissions() {
        let ke = SharingAgreement(
            id: "ke-hub", origin: "ke", recipient: "hub", purpose: "CEWARN", types: [.alert], maxClassification: .internal, areas: [],
            granularity: .record, place: .admin1, dates: .day, validFrom: "2026-01-01", state: .suspended)
        let grants = NATSAccess.grants(
            hub: "hub", peers: ["gh": ["GHA"], "ke": ["KEN"], "hub": []], agreements: [Self.agreement(), ke], on: "2026-11-20", domain: "hub")
        #expect(grants.map(\.user) == ["hub", "gh", "ke"])
        let gh = grants[1]
        #expect(gh.publish.filter { $0.hasPrefix("agora.") } == ["agora.gha.case.>", "agora.gha.incident.>"])
        #expect(gh.publish.contains("$JS.hub.API.CONSUMER.MSG.NEXT.AGORA.agora-gh") && !gh.publish.contains { $0.contains("CREATE") })
        #expect(gh.subscribe == ["_INBOX.>"])
        // Kenya's agreement is suspended: not a single subject of its own.
        #expect(grants[2].publish.allSatisfy { !$0.hasPrefix("agora.") })
        let text = NATSAccess.accounts(grants, password: { "pw-" + $0 })
        #expect(text.contains(#"{ user: "gh", password: "pw-gh", permissions: { publish: { allow: ["agora.gha.case.>", "agora.gha.incident.>""#))
        #expect(text.contains(#"{ user: "_system", password: "pw-_system" }"#) && text.hasSuffix("system_account: SYS\n"))
        // Ghana's agreement ends: only Ghana's connection is to be closed, so that it connects again under its new grant.
        let after = NATSAccess.accounts(
            NATSAccess.grants(hub: "hub", peers: ["gh": ["GHA"], "ke": ["KEN"], "hub": []], agreements: [ke], on: "2026-11-20", domain: "hub"),
            password: { "pw-" + $0 })
        #expect(NATSAccess.changedUsers(before: text, after: after) == ["gh"])
        #expect(NATSAccess.changedUsers(before: text, after: text).isEmpty)
        #expect(NATSAccess.changedUsers(before: nil, after: text) == ["hub", "gh", "ke"])
        #expect(
            NATSAccess.changedUsers(before: after, after: NATSAccess.accounts(Array(grants.prefix(2)), password: { "pw-" + $0 })) == ["gh", "ke"])
        #expect(Self.hubKeys.natsPassword(for: "gh") == Self.hubKeys.natsPassword(for: "gh"))
        #expect(Self.hubKeys.natsPassword(for: "gh") != Self.hubKeys.natsPassword(for: "ke") && Self.hubKeys.natsPassword(for: "gh").count == 32)
    }

    /// A lost weapon's record carries its marks and no one's name; read back, it matches the recovered weapon whose
    /// serial is written another way, until it is said found.
    @Test func aLostWeaponTravelsAsItsMarksAndMatchesUntilFound() {
        let marks = WeaponMarks(
            manufacturer: "Izhmash", countryOfManufacture: "RU", serial: "GH-7781-X", yearOfManufacture: 1984, calibre: "7.62x39mm")
        let fields = LostWeapons.fields(type: .assaultRifle, status: .lostOrStolen, marks: marks, body: "GH-NACSA")
        #expect(
            Set(fields.keys) == ["weaponType", "status", "body", "serial", "manufacturer", "calibre", "countryOfManufacture", "yearOfManufacture"])
        #expect(LostWeapons.marks(fields) == marks)
        #expect(LostWeapons.serialKey(fields) == SerialSearch.key("gh 7781 x"))
        #expect(SerialSearch.diverted(WeaponMarks(manufacturer: "IZHMASH", serial: "gh7781x"), LostWeapons.marks(fields)))
        #expect(LostWeapons.stillLost(fields))
        #expect(!LostWeapons.stillLost(LostWeapons.fields(type: .assaultRifle, status: .surrendered, marks: marks, body: "GH-NACSA")))
        #expect(LostWeapons.serialKey(LostWeapons.fields(type: .other, status: .lostOrStolen, marks: WeaponMarks(unmarked: true), body: "X")) == nil)
    }

    /// Risk travels as one figure per area and week, sent again only when it changed, and once as zero when it fell
    /// away, so the hub's map clears; read back, it is the same figure.
    @Test func riskAggregatesAreSentWhenTheyChangeAndClearWhenTheyFallAway() {
        let week = Period.week(containing: CivilDate.parse("2026-12-02")!)
        let bawku = RiskAggregates.Figure(area: "GH1201", name: "Bawku", areaLevel: .admin2, score: 12.34, level: .high, incidents: 3, fatalities: 2)
        let tamale = RiskAggregates.Figure(
            area: "GH0601", name: "Tamale", areaLevel: .admin2, score: 4, level: .moderate, incidents: 1, fatalities: 0)
        let names: (String) -> (String, AreaLevel)? = { ["GH1201": ("Bawku", .admin2), "GH0601": ("Tamale", .admin2)][$0] }
        let first = RiskAggregates.changes([bawku, tamale], period: week, previous: [:], names: names)
        #expect(first == [bawku, tamale])
        var sent = Dictionary(uniqueKeysWithValues: first.map { (RiskAggregates.id(area: $0.area, period: week), $0.fingerprint) })
        #expect(sent.keys.sorted() == ["GH0601|2026-W49", "GH1201|2026-W49"])
        // Unchanged (to a tenth): nothing; Bawku worse: only Bawku.
        var again = bawku
        again.score = 12.31
        #expect(RiskAggregates.changes([again, tamale], period: week, previous: sent, names: names).isEmpty)
        var worse = bawku
        worse.incidents = 4
        #expect(RiskAggregates.changes([worse, tamale], period: week, previous: sent, names: names) == [worse])
        // Tamale gone: once as zero, then never again.
        let cleared = RiskAggregates.changes([bawku], period: week, previous: sent, names: names)
        #expect(cleared.count == 1 && cleared[0].area == "GH0601" && cleared[0].score == 0 && cleared[0].name == "Tamale")
        sent["GH0601|2026-W49"] = cleared[0].fingerprint
        #expect(RiskAggregates.changes([bawku], period: week, previous: sent, names: names).isEmpty)
        // The record read back.
        let back = RiskAggregates.figure(RiskAggregates.fields(bawku, period: week))
        #expect(back?.period == "2026-W49" && back?.figure.area == "GH1201" && back?.figure.score == 12.3 && back?.figure.fatalities == 2)
        #expect(RiskAggregates.figure(["area": .string("GH1201")]) == nil)
        #expect(RiskAggregates.score(bawku, period: week).level == .high)
    }
}

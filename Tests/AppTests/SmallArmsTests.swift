import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The small-arms register and DDR over HTTP on both engines: statuses and custody with their audit, serial search,
/// the lost-or-stolen match alert, collection and destruction, tracing, the year's report checked by hand, and DDR
/// participants from registration to payment.
@Suite struct SmallArmsTests {
    static func send(_ t: any TestingApplicationTester, _ m: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await SubmissionTests.send(t, m, path, token, body)
    }
    static func o(_ r: TestingHTTPResponse) -> [String: Any] { (try? object(r)) ?? [:] }
    static let ak = #""manufacturer":"Izhmash","countryOfManufacture":"RU","yearOfManufacture":1984,"calibre":"7.62x39mm""#
    static var today: String { String(Timestamp.now().prefix(10)) }
    static var year: String { String(today.prefix(4)) }

    struct World {
        var officer, kenya, analyst, liaison, coordinator, admin: (id: String, token: String)
    }

    static func world(_ app: Application) async throws -> World {
        try await TestInstallation.demoInstitutions(app)
        return World(
            officer: try await TestInstallation.person(app, "nacsa", roles: [RoleGrant(body: "GH-NACSA", role: .analyst)]),
            kenya: try await TestInstallation.person(app, "knfp", roles: [RoleGrant(body: "KE-KNFP", role: .analyst)]),
            analyst: try await TestInstallation.person(app, "bawku", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .analyst)]),
            liaison: try await TestInstallation.person(app, "wanep", roles: [RoleGrant(body: "WANEP-GH", role: .csoLiaison)]),
            coordinator: try await TestInstallation.person(app, "nacsa.coord", roles: [RoleGrant(body: "GH-NACSA", role: .coordinator)]),
            admin: try await TestInstallation.person(app, "root", admin: true))
    }

    static func weapon(
        _ t: any TestingApplicationTester, _ token: String, body: String = "GH-NACSA", serial: String, status: String = "in-custody",
        type: String = "assault-rifle", extra: String = ""
    ) async throws -> String {
        let r = try await send(
            t, .POST, "/api/v1/weapons", token,
            #"{"body":"\#(body)","type":"\#(type)","status":"\#(status)","marks":{\#(ak),"serial":"\#(serial)"\#(extra)}}"#)
        #expect(r.status == .created, "\(r.body.string)")
        return o(r)["id"] as? String ?? ""
    }

    @Test(arguments: Engine.available)
    func statusesAndCustodyAreOnTheRecordAndSearchFindsLookAlikes(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            // Without the ITI minimum: refused, naming each missing mark; nothing stored.
            let bare = try await Self.send(
                t, .POST, "/api/v1/weapons", w.officer.token, #"{"body":"GH-NACSA","type":"pistol","marks":{"serial":"1"}}"#)
            #expect(bare.status == .unprocessableEntity, "\(bare.body.string)")
            let bare2 = try await Self.send(
                t, .POST, "/api/v1/weapons", w.officer.token, #"{"body":"GH-NACSA","type":"revolver-or-self-loading-pistol","marks":{"serial":"1"}}"#)
            #expect(bare2.status == .unprocessableEntity && bare2.body.string.contains("marks.manufacturer"), "\(bare2.body.string)")
            let unknown = try await Self.send(
                t, .POST, "/api/v1/weapons", w.officer.token, #"{"body":"GH-NACSA","type":"other","marks":{"unmarked":true},"colour":"black"}"#)
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("colour"))
            let noIncident = try await Self.send(
                t, .POST, "/api/v1/weapons", w.officer.token, #"{"body":"GH-NACSA","type":"other","incident":"no-such","marks":{"unmarked":true}}"#)
            #expect(noIncident.status == .unprocessableEntity && noIncident.body.string.contains("incident"))
            #expect(try await app.sql.select().column("id").from("weapons").all().isEmpty)
            // Another commission's officer and a district analyst keep no register of GH-NACSA's.
            #expect(
                try await Self.send(t, .POST, "/api/v1/weapons", w.kenya.token, #"{"body":"GH-NACSA","type":"other","marks":{"unmarked":true}}"#)
                    .status == .forbidden)

            let a = try await Self.weapon(t, w.officer.token, serial: "1984-OI5 2B", status: "seized")
            let craft = try await Self.weapon(t, w.officer.token, serial: "", type: "other", extra: #","unmarked":true"#)
            _ = try await Self.weapon(t, w.officer.token, serial: "AB15028", extra: #","altered":true"#)
            _ = try await Self.weapon(t, w.officer.token, serial: "77-300")
            // Custody moves to a store, then the weapon is deactivated; a destroyed status cannot be set by hand.
            let moved = try await Self.send(
                t, .POST, "/api/v1/weapons/\(a)/events", w.officer.token, #"{"kind":"custody","store":"Accra armoury 2"}"#)
            #expect(moved.status == .ok && Self.o(moved)["store"] as? String == "Accra armoury 2", "\(moved.body.string)")
            let held = try await Self.send(t, .POST, "/api/v1/weapons/\(a)/events", w.officer.token, #"{"kind":"status","status":"in-custody"}"#)
            #expect(held.status == .ok && Self.o(held)["status"] as? String == "in-custody")
            let byHand = try await Self.send(t, .POST, "/api/v1/weapons/\(a)/events", w.officer.token, #"{"kind":"status","status":"destroyed"}"#)
            #expect(byHand.status == .unprocessableEntity && byHand.body.string.contains("destruction"))
            let marked = try await Self.send(
                t, .POST, "/api/v1/weapons/\(craft)/events", w.officer.token, #"{"kind":"marked","marks":"GH NACSA 2026 0001 on the receiver"}"#)
            #expect(marked.status == .ok)
            let history = (Self.o(held)["history"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(history == ["seized", "custody", "status"])
            let audited = try await app.sql.select().column("action").from("audit_log").where("record_type", .equal, "weapon").where(
                "record_id", .equal, a
            )
            .orderBy("seq").all().map { try $0.decode(column: "action", as: String.self) }
            #expect(audited == ["weapon.seized", "weapon.custody", "weapon.status"])
            // Restricted: the Kenyan officer and the public do not see GH-NACSA's weapons.
            #expect(try await Self.send(t, .GET, "/api/v1/weapons/\(a)", w.kenya.token).status == .notFound)
            #expect(try array(try await Self.send(t, .GET, "/api/v1/weapons", nil)).isEmpty)
            // Serial search: look-alikes, partials, wildcards; the altered mark flagged in what comes back.
            func found(_ q: String) async throws -> [[String: Any]] {
                try array(
                    try await Self.send(
                        t, .GET, "/api/v1/weapons?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", w.officer.token))
            }
            #expect(try await found("1984-0152B").count == 1)
            #expect(try await found("ois2b").count == 1, "a partial serial, look-alikes folded")
            #expect(try await found("AB*028").count == 1)
            #expect(try await found("A815?28").first.flatMap { ($0["marks"] as? [String: Any])?["altered"] as? Bool } == true)
            #expect(try await found("77").isEmpty, "two characters find only an exact serial")
            #expect(try await found("*").count == 4)
        }
    }

    @Test(arguments: Engine.available)
    func aRecoveredWeaponMatchingALostOneAlertsTheCommission(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let lost = try await Self.weapon(t, w.kenya.token, body: "KE-KNFP", serial: "KE-5501-B", status: "lost-or-stolen")
            // A weapon in state stock with the same serial is no diversion; one seized, typed differently, is.
            _ = try await Self.weapon(t, w.officer.token, serial: "KE 55O1 8", status: "state-stock")
            #expect(try await app.sql.select().column("id").from("alerts").all().isEmpty)
            let seized = try await Self.weapon(t, w.officer.token, serial: "ke55018", status: "seized")
            let alerts = try await app.sql.select().columns("id", "body_code", "state", "draft").from("alerts").all()
            #expect(alerts.count == 1)
            let alert = try #require(alerts.first)
            #expect(try alert.decode(column: "body_code", as: String.self) == "GH-NACSA")
            #expect(try alert.decode(column: "state", as: String.self) == "proposed")
            let id = try alert.decode(column: "id", as: String.self)
            #expect(try await Parties(sql: app.sql).bodies("alert", id) == ["KE-KNFP"])
            let draft = try alert.decode(column: "draft", as: String.self)
            #expect(draft.contains(lost) && draft.contains(seized))
            // The Kenyan focal point reads it (informed party); the seized weapon's history names the match.
            #expect(try await Self.send(t, .GET, "/api/v1/alerts/\(id)", w.kenya.token).status == .ok)
            let history = Self.o(try await Self.send(t, .GET, "/api/v1/weapons/\(seized)", w.officer.token))["history"] as? [[String: Any]] ?? []
            #expect(history.contains { ($0["details"] as? [String: String])?["matches"] == lost })
        }
    }

    @Test(arguments: Engine.available)
    func aCampaignCollectsTheCommissionDestroysAndTheYearIsReported(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let y = Self.year
            let made = try await Self.send(
                t, .POST, "/api/v1/arms/campaigns", w.officer.token,
                #"{"body":"GH-NACSA","name":"Bawku weapons for development","areas":["GH1201"],"startsOn":"\#(y)-01-01","endsOn":"\#(y)-12-31","incentives":"Tools for the community","points":[{"name":"Bawku market","area":"GH1201"}]}"#
            )
            #expect(made.status == .created, "\(made.body.string)")
            let campaign = Self.o(made)["id"] as! String
            let collected = try await Self.send(
                t, .POST, "/api/v1/arms/campaigns/\(campaign)/collections", w.officer.token,
                #"{"point":"Bawku market","on":"\#(Self.today)","weapons":[{"type":"assault-rifle","marks":{\#(Self.ak),"serial":"C-1"}},{"type":"assault-rifle","marks":{\#(Self.ak),"serial":"C-2"}},{"type":"other","status":"surrendered","marks":{"unmarked":true,"model":"craft shotgun"}}]}"#
            )
            #expect(collected.status == .ok, "\(collected.body.string)")
            let ids = try array(collected).compactMap { $0["id"] as? String }
            #expect(ids.count == 3)
            let seized = try await Self.weapon(t, w.officer.token, serial: "S-9", status: "seized", type: "revolver-or-self-loading-pistol")
            let elsewhere = try await Self.weapon(t, w.kenya.token, body: "KE-KNFP", serial: "K-1")
            let lot =
                Self.o(
                    try await Self.send(
                        t, .POST, "/api/v1/ammunition", w.officer.token,
                        #"{"body":"GH-NACSA","lot":"L-77","headstamp":"539 84","calibre":"7.62x39mm","quantity":500}"#))[
                    "id"] as! String
            // A serial not in custody (Kenya's) and one witness: refused, every field named, nothing destroyed.
            let bad = try await Self.send(
                t, .POST, "/api/v1/arms/destructions", w.officer.token,
                #"{"body":"GH-NACSA","on":"\#(Self.today)","place":"Accra","method":"cutting","witnesses":["One"],"weapons":["C-1","\#(elsewhere)"]}"#
            )
            #expect(
                bad.status == .unprocessableEntity && bad.body.string.contains("witnesses") && bad.body.string.contains("weapons[1]"),
                "\(bad.body.string)")
            #expect(try await app.sql.select().column("id").from("arms_destructions").all().isEmpty)
            let notHeld = try await Self.send(
                t, .POST, "/api/v1/arms/destructions", w.officer.token,
                #"{"body":"GH-NACSA","on":"\#(Self.today)","place":"Accra","method":"cutting","witnesses":["A","B"],"weapons":["NO-SUCH"]}"#)
            #expect(notHeld.status == .unprocessableEntity && notHeld.body.string.contains("weapons[0]"))
            let done = try await Self.send(
                t, .POST, "/api/v1/arms/destructions", w.officer.token,
                #"{"body":"GH-NACSA","on":"\#(Self.today)","place":"Accra, Burma Camp","method":"cutting","witnesses":["UNDP observer","Ghana Police Service"],"certificate":"NACSA-D-01","weapons":["c1","\#(ids[2])"],"ammunition":[{"lot":"L-77","quantity":200}]}"#
            )
            #expect(done.status == .created, "\(done.body.string)")
            let destruction = Self.o(done)["id"] as! String
            #expect(Self.o(done)["byType"] as? [String: Int] == ["assault-rifle": 1, "other": 1])
            // Twice: refused (destroyed is not custody).
            let again = try await Self.send(
                t, .POST, "/api/v1/arms/destructions", w.officer.token,
                #"{"body":"GH-NACSA","on":"\#(Self.today)","place":"Accra","method":"cutting","witnesses":["A","B"],"weapons":["C-1"]}"#)
            #expect(again.status == .unprocessableEntity)
            // The public reads the summary, not the serials; the officer reads both.
            let pub = Self.o(try await Self.send(t, .GET, "/api/v1/arms/destructions/\(destruction)", nil))
            #expect(pub["weapons"] as? Int == 2 && pub["serials"] == nil)
            let officer = Self.o(try await Self.send(t, .GET, "/api/v1/arms/destructions/\(destruction)", w.officer.token))
            #expect((officer["serials"] as? [String])?.contains("C-1") == true)
            #expect(try array(try await Self.send(t, .GET, "/api/v1/ammunition", w.officer.token)).first?["quantity"] as? Int == 300)
            #expect(lot.isEmpty == false)
            // Tracing: the seized pistol traced to its origin; the answer goes onto its history.
            let trace = Self.o(
                try await Self.send(
                    t, .POST, "/api/v1/arms/tracing", w.officer.token,
                    #"{"body":"GH-NACSA","direction":"outgoing","counterpart":"BG","weapon":"\#(seized)","circumstances":"Seized at a checkpoint","send":true}"#
                ))
            let tid = try #require(trace["id"] as? String)
            #expect(trace["state"] as? String == "sent" && trace["dueOn"] != nil)
            let noOutcome = try await Self.send(t, .POST, "/api/v1/arms/tracing/\(tid)/steps", w.officer.token, #"{"to":"answered"}"#)
            #expect(noOutcome.status == .unprocessableEntity && noOutcome.body.string.contains("outcome"))
            let answered = try await Self.send(
                t, .POST, "/api/v1/arms/tracing/\(tid)/steps", w.officer.token,
                #"{"to":"answered","outcome":"full","answer":"Exported 2009 to a licensed dealer"}"#)
            #expect(answered.status == .ok && Self.o(answered)["outcome"] as? String == "full")
            let pistol = Self.o(try await Self.send(t, .GET, "/api/v1/weapons/\(seized)", w.officer.token))
            #expect((pistol["history"] as? [[String: Any]])?.contains { $0["kind"] as? String == "traced" } == true)
            // The year's figures, counted by hand: 3 collected or surrendered + 1 seized recovered, 1 traced.
            let report = Self.o(try await Self.send(t, .GET, "/api/v1/arms/reports/\(y)?body=GH-NACSA", w.officer.token))
            let draft = try #require(report["draft"] as? [String: Any])
            let collection = draft["collection"] as? [String: Any] ?? [:]
            #expect(
                collection["weaponsCollected"] as? Int == 2 && collection["weaponsSurrendered"] as? Int == 1
                    && collection["weaponsSeized"] as? Int == 1)
            #expect(collection["campaigns"] as? Int == 1)
            let d = draft["destruction"] as? [String: Any] ?? [:]
            #expect(d["weaponsDestroyed"] as? Int == 2 && d["roundsDestroyed"] as? Int == 200 && d["events"] as? Int == 1)
            let sdg = draft["sdg"] as? [String: Any] ?? [:]
            #expect(sdg["recovered"] as? Int == 4 && sdg["traced"] as? Int == 1)
            #expect((draft["att"] as? [String: Any])?["nilReport"] as? Bool == true)
            #expect((draft["tracing"] as? [String: Any])?["answeredFull"] as? Int == 1)
            #expect((draft["recordKeeping"] as? [String: Any])?["onRegister"] as? Int == 4, "Kenya's weapon is not Ghana's")
            let csv = try await Self.send(t, .GET, "/api/v1/arms/reports/\(y)?body=GH-NACSA&format=csv", w.officer.token)
            #expect(csv.body.string.contains(#""sdg-16.4.2","share","0.250""#), "\(csv.body.string)")
            // Kenya's officer does not read Ghana's report; an analyst cannot sign; the coordinator signs.
            #expect(try await Self.send(t, .GET, "/api/v1/arms/reports/\(y)?body=GH-NACSA", w.kenya.token).status == .notFound)
            #expect(try await Self.send(t, .POST, "/api/v1/arms/reports/\(y)/sign", w.officer.token, #"{"body":"GH-NACSA"}"#).status == .forbidden)
            let signed = try await Self.send(t, .POST, "/api/v1/arms/reports/\(y)/sign", w.coordinator.token, #"{"body":"GH-NACSA"}"#)
            #expect(signed.status == .ok && (Self.o(signed)["digest"] as? String)?.count == 64, "\(signed.body.string)")
            let after = Self.o(try await Self.send(t, .GET, "/api/v1/arms/reports/\(y)?body=GH-NACSA", w.officer.token))
            #expect(after["signed"] != nil && after["changedSinceSigning"] as? Bool == false)
        }
    }

    @Test(arguments: Engine.available)
    func aCSVOfWeaponsIsStoredWholeOrNotAtAll(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let header = "body,type,status,manufacturer,countryOfManufacture,serial,yearOfManufacture,calibre,markLocations\n"
            let bad =
                header
                + "GH-NACSA,assault-rifle,in-custody,Izhmash,RU,A1,1980,7.62x39mm,receiver;barrel\nGH-NACSA,cannon,in-custody,X,RU,A2,,,\nGH-NACSA,other,,X,,A3,,,\n"
            let r = try await Self.send(t, .POST, "/api/v1/weapons/import", w.officer.token, bad)
            #expect(
                r.status == .unprocessableEntity && r.body.string.contains("line 3.type")
                    && r.body.string.contains("line 4.marks.countryOfManufacture"), "\(r.body.string)")
            #expect(try await app.sql.select().column("id").from("weapons").all().isEmpty)
            let ok =
                header
                + "GH-NACSA,assault-rifle,in-custody,Izhmash,RU,A1,1980,7.62x39mm,receiver;barrel\nGH-NACSA,rifle-or-carbine,state-stock,Lee-Enfield,GB,A2,1943,.303,\n"
            let done = try await Self.send(t, .POST, "/api/v1/weapons/import", w.officer.token, ok)
            #expect(done.status == .ok && Self.o(done)["imported"] as? Int == 2, "\(done.body.string)")
            let list = try array(try await Self.send(t, .GET, "/api/v1/weapons?q=A1", w.officer.token))
            #expect(((list.first?["marks"] as? [String: Any])?["markLocations"] as? [String]) == ["receiver", "barrel"])
        }
    }

    @Test(arguments: Engine.available)
    func ddrParticipantsAreRegisteredOnceAndMoveThroughTheirStages(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let prog = try await Self.send(
                t, .POST, "/api/v1/ddr/programmes", w.officer.token,
                #"{"body":"GH-NACSA","name":"Northern reintegration","area":"GH1201","startsOn":"2026-01-05","childProtection":"Department of Social Welfare"}"#
            )
            #expect(prog.status == .created, "\(prog.body.string)")
            let pid = Self.o(prog)["id"] as! String
            let path = "/api/v1/ddr/programmes/\(pid)/participants"
            func register(_ given: String, _ family: String, _ birth: String, category: String = "combatant", extra: String = "") async throws
                -> TestingHTTPResponse
            {
                try await Self.send(
                    t, .POST, path, w.officer.token,
                    #"{"category":"\#(category)","sex":"male","area":"GH1201","faction":"Group A","identity":{"givenNames":"\#(given)","familyName":"\#(family)","birthDate":"\#(birth)","idNumber":"GHA-1234"}\#(extra)}"#
                )
            }
            let first = try await register("Mohammed", "Kamara", "1994-03-07")
            #expect(first.status == .created, "\(first.body.string)")
            let p = Self.o(first)
            let id = p["id"] as! String
            let pseudonym = p["pseudonym"] as! String
            #expect(pseudonym.hasPrefix("P-") && !first.body.string.contains("Kamara"))
            // The same man, written otherwise, with another document number: caught, nothing stored.
            let twice = try await Self.send(
                t, .POST, path, w.officer.token,
                #"{"category":"combatant","sex":"male","area":"GH1201","identity":{"givenNames":"MUHAMMED","familyName":"Camara","birthDate":"1994-07-03"}}"#
            )
            #expect(twice.status == .conflict && twice.body.string.contains(pseudonym), "\(twice.body.string)")
            // A 15-year-old registered as combatant: refused; as a child, referred at once.
            let boy = try await Self.send(
                t, .POST, path, w.officer.token,
                #"{"category":"combatant","sex":"male","area":"GH1201","identity":{"givenNames":"Yaw","familyName":"Boateng","birthDate":"\#(Int(Self.year)! - 15)-01-01"}}"#
            )
            #expect(boy.status == .unprocessableEntity && boy.body.string.contains("category"))
            let child = try await Self.send(
                t, .POST, path, w.officer.token,
                #"{"category":"child","sex":"male","area":"GH1201","identity":{"givenNames":"Yaw","familyName":"Boateng","birthDate":"\#(Int(Self.year)! - 15)-01-01"}}"#
            )
            #expect(child.status == .created && Self.o(child)["referredOn"] as? String == Self.today, "\(child.body.string)")
            #expect(try await app.sql.select().column("id").from("ddr_participants").all().count == 2)
            // Stages: demobilised before screened is refused; screened, disarmed with a weapon, demobilised.
            let skip = try await Self.send(
                t, .POST, "/api/v1/ddr/participants/\(id)/steps", w.officer.token, #"{"to":"demobilised","certificate":"D1","site":"Tamale"}"#)
            #expect(skip.status == .unprocessableEntity && skip.body.string.contains("screened"))
            #expect(
                try await Self.send(
                    t, .POST, "/api/v1/ddr/participants/\(id)/steps", w.officer.token, #"{"to":"screened","criterion":"weapon and knowledge test"}"#
                ).status == .ok)
            let gun = try await Self.weapon(t, w.officer.token, serial: "DDR-1", status: "licensed-civilian")
            let disarmed = try await Self.send(
                t, .POST, "/api/v1/ddr/participants/\(id)/steps", w.officer.token, #"{"to":"disarmed","weapons":["\#(gun)"]}"#)
            #expect(disarmed.status == .ok, "\(disarmed.body.string)")
            #expect(Self.o(try await Self.send(t, .GET, "/api/v1/weapons/\(gun)", w.officer.token))["status"] as? String == "surrendered")
            #expect(
                try await Self.send(
                    t, .POST, "/api/v1/ddr/participants/\(id)/steps", w.officer.token, #"{"to":"demobilised","certificate":"D1","site":"Tamale"}"#
                ).status == .ok)
            // Entitlements: a second payment of a tranche is refused, then kept flagged with its reason.
            let tranche = #"{"tranche":"Transitional allowance 1","amount":450.5,"currency":"GHS","channel":"mobile-money","acknowledged":true"#
            #expect(try await Self.send(t, .POST, "/api/v1/ddr/participants/\(id)/payments", w.officer.token, tranche + "}").status == .ok)
            let second = try await Self.send(t, .POST, "/api/v1/ddr/participants/\(id)/payments", w.officer.token, tranche + "}")
            #expect(second.status == .conflict && second.body.string.contains("tranche"))
            let flagged = try await Self.send(
                t, .POST, "/api/v1/ddr/participants/\(id)/payments", w.officer.token,
                tranche + #","secondPaymentReason":"first transfer reversed by the operator"}"#)
            let payments = Self.o(flagged)["payments"] as? [[String: Any]] ?? []
            #expect(payments.count == 2 && payments[1]["secondPayment"] as? Bool == true && payments[0]["amount"] as? Double == 450.5)
            // The identity: coordinators of the programme's body only, with a reason, audited; others see no participant.
            #expect(
                try await Self.send(t, .POST, "/api/v1/ddr/participants/\(id)/identity", w.officer.token, #"{"reason":"check"}"#).status == .forbidden
            )
            let opened = try await Self.send(
                t, .POST, "/api/v1/ddr/participants/\(id)/identity", w.coordinator.token, #"{"reason":"payment dispute"}"#)
            #expect(opened.status == .ok && Self.o(opened)["familyName"] as? String == "Kamara")
            #expect(try await app.sql.select().column("seq").from("audit_log").where("action", .equal, "ddr.identity-opened").all().count == 1)
            for viewer in [w.liaison.token, w.analyst.token, w.kenya.token] {
                #expect(try await Self.send(t, .GET, "/api/v1/ddr/participants/\(id)", viewer).status == .notFound)
                #expect(try array(try await Self.send(t, .GET, path, viewer)).isEmpty)
            }
            #expect(
                try await Self.send(t, .GET, "/api/v1/ddr/participants/\(id)", w.admin.token).status == .notFound,
                "confidential: not even the installation's admin")
            // Aggregates travel, small cells suppressed.
            let agg = Self.o(try await Self.send(t, .GET, "/api/v1/ddr/programmes/\(pid)", w.liaison.token))
            #expect(agg["total"] as? String == "<5")
            #expect((agg["by"] as? [String: [String: String]])?["category"] == ["combatant": "<5", "child": "<5"])
            #expect(!String(describing: agg).contains("Kamara"))
            #expect(try await Self.send(t, .GET, "/api/v1/ddr/programmes/\(pid)", nil).status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func photosGoToThoseWhoReadTheRecordAndDestructionPhotosToAll(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let w = try await Self.world(app)
            let t = try app.testing()
            let png = AccessMatrixTests.png("abcd")
            func upload(_ path: String, _ token: String, _ bytes: [UInt8]) async throws -> TestingHTTPResponse {
                try await t.sendRequest(.POST, path, headers: .bearer(token), body: ByteBuffer(bytes: bytes))
            }
            let gun = try await Self.weapon(t, w.officer.token, serial: "PH-1", status: "collected")
            #expect(try await upload("/api/v1/weapons/\(gun)/photos", w.kenya.token, png).status == .notFound)
            let wrong = try await upload("/api/v1/weapons/\(gun)/photos", w.officer.token, Array("%PDF-1.4 not a photo".utf8))
            #expect(wrong.status == .unprocessableEntity)
            let added = try await upload("/api/v1/weapons/\(gun)/photos", w.officer.token, png)
            #expect(added.status == .created, "\(added.body.string)")
            let photo = try #require(Self.o(added)["id"] as? String)
            let mine = try await t.sendRequest(.GET, "/api/v1/weapons/\(gun)/photos/\(photo)", headers: .bearer(w.officer.token))
            #expect(mine.status == .ok && mine.headers.first(name: .cacheControl) == "private, no-store")
            #expect(try await Self.send(t, .GET, "/api/v1/weapons/\(gun)/photos/\(photo)", w.kenya.token).status == .notFound)
            #expect(try await Self.send(t, .GET, "/api/v1/weapons/\(gun)/photos/\(photo)", nil).status == .notFound)
            #expect((Self.o(try await Self.send(t, .GET, "/api/v1/weapons/\(gun)", w.officer.token))["photos"] as? [String]) == [photo])
            for _ in 1..<ArmsPhotoController.maxPhotos {
                #expect(try await upload("/api/v1/weapons/\(gun)/photos", w.officer.token, png).status == .created)
            }
            #expect(try await upload("/api/v1/weapons/\(gun)/photos", w.officer.token, png).status == .unprocessableEntity, "six photos")
            // A destruction's photos are public, as its summary is.
            let d = Self.o(
                try await Self.send(
                    t, .POST, "/api/v1/arms/destructions", w.officer.token,
                    #"{"body":"GH-NACSA","on":"\#(Self.today)","place":"Yard","method":"crushing","witnesses":["A","B"],"weapons":["PH-1"]}"#))
            let did = try #require(d["id"] as? String)
            let shot = try await upload("/api/v1/arms/destructions/\(did)/photos", w.officer.token, png)
            #expect(shot.status == .created)
            let pid = try #require(Self.o(shot)["id"] as? String)
            let pub = try await t.sendRequest(.GET, "/api/v1/arms/destructions/\(did)/photos/\(pid)")
            #expect(pub.status == .ok && pub.headers.first(name: .cacheControl)?.hasPrefix("public") == true)
            #expect((Self.o(try await Self.send(t, .GET, "/api/v1/arms/destructions/\(did)", nil))["photos"] as? [String]) == [pid])
            #expect(
                try await Self.send(t, .GET, "/api/v1/arms/destructions/\(did)/photos/\(photo)", nil).status == .notFound,
                "a weapon's photo is not the destruction's")
        }
    }
}

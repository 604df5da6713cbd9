import AgoraCore
import Foundation
import Vapor

/// The demo's small arms and DDR: Ghana's commission (GH-NACSA) with a Bawku collection campaign, what its market
/// point took in, a public destruction at Burma Camp, a pistol seized in Tamale traced to its origin, a rifle Kenya's
/// focal point recorded stolen and Ghana later seized (the match alert), and a small DDR programme in which one man
/// was nearly registered twice (his keys caught it; the attempt is on the audit chain). Seeded once.
enum DemoArms {
    static func seed(_ app: Application, actor: String) async throws {
        guard try await ArmsStore(sql: app.sql).campaigns(body: "GH-NACSA").isEmpty else { return }
        let today = ArmsAccess.today
        let day = CivilDate.parse(today)!
        @Sendable func ago(_ n: Int) -> String { CivilDate.text(day - n) }
        let vault = try app.vault
        try await app.write { tx in
            let weapons = WeaponStore(sql: tx)
            let arms = ArmsStore(sql: tx)
            let campaign = UUID().uuidString.lowercased()
            try await arms.createCampaign(
                CampaignView(
                    id: campaign, body: "GH-NACSA", name: "Bawku: weapons for development", startsOn: ago(60), endsOn: ago(-30), areas: ["GH1201"],
                    incentives: "Farm tools and a borehole for the community that hands in most",
                    points: [CollectionPoint(name: "Bawku central market", area: "GH1201")],
                    ddrProgramme: nil, collected: [:]),
                actor: actor)
            let ak = WeaponMarks(
                manufacturer: "Izhmash", countryOfManufacture: "RU", yearOfManufacture: 1984, calibre: "7.62x39mm", markLocations: ["receiver"])
            var collected: [String] = []
            for (i, serial) in ["1984-0152", "1984-7731", "BG-55120"].enumerated() {
                var m = ak
                m.serial = serial
                if i == 2 { (m.manufacturer, m.countryOfManufacture, m.yearOfManufacture) = ("Arsenal", "BG", 1979) }
                let id = UUID().uuidString.lowercased()
                try await weapons.insert(
                    NewWeapon(
                        id: id, body: "GH-NACSA", classification: .restricted, store: "Bawku police armoury", type: .assaultRifle, status: .collected,
                        marks: m, incident: nil, area: "GH1201", campaign: campaign, registeredOn: ago(40 - i)), actor: actor, kind: .collected)
                collected.append(id)
            }
            for n in 1...3 {
                let id = UUID().uuidString.lowercased()
                try await weapons.insert(
                    NewWeapon(
                        id: id, body: "GH-NACSA", classification: .restricted, store: "Bawku police armoury", type: .other, status: .surrendered,
                        marks: WeaponMarks(model: "Locally made single-barrel shotgun \(n)", unmarked: true), incident: nil, area: "GH1201",
                        campaign: campaign, registeredOn: ago(35)), actor: actor, kind: .registered)
                collected.append(id)
            }
            try await weapons.event(collected[0], kind: .marked, on: ago(30), details: ["marks": "GH NACSA 2026 0001 on the receiver"], actor: actor)
            // Destroyed in public: two rifles and the three craft guns; the third rifle waits for its trace.
            let destruction = UUID().uuidString.lowercased()
            let destroyed = [collected[0], collected[1]] + collected[3...]
            try await arms.createDestruction(
                DestructionView(
                    id: destruction, body: "GH-NACSA", on: ago(10), place: "Burma Camp, Accra",
                    summary: "Five weapons from the Bawku campaign cut in public at Burma Camp, before the regional peace council and UNDP.",
                    method: .cutting, witnesses: ["Upper East Regional Peace Council", "UNDP Ghana observer", "Ghana Police Service"],
                    certificate: "NACSA-D-2026-004", weapons: destroyed.count, rounds: 0, byType: ["assault-rifle": 2, "other": 3]),
                weaponIDs: destroyed, actor: actor)
            for w in destroyed {
                try await weapons.event(
                    w, kind: .destroyed, on: ago(10), status: .destroyed, details: ["destruction": destruction, "method": "cutting"], actor: actor)
            }
            // Kenya's focal point lost a rifle from a police store; Ghana seized it in Tamale (the match alert).
            let lost = UUID().uuidString.lowercased()
            var g3 = WeaponMarks(
                manufacturer: "Heckler & Koch", countryOfManufacture: "DE", serial: "G3-KE-40871", yearOfManufacture: 1991, calibre: "7.62x51mm")
            try await weapons.insert(
                NewWeapon(
                    id: lost, body: "KE-KNFP", classification: .restricted, store: nil, type: .rifle, status: .lostOrStolen, marks: g3, incident: nil,
                    area: nil, campaign: nil, registeredOn: ago(200)), actor: actor)
            g3.serial = "G3 KE 4O871"
            let seized = NewWeapon(
                id: UUID().uuidString.lowercased(), body: "GH-NACSA", classification: .restricted, store: "Tamale police armoury", type: .rifle,
                status: .seized, marks: g3, incident: nil, area: "GH0812", campaign: nil, registeredOn: ago(5))
            try await weapons.insert(seized, actor: actor, kind: .seized)
            try await DivertedWeapons(sql: tx).check(seized, actor: actor)
            let pistol = UUID().uuidString.lowercased()
            try await weapons.insert(
                NewWeapon(
                    id: pistol, body: "GH-NACSA", classification: .restricted, store: "Tamale police armoury", type: .pistol, status: .seized,
                    marks: WeaponMarks(manufacturer: "Zastava", countryOfManufacture: "RS", serial: "M57-118204", calibre: "7.62x25mm"),
                    incident: nil,
                    area: "GH0812", campaign: nil, registeredOn: ago(50)), actor: actor, kind: .seized)
            let trace = UUID().uuidString.lowercased()
            try await TracingStore(sql: tx).create(
                TracingView(
                    id: trace, body: "GH-NACSA", counterpart: "RS", circumstances: "Seized at a checkpoint on the Tamale–Bolgatanga road",
                    classification: .restricted, direction: .outgoing, weapon: pistol, marks: WeaponMarks(serial: "M57-118204"), type: .pistol,
                    state: .answered, outcome: .full, answer: "Exported 2008 to a licensed dealer in Lomé; diverted after resale", sentOn: ago(45),
                    dueOn: ago(15), answeredOn: ago(20), overdue: false, createdAt: "", updatedAt: ""), actor: actor)
            try await weapons.event(
                pistol, kind: .traced, on: ago(20), details: ["request": trace, "outcome": "full", "counterpart": "RS"], actor: actor)
            try await arms.addLot(
                AmmunitionView(
                    id: UUID().uuidString.lowercased(), body: "GH-NACSA", lot: "GH-L-2026-07", classification: .restricted, headstamp: "539 84",
                    calibre: "7.62x39mm", store: "Bawku police armoury", quantity: 1_240, status: .collected), actor: actor)

            // A small DDR programme: six participants, one child referred at once.
            let ddr = DDRStore(sql: tx)
            let programme = UUID().uuidString.lowercased()
            try await ddr.createProgramme(
                ProgrammeView(
                    id: programme, body: "GH-NACSA", name: "Northern community reintegration (demo)", area: "GH1201", startsOn: ago(90),
                    childProtection: "Department of Social Welfare, Bawku"), actor: actor)
            let people: [(String, String, String, DDRCategory, String, DDRStage)] = [
                ("Mohammed", "Kamara", "1994-03-07", .combatant, "male", .demobilised),
                ("Abena", "Asante", "1999-11-21", .associated, "female", .reinsertion),
                ("Kwesi", "Mensah", "1988-06-02", .combatant, "male", .screened), ("Issah", "Adam", "1991", .combatant, "male", .registered),
                ("Ama", "Owusu", "2001-01-15", .associated, "female", .registered),
                ("Yaw", "Boateng", "\(Int(today.prefix(4))! - 15)-04-01", .child, "male", .registered),
            ]
            for (given, family, birth, category, sex, stage) in people {
                let id = UUID().uuidString.lowercased()
                let identity = DDRIdentity(givenNames: given, familyName: family, birthDate: birth)
                let p = ParticipantView(
                    id: id, pseudonym: DDRController.pseudonym(), programme: programme, body: "GH-NACSA", sex: sex,
                    ageGroup: DDRRules.ageGroup(DDRRules.age(birth: birth, on: ago(60))), area: "GH1201", registeredOn: ago(60), category: category,
                    stage: .registered, furthest: .registered, faction: "Bawku youth group (demo)", referredOn: category == .child ? ago(60) : nil)
                try await ddr.register(
                    p, sealedIdentity: try vault.seal(value: identity, recordID: id), keys: vault.identityKeys.keys(identity), actor: actor)
                let path = DDRStage.path.prefix { $0 != stage } + [stage]
                for s in path.dropFirst() where stage != .registered {
                    let details: [String: String] =
                        switch s {
                        case .screened: ["criterion": "proof of membership and weapon handling test", "reviewer": actor]
                        case .demobilised: ["certificate": "GH-DDR-\(p.pseudonym)", "site": "Bawku transit site"]
                        default: [:]
                        }
                    try await ddr.move(id, to: s, furthest: s, on: ago(30), details: details, actor: actor)
                }
                if given == "Mohammed" {
                    try await ddr.pay(
                        PaymentView(
                            id: UUID().uuidString.lowercased(), tranche: "Transitional safety allowance 1", currency: "GHS", paidOn: ago(20),
                            channel: "mobile-money", amount: 450, acknowledged: true, secondPayment: false, reason: nil), participant: id,
                        actor: actor)
                    // The same man came back a week later as "Muhammed Camara": his keys matched; the attempt is recorded.
                    let again = vault.identityKeys.keys(DDRIdentity(givenNames: "Muhammed", familyName: "Camara", birthDate: "1994-07-03"))
                    if try await !ddr.holders(of: again).isEmpty {
                        try await AuditStore(sql: tx).append(
                            actor: actor, action: "ddr.double-registration-refused", recordType: "ddr-participant", recordID: id,
                            content: [p.pseudonym])
                    }
                }
            }
        }
    }
}

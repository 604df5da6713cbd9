import Foundation
import PropertyBased
import Testing

@testable import AgoraCore

/// The USSD menu: six screens at most, each under 182 characters, a wrong answer asked again with its reason.
@Suite struct USSDMenuTests {
    static let context = USSDMenu.Context(
        menu: [
            .init(code: "CS01", name: "Armed clash between groups", nameFR: "Affrontement armé entre groupes"),
            .init(code: "CS05", name: "Attack on civilians", nameFR: "Attaque contre des civils"),
        ],
        indicators: ["CS01", "CS05", "HR03"], area: { ["GH1201": "GH1201", "BAWKU": "GH1201"][SMSGrammar.fold($0)] },
        areaName: { $0 == "GH1201" ? "Bawku" : $0 })

    func screen(_ text: String) -> USSDMenu.Screen { USSDMenu.step(text, Self.context) }

    @Test func aSessionWalksToAReport() {
        #expect(screen("").text.hasPrefix("CON Agora"))
        #expect(screen("1").text.contains("1 Armed clash between groups"))
        #expect(screen("2").text.contains("Affrontement"))
        #expect(screen("1*9").text.hasPrefix("CON Unknown: 9."), "a wrong answer is asked again")
        #expect(screen("1*9*2").text.contains("Where?"), "and the next answer counts")
        #expect(screen("1*hr03*Nowhere").text.hasPrefix("CON Unknown place: Nowhere."))
        #expect(screen("1*2*bawku*x").text.contains("A number"))
        #expect(screen("1*2*bawku*0*3").text == "CON CS05, Bawku, 0 killed, 3 injured\n1 Send\n2 Cancel")
        #expect(screen("1*2*bawku*0*3*1") == .file(.init(language: .en, indicators: ["CS05"], area: "GH1201", killed: 0, injured: 3, text: "")))
        #expect(screen("2*1*GH1201*1*0*2").text.hasPrefix("END Annul"))
        #expect(screen("7").text.hasPrefix("END"))
    }

    @Test func everyScreenFits() async {
        let answers = ["1", "2", "3", "9", "0", "x", "CS01", "bawku", "GH1201", "Nowhere", String(repeating: "é", count: 300)]
        await propertyCheck(count: 400, input: Gen.element(of: answers).array(of: 0...9)) { picked in
            let s = USSDMenu.step(picked.compactMap { $0 }.joined(separator: "*"), Self.context)
            #expect(s.text.count <= USSDMenu.screenLimit, "\(picked) → \(s.text)")
        }
    }
}

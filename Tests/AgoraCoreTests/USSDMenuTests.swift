import Foundation
import PropertyBased
import Testing

@testable import AgoraCore

/// The USSD menu: six screens at most, each under 182 characters, a wrong answer asked again with its reason.
@Suite struct USSDMenuTests {
    static let context = USSDMenu.Context(
        menu: [
            .init(
                code: "CS01",
                names: ["en": "Armed clash between groups", "fr": "Affrontement armé entre groupes", "pt": "Confronto armado", "ar": "اشتباك مسلح"]),
            .init(code: "CS05", names: ["en": "Attack on civilians", "fr": "Attaque contre des civils"]),
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
        // Portuguese and Arabic, Arabic-Indic digits read as digits.
        #expect(screen("3").text.contains("O que aconteceu?") && screen("3").text.contains("Confronto armado"))
        #expect(screen("3*1*bawku*0*2").text == "CON CS01, Bawku, 0 mortos, 2 feridos\n1 Enviar\n2 Cancelar")
        #expect(screen("4").text.contains("ماذا حدث؟") && screen("4").text.contains("اشتباك مسلح"))
        #expect(screen("4*٢*bawku*١*٠*١") == .file(.init(language: .ar, indicators: ["CS05"], area: "GH1201", killed: 1, injured: 0, text: "")))
    }

    @Test func everyScreenFits() async {
        let answers = ["1", "2", "3", "4", "9", "0", "x", "CS01", "bawku", "GH1201", "Nowhere", "٣", String(repeating: "é", count: 300)]
        await propertyCheck(count: 400, input: Gen.element(of: answers).array(of: 0...9)) { picked in
            let s = USSDMenu.step(picked.compactMap { $0 }.joined(separator: "*"), Self.context)
            let arabic = s.text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
            #expect(s.text.count <= (arabic ? USSDMenu.arabicLimit : USSDMenu.screenLimit), "\(picked) → \(s.text)")
        }
    }
}

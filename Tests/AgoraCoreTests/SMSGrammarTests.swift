import Foundation
import PropertyBased
import Testing

@testable import AgoraCore

/// The feature-phone grammar: examples, then properties over generated messages — any order of the coded parts, any
/// case and spacing, either language, gives the report back; any text at all gives a reply that fits one SMS.
@Suite struct SMSGrammarTests {
    static let indicators: Set<String> = ["CS01", "CS05", "VE02", "HR03"]
    static let places: [String: String] = ["GH1201": "GH1201", "BAWKU": "GH1201", "BAWKU CENTRAL": "GH1201C", "GH0812": "GH0812", "TAMALE": "GH0812"]
    static let context = SMSGrammar.Context(
        indicators: indicators, area: { places[$0.uppercased().split(separator: " ").joined(separator: " ")] },
        nearest: { w in places.keys.filter { $0.first == w.uppercased().first }.sorted() })

    func report(_ s: String) -> SMSGrammar.Report? {
        if case .report(let r) = SMSGrammar.parse(s, Self.context) { return r }
        return nil
    }

    func problem(_ s: String) -> SMSGrammar.Problem? {
        if case .problem(let p) = SMSGrammar.parse(s, Self.context) { return p }
        return nil
    }

    @Test func theExampleReads() {
        let r = report("R CS01 CS05 GH1201 K2 I3 market clash")
        #expect(r == .init(language: .en, indicators: ["CS01", "CS05"], area: "GH1201", killed: 2, injured: 3, text: "market clash"))
        #expect(report("  rapport  cs05 bawku central t1  b0 attaque au marché")?.area == "GH1201C", "a place name of two words")
        #expect(report("rapport cs05 tamale T1 B4 attaque")?.language == .fr)
        #expect(report("R GH1201 CS01")?.text == "")
    }

    @Test func theFirstProblemIsSaid() {
        #expect(problem("hello there")?.kind == .noKeyword)
        #expect(problem("R GH1201 fight")?.kind == .noIndicator)
        #expect(problem("R XX99 GH1201 fight")?.kind == .unknownIndicator("XX99"))
        #expect(problem("R CS01 Bolga fight")?.kind == .unknownArea("Bolga", nearest: ["BAWKU", "BAWKU CENTRAL"]))
        #expect(problem("R CS01 GH1201 K2x fight")?.kind == .badNumber("K2x"))
        #expect(problem("R CS01")?.kind == .noArea)
        if case .help(let l) = SMSGrammar.parse("aide", Self.context) { #expect(l == .fr) } else { Issue.record("AIDE is help") }
        let reply = SMSReply.problem(problem("RAPPORT CS01 Bolgatanga bagarre")!)
        #expect(reply.hasPrefix("Lieu inconnu: Bolgatanga.") && reply.contains("BAWKU"), "\(reply)")
    }

    @Test func repliesFitOneSMS() {
        let long = SMSReply.fit(String(repeating: "ê", count: 300))
        #expect(long.count == 160 && long.hasSuffix("...") && !long.contains("ê"))
        #expect(SMSReply.fit("Reçu, tué, blessé, fête") == "Recu, tué, blessé, fete", "é is GSM-7; ç and the circumflexes are not")
        #expect(SMSReply.confirmed("R-7K2M", .fr).count <= 160)
        // Arabic has no GSM-7 letters: one UCS-2 SMS, 70 characters.
        for l in SMSGrammar.Language.allCases {
            let replies = [SMSReply.confirmed("R-7K2M1A2B", l), SMSReply.help(l), SMSReply.unknownSender(l)]
            for r in replies { #expect(l == .ar ? r.count <= 70 : r.count <= 160 && r.allSatisfy { SMSReply.gsm.contains($0) }, "\(l): \(r)") }
        }
    }

    @Test func portugueseAndArabicMessagesAreRead() {
        let pt = report("RELATO cs05 tamale M1 F4 ataque no mercado")
        #expect(pt?.language == .pt && pt?.killed == 1 && pt?.injured == 4 && pt?.text == "ataque no mercado")
        let ar = report("تقرير CS01 GH1201 ق٢ ج٣ اشتباك في السوق")
        #expect(ar?.language == .ar && ar?.killed == 2 && ar?.injured == 3 && ar?.area == "GH1201" && ar?.text == "اشتباك في السوق")
        if case .help(let l) = SMSGrammar.parse("ajuda", Self.context) { #expect(l == .pt) } else { Issue.record("AJUDA is help") }
        if case .help(let l) = SMSGrammar.parse("مساعدة", Self.context) { #expect(l == .ar) } else { Issue.record("مساعدة is help") }
        let reply = SMSReply.problem(problem("تقرير CS01 Bolgatanga")!)
        #expect(reply.hasPrefix("مكان غير معروف: Bolgatanga.") && reply.count <= 70, "\(reply)")
        #expect(SMSReply.problem(problem("RELATO GH1201")!).hasPrefix("Indique um codigo de indicador"))
    }

    static let keywords = ["R", "r", "REPORT", "Report", "RAPPORT", "signal", "RELATO", "relato", "تقرير"]
    static let codes = Array(indicators).sorted()
    static let areaTokens = ["GH1201", "bawku", "Tamale", "GH0812", "Bawku Central"]
    static let words = ["market", "clash", "attaque", "youths", "cattle", "bridge", "fire", "road"]

    @Test func anyOrderCaseAndSpacingGivesTheReportBack() async {
        await propertyCheck(
            count: 300,
            input: Gen.element(of: Self.keywords), Gen.element(of: Self.codes).array(of: 1...3), Gen.element(of: Self.areaTokens),
            Gen.int(in: 0...40).optional(), Gen.int(in: 0...40).optional(), Gen.element(of: Self.words).array(of: 0...4), Gen.int(in: 0...1000)
        ) { keyword, codes, place, killed, injured, words, shuffle in
            let k = keyword!
            var coded = codes.compactMap { $0 }.map { shuffle % 2 == 0 ? $0.lowercased() : $0 } + [place!]
            if let n = killed { coded.append((shuffle % 3 == 0 ? "T" : "k") + String(n)) }
            if let n = injured { coded.append((shuffle % 5 == 0 ? "B" : "I") + String(n)) }
            var rng = SplitMix(seed: UInt64(shuffle))
            coded.shuffle(using: &rng)
            let space = String(repeating: " ", count: 1 + shuffle % 3)
            let text = words.compactMap { $0 }.joined(separator: " ")
            let sms = ([k] + coded + (text.isEmpty ? [] : [text])).joined(separator: space)
            guard case .report(let r) = SMSGrammar.parse(sms, Self.context) else {
                Issue.record("did not read: \(sms)")
                return
            }
            #expect(Set(r.indicators) == Set(codes.compactMap { $0 }), "\(sms)")
            #expect(r.area == Self.context.area(place!), "\(sms)")
            #expect(r.killed == killed && r.injured == injured, "\(sms)")
            #expect(r.text == text, "\(sms)")
        }
    }

    @Test func anyTextGetsAReplyThatFits() async {
        await propertyCheck(count: 500, input: Gen.letterOrNumber.string(of: 0...40).array(of: 0...12)) { parts in
            let sms = "R " + parts.joined(separator: " ")
            let reply: String =
                switch SMSGrammar.parse(sms, Self.context) {
                case .report(let r): SMSReply.confirmed("R-" + r.area, r.language)
                case .help(let l): SMSReply.help(l)
                case .problem(let p): SMSReply.problem(p)
                }
            #expect(reply.count <= 160 && reply.allSatisfy { SMSReply.gsm.contains($0) }, "\(sms) → \(reply)")
        }
    }
}

/// A small seeded generator so that a shuffle is reproducible from the property's input.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Foundation

/// A report typed on a feature phone: `R CS01 CS05 GH1201 K2 I3 market clash` — the keyword, indicator codes, the
/// area (a P-code or a registered place name), killed and injured, then free text. Case, extra spaces and the order of
/// the coded parts do not matter; the keywords are English or French (`R`/`REPORT`/`RAPPORT`/`SIGNAL`; `K`/`T` killed
/// or tués, `I`/`B` injured or blessés; `HELP`/`AIDE`). The language the monitor wrote in is the language of the reply.
public enum SMSGrammar {
    public enum Language: String, Sendable, Equatable { case en, fr }

    public struct Report: Sendable, Equatable {
        public var language: Language
        public var indicators: [String]
        public var area: String
        public var killed: Int?
        public var injured: Int?
        public var text: String
    }

    public enum Parsed: Sendable, Equatable {
        case report(Report)
        case help(Language)
        case problem(Problem)
    }

    /// The first thing wrong, said in one SMS.
    public struct Problem: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case noKeyword
            case unknownIndicator(String)
            case noIndicator
            case noArea
            case unknownArea(String, nearest: [String])
            case badNumber(String)
        }
        public var kind: Kind
        public var language: Language
    }

    /// What the parser needs to know of the installation.
    public struct Context: Sendable {
        public var indicators: Set<String>
        /// A token (or two or three words) to an area code: P-codes and registered place names, already folded.
        public var area: @Sendable (String) -> String?
        /// Nearest area names or codes to a token that is none (for the reply).
        public var nearest: @Sendable (String) -> [String]

        public init(
            indicators: Set<String>, area: @escaping @Sendable (String) -> String?, nearest: @escaping @Sendable (String) -> [String] = { _ in [] }
        ) {
            self.indicators = indicators
            self.area = area
            self.nearest = nearest
        }
    }

    static let reportWords: [String: Language] = ["R": .en, "REPORT": .en, "RAPPORT": .fr, "SIGNAL": .fr, "SIGNALER": .fr]
    static let helpWords: [String: Language] = ["HELP": .en, "H": .en, "?": .en, "AIDE": .fr]

    public static func parse(_ sms: String, _ c: Context) -> Parsed {
        let words = sms.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init)
        guard let first = words.first?.uppercased() else { return .problem(Problem(kind: .noKeyword, language: .en)) }
        if let l = helpWords[first] { return .help(l) }
        guard let lang = reportWords[first] else {
            return .problem(Problem(kind: .noKeyword, language: looksFrench(sms) ? .fr : .en))
        }
        var indicators: [String] = []
        var area: String?
        var killed: Int?
        var injured: Int?
        var i = 1
        func problem(_ k: Problem.Kind) -> Parsed { .problem(Problem(kind: k, language: lang)) }
        while i < words.count {
            let w = words[i].uppercased()
            if c.indicators.contains(w) {
                if !indicators.contains(w) { indicators.append(w) }
                i += 1
                continue
            }
            if let counted = count(w) {
                guard let n = counted.1 else { return problem(.badNumber(words[i])) }
                if counted.0 == "K" { killed = n } else { injured = n }
                i += 1
                continue
            }
            if area == nil {
                // A place name may be two or three words ("Bawku Central"): the longest that names an area wins.
                let hit = (1...3).reversed().lazy.compactMap { n -> (code: String, used: Int)? in
                    guard i + n <= words.count else { return nil }
                    return c.area(words[i..<(i + n)].joined(separator: " ")).map { (code: $0, used: n) }
                }.first
                if let hit {
                    area = hit.code
                    i += hit.used
                    continue
                }
            }
            // Shaped like an indicator code but not one: say so rather than take it as text.
            if indicators.isEmpty || area == nil, w.range(of: #"^[A-Z]{2}[0-9]{2}$"#, options: .regularExpression) != nil, !c.indicators.contains(w) {
                return problem(indicators.isEmpty ? .unknownIndicator(words[i]) : .unknownArea(words[i], nearest: c.nearest(words[i])))
            }
            break
        }
        let text = words[i...].joined(separator: " ")
        if indicators.isEmpty { return problem(.noIndicator) }
        guard let a = area else {
            if let next = words.dropFirst(i).first { return problem(.unknownArea(next, nearest: c.nearest(next))) }
            return problem(.noArea)
        }
        return .report(Report(language: lang, indicators: indicators, area: a, killed: killed, injured: injured, text: text))
    }

    /// `K2`, `T2` (killed), `I3`, `B3` (injured): the kind, and the number or nil when it does not read.
    static func count(_ w: String) -> (String, Int?)? {
        guard let f = w.first, "KTIB".contains(f), w.count >= 2, w.dropFirst().allSatisfy({ $0.isNumber || $0.isLetter }) else { return nil }
        let rest = w.dropFirst()
        guard rest.first?.isNumber == true else { return nil }
        return (f == "K" || f == "T" ? "K" : "I", Int(rest).flatMap { (0...10_000).contains($0) ? $0 : nil })
    }

    /// A place name or code as compared: upper case, accents off, single spaces.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased().split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
    }

    static func looksFrench(_ s: String) -> Bool {
        let l = s.lowercased()
        return ["bonjour", "attaque", "village", "tué", "blessé", "conflit"].contains { l.contains($0) }
    }
}

/// Replies that fit one SMS: 160 characters of the GSM 03.38 alphabet (accents it lacks are dropped, not sent as
/// UCS-2, which would cut the message to 70 characters).
public enum SMSReply {
    static let gsm = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")

    public static func fit(_ text: String, limit: Int = 160) -> String {
        var out: [Character] = []
        for ch in text {
            var c = ch
            if !gsm.contains(c) {
                let folded = String(ch).folding(options: .diacriticInsensitive, locale: nil)
                guard folded.count == 1, let f = folded.first, gsm.contains(f) else { continue }
                c = f
            }
            if out.count == limit {
                // Cut: end on "..." so the reader knows.
                return String(out.prefix(limit - 3)) + "..."
            }
            out.append(c)
        }
        return String(out)
    }

    public static func confirmed(_ reference: String, _ l: SMSGrammar.Language) -> String {
        fit(
            l == .fr
                ? "Merci. Signalement recu, reference \(reference). Un analyste va le verifier."
                : "Thank you. Report received, reference \(reference). An analyst will check it.")
    }

    public static func unknownSender(_ l: SMSGrammar.Language) -> String {
        fit(
            l == .fr
                ? "Ce numero n'est pas enregistre. Demandez a votre coordinateur de vous inscrire comme moniteur."
                : "This number is not registered. Ask your coordinator to register you as a monitor.")
    }

    public static func help(_ l: SMSGrammar.Language) -> String {
        fit(
            l == .fr
                ? "Format: R code-indicateur lieu T(tues) B(blesses) texte. Ex: R CS01 GH1201 T0 B2 bagarre au marche"
                : "Format: R indicator-code place K(killed) I(injured) text. Eg: R CS01 GH1201 K0 I2 market clash")
    }

    public static func problem(_ p: SMSGrammar.Problem) -> String {
        let fr = p.language == .fr
        let example = fr ? " Ex: R CS01 GH1201 T0 B2 bagarre" : " Eg: R CS01 GH1201 K0 I2 clash"
        switch p.kind {
        case .noKeyword: return fit((fr ? "Commencez par R (signalement)." : "Start with R (report).") + example)
        case .noIndicator: return fit((fr ? "Indiquez un code indicateur, ex. CS01." : "Give an indicator code, eg CS01.") + example)
        case .unknownIndicator(let w): return fit((fr ? "Indicateur inconnu: \(w)." : "Unknown indicator: \(w).") + example)
        case .noArea: return fit((fr ? "Indiquez le lieu (code ou nom)." : "Give the place (code or name).") + example)
        case .unknownArea(let w, let nearest):
            let near = nearest.prefix(3).joined(separator: ", ")
            return fit(
                (fr ? "Lieu inconnu: \(w)." : "Unknown place: \(w).")
                    + (near.isEmpty ? example : (fr ? " Voulez-vous dire: " : " Did you mean: ") + near + "?"))
        case .badNumber(let w): return fit((fr ? "Nombre illisible: \(w). Ex: T2 B3" : "Unreadable number: \(w). Eg: K2 I3"))
        }
    }
}

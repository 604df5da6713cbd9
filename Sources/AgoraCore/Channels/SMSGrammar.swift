import Foundation

/// A report typed on a feature phone: `R CS01 CS05 GH1201 K2 I3 market clash` — the keyword, indicator codes, the
/// area (a P-code or a registered place name), killed and injured, then free text. Case, extra spaces and the order of
/// the coded parts do not matter; the keywords are English, French, Portuguese or Arabic (`R`/`REPORT`, `RAPPORT`/
/// `SIGNAL`, `RELATO`, `تقرير`/`بلاغ`; killed `K`, `T` (tués), `M` (mortos), `ق` (قتلى); injured `I`, `B` (blessés), `F`
/// (feridos), `ج` (جرحى); help `HELP`, `AIDE`, `AJUDA`, `مساعدة`), with Western or Arabic-Indic digits. The language the
/// monitor wrote in is the language of the reply.
public enum SMSGrammar {
    public enum Language: String, Sendable, Equatable, CaseIterable { case en, fr, pt, ar }

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

    static let reportWords: [String: Language] = [
        "R": .en, "REPORT": .en, "RAPPORT": .fr, "SIGNAL": .fr, "SIGNALER": .fr, "RELATO": .pt, "RELATORIO": .pt, "RELATÓRIO": .pt,
        "تقرير": .ar, "بلاغ": .ar,
    ]
    static let helpWords: [String: Language] = ["HELP": .en, "H": .en, "?": .en, "AIDE": .fr, "AJUDA": .pt, "مساعدة": .ar]

    /// Arabic-Indic and Eastern Arabic-Indic digits read as 0–9.
    static func westernDigits(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { u in
                    switch u.value {
                    case 0x0660...0x0669: Unicode.Scalar(u.value - 0x0660 + 48)!
                    case 0x06F0...0x06F9: Unicode.Scalar(u.value - 0x06F0 + 48)!
                    default: u
                    }
                }))
    }

    public static func parse(_ message: String, _ c: Context) -> Parsed {
        let sms = westernDigits(message)
        let words = sms.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init)
        guard let first = words.first?.uppercased() else { return .problem(Problem(kind: .noKeyword, language: .en)) }
        if let l = helpWords[first] { return .help(l) }
        guard let lang = reportWords[first] else {
            return .problem(Problem(kind: .noKeyword, language: guessLanguage(sms)))
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

    /// `K2`, `T2`, `M2`, `ق2` (killed), `I3`, `B3`, `F3`, `ج3` (injured): the kind, and the number or nil when it does not read.
    static func count(_ w: String) -> (String, Int?)? {
        guard let f = w.first, "KTMقIBFج".contains(f), w.count >= 2, w.dropFirst().allSatisfy({ $0.isNumber || $0.isLetter }) else { return nil }
        let rest = w.dropFirst()
        guard rest.first?.isNumber == true else { return nil }
        return ("KTMق".contains(f) ? "K" : "I", Int(rest).flatMap { (0...10_000).contains($0) ? $0 : nil })
    }

    /// A place name or code as compared: upper case, accents off, single spaces.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased().split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
    }

    /// The language of a message that has no keyword, for the reply that asks for one.
    static func guessLanguage(_ s: String) -> Language {
        if s.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) { return .ar }
        let l = s.lowercased()
        if ["bonjour", "attaque", "village", "tué", "blessé", "conflit"].contains(where: { l.contains($0) }) { return .fr }
        if ["olá", "ataque", "aldeia", "morto", "ferido", "conflito"].contains(where: { l.contains($0) }) { return .pt }
        return .en
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

    /// One SMS in the monitor's language: GSM-7 (160) for en, fr, pt; Arabic has no GSM-7 letters, so it goes as
    /// UCS-2, where one SMS holds 70 characters.
    public static func fit(_ text: String, _ l: SMSGrammar.Language) -> String {
        guard l == .ar else { return fit(text) }
        return text.count <= 70 ? text : String(text.prefix(67)) + "..."
    }

    static let phrases: [String: [SMSGrammar.Language: String]] = [
        "confirmed": [
            .en: "Thank you. Report received, reference %@. An analyst will check it.",
            .fr: "Merci. Signalement recu, reference %@. Un analyste va le verifier.",
            .pt: "Obrigado. Relato recebido, referencia %@. Um analista vai verifica-lo.",
            .ar: "شكراً. وصل البلاغ، المرجع %@. سيتحقق منه محلل.",
        ],
        "unknownSender": [
            .en: "This number is not registered. Ask your coordinator to register you as a monitor.",
            .fr: "Ce numero n'est pas enregistre. Demandez a votre coordinateur de vous inscrire comme moniteur.",
            .pt: "Este numero nao esta registado. Peca ao seu coordenador que o registe como monitor.",
            .ar: "هذا الرقم غير مسجل. اطلب من منسقك تسجيلك كمراقب.",
        ],
        "help": [
            .en: "Format: R indicator-code place K(killed) I(injured) text. Eg: R CS01 GH1201 K0 I2 market clash",
            .fr: "Format: R code-indicateur lieu T(tues) B(blesses) texte. Ex: R CS01 GH1201 T0 B2 bagarre au marche",
            .pt: "Formato: RELATO codigo-indicador local M(mortos) F(feridos) texto. Ex: RELATO CS01 GH1201 M0 F2 briga no mercado",
            .ar: "تقرير CS01 GH1201 ق0 ج2 نص: المؤشر، المكان، ق قتلى، ج جرحى",
        ],
        "example": [
            .en: " Eg: R CS01 GH1201 K0 I2 clash", .fr: " Ex: R CS01 GH1201 T0 B2 bagarre", .pt: " Ex: RELATO CS01 GH1201 M0 F2 briga",
            .ar: " مثال: تقرير CS01 GH1201 ق0 ج2",
        ],
        "noKeyword": [.en: "Start with R (report).", .fr: "Commencez par R (signalement).", .pt: "Comece por RELATO.", .ar: "ابدأ بكلمة تقرير."],
        "noIndicator": [
            .en: "Give an indicator code, eg CS01.", .fr: "Indiquez un code indicateur, ex. CS01.", .pt: "Indique um codigo de indicador, ex. CS01.",
            .ar: "أعطِ رمز مؤشر، مثل CS01.",
        ],
        "unknownIndicator": [
            .en: "Unknown indicator: %@.", .fr: "Indicateur inconnu: %@.", .pt: "Indicador desconhecido: %@.", .ar: "مؤشر غير معروف: %@.",
        ],
        "noArea": [
            .en: "Give the place (code or name).", .fr: "Indiquez le lieu (code ou nom).", .pt: "Indique o local (codigo ou nome).",
            .ar: "حدد المكان (رمز أو اسم).",
        ],
        "unknownArea": [.en: "Unknown place: %@.", .fr: "Lieu inconnu: %@.", .pt: "Local desconhecido: %@.", .ar: "مكان غير معروف: %@."],
        "didYouMean": [.en: " Did you mean: %@?", .fr: " Voulez-vous dire: %@?", .pt: " Quer dizer: %@?", .ar: " هل تقصد: %@؟"],
        "badNumber": [
            .en: "Unreadable number: %@. Eg: K2 I3", .fr: "Nombre illisible: %@. Ex: T2 B3", .pt: "Numero ilegivel: %@. Ex: M2 F3",
            .ar: "رقم غير مقروء: %@. مثال: ق2 ج3",
        ],
    ]

    /// A phrase in `l`, `%@` filled in order.
    static func say(_ key: String, _ l: SMSGrammar.Language, _ args: String...) -> String {
        fill(phrases[key]?[l] ?? phrases[key]?[.en] ?? key, args)
    }

    /// `%@` in `template` replaced by `args`, in order.
    static func fill(_ template: String, _ args: [String]) -> String {
        var s = template
        for a in args { if let r = s.range(of: "%@") { s.replaceSubrange(r, with: a) } }
        return s
    }

    public static func confirmed(_ reference: String, _ l: SMSGrammar.Language) -> String { fit(say("confirmed", l, reference), l) }

    public static func unknownSender(_ l: SMSGrammar.Language) -> String { fit(say("unknownSender", l), l) }

    public static func help(_ l: SMSGrammar.Language) -> String { fit(say("help", l), l) }

    public static func problem(_ p: SMSGrammar.Problem) -> String {
        let l = p.language
        let example = say("example", l)
        switch p.kind {
        case .noKeyword: return fit(say("noKeyword", l) + example, l)
        case .noIndicator: return fit(say("noIndicator", l) + example, l)
        case .unknownIndicator(let w): return fit(say("unknownIndicator", l, w) + example, l)
        case .noArea: return fit(say("noArea", l) + example, l)
        case .unknownArea(let w, let nearest):
            let near = nearest.prefix(3).joined(separator: ", ")
            return fit(say("unknownArea", l, w) + (near.isEmpty ? example : say("didYouMean", l, near)), l)
        case .badNumber(let w): return fit(say("badNumber", l, w), l)
        }
    }
}

import Foundation

/// A USSD session (Africa's Talking's callback: the answers so far in `text`, `*`-separated) as a menu of at most six
/// screens of at most 182 characters (80 in Arabic, sent as UCS-2): language (English, français, português, العربية),
/// what happened, where, killed, injured, confirm. Stateless — the
/// whole session is in the answers; a wrong answer is asked again with the reason and does not move the session on.
public enum USSDMenu {
    public static let screenLimit = 182
    /// A screen with Arabic letters goes as UCS-2: 80 characters.
    public static let arabicLimit = 80

    public struct Indicator: Sendable, Equatable {
        public var code: String
        /// By language (`en` required).
        public var names: [String: String]
        public init(code: String, names: [String: String]) {
            self.code = code
            self.names = names
        }
    }

    public struct Context: Sendable {
        /// The indicators offered by number (the first few of the framework); any code may be typed too.
        public var menu: [Indicator]
        public var indicators: Set<String>
        public var area: @Sendable (String) -> String?
        public var areaName: @Sendable (String) -> String
        public init(
            menu: [Indicator], indicators: Set<String>, area: @escaping @Sendable (String) -> String?,
            areaName: @escaping @Sendable (String) -> String
        ) {
            self.menu = menu
            self.indicators = indicators
            self.area = area
            self.areaName = areaName
        }
    }

    public enum Screen: Sendable, Equatable {
        /// `CON …`: the session goes on.
        case ask(String)
        /// `END …`: the session ends.
        case end(String)
        /// The answers make a report; the caller files it and ends with the reference.
        case file(SMSGrammar.Report)

        public var text: String {
            switch self {
            case .ask(let t): "CON " + t
            case .end(let t): "END " + t
            case .file: "END"
            }
        }
    }

    static func fit(_ s: String, _ l: SMSGrammar.Language) -> String {
        l == .ar ? (s.count <= arabicLimit - 4 ? s : String(s.prefix(arabicLimit - 7)) + "...") : SMSReply.fit(s, limit: screenLimit - 4)
    }

    static let languages: [SMSGrammar.Language] = [.en, .fr, .pt, .ar]

    static let texts: [String: [SMSGrammar.Language: String]] = [
        "unknown": [.en: "Unknown: %@.", .fr: "Inconnu: %@.", .pt: "Desconhecido: %@.", .ar: "غير معروف: %@."],
        "unknownPlace": [.en: "Unknown place: %@.", .fr: "Lieu inconnu: %@.", .pt: "Local desconhecido: %@.", .ar: "مكان غير معروف: %@."],
        "number": [.en: "A number, 0 if none.", .fr: "Un nombre, 0 si aucun.", .pt: "Um numero, 0 se nenhum.", .ar: "رقم، 0 إن لم يوجد."],
        "cancelled": [
            .en: "Cancelled. Nothing was sent.", .fr: "Annulé. Rien n'a été envoyé.", .pt: "Cancelado. Nada foi enviado.", .ar: "أُلغي. لم يُرسل شيء.",
        ],
        "oneOrTwo": [.en: "Reply 1 or 2.", .fr: "Répondez 1 ou 2.", .pt: "Responda 1 ou 2.", .ar: "أجب 1 أو 2."],
        "what": [
            .en: "What happened? Number or code:", .fr: "Que s'est-il passé ? Numéro ou code :", .pt: "O que aconteceu? Numero ou codigo:",
            .ar: "ماذا حدث؟ رقم أو رمز:",
        ],
        "where": [
            .en: "Where? Place name or code (e.g. GH1201):", .fr: "Où ? Nom du lieu ou code (ex. GH1201) :",
            .pt: "Onde? Nome do local ou codigo (ex. GH1201):",
            .ar: "أين؟ اسم المكان أو رمزه (مثل GH1201):",
        ],
        "killed": [
            .en: "How many killed? (0 if none)", .fr: "Combien de tués ? (0 si aucun)", .pt: "Quantos mortos? (0 se nenhum)",
            .ar: "كم قتيلاً؟ (0 إن لم يوجد)",
        ],
        "injured": [
            .en: "How many injured? (0 if none)", .fr: "Combien de blessés ? (0 si aucun)", .pt: "Quantos feridos? (0 se nenhum)",
            .ar: "كم جريحاً؟ (0 إن لم يوجد)",
        ],
        "harm": [.en: "%@ killed, %@ injured", .fr: "%@ tués, %@ blessés", .pt: "%@ mortos, %@ feridos", .ar: "%@ قتلى، %@ جرحى"],
        "confirm": [.en: "1 Send\n2 Cancel", .fr: "1 Envoyer\n2 Annuler", .pt: "1 Enviar\n2 Cancelar", .ar: "1 إرسال\n2 إلغاء"],
    ]

    public static func step(_ text: String, _ c: Context) -> Screen {
        let answers = text.isEmpty ? [] : text.split(separator: "*", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = answers.first else {
            // Short enough for one UCS-2 screen: the Arabic line makes the whole screen UCS-2.
            return .ask("Agora\n1 English\n2 Français\n3 Português\n4 العربية")
        }
        guard let pick = Int(first), (1...languages.count).contains(pick) else { return .end("1-4: English, français, português, العربية") }
        let l = languages[pick - 1]
        func t(_ key: String, _ args: String...) -> String { SMSReply.fill(texts[key]?[l] ?? key, args) }
        var indicator: String?
        var area: String?
        var killed: Int?
        var injured: Int?
        var problem: String?
        for raw in answers.dropFirst() {
            let a = SMSGrammar.westernDigits(raw)
            problem = nil
            if indicator == nil {
                if let n = Int(a), (1...c.menu.count).contains(n) {
                    indicator = c.menu[n - 1].code
                } else if c.indicators.contains(a.uppercased()) {
                    indicator = a.uppercased()
                } else {
                    problem = t("unknown", a)
                }
            } else if area == nil {
                if let code = c.area(a) { area = code } else { problem = t("unknownPlace", a) }
            } else if killed == nil {
                if let n = Int(a), n >= 0, n <= 10_000 { killed = n } else { problem = t("number") }
            } else if injured == nil {
                if let n = Int(a), n >= 0, n <= 10_000 { injured = n } else { problem = t("number") }
            } else if a == "1" {
                return .file(SMSGrammar.Report(language: l, indicators: [indicator!], area: area!, killed: killed, injured: injured, text: ""))
            } else if a == "2" {
                return .end(t("cancelled"))
            } else {
                problem = t("oneOrTwo")
            }
        }
        let again = problem.map { $0 + "\n" } ?? ""
        guard let i = indicator else {
            let list = c.menu.enumerated().map { "\($0.offset + 1) \($0.element.names[l.rawValue] ?? $0.element.names["en"] ?? $0.element.code)" }
            return .ask(fit(again + t("what") + "\n" + list.joined(separator: "\n"), l))
        }
        guard let a = area else { return .ask(fit(again + t("where"), l)) }
        guard let k = killed else { return .ask(fit(again + t("killed"), l)) }
        guard let j = injured else { return .ask(fit(again + t("injured"), l)) }
        let summary = "\(i), \(c.areaName(a)), " + t("harm", String(k), String(j))
        return .ask(fit(again + summary + "\n" + t("confirm"), l))
    }
}

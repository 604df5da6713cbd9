import Foundation

/// A USSD session (Africa's Talking's callback: the answers so far in `text`, `*`-separated) as a menu of at most six
/// screens of at most 182 characters: language, what happened, where, killed, injured, confirm. Stateless — the
/// whole session is in the answers; a wrong answer is asked again with the reason and does not move the session on.
public enum USSDMenu {
    public static let screenLimit = 182

    public struct Indicator: Sendable, Equatable {
        public var code: String
        public var name: String
        public var nameFR: String?
        public init(code: String, name: String, nameFR: String? = nil) {
            self.code = code
            self.name = name
            self.nameFR = nameFR
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

    static func fit(_ s: String) -> String { SMSReply.fit(s, limit: screenLimit - 4) }

    public static func step(_ text: String, _ c: Context) -> Screen {
        let answers = text.isEmpty ? [] : text.split(separator: "*", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = answers.first else { return .ask(fit("Agora\n1 Report an incident (English)\n2 Signaler un incident (français)")) }
        guard first == "1" || first == "2" else { return .end(fit("Choose 1 or 2. / Choisissez 1 ou 2.")) }
        let fr = first == "2"
        func t(_ en: String, _ f: String) -> String { fr ? f : en }
        var indicator: String?
        var area: String?
        var killed: Int?
        var injured: Int?
        var problem: String?
        for a in answers.dropFirst() {
            problem = nil
            if indicator == nil {
                if let n = Int(a), (1...c.menu.count).contains(n) {
                    indicator = c.menu[n - 1].code
                } else if c.indicators.contains(a.uppercased()) {
                    indicator = a.uppercased()
                } else {
                    problem = t("Unknown: \(a).", "Inconnu: \(a).")
                }
            } else if area == nil {
                if let code = c.area(a) { area = code } else { problem = t("Unknown place: \(a).", "Lieu inconnu: \(a).") }
            } else if killed == nil {
                if let n = Int(a), n >= 0, n <= 10_000 { killed = n } else { problem = t("A number, 0 if none.", "Un nombre, 0 si aucun.") }
            } else if injured == nil {
                if let n = Int(a), n >= 0, n <= 10_000 { injured = n } else { problem = t("A number, 0 if none.", "Un nombre, 0 si aucun.") }
            } else if a == "1" {
                return .file(
                    SMSGrammar.Report(language: fr ? .fr : .en, indicators: [indicator!], area: area!, killed: killed, injured: injured, text: ""))
            } else if a == "2" {
                return .end(t("Cancelled. Nothing was sent.", "Annulé. Rien n'a été envoyé."))
            } else {
                problem = t("Reply 1 or 2.", "Répondez 1 ou 2.")
            }
        }
        let again = problem.map { $0 + "\n" } ?? ""
        guard let i = indicator else {
            let list = c.menu.enumerated().map { "\($0.offset + 1) \(fr ? ($0.element.nameFR ?? $0.element.name) : $0.element.name)" }
            return .ask(
                fit(again + t("What happened? Number or code:", "Que s'est-il passé ? Numéro ou code :") + "\n" + list.joined(separator: "\n")))
        }
        guard let a = area else { return .ask(fit(again + t("Where? Place name or code (e.g. GH1201):", "Où ? Nom du lieu ou code (ex. GH1201) :"))) }
        guard let k = killed else { return .ask(fit(again + t("How many killed? (0 if none)", "Combien de tués ? (0 si aucun)"))) }
        guard let j = injured else { return .ask(fit(again + t("How many injured? (0 if none)", "Combien de blessés ? (0 si aucun)"))) }
        let summary = "\(i), \(c.areaName(a)), " + t("\(k) killed, \(j) injured", "\(k) tués, \(j) blessés")
        return .ask(fit(again + summary + "\n" + t("1 Send\n2 Cancel", "1 Envoyer\n2 Annuler")))
    }
}

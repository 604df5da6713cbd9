import AgoraCore
import Foundation

/// The rules' refusals in the reader's language. The core words its refusals in English (they name the field and
/// are what the API answers); pages show them through this table: English pattern | French, `%@` standing for
/// what varies (a code, a date, a number), in the same order in both. A message not in the table stays English;
/// `ErrorTextTests` makes every refusal of the report form, its files, the review, the composer and the case
/// steps come out translated.
enum ErrorTexts {
    static let table = """
        The form expired. Please sign in again. | Le formulaire a expiré. Veuillez vous connecter de nouveau.
        Enter your username and password. | Saisissez votre nom d'utilisateur et votre mot de passe.
        Wrong username or password, or the account is locked for a while after repeated failures. | Nom d'utilisateur ou mot de passe erroné, ou compte bloqué un moment après des échecs répétés.
        name at least one indicator of the framework | cochez au moins un indicateur de la grille
        '%@' is not an indicator of this installation's framework | « %@ » n'est pas un indicateur de la grille de cette installation
        say what happened | dites ce qui s'est passé
        at most %@ characters (%@ given) | %@ caractères au plus (%@ donnés)
        %@ is before 1900 | %@ est avant 1900
        %@ is in the future | %@ est dans le futur
        '%@' is not a date; use YYYY-MM-DD | « %@ » n'est pas une date ; écrivez AAAA-MM-JJ
        '%@' is not a time; use HH:MM | « %@ » n'est pas une heure ; écrivez HH:MM
        give the area, or the latitude and longitude, of where it happened | indiquez le lieu, ou la latitude et la longitude, où cela s'est passé
        give both latitude and longitude, or neither | donnez la latitude et la longitude, ou aucune des deux
        cannot be negative | ne peut pas être négatif
        is not plausible | n'est pas plausible
        name the reporter (their id) when the source is a reporter | nommez l'informateur (son identifiant) quand la source est un informateur
        at most %@ characters | %@ caractères au plus
        the file is empty | le fichier est vide
        send a JPEG or PNG photo | envoyez une photo JPEG ou PNG
        send a recording (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 or WAV) | envoyez un enregistrement (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 ou WAV)
        send a JPEG or PNG photo or a recording (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 or WAV) | envoyez une photo JPEG ou PNG ou un enregistrement (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 ou WAV)
        at most %@ MB (this one is %@ MB) | %@ Mo au plus (celui-ci fait %@ Mo)
        the file is damaged or not what it says it is | le fichier est abîmé ou n'est pas ce qu'il prétend être
        at most %@ photos per report | %@ photos au plus par signalement
        at most one recording per report | un seul enregistrement par signalement
        the form could not be read: send it again | le formulaire n'a pas pu être lu : envoyez-le de nouveau
        unknown area code '%@' | code de lieu inconnu « %@ »
        no body receives early-warning reports for this area | aucune instance ne reçoit de signalements d'alerte précoce pour ce lieu
        say which of your bodies the report is filed with | dites auprès de laquelle de vos instances le signalement est déposé
        no reporter '%@' registered with %@ | aucun informateur « %@ » enregistré auprès de %@
        no incident '%@' that you can see | aucun incident « %@ » que vous pouvez voir
        say why the report is rejected | dites pourquoi le signalement est rejeté
        no other report '%@' that you can see | aucun autre signalement « %@ » que vous pouvez voir
        a UUID, as the phone's queue makes it | un UUID, tel que la file du téléphone le crée
        send 1 to 1000 reports | envoyez de 1 à 1000 signalements
        a number is needed | un nombre est nécessaire
        the form's CSRF token is missing or wrong; reload the form | le jeton CSRF du formulaire manque ou est faux ; rechargez le formulaire
        the form's CSRF token is missing or wrong; reload the page | le jeton CSRF du formulaire manque ou est faux ; rechargez la page
        sign in first | connectez-vous d'abord
        an alert needs at least one area (a P-code) | une alerte demande au moins un lieu (un P-code)
        say what the alert is about, e.g. 'Inter-communal violence' | dites de quoi parle l'alerte, par exemple « Violence intercommunautaire »
        is required | est obligatoire
        keep it under 160 characters: it goes out by SMS | moins de 160 caractères : elle part par SMS
        is required: %@ | est obligatoire : %@
        name at least one category, e.g. Security | nommez au moins une catégorie, par exemple Security
        '%@' is not an indicator of the active framework | « %@ » n'est pas un indicateur de la grille en vigueur
        '%@' is not a date-time; use YYYY-MM-DDTHH:MM:SSZ | « %@ » n'est pas une date et heure ; écrivez AAAA-MM-JJTHH:MM:SSZ
        is before the alert is sent (%@) | est avant l'envoi de l'alerte (%@)
        is before the alert takes effect (%@) | est avant l'entrée en vigueur de l'alerte (%@)
        '%@' is not a language tag such as en, fr or en-GB | « %@ » n'est pas une étiquette de langue comme en, fr ou en-GB
        say what came of it | dites ce qui en est résulté
        use done or cancelled | choisissez fait ou annulé
        say what help is needed | dites quelle aide est nécessaire
        say why | dites pourquoi
        sum up what was done and how it ended | résumez ce qui a été fait et comment cela s'est terminé
        """

    /// Each pattern as an anchored expression (placeholders capture), with its French.
    static let patterns: [(regex: NSRegularExpression, fr: String)] = table.split(separator: "\n").compactMap { line in
        let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        let pieces = parts[0].components(separatedBy: "%@").map(NSRegularExpression.escapedPattern(for:))
        guard let r = try? NSRegularExpression(pattern: "^" + pieces.joined(separator: "(.*?)") + "$", options: [.dotMatchesLineSeparators]) else {
            return nil
        }
        return (r, parts[1])
    }

    /// `message` in `lang`, or as it is when the table does not have it.
    static func translate(_ message: String, _ lang: Lang) -> String {
        guard lang == .fr else { return message }
        let range = NSRange(message.startIndex..., in: message)
        for p in patterns {
            guard let m = p.regex.firstMatch(in: message, range: range) else { continue }
            // Interleaved rather than replaced one by one: a captured value may itself hold "%@".
            let slots = p.fr.components(separatedBy: "%@")
            var out = slots[0]
            for (i, rest) in slots.dropFirst().enumerated() {
                let r = i + 1 < m.numberOfRanges ? Range(m.range(at: i + 1), in: message) : nil
                out += (r.map { String(message[$0]) } ?? "") + rest
            }
            return out
        }
        return message
    }
}

extension T {
    /// A refusal from the rules or the API, in this reader's language when the table has it.
    func error(_ message: String) -> String { ErrorTexts.translate(message, lang) }
}

extension APIError {
    /// The refusal as one line for a page: each issue after its field, in the reader's language.
    func summary(_ t: T) -> String {
        issues.isEmpty
            ? (field.map { "\($0): " } ?? "") + t.error(reason) : issues.map { "\($0.field): \(t.error($0.message))" }.joined(separator: "; ")
    }
}

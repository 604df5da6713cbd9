import AgoraCore
import Foundation

/// The rules' refusals in the reader's language. The core words its refusals in English (they name the field and
/// are what the API answers); pages show them through this table: English pattern | French | Portuguese | Arabic, `%@`
/// standing for what varies (a code, a date, a number), in the same order in all. A message not in the table stays English;
/// `ErrorTextTests` makes every refusal of the report form, its files, the review, the composer and the case
/// steps come out translated.
enum ErrorTexts {
    static let table = """
        The form expired. Please sign in again. | Le formulaire a expiré. Veuillez vous connecter de nouveau. | O formulário expirou. Inicie sessão de novo. | انتهت صلاحية الاستمارة. يرجى تسجيل الدخول مجدداً.
        Enter your username and password. | Saisissez votre nom d'utilisateur et votre mot de passe. | Introduza o seu nome de utilizador e a sua palavra-passe. | أدخل اسم المستخدم وكلمة المرور.
        Wrong username or password, or the account is locked for a while after repeated failures. | Nom d'utilisateur ou mot de passe erroné, ou compte bloqué un moment après des échecs répétés. | Nome de utilizador ou palavra-passe errados, ou a conta está bloqueada por algum tempo após falhas repetidas. | اسم المستخدم أو كلمة المرور غير صحيحين، أو أن الحساب مقفل لبعض الوقت بعد محاولات فاشلة متكررة.
        name at least one indicator of the framework | cochez au moins un indicateur de la grille | assinale pelo menos um indicador da grelha | اختر مؤشراً واحداً على الأقل من الإطار
        '%@' is not an indicator of this installation's framework | « %@ » n'est pas un indicateur de la grille de cette installation | «%@» não é um indicador da grelha desta instalação | «%@» ليس مؤشراً في إطار هذه المنظومة
        say what happened | dites ce qui s'est passé | diga o que aconteceu | قل ماذا حدث
        at most %@ characters (%@ given) | %@ caractères au plus (%@ donnés) | no máximo %@ caracteres (%@ dados) | %@ حرفاً كحد أقصى (أُدخل %@)
        %@ is before 1900 | %@ est avant 1900 | %@ é anterior a 1900 | %@ قبل عام 1900
        %@ is in the future | %@ est dans le futur | %@ está no futuro | %@ في المستقبل
        '%@' is not a date; use YYYY-MM-DD | « %@ » n'est pas une date ; écrivez AAAA-MM-JJ | «%@» não é uma data; escreva AAAA-MM-DD | «%@» ليس تاريخاً؛ استخدم YYYY-MM-DD
        '%@' is not a time; use HH:MM | « %@ » n'est pas une heure ; écrivez HH:MM | «%@» não é uma hora; escreva HH:MM | «%@» ليس وقتاً؛ استخدم HH:MM
        give the area, or the latitude and longitude, of where it happened | indiquez le lieu, ou la latitude et la longitude, où cela s'est passé | indique a zona, ou a latitude e a longitude, de onde aconteceu | حدد المنطقة، أو خط العرض وخط الطول، لمكان الحدوث
        give both latitude and longitude, or neither | donnez la latitude et la longitude, ou aucune des deux | indique a latitude e a longitude, ou nenhuma | أدخل خط العرض وخط الطول معاً، أو لا شيء منهما
        cannot be negative | ne peut pas être négatif | não pode ser negativo | لا يمكن أن يكون سالباً
        is not plausible | n'est pas plausible | não é plausível | غير معقول
        name the reporter (their id) when the source is a reporter | nommez l'informateur (son identifiant) quand la source est un informateur | indique o relator (o seu identificador) quando a fonte é um relator | حدد المبلّغ (معرّفه) عندما يكون المصدر مبلّغاً
        at most %@ characters | %@ caractères au plus | no máximo %@ caracteres | %@ حرفاً كحد أقصى
        the file is empty | le fichier est vide | o ficheiro está vazio | الملف فارغ
        send a JPEG or PNG photo | envoyez une photo JPEG ou PNG | envie uma foto JPEG ou PNG | أرسل صورة بصيغة JPEG أو PNG
        send a recording (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 or WAV) | envoyez un enregistrement (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 ou WAV) | envie uma gravação (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 ou WAV) | أرسل تسجيلاً (WebM أو Ogg أو MP4/M4A أو AMR أو 3GP أو MP3 أو WAV)
        send a JPEG or PNG photo or a recording (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 or WAV) | envoyez une photo JPEG ou PNG ou un enregistrement (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 ou WAV) | envie uma foto JPEG ou PNG ou uma gravação (WebM, Ogg, MP4/M4A, AMR, 3GP, MP3 ou WAV) | أرسل صورة JPEG أو PNG أو تسجيلاً (WebM أو Ogg أو MP4/M4A أو AMR أو 3GP أو MP3 أو WAV)
        at most %@ MB (this one is %@ MB) | %@ Mo au plus (celui-ci fait %@ Mo) | no máximo %@ MB (este tem %@ MB) | %@ ميغابايت كحد أقصى (هذا %@ ميغابايت)
        the file is damaged or not what it says it is | le fichier est abîmé ou n'est pas ce qu'il prétend être | o ficheiro está danificado ou não é o que diz ser | الملف تالف أو ليس ما يدّعيه
        at most %@ photos per report | %@ photos au plus par signalement | no máximo %@ fotos por relato | %@ صور كحد أقصى لكل بلاغ
        at most one recording per report | un seul enregistrement par signalement | no máximo uma gravação por relato | تسجيل واحد كحد أقصى لكل بلاغ
        the form could not be read: send it again | le formulaire n'a pas pu être lu : envoyez-le de nouveau | não foi possível ler o formulário: envie-o de novo | تعذّرت قراءة الاستمارة: أرسلها مجدداً
        unknown area code '%@' | code de lieu inconnu « %@ » | código de zona desconhecido «%@» | رمز منطقة غير معروف «%@»
        no body receives early-warning reports for this area | aucune instance ne reçoit de signalements d'alerte précoce pour ce lieu | nenhuma instância recebe relatos de alerta precoce para esta zona | لا توجد هيئة تتلقى بلاغات الإنذار المبكر لهذه المنطقة
        say which of your bodies the report is filed with | dites auprès de laquelle de vos instances le signalement est déposé | diga a qual das suas instâncias o relato é entregue | حدد أي هيئة من هيئاتك يُقدَّم إليها البلاغ
        no reporter '%@' registered with %@ | aucun informateur « %@ » enregistré auprès de %@ | nenhum relator «%@» registado junto de %@ | لا يوجد مبلّغ «%@» مسجّل لدى %@
        no incident '%@' that you can see | aucun incident « %@ » que vous pouvez voir | nenhum incidente «%@» que possa ver | لا يوجد حادث «%@» يمكنك رؤيته
        say why the report is rejected | dites pourquoi le signalement est rejeté | diga porque é rejeitado o relato | قل لماذا رُفض البلاغ
        no other report '%@' that you can see | aucun autre signalement « %@ » que vous pouvez voir | nenhum outro relato «%@» que possa ver | لا يوجد بلاغ آخر «%@» يمكنك رؤيته
        a UUID, as the phone's queue makes it | un UUID, tel que la file du téléphone le crée | um UUID, tal como a fila do telefone o cria | معرّف UUID، كما تنشئه قائمة انتظار الهاتف
        send 1 to 1000 reports | envoyez de 1 à 1000 signalements | envie de 1 a 1000 relatos | أرسل من 1 إلى 1000 بلاغ
        a number is needed | un nombre est nécessaire | é necessário um número | يلزم رقم
        the form's CSRF token is missing or wrong; reload the form | le jeton CSRF du formulaire manque ou est faux ; rechargez le formulaire | o token CSRF do formulário falta ou está errado; recarregue o formulário | رمز CSRF للاستمارة مفقود أو خاطئ؛ أعد تحميل الاستمارة
        the form's CSRF token is missing or wrong; reload the page | le jeton CSRF du formulaire manque ou est faux ; rechargez la page | o token CSRF do formulário falta ou está errado; recarregue a página | رمز CSRF للاستمارة مفقود أو خاطئ؛ أعد تحميل الصفحة
        sign in first | connectez-vous d'abord | inicie sessão primeiro | سجّل الدخول أولاً
        an alert needs at least one area (a P-code) | une alerte demande au moins un lieu (un P-code) | um alerta precisa de pelo menos uma zona (um P-code) | يحتاج الإنذار إلى منطقة واحدة على الأقل (رمز P)
        say what the alert is about, e.g. 'Inter-communal violence' | dites de quoi parle l'alerte, par exemple « Violence intercommunautaire » | diga de que trata o alerta, p. ex. «Violência intercomunitária» | قل عمّ يتحدث الإنذار، مثلاً «عنف بين المجتمعات»
        is required | est obligatoire | é obrigatório | مطلوب
        keep it under 160 characters: it goes out by SMS | moins de 160 caractères : elle part par SMS | menos de 160 caracteres: sai por SMS | أقل من 160 حرفاً: يُرسل برسالة قصيرة
        is required: %@ | est obligatoire : %@ | é obrigatório: %@ | مطلوب: %@
        name at least one category, e.g. Security | nommez au moins une catégorie, par exemple Security | indique pelo menos uma categoria, p. ex. Security | حدد فئة واحدة على الأقل، مثلاً Security
        '%@' is not an indicator of the active framework | « %@ » n'est pas un indicateur de la grille en vigueur | «%@» não é um indicador da grelha em vigor | «%@» ليس مؤشراً في الإطار الساري
        '%@' is not a date-time; use YYYY-MM-DDTHH:MM:SSZ | « %@ » n'est pas une date et heure ; écrivez AAAA-MM-JJTHH:MM:SSZ | «%@» não é uma data e hora; escreva AAAA-MM-DDTHH:MM:SSZ | «%@» ليس تاريخاً ووقتاً؛ استخدم YYYY-MM-DDTHH:MM:SSZ
        is before the alert is sent (%@) | est avant l'envoi de l'alerte (%@) | é anterior ao envio do alerta (%@) | قبل إرسال الإنذار (%@)
        is before the alert takes effect (%@) | est avant l'entrée en vigueur de l'alerte (%@) | é anterior à entrada em vigor do alerta (%@) | قبل سريان الإنذار (%@)
        '%@' is not a language tag such as en, fr or en-GB | « %@ » n'est pas une étiquette de langue comme en, fr ou en-GB | «%@» não é uma etiqueta de língua como en, fr ou en-GB | «%@» ليس رمز لغة مثل en أو fr أو en-GB
        say what came of it | dites ce qui en est résulté | diga o que resultou | قل ما الذي نتج عنه
        use done or cancelled | choisissez fait ou annulé | escolha feita ou cancelada | اختر منجز أو ملغى
        say what help is needed | dites quelle aide est nécessaire | diga que ajuda é necessária | قل ما المساعدة المطلوبة
        say why | dites pourquoi | diga porquê | قل لماذا
        sum up what was done and how it ended | résumez ce qui a été fait et comment cela s'est terminé | resuma o que foi feito e como terminou | لخّص ما أُنجز وكيف انتهى
        no body '%@' | aucune instance « %@ » | nenhuma instância «%@» | لا توجد هيئة «%@»
        send the XLSForm (.xlsx) | envoyez le XLSForm (.xlsx) | envie o XLSForm (.xlsx) | أرسل استمارة XLSForm (.xlsx)
        """

    /// Each pattern as an anchored expression (placeholders capture), with its French, Portuguese and Arabic.
    static let patterns: [(regex: NSRegularExpression, texts: [Lang: String])] = table.split(separator: "\n").compactMap { line in
        let parts = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 4 else { return nil }
        let pieces = parts[0].components(separatedBy: "%@").map(NSRegularExpression.escapedPattern(for:))
        guard let r = try? NSRegularExpression(pattern: "^" + pieces.joined(separator: "(.*?)") + "$", options: [.dotMatchesLineSeparators]) else {
            return nil
        }
        return (r, [.fr: parts[1], .pt: parts[2], .ar: parts[3]])
    }

    /// `message` in `lang`, or as it is when the table does not have it.
    static func translate(_ message: String, _ lang: Lang) -> String {
        guard lang != .en else { return message }
        let range = NSRange(message.startIndex..., in: message)
        for p in patterns {
            guard let m = p.regex.firstMatch(in: message, range: range), let text = p.texts[lang] else { continue }
            // Interleaved rather than replaced one by one: a captured value may itself hold "%@".
            let slots = text.components(separatedBy: "%@")
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

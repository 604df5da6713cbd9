import Foundation

extension IndicatorFramework {
    /// The framework a new installation starts with, modelled on the sectors WANEP's and CEWARN's
    /// monitors report on. `agora frameworks export default` writes it out to edit and re-import.
    public static let standard: IndicatorFramework = {
        func names(_ code: String, _ en: String, _ fr: String) -> [String: String] {
            var n = ["en": en, "fr": fr]
            if let (pt, ar) = portugueseAndArabic[code] { (n["pt"], n["ar"]) = (pt, ar) }
            return n
        }
        func i(_ code: String, _ en: String, _ fr: String, _ kind: IndicatorKind, _ w: Double, _ t: [Topic]) -> Indicator {
            Indicator(code: code, names: names(code, en, fr), kind: kind, weight: w, topics: t)
        }
        func s(_ code: String, _ en: String, _ fr: String, _ inds: [Indicator]) -> Sector {
            Sector(code: code, names: names(code, en, fr), indicators: inds)
        }
        return IndicatorFramework(
            code: "standard", names: names("standard", "Agora standard framework", "Cadre standard d'Agora"),
            sectors: [
                s(
                    "crime-security", "Crime and security", "Criminalité et sécurité",
                    [
                        i("CS01", "Armed attack on civilians", "Attaque armée contre des civils", .threat, 5, [.earlyWarning, .response]),
                        i("CS02", "Kidnapping", "Enlèvement", .threat, 4, [.earlyWarning, .response]),
                        i(
                            "CS03", "Illicit small arms seen or traded", "Armes légères illicites vues ou échangées", .threat, 3,
                            [.smallArms, .earlyWarning]),
                        i("CS04", "Cattle rustling", "Vol de bétail", .threat, 3, [.earlyWarning, .naturalResources]),
                        i("CS05", "Clash between armed groups", "Affrontement entre groupes armés", .threat, 5, [.earlyWarning, .response]),
                    ]),
                s(
                    "violent-extremism", "Violent extremism", "Extrémisme violent",
                    [
                        i("VE01", "Recruitment by an extremist group", "Recrutement par un groupe extrémiste", .threat, 4, [.earlyWarning]),
                        i(
                            "VE02", "Attack claimed by an extremist group", "Attaque revendiquée par un groupe extrémiste", .threat, 5,
                            [.earlyWarning, .response]),
                        i("VE03", "Hate speech or incitement", "Discours de haine ou incitation", .threat, 2, [.earlyWarning, .dialogue]),
                    ]),
                s(
                    "governance-rights", "Governance and human rights", "Gouvernance et droits humains",
                    [
                        i("GR01", "Abuse by security forces", "Exactions des forces de sécurité", .threat, 4, [.humanRights, .securitySectorReform]),
                        i("GR02", "Arbitrary arrest or detention", "Arrestation ou détention arbitraire", .threat, 3, [.humanRights]),
                        i("GR03", "Protest or demonstration", "Manifestation", .threat, 1, [.dialogue, .earlyWarning]),
                        i(
                            "GR04", "Chieftaincy or succession dispute", "Conflit de chefferie ou de succession", .threat, 3,
                            [.mediation, .earlyWarning]),
                        i(
                            "AG01", "Breach of a ceasefire or peace agreement", "Violation d'un cessez-le-feu ou d'un accord de paix", .threat, 4,
                            [.mediation, .earlyWarning, .response]),
                    ]),
                s(
                    "elections", "Elections", "Élections",
                    [
                        i("EL01", "Election-related violence", "Violence électorale", .threat, 5, [.elections, .earlyWarning, .response]),
                        i("EL02", "Voter intimidation", "Intimidation d'électeurs", .threat, 3, [.elections]),
                        i("EL03", "Disputed results", "Résultats contestés", .threat, 3, [.elections, .mediation]),
                    ]),
                s(
                    "natural-resources", "Natural resources and environment", "Ressources naturelles et environnement",
                    [
                        i(
                            "NR01", "Farmer–herder clash", "Affrontement entre agriculteurs et éleveurs", .threat, 4,
                            [.naturalResources, .mediation, .earlyWarning]),
                        i("NR02", "Land dispute", "Conflit foncier", .threat, 2, [.naturalResources, .mediation]),
                        i("NR03", "Water or pasture scarcity", "Pénurie d'eau ou de pâturage", .threat, 2, [.naturalResources, .humanitarian]),
                    ]),
                s(
                    "health-humanitarian", "Health and humanitarian", "Santé et humanitaire",
                    [
                        i("HH01", "Displacement of people", "Déplacement de populations", .threat, 3, [.humanitarian, .earlyWarning]),
                        i("HH02", "Food insecurity", "Insécurité alimentaire", .threat, 2, [.humanitarian]),
                        i("HH03", "Disease outbreak", "Épidémie", .threat, 2, [.humanitarian]),
                    ]),
                s(
                    "social-cohesion", "Social cohesion and peace initiatives", "Cohésion sociale et initiatives de paix",
                    [
                        i("SC01", "Dialogue or peace meeting held", "Dialogue ou réunion de paix tenus", .peace, 2, [.dialogue]),
                        i("SC02", "Inter-communal trade or market open", "Commerce ou marché intercommunautaire ouvert", .peace, 1, [.dialogue]),
                        i("SC03", "Agreement or alliance between groups", "Accord ou alliance entre groupes", .peace, 3, [.mediation]),
                        i(
                            "SC04", "Joint action by traditional or religious leaders", "Action commune de chefs traditionnels ou religieux", .peace,
                            2, [.dialogue, .mediation]),
                    ]),
            ])
    }()

    /// The standard framework's names in Portuguese and Arabic, by code (the working languages of ECOWAS and the AU).
    static let portugueseAndArabic: [String: (String, String)] = [
        "standard": ("Grelha padrão do Agora", "الإطار المعياري لـ Agora"),
        "crime-security": ("Criminalidade e segurança", "الجريمة والأمن"),
        "CS01": ("Ataque armado contra civis", "هجوم مسلح على مدنيين"),
        "CS02": ("Rapto", "اختطاف"),
        "CS03": ("Armas ligeiras ilícitas vistas ou negociadas", "أسلحة صغيرة غير مشروعة شوهدت أو تم الاتجار بها"),
        "CS04": ("Roubo de gado", "سرقة المواشي"),
        "CS05": ("Confronto entre grupos armados", "اشتباك بين جماعات مسلحة"),
        "violent-extremism": ("Extremismo violento", "التطرف العنيف"),
        "VE01": ("Recrutamento por um grupo extremista", "تجنيد من قبل جماعة متطرفة"),
        "VE02": ("Ataque reivindicado por um grupo extremista", "هجوم تبنته جماعة متطرفة"),
        "VE03": ("Discurso de ódio ou incitamento", "خطاب كراهية أو تحريض"),
        "governance-rights": ("Governação e direitos humanos", "الحوكمة وحقوق الإنسان"),
        "GR01": ("Abusos das forças de segurança", "انتهاكات قوات الأمن"),
        "GR02": ("Detenção ou prisão arbitrária", "اعتقال أو احتجاز تعسفي"),
        "GR03": ("Protesto ou manifestação", "احتجاج أو مظاهرة"),
        "GR04": ("Disputa de chefado ou de sucessão", "نزاع على المشيخة أو الخلافة"),
        "AG01": ("Violação de um cessar-fogo ou acordo de paz", "خرق لوقف إطلاق النار أو لاتفاق سلام"),
        "elections": ("Eleições", "الانتخابات"),
        "EL01": ("Violência eleitoral", "عنف مرتبط بالانتخابات"),
        "EL02": ("Intimidação de eleitores", "ترهيب الناخبين"),
        "EL03": ("Resultados contestados", "نتائج متنازع عليها"),
        "natural-resources": ("Recursos naturais e ambiente", "الموارد الطبيعية والبيئة"),
        "NR01": ("Confronto entre agricultores e pastores", "اشتباك بين المزارعين والرعاة"),
        "NR02": ("Disputa de terras", "نزاع على الأراضي"),
        "NR03": ("Escassez de água ou de pastagem", "شح المياه أو المراعي"),
        "health-humanitarian": ("Saúde e ajuda humanitária", "الصحة والشؤون الإنسانية"),
        "HH01": ("Deslocação de populações", "نزوح السكان"),
        "HH02": ("Insegurança alimentar", "انعدام الأمن الغذائي"),
        "HH03": ("Surto de doença", "تفشي مرض"),
        "social-cohesion": ("Coesão social e iniciativas de paz", "التماسك الاجتماعي ومبادرات السلام"),
        "SC01": ("Diálogo ou reunião de paz realizados", "عقد حوار أو اجتماع سلام"),
        "SC02": ("Comércio ou mercado intercomunitário aberto", "تجارة أو سوق مفتوحة بين المجتمعات"),
        "SC03": ("Acordo ou aliança entre grupos", "اتفاق أو تحالف بين جماعات"),
        "SC04": ("Ação conjunta de líderes tradicionais ou religiosos", "عمل مشترك لقادة تقليديين أو دينيين"),
    ]
}

import Foundation

extension IndicatorFramework {
    /// The framework a new installation starts with, modelled on the sectors WANEP's and CEWARN's
    /// monitors report on. `agora frameworks export default` writes it out to edit and re-import.
    public static let standard: IndicatorFramework = {
        func i(_ code: String, _ en: String, _ fr: String, _ kind: IndicatorKind, _ w: Double, _ t: [Topic]) -> Indicator {
            Indicator(code: code, names: ["en": en, "fr": fr], kind: kind, weight: w, topics: t)
        }
        func s(_ code: String, _ en: String, _ fr: String, _ inds: [Indicator]) -> Sector {
            Sector(code: code, names: ["en": en, "fr": fr], indicators: inds)
        }
        return IndicatorFramework(
            code: "standard", names: ["en": "Agora standard framework", "fr": "Cadre standard d'Agora"],
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
}

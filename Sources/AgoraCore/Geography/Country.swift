/// A country as ISO 3166 names it, with names in the UN languages Agora ships first.
public struct Country: Sendable, Equatable {
    public var alpha3: String
    public var alpha2: String
    public var names: [String: String]
    public var centroid: GeoPoint
    public var region: String
    public var subRegion: String

    public var name: String { names["en"] ?? alpha3 }

    private static let byAlpha3 = Dictionary(all.map { ($0.alpha3, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byAlpha2 = Dictionary(all.filter { !$0.alpha2.isEmpty }.map { ($0.alpha2, $0) }, uniquingKeysWith: { a, _ in a })

    private static let byName = Dictionary(all.flatMap { c in c.names.values.map { ($0.lowercased(), c) } }, uniquingKeysWith: { a, _ in a })

    /// Looks a country up by one of its names ("Nigeria", "Nigéria"), in any case.
    public static func named(_ name: String) -> Country? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return byName[key] ?? aliases[key].flatMap { byAlpha3[$0] }
    }

    /// Names as ACLED and UCDP releases write them, where they differ from OCHA's (UCDP adds former names in brackets).
    static let aliases: [String: String] = [
        "democratic republic of congo": "COD", "democratic republic of the congo": "COD", "dr congo": "COD", "dr congo (zaire)": "COD",
        "drc": "COD", "congo, dem. rep.": "COD", "zaire": "COD", "republic of congo": "COG", "republic of the congo": "COG",
        "congo": "COG", "congo, rep.": "COG", "ivory coast": "CIV", "cote d'ivoire": "CIV", "côte d'ivoire": "CIV",
        "tanzania": "TZA", "swaziland": "SWZ", "eswatini": "SWZ", "kingdom of eswatini (swaziland)": "SWZ", "myanmar (burma)": "MMR",
        "burma": "MMR", "cape verde": "CPV", "cabo verde": "CPV", "gambia": "GMB", "the gambia": "GMB", "guinea bissau": "GNB",
        "russia": "RUS", "russia (soviet union)": "RUS", "syria": "SYR", "iran": "IRN", "laos": "LAO", "vietnam": "VNM",
        "vietnam (north vietnam)": "VNM", "south korea": "KOR", "north korea": "PRK", "bolivia": "BOL", "venezuela": "VEN",
        "moldova": "MDA", "macedonia": "MKD", "north macedonia": "MKD", "macedonia, fyr": "MKD", "czech republic": "CZE",
        "palestine": "PSE", "yemen (north yemen)": "YEM", "cambodia (kampuchea)": "KHM", "zimbabwe (rhodesia)": "ZWE",
        "madagascar (malagasy)": "MDG", "serbia (yugoslavia)": "SRB", "bosnia-herzegovina": "BIH", "bosnia and herzegovina": "BIH",
        "united states": "USA", "united states of america": "USA", "united kingdom": "GBR", "sao tome and principe": "STP",
        "são tomé and príncipe": "STP", "east timor": "TLS", "timor-leste": "TLS", "turkey": "TUR", "türkiye": "TUR", "brunei": "BRN",
        "taiwan": "TWN", "micronesia": "FSM", "vatican city": "VAT", "libya": "LBY", "sudan": "SDN", "south sudan": "SSD",
        "central african republic": "CAF", "guinea-bissau": "GNB", "somaliland": "SOM",
    ]

    /// Looks a country up by its alpha-3 or alpha-2 code, in any case.
    public static func find(_ code: String) -> Country? {
        let c = code.uppercased()
        return c.count == 2 ? byAlpha2[c] : byAlpha3[c]
    }
}

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
    public static func named(_ name: String) -> Country? { byName[name.trimmingCharacters(in: .whitespaces).lowercased()] }

    /// Looks a country up by its alpha-3 or alpha-2 code, in any case.
    public static func find(_ code: String) -> Country? {
        let c = code.uppercased()
        return c.count == 2 ? byAlpha2[c] : byAlpha3[c]
    }
}

/// Where a regional body's alert goes: to every country its areas lie in or touch across a border. Each country gets
/// the alert for one of its own areas — the alert's own, or else the neighbouring area on its side of the border —
/// and opens a case there by its own competence rules.
public enum RegionalReach {
    /// - Parameters:
    ///   - areas: the alert's areas, the first one first.
    ///   - neighbours: each area's neighbours (across borders included).
    ///   - country: an area's country, nil when unknown.
    /// - Returns: for each country reached (in code order), the area it receives the alert for.
    public static func areas(_ areas: [String], neighbours: [String: [String]], country: (String) -> String?) -> [(country: String, area: String)] {
        var chosen: [String: String] = [:]
        // The alert's own areas first, so a country in the alert never receives it for a mere neighbour.
        for a in areas { if let c = country(a), chosen[c] == nil { chosen[c] = a } }
        for a in areas {
            for n in neighbours[a] ?? [] { if let c = country(n), chosen[c] == nil { chosen[c] = n } }
        }
        return chosen.sorted { $0.key < $1.key }.map { (country: $0.key, area: $0.value) }
    }

    /// The area a received alert is taken up for here: the deepest of its areas this installation knows.
    public static func localArea(_ sharedAreas: [String], known: Set<String>) -> String? {
        sharedAreas.first { known.contains($0) }
    }
}

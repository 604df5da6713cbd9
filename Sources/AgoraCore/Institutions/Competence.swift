/// What the competence rule needs to know of a body.
public struct BodyProfile: Sendable, Equatable {
    public var code: String
    public var level: BodyLevel
    public var topics: Set<Topic>
    /// Area codes the body's mandate covers (each with everything below it).
    public var jurisdiction: Set<String>
    /// A body whose mandate covers every area (the UN, say).
    public var worldwide: Bool
    public var parent: String?

    public init(code: String, level: BodyLevel, topics: Set<Topic>, jurisdiction: Set<String>, worldwide: Bool = false, parent: String? = nil) {
        self.code = code
        self.level = level
        self.topics = topics
        self.jurisdiction = jurisdiction
        self.worldwide = worldwide
        self.parent = parent
    }
}

/// The answer to "which body is competent for this area and topic?".
public struct CompetenceAnswer: Sendable, Equatable {
    /// The lowest-level competent body, or nil when no body's mandate covers the area and topic.
    public var competent: BodyProfile?
    /// The competent body, then one body per higher level up to the highest that is competent.
    public var chain: [BodyProfile]
}

/// Subsidiarity as a rule: the lowest body that can act, acts first; above it, the way up.
public enum Competence {
    /// - Parameters:
    ///   - areaPath: the area's code, then its parent's, up to its country.
    ///   - bodies: candidate bodies (more than needed is fine; those not covering the area are ignored).
    public static func answer(areaPath: [String], topic: Topic, bodies: [BodyProfile]) -> CompetenceAnswer {
        // How close to the area the body's mandate reaches: 0 = the area itself, worldwide = furthest.
        func reach(_ b: BodyProfile) -> Int? {
            if let i = areaPath.firstIndex(where: b.jurisdiction.contains) { return i }
            return b.worldwide ? areaPath.count : nil
        }
        let able = bodies.compactMap { b -> (BodyProfile, Int)? in
            guard b.topics.contains(topic), let r = reach(b) else { return nil }
            return (b, r)
        }
        let byCode = Dictionary(bodies.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

        func ancestors(of body: BodyProfile) -> Set<String> {
            var seen = Set<String>()
            var next = body.parent
            while let p = next, !seen.contains(p) {
                seen.insert(p)
                next = byCode[p]?.parent
            }
            return seen
        }

        // Lowest level first; then a body the current one reports to; then the nearest mandate; then code.
        func best(above floor: BodyLevel?, under current: BodyProfile?) -> BodyProfile? {
            let up = current.map(ancestors) ?? []
            return
                able
                .filter { floor == nil || $0.0.level > floor! }
                .min { x, y in
                    if x.0.level != y.0.level { return x.0.level < y.0.level }
                    let xu = up.contains(x.0.code)
                    let yu = up.contains(y.0.code)
                    if xu != yu { return xu }
                    if x.1 != y.1 { return x.1 < y.1 }
                    return x.0.code < y.0.code
                }?.0
        }

        guard let first = best(above: nil, under: nil) else { return CompetenceAnswer(competent: nil, chain: []) }
        var chain = [first]
        while let next = best(above: chain.last!.level, under: chain.last!) { chain.append(next) }
        return CompetenceAnswer(competent: first, chain: chain)
    }
}

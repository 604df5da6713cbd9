/// An area as it comes in from a file or the API, before it is stored.
public struct AreaDraft: Sendable, Equatable {
    public var code: String
    public var name: String
    /// Names in other languages, by BCP 47 tag ("fr", "ar", "pt").
    public var names: [String: String]
    public var level: AreaLevel
    public var parent: String?
    public var centroid: GeoPoint?
    public var geometry: AreaGeometry?
    /// Where the area came from, e.g. "OCHA COD-AB nga 2016-12-15".
    public var source: String?
    /// Where in the input this draft was read ("line 12", "features[3]"), for error messages; not stored.
    public var origin: String?

    public init(
        code: String, name: String, names: [String: String] = [:], level: AreaLevel, parent: String?,
        centroid: GeoPoint? = nil, geometry: AreaGeometry? = nil, source: String? = nil
    ) {
        self.code = code
        self.name = name
        self.names = names
        self.level = level
        self.parent = parent
        self.centroid = centroid
        self.geometry = geometry
        self.source = source
    }

    /// The centroid given, else the one computed from the shape.
    public var effectiveCentroid: GeoPoint? { centroid ?? geometry?.centroid }
}

/// What the rest of the tree looks like, as far as checking a batch needs to know.
public struct AreaNode: Sendable, Equatable {
    public var level: AreaLevel
    public var parent: String?
    public init(level: AreaLevel, parent: String?) {
        self.level = level
        self.parent = parent
    }
}

public enum AreaRules {
    /// Checks a batch of drafts against itself and the stored tree; throws every issue at once.
    public static func check(_ batch: [AreaDraft], existing: [String: AreaNode]) throws {
        let label = { (i: Int) in batch[i].origin ?? "areas[\(i)]" }
        var issues = IssueCollector()
        var seen: [String: Int] = [:]
        for (i, d) in batch.enumerated() {
            let at = label(i)
            Codes.check(d.code, field: "\(at).code", into: &issues)
            if let first = seen[d.code] {
                issues.add("\(at).code", "duplicate code '\(d.code)', first seen at \(label(first))")
            }
            seen[d.code] = i
            if d.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("\(at).name", "is required") }
            if let c = d.centroid { GeoPoint.check(lat: c.lat, lon: c.lon, field: "\(at).centroid", into: &issues) }
        }
        try issues.throwIfAny()

        var nodes = existing
        for d in batch { nodes[d.code] = AreaNode(level: d.level, parent: d.parent) }
        for (i, d) in batch.enumerated() {
            let at = label(i)
            guard let p = d.parent else {
                if d.level != .country { issues.add("\(at).parent", "a \(d.level.rawValue) area needs a parent") }
                continue
            }
            guard let parent = nodes[p] else {
                issues.add("\(at).parent", "unknown area code '\(p)'")
                continue
            }
            if parent.level >= d.level {
                issues.add("\(at).parent", "'\(p)' is a \(parent.level.rawValue); the parent of a \(d.level.rawValue) must be a higher level")
            }
        }
        if let cycle = Codes.firstCycle(parents: nodes.compactMapValues(\.parent)) {
            issues.add("parent", "the area tree would have a cycle: \(cycle.joined(separator: " → "))")
        }
        try issues.throwIfAny()
    }
}

/// The stored form of an area's place in the tree: "/GHA/GH12/GH1201/", from the codes going up
/// ("GH1201", "GH12", "GHA") as lookups return them. A range over this text finds everything below an area.
public enum AreaPath {
    public static func text(_ upward: [String]) -> String { "/" + upward.reversed().joined(separator: "/") + "/" }
}

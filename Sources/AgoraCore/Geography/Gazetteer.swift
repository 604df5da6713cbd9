/// The areas that have a shape, indexed for "which areas contain this point?".
public struct Gazetteer: Sendable {
    public struct Entry: Sendable {
        public var code: String
        public var level: AreaLevel
        public var geometry: AreaGeometry
        public init(code: String, level: AreaLevel, geometry: AreaGeometry) {
            self.code = code
            self.level = level
            self.geometry = geometry
        }
    }

    private let entries: [Entry]
    private let index: SpatialIndex<Int>
    private let byCode: [String: Int]

    public init(_ entries: [Entry]) {
        self.entries = entries
        self.byCode = Dictionary(entries.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { first, _ in first })
        self.deepestLevel = entries.map(\.level).max()
        self.index = SpatialIndex(entries.enumerated().map { (box: $0.element.geometry.bbox, payload: $0.offset) })
    }

    public var count: Int { entries.count }

    /// The stored shape of an area, if it has one: pages draw maps from here instead of parsing shapes per request.
    public func geometry(_ code: String) -> AreaGeometry? { byCode[code].map { entries[$0].geometry } }

    /// The deepest level any stored shape has: a point cannot place an area deeper than that.
    public let deepestLevel: AreaLevel?

    /// Every area containing the point, deepest level first; among equals, the smaller shape first.
    public func areas(containing p: GeoPoint) -> [Entry] {
        index.candidates(containing: p)
            .map { entries[$0] }
            .filter { $0.geometry.contains(p) }
            .sorted {
                $0.level != $1.level ? $0.level > $1.level : $0.geometry.bbox.area < $1.geometry.bbox.area
            }
    }
}

/// A static R-tree packed with the Sort-Tile-Recursive method: built once from all boxes,
/// then queried by point or box in O(log n + hits). Rebuilt whole when areas change, which is rare.
public struct SpatialIndex<Payload: Sendable>: Sendable {
    private struct Node: Sendable {
        var box: BoundingBox
        /// Children are nodes at `level - 1`, or entries when this is a leaf.
        var children: Range<Int>
        var isLeaf: Bool
    }

    private let entries: [(box: BoundingBox, payload: Payload)]
    private let nodes: [Node]
    private let root: Int?
    private static var fanout: Int { 16 }

    public init(_ items: [(box: BoundingBox, payload: Payload)]) {
        var entries = items
        var nodes: [Node] = []
        guard !entries.isEmpty else {
            self.entries = []
            self.nodes = []
            self.root = nil
            return
        }
        // Order the entries into tiles, then make one leaf per run of `fanout` entries.
        let order = Self.strOrder(entries.map(\.box))
        entries = order.map { items[$0] }
        var level: [Int] = []
        for start in stride(from: 0, to: entries.count, by: Self.fanout) {
            let range = start..<min(start + Self.fanout, entries.count)
            let box = entries[range].dropFirst().reduce(entries[range.lowerBound].box) { $0.union($1.box) }
            nodes.append(Node(box: box, children: range, isLeaf: true))
            level.append(nodes.count - 1)
        }
        // Pack upwards until one root remains; each level's nodes are contiguous.
        while level.count > 1 {
            let sorted = Self.strOrder(level.map { nodes[$0].box }).map { level[$0] }
            var reordered: [Node] = sorted.map { nodes[$0] }
            let base = nodes.count
            nodes += reordered
            reordered.removeAll()
            var next: [Int] = []
            for start in stride(from: 0, to: sorted.count, by: Self.fanout) {
                let range = (base + start)..<(base + min(start + Self.fanout, sorted.count))
                let box = nodes[range].dropFirst().reduce(nodes[range.lowerBound].box) { $0.union($1.box) }
                nodes.append(Node(box: box, children: range, isLeaf: false))
                next.append(nodes.count - 1)
            }
            level = next
        }
        self.entries = entries
        self.nodes = nodes
        self.root = level.first
    }

    private static func strOrder(_ boxes: [BoundingBox]) -> [Int] {
        let n = boxes.count
        let leaves = (n + fanout - 1) / fanout
        let slices = max(1, Int(Double(leaves).squareRoot().rounded(.up)))
        let perSlice = slices * fanout
        let byX = boxes.indices.sorted { boxes[$0].centre.lon < boxes[$1].centre.lon }
        var out: [Int] = []
        out.reserveCapacity(n)
        for start in stride(from: 0, to: n, by: perSlice) {
            let slice = byX[start..<min(start + perSlice, n)]
            out += slice.sorted { boxes[$0].centre.lat < boxes[$1].centre.lat }
        }
        return out
    }

    public var count: Int { entries.count }

    /// Payloads whose box contains the point.
    public func candidates(containing p: GeoPoint) -> [Payload] {
        search { $0.contains(p) }
    }

    /// Payloads whose box meets the given box.
    public func candidates(intersecting box: BoundingBox) -> [Payload] {
        search { $0.intersects(box) }
    }

    private func search(_ hit: (BoundingBox) -> Bool) -> [Payload] {
        guard let root else { return [] }
        var out: [Payload] = []
        var stack = [root]
        while let i = stack.popLast() {
            let node = nodes[i]
            guard hit(node.box) else { continue }
            if node.isLeaf {
                for e in node.children where hit(entries[e].box) { out.append(entries[e].payload) }
            } else {
                stack.append(contentsOf: node.children)
            }
        }
        return out
    }
}

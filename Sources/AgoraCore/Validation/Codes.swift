/// Rules for the stable codes that name areas, bodies and organisations.
public enum Codes {
    /// Letters, digits, `-`, `_` and `.`; 1 to 64 characters. Codes appear in URLs and CSV files,
    /// so nothing that needs escaping there.
    public static func check(_ code: String, field: String, into issues: inout IssueCollector) {
        if code.isEmpty || code.count > 64 {
            issues.add(field, "must be 1 to 64 characters")
            return
        }
        let allowed = code.unicodeScalars.allSatisfy { s in
            (s >= "A" && s <= "Z") || (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == "-" || s == "_" || s == "."
        }
        if !allowed { issues.add(field, "'\(code)' may hold only letters, digits, '-', '_' and '.'") }
    }

    /// The first cycle in a child → parent map, as the codes along it, or nil.
    public static func firstCycle(parents: [String: String]) -> [String]? {
        var done = Set<String>()
        for start in parents.keys.sorted() where !done.contains(start) {
            var path: [String] = []
            var onPath = Set<String>()
            var node: String? = start
            while let n = node, !done.contains(n) {
                if onPath.contains(n) {
                    let from = path.firstIndex(of: n)!
                    return Array(path[from...]) + [n]
                }
                onPath.insert(n)
                path.append(n)
                node = parents[n]
            }
            done.formUnion(path)
        }
        return nil
    }
}

/// Closing a case decides what becomes of every action still planned: done (with what came of it) or
/// cancelled (with why). Nothing is cancelled silently, because a planned mediation that quietly vanishes
/// is a promise to a community nobody remembers making.
public enum CaseClosing {
    public struct Decision: Codable, Sendable, Equatable {
        public var id: String
        public var status: ActionStatus
        public var result: String?
        public init(id: String, status: ActionStatus, result: String? = nil) {
            self.id = id
            self.status = status
            self.result = result
        }
    }

    /// Issues name `actions[i]` for a bad decision and `actions` for planned actions left undecided.
    public static func check(planned: [String], decisions: [Decision]) throws {
        var issues = IssueCollector()
        let open = Set(planned)
        var seen = Set<String>()
        for (i, d) in decisions.enumerated() {
            if !open.contains(d.id) { issues.add("actions[\(i)].id", "'\(d.id)' is not a planned action of this case") }
            if !seen.insert(d.id).inserted { issues.add("actions[\(i)].id", "decided twice") }
            if d.status == .planned { issues.add("actions[\(i)].status", "say done or cancelled: a closed case keeps no planned action") }
            if (d.result ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.add("actions[\(i)].result", d.status == .cancelled ? "say why it is cancelled" : "say what came of it")
            }
        }
        let undecided = planned.filter { !seen.contains($0) }
        if !undecided.isEmpty {
            issues.add("actions", "say what becomes of each planned action before closing (done or cancelled): \(undecided.joined(separator: ", "))")
        }
        try issues.throwIfAny()
    }
}

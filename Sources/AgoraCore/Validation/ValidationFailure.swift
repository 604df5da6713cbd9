/// One thing wrong with some input, named so a person can find and fix it.
public struct ValidationIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The field, property or item that is wrong, e.g. `parent`, `features[3].geometry`, `line 12`.
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Input rejected before anything was stored.
public struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) { self.issues = issues }
    public init(field: String, _ message: String) { self.issues = [ValidationIssue(field: field, message: message)] }

    /// The first ten issues; the full list stays in `issues`.
    public var description: String {
        let shown = issues.prefix(10).map(\.description).joined(separator: "; ")
        return issues.count > 10 ? shown + "; and \(issues.count - 10) more" : shown
    }
}

/// Collects issues while checking a value, then throws them together.
public struct IssueCollector: Sendable {
    public private(set) var issues: [ValidationIssue] = []
    public init() {}
    public mutating func add(_ field: String, _ message: String) {
        issues.append(ValidationIssue(field: field, message: message))
    }
    public func throwIfAny() throws {
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }
}

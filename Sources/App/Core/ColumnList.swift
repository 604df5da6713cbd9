import SQLKit

/// A fixed select list, quoted once. SQLKit quotes every identifier of every query again (a generic string
/// replace per name: 12 % of the server under a read load, by perf); the stores select the same columns
/// every time. Both engines quote identifiers with `"`; a test checks the text is what SQLKit writes.
struct ColumnList: SQLExpression {
    let text: String

    init(_ names: [String], table: String? = nil) {
        let prefix = table.map { Self.quote($0) + "." } ?? ""
        text = names.map { prefix + Self.quote($0) }.joined(separator: ", ")
    }

    private static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    func serialize(to serializer: inout SQLSerializer) { serializer.write(text) }
}

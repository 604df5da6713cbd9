import Foundation
import SQLKit

/// Words of reports and incidents, for "find the reports that mention the market". Each query word
/// matches as a prefix ("cattl" finds "cattle"), all words must match, accents do not matter on SQLite.
struct SearchIndex: Sendable {
    let sql: any SQLDatabase

    var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Replaces the indexed text of records (in the caller's transaction). `new`: records just created,
    /// with nothing indexed yet — the delete is skipped, which matters: FTS5 cannot look rows up by
    /// record id, so each delete reads the whole index, and a bulk import would grow quadratically.
    /// New records go through the engine's bulk path (an import indexes a whole file at once).
    func put(_ type: String, _ entries: [(id: String, text: String)], new: Bool = false) async throws {
        guard !entries.isEmpty else { return }
        if new {
            try await BulkWriter(sql: sql).insert(
                into: "search_index", columns: ["record_type", "record_id", "body"],
                rows: entries.flatMap { [.text(type), .text($0.id), .text($0.text)] })
            return
        }
        for chunk in entries.chunked(300) {
            try await sql.delete(from: "search_index").where("record_type", .equal, type).where("record_id", .in, chunk.map(\.id)).run()
            var insert = sql.insert(into: "search_index").columns("record_type", "record_id", "body")
            for e in chunk { insert = insert.values(SQLBind(type), SQLBind(e.id), SQLBind(e.text)) }
            try await insert.run()
        }
    }

    /// Letters and digits only: a query is words, never syntax.
    static func words(_ query: String) -> [String] {
        query.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !$0.isEmpty }.prefix(12).map { $0 }
    }

    /// `column IN (ids of records of this type whose text matches every word)`; nil for a query without words.
    func matching(_ type: String, _ query: String, idColumn: SQLColumn) -> (any SQLExpression)? {
        let w = Self.words(query)
        guard !w.isEmpty else { return nil }
        if isSQLite {
            let match = w.map { "\"\($0)\"*" }.joined(separator: " ")
            return SQLQueryString(
                "\(idColumn) IN (SELECT record_id FROM search_index WHERE search_index MATCH \(bind: match) AND record_type = \(bind: type))")
        }
        let tsquery = w.map { $0 + ":*" }.joined(separator: " & ")
        return SQLQueryString(
            "\(idColumn) IN (SELECT record_id FROM search_index WHERE record_type = \(bind: type) AND tsv @@ to_tsquery('simple', \(bind: tsquery)))")
    }
}

import AgoraCore
import SQLKit

/// "This area and everything below it" as a range over the stored path ("/GHA/GH12/" up to
/// "/GHA/GH12/\u{7F}"), which an index answers; a LIKE '%/GH12/%' read every row (measured: a filtered
/// incident list over two million incidents went from seconds to milliseconds). PostgreSQL compares
/// in the C collation, so ordering is by bytes whatever the database's locale.
struct IndexAreaPaths: AgoraMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        let collate = sql.dialect.name == "postgresql" ? " COLLATE \"C\"" : ""
        for table in ["incidents", "reports"] {
            try await sql.raw(
                SQLQueryString("CREATE INDEX \(unsafeRaw: table)_area_path ON \(unsafeRaw: table) (area_path\(unsafeRaw: collate), occurred_on)")
            ).run()
        }
    }

    func revert(on sql: any SQLDatabase) async throws {
        for table in ["incidents", "reports"] { try await sql.raw(SQLQueryString("DROP INDEX \(unsafeRaw: table)_area_path")).run() }
    }
}

extension AreaStore {
    /// The stored path text of an area ("/GHA/GH12/GH1201/"), as incidents and reports keep it.
    func pathText(_ code: String) async throws -> String { AreaPath.text(try await path(code)) }

    /// `column` is the path of an area at or below the one whose path is `prefix`: a range the index serves.
    /// `indexed: false` writes the column as an expression neither engine serves from the index, for an
    /// area so broad that scanning in date order finds its rows sooner (`RiskSnapshot.isBroad`).
    static func under(_ prefix: String, column: SQLColumn, sql: any SQLDatabase, indexed: Bool = true) -> any SQLExpression {
        let c = sql.dialect.name == "postgresql" ? " COLLATE \"C\"" : ""
        let col: any SQLExpression = indexed ? column : SQLQueryString("(\(column) || '')")
        return SQLQueryString("(\(col)\(unsafeRaw: c) >= \(bind: prefix) AND \(col)\(unsafeRaw: c) < \(bind: prefix + "\u{7F}"))")
    }
}

import SQLKit

/// What an event import reads and writes, in its transaction.
extension IncidentStore {
    /// The columns of a bulk row, in order (`EventImporter` builds the rows).
    static let importColumns = [
        "id", "body_code", "classification", "title", "event_type", "description", "occurred_on", "time_precision",
        "area_code", "area_path", "lat", "lon", "geo_precision", "fatalities", "actors", "source_name", "source_event_id",
        "sources", "created_at", "updated_at",
    ]

    /// Every incident, unscoped: an import compares sizes, it shows nothing.
    func countAll() async throws -> Int {
        try await Self.table.unscoped(sql, because: "an import compares sizes; it shows nothing").column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "n"
        ).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Which of these source event ids are stored already, unscoped: a duplicate is a duplicate whoever can see it.
    func existingSourceIDs(_ ids: [String]) async throws -> Set<String> {
        var out = Set<String>()
        for chunk in ids.chunked(5000) {
            for id in try await Self.table.unscoped(sql, because: "a duplicate is a duplicate whoever may see it").column("source_event_id").where(
                "source_event_id", .in, Array(chunk)
            )
            .all(decodingColumn: "source_event_id", as: String.self) { out.insert(id) }
        }
        return out
    }

    /// One chunk of imported incidents, their indicators and their search text, by the engine's bulk path.
    func insertImported(_ rows: [BulkValue], indicators: [BulkValue], search: [(id: String, text: String)]) async throws {
        let bulk = BulkWriter(sql: sql)
        try await bulk.insert(into: "incidents", columns: Self.importColumns, rows: rows)
        try await bulk.insert(into: "incident_indicators", columns: ["incident_id", "indicator_code"], rows: indicators)
        try await SearchIndex(sql: sql).put("incident", search, new: true)
    }

    /// The newest day any incident happened on (benchmarks pick their week by it).
    func newestDay() async throws -> String? {
        try await Self.table.unscoped(sql, because: "benchmarks: a date, no record").column(
            SQLFunction("MAX", args: SQLColumn("occurred_on")), as: "d"
        ).first()?
        .decode(column: "d", as: String?.self)
    }

    /// Some incident ids, unscoped (benchmarks).
    func someIDs(limit: Int) async throws -> [String] {
        try await Self.table.unscoped(sql, because: "benchmarks pick sample records").column("id").limit(limit).all(
            decodingColumn: "id", as: String.self)
    }
}

import SQLKit

/// Full-text search over reports and incidents: SQLite's FTS5, PostgreSQL's tsvector. The one place the
/// two engines need different SQL; `SearchIndex` hides it from everything else.
struct CreateSearchIndex: AgoraMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                "CREATE VIRTUAL TABLE search_index USING fts5(record_type UNINDEXED, record_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE TABLE search_index (
                    record_type TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED,
                    PRIMARY KEY (record_type, record_id)
                )
                """
            ).run()
            try await sql.raw("CREATE INDEX search_index_tsv ON search_index USING GIN (tsv)").run()
        }
        try await sql.raw("INSERT INTO search_index (record_type, record_id, body) SELECT 'report', id, description FROM reports").run()
        try await sql.raw("INSERT INTO search_index (record_type, record_id, body) SELECT 'incident', id, title || ' ' || description FROM incidents")
            .run()
    }

    func revert(on sql: any SQLDatabase) async throws {
        try await sql.raw("DROP TABLE search_index").run()
    }
}

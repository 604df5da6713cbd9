/// Installation-wide counters (e.g. the geography revision that tells caches to reload).
struct CreateMeta: SQLMigration {
    let up = [
        "CREATE TABLE agora_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
        "INSERT INTO agora_meta (key, value) VALUES ('geo_revision', 0)",
    ]
    let down = ["DROP TABLE agora_meta"]
}

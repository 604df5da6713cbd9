/// What a received record is found by beside its id: the folded serial of a weapon lost or stolen at another
/// installation, which every weapon recovered here is compared with.
struct AddRecordMatchKeys: SQLMigration {
    var up: [String] {
        [
            "ALTER TABLE federation_records ADD COLUMN match_key TEXT",
            "CREATE INDEX federation_records_match ON federation_records (record_type, match_key)",
        ]
    }
    var down: [String] { ["DROP INDEX federation_records_match", "ALTER TABLE federation_records DROP COLUMN match_key"] }
}

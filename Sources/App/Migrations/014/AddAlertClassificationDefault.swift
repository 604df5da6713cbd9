/// The classification a body's alerts start from: a district council that warns the public by radio wants its
/// proposals and drafts public by default, a national centre restricted. Null means restricted.
struct AddAlertClassificationDefault: SQLMigration {
    var up: [String] {
        ["ALTER TABLE bodies ADD COLUMN alert_classification TEXT", "UPDATE agora_meta SET value = value + 1 WHERE key = 'body_revision'"]
    }
    var down: [String] { ["ALTER TABLE bodies DROP COLUMN alert_classification"] }
}

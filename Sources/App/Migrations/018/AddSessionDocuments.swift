/// Documents attached to a mediation session, each with its own visibility (JSON, read with the session).
struct AddSessionDocuments: SQLMigration {
    var up: [String] { ["ALTER TABLE mediation_sessions ADD COLUMN documents TEXT NOT NULL DEFAULT '[]'"] }
    var down: [String] { ["ALTER TABLE mediation_sessions DROP COLUMN documents"] }
}

/// The sources the incident filter offers are stepped through this index one name at a time; without it, each list
/// page read every incident for a DISTINCT over a handful of names (IncidentStore.sources).
struct AddIncidentSourceIndex: SQLMigration {
    var up: [String] { ["CREATE INDEX incidents_source ON incidents (source_name)"] }
    var down: [String] { ["DROP INDEX incidents_source"] }
}

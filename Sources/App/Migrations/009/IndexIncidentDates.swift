/// Incident lists are newest first with an `occurred_on|id` cursor: an index on both columns serves
/// the order and the cursor's range, so a page costs the same at the first incident or the millionth.
struct IndexIncidentDates: SQLMigration {
    var up: [String] {
        [
            "CREATE INDEX incidents_occurred_id ON incidents (occurred_on, id)",
            "DROP INDEX incidents_occurred",
        ]
    }
    var down: [String] {
        [
            "CREATE INDEX incidents_occurred ON incidents (occurred_on)",
            "DROP INDEX incidents_occurred_id",
        ]
    }
}

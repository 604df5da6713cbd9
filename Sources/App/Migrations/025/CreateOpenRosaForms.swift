/// Forms served to ODK Collect and KoboCollect: every version ever served (Agora's own form changes with the
/// framework and the areas; an uploaded XLSForm with each upload), so that a submission filled offline on an
/// older version is still read with the mapping of its own version, and one Agora never served is refused.
struct CreateOpenRosaForms: SQLMigration {
    var up: [String] {
        [
            """
            CREATE TABLE openrosa_forms (
                form_id TEXT NOT NULL, version TEXT NOT NULL, title TEXT NOT NULL, xform TEXT NOT NULL, mapping TEXT NOT NULL,
                source TEXT NOT NULL, body_code TEXT, is_current BOOLEAN NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (form_id, version))
            """
        ]
    }
    var down: [String] { ["DROP TABLE openrosa_forms"] }
}

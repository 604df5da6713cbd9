/// The area tree and the neighbour relation. Geometry is GeoJSON text; its box is kept in columns
/// so that the in-memory index can be rebuilt without parsing shapes that cannot match.
struct CreateAreas: SQLMigration {
    let up = [
        """
        CREATE TABLE areas (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            names TEXT NOT NULL DEFAULT '{}',
            level TEXT NOT NULL,
            parent_code TEXT REFERENCES areas(code) DEFERRABLE INITIALLY DEFERRED,
            country_code TEXT NOT NULL,
            centroid_lat DOUBLE PRECISION,
            centroid_lon DOUBLE PRECISION,
            min_lon DOUBLE PRECISION,
            min_lat DOUBLE PRECISION,
            max_lon DOUBLE PRECISION,
            max_lat DOUBLE PRECISION,
            geometry TEXT,
            source TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX areas_parent ON areas (parent_code)",
        "CREATE INDEX areas_country_level ON areas (country_code, level)",
        """
        CREATE TABLE area_neighbours (
            area_code TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            neighbour_code TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            kind TEXT NOT NULL,
            PRIMARY KEY (area_code, neighbour_code)
        )
        """,
    ]
    let down = ["DROP TABLE area_neighbours", "DROP TABLE areas"]
}

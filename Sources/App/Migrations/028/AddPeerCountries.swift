/// The countries a peer installation speaks for: the hub refuses its events about any other country, and compiles
/// them into the subjects its NATS user may publish (`NATSAccess`).
struct AddPeerCountries: SQLMigration {
    var up: [String] { ["ALTER TABLE federation_peers ADD COLUMN countries TEXT NOT NULL DEFAULT ''"] }
    var down: [String] { ["ALTER TABLE federation_peers DROP COLUMN countries"] }
}

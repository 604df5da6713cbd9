/// A quarantined event can be released for another try (an administrator registered the peer's key, an agreement
/// came into force, an area was added): the intake checks it again, so its signature is kept with its body. Rows
/// quarantined before this have none and can only be discarded.
struct AddQuarantineSignature: SQLMigration {
    var up: [String] { ["ALTER TABLE federation_quarantine ADD COLUMN signature TEXT"] }
    var down: [String] { ["ALTER TABLE federation_quarantine DROP COLUMN signature"] }
}

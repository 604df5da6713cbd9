/// How the public reaches a body (phone, SMS, e-mail, office), and the receipt a member of the public gets for a
/// report: only its digest is kept, so the table never holds what would let someone else look the report up.
struct AddPublicChannels: SQLMigration {
    var up: [String] {
        [
            "ALTER TABLE bodies ADD COLUMN contact_phone TEXT",
            "ALTER TABLE bodies ADD COLUMN contact_sms TEXT",
            "ALTER TABLE bodies ADD COLUMN contact_email TEXT",
            "ALTER TABLE bodies ADD COLUMN contact_address TEXT",
            "ALTER TABLE reports ADD COLUMN receipt_digest TEXT",
            "CREATE UNIQUE INDEX reports_receipt ON reports (receipt_digest)",
            "UPDATE agora_meta SET value = value + 1 WHERE key = 'body_revision'",
        ]
    }
    var down: [String] {
        [
            "DROP INDEX reports_receipt",
            "ALTER TABLE reports DROP COLUMN receipt_digest",
            "ALTER TABLE bodies DROP COLUMN contact_address",
            "ALTER TABLE bodies DROP COLUMN contact_email",
            "ALTER TABLE bodies DROP COLUMN contact_sms",
            "ALTER TABLE bodies DROP COLUMN contact_phone",
        ]
    }
}

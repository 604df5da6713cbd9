import Foundation

/// Times are stored as ISO 8601 UTC text with milliseconds: fixed width, so they sort as text on both engines.
enum Timestamp {
    static func now() -> String { format(Date()) }

    /// Today's date in UTC (YYYY-MM-DD).
    static func today() -> String { String(now().prefix(10)) }

    static func format(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(
                separator: .omitted))
    }
}

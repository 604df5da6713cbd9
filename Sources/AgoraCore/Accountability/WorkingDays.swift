import Foundation

/// Working days of a country: its weekend and its public holidays. Deadlines of submissions are counted in these,
/// as Alaveteli counts a freedom-of-information request's, so that a body is not late over Christmas.
public struct WorkingCalendar: Sendable, Equatable {
    /// Day numbers (`CivilDate`) of public holidays.
    public var holidays: Set<Int>
    /// Weekdays off, 0 = Monday … 6 = Sunday.
    public var weekend: Set<Int>

    public init(holidays: Set<Int> = [], weekend: Set<Int> = [5, 6]) {
        self.holidays = holidays
        self.weekend = weekend
    }

    /// Days 1970-01-01 was a Thursday: weekday 3.
    public static func weekday(_ day: Int) -> Int { ((day % 7) + 7 + 3) % 7 }

    public func isWorking(_ day: Int) -> Bool { !weekend.contains(Self.weekday(day)) && !holidays.contains(day) }

    /// The day `n` working days after `day` (the day itself not counted): what "answer within n working days of
    /// receipt" means. With `paused` intervals (inclusive day numbers) the clock stands still on those days.
    public func adding(_ n: Int, to day: Int, paused: [ClosedRange<Int>] = []) -> Int {
        var d = day
        var left = n
        while left > 0 {
            d += 1
            if isWorking(d), !paused.contains(where: { $0.contains(d) }) { left -= 1 }
        }
        return d
    }

    /// Working days after `from` up to and including `to` (0 when `to` ≤ `from`), paused days left out.
    public func count(from: Int, to: Int, paused: [ClosedRange<Int>] = []) -> Int {
        guard to > from else { return 0 }
        return ((from + 1)...to).filter { d in isWorking(d) && !paused.contains { $0.contains(d) } }.count
    }

    /// Weekends that differ from Saturday and Sunday, by ISO alpha-2 code; an installation may set its own.
    public static let weekends: [String: Set<Int>] = ["SD": [4, 5]]

    /// The calendar of a country from holiday rows (`country,date,name`, alpha-2 codes, as the shared file has them).
    public static func of(country alpha2: String, holidays rows: [(country: String, date: String)]) -> WorkingCalendar {
        WorkingCalendar(
            holidays: Set(rows.filter { $0.country == alpha2 }.compactMap { CivilDate.parse($0.date) }),
            weekend: weekends[alpha2] ?? [5, 6])
    }
}

/// Weeks and months as integers, so risk can be kept per area and period in flat structures.
/// Days count from 1970-01-01; weeks start on Monday (ISO 8601) and are labelled `2026-W48`.
public struct Period: Hashable, Sendable, Comparable {
    public enum Kind: String, Sendable, Codable { case week, month }
    public var kind: Kind
    /// Weeks since the week of 1970-01-01; months since January of year 0.
    public var index: Int

    public init(_ kind: Kind, _ index: Int) {
        self.kind = kind
        self.index = index
    }

    public static func week(containing day: Int) -> Period { Period(.week, floorDiv(day + 3, 7)) }
    public static func month(containing day: Int) -> Period {
        let (y, m, _) = CivilDate.civil(day)
        return Period(.month, y * 12 + m - 1)
    }
    public static func containing(_ day: Int, _ kind: Kind) -> Period { kind == .week ? week(containing: day) : month(containing: day) }

    public func advanced(by n: Int) -> Period { Period(kind, index + n) }

    /// First and last day of the period.
    public var firstDay: Int {
        switch kind {
        case .week: return index * 7 - 3
        case .month: return CivilDate.day(year: floorDiv(index, 12), month: floorMod(index, 12) + 1, day: 1)
        }
    }
    public var lastDay: Int { advanced(by: 1).firstDay - 1 }

    /// `2026-W48` (ISO week-numbering year) or `2026-11`.
    public var label: String {
        switch kind {
        case .week:
            let thursday = firstDay + 3
            let year = CivilDate.civil(thursday).year
            let week = (thursday - CivilDate.day(year: year, month: 1, day: 1)) / 7 + 1
            return "\(year)-W" + (week < 10 ? "0" : "") + String(week)
        case .month:
            let m = floorMod(index, 12) + 1
            return "\(floorDiv(index, 12))-" + (m < 10 ? "0" : "") + String(m)
        }
    }

    public static func parse(_ text: String) -> Period? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), (1900...2200).contains(year) else { return nil }
        if parts[1].hasPrefix("W"), let w = Int(parts[1].dropFirst()), (1...53).contains(w) {
            let jan4 = CivilDate.day(year: year, month: 1, day: 4)
            let p = Period(.week, week(containing: jan4).index + w - 1)
            return p.label == text ? p : nil
        }
        if let m = Int(parts[1]), (1...12).contains(m), parts[1].count == 2 { return Period(.month, year * 12 + m - 1) }
        return nil
    }

    public static func < (a: Period, b: Period) -> Bool { a.kind == b.kind ? a.index < b.index : a.kind == .week }
}

/// Day numbers and calendar dates (proleptic Gregorian, after H. Hinnant's algorithms).
public enum CivilDate {
    public static func day(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719468
        let era = floorDiv(z, 146097)
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` (or the first ten characters of a timestamp) to a day number.
    public static func parse(_ text: some StringProtocol) -> Int? {
        guard let (y, m, d) = fields(text), d <= 31 else { return nil }
        return day(year: y, month: m, day: d)
    }

    /// Year, month and day of text starting `YYYY-MM-DD`, read from its bytes (millions of rows pass here
    /// in an import); the month is checked, the day only to be 1 or more.
    public static func fields(_ text: some StringProtocol) -> (Int, Int, Int)? {
        var digits = [Int](repeating: 0, count: 8)
        var n = 0
        var i = 0
        for b in text.utf8.prefix(10) {
            if i == 4 || i == 7 {
                guard b == 0x2D else { return nil }
            } else {
                guard b >= 0x30, b <= 0x39 else { return nil }
                digits[n] = Int(b - 0x30)
                n += 1
            }
            i += 1
        }
        guard i == 10 else { return nil }
        let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let m = digits[4] * 10 + digits[5]
        let d = digits[6] * 10 + digits[7]
        return (1...12).contains(m) && d >= 1 ? (y, m, d) : nil
    }

    /// Exactly a calendar day, `YYYY-MM-DD` (a form's or an API's date field).
    public static func isDay(_ text: String) -> Bool { text.count == 10 && parse(text) != nil }

    public static func text(_ n: Int) -> String {
        let (y, m, d) = civil(n)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

@inline(__always) func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
@inline(__always) func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

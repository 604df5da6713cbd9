import AgoraCore
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The languages of the web pages: the working languages of ECOWAS and the AU — English, French, Portuguese and
/// Arabic (laid out right to left).
enum Lang: String, CaseIterable, Sendable {
    case en, fr, pt, ar

    /// Offered in the language switch (every text is in each: `TextsTests`).
    static let offered: [Lang] = [.en, .fr, .pt, .ar]

    var name: String {
        switch self {
        case .en: "English"
        case .fr: "Français"
        case .pt: "Português"
        case .ar: "العربية"
        }
    }

    var rightToLeft: Bool { self == .ar }
    var locale: Locale { Locale(identifier: ["en": "en_GB", "fr": "fr_FR", "pt": "pt_PT", "ar": "ar"][rawValue]!) }

    static let cookie = "agora_lang"

    /// `?lang=` (and remember it), then the cookie, then the browser's Accept-Language, then English.
    static func of(_ req: Request) -> Lang {
        if let q = req.queryParameter("lang"), let l = Lang(rawValue: q) { return l }
        if let c = req.cookies[cookie]?.string, let l = Lang(rawValue: c) { return l }
        let accept = req.headers.first(name: .acceptLanguage) ?? ""
        for part in accept.split(separator: ",") {
            let tag = part.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).prefix(2).lowercased()
            if let l = Lang(rawValue: tag), offered.contains(l) { return l }
        }
        return .en
    }
}

/// Texts by key and language, with `%@` placeholders filled in order.
struct T: Sendable {
    let lang: Lang
    /// The installation's time zone, for times shown and typed in pages.
    var zone = TimeZone(identifier: "UTC")!

    /// What the zone is called beside a time: "UTC", "EAT", "GMT+3".
    var zoneName: String { ["UTC", "GMT"].contains(zone.identifier) ? "UTC" : zone.abbreviation() ?? zone.identifier }

    func callAsFunction(_ key: String, _ args: String...) -> String {
        // An unknown key of a vocabulary ("topic.ddr") shows its value, not the key.
        let s = Texts.all[key]?[lang] ?? Texts.all[key]?[.en] ?? String(key.split(separator: ".", maxSplits: 1).last ?? Substring(key))
        return args.isEmpty ? s : Self.fill(s, args)
    }

    /// Each `%@` in turn by the next value; a value's own `%@` is left as written. By bytes, not Foundation's
    /// `range(of:)` (a tenth of the risk dashboard's drawing, which fills a text for every area).
    static func fill(_ s: String, _ args: [String]) -> String {
        let u = Array(s.utf8)
        var out = ""
        var next = args.makeIterator()
        var start = 0
        var i = 0
        while i + 1 < u.count {
            if u[i] == UInt8(ascii: "%"), u[i + 1] == UInt8(ascii: "@"), let a = next.next() {
                out += String(decoding: u[start..<i], as: UTF8.self) + a
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        return out + String(decoding: u[start...], as: UTF8.self)
    }

    /// A date or timestamp (`YYYY-MM-DD…`) the way the language writes it: 29 Nov 2026 / 29 nov. 2026.
    func date(_ iso: String?, time: Bool = false) -> String {
        guard let iso else { return "—" }
        // A list shows the same few hundred days over and over: each day is written once per language.
        if !time, iso.utf8.count >= 10 {
            let day = String(iso.prefix(10))
            // Not a day: as it came (kept as "" so it is not tried again).
            let text = Formatters.shared.remembered("day|\(lang.rawValue)|\(day)") { formatted(day, time: false) ?? "" }
            return text.isEmpty ? iso : text
        }
        return formatted(iso, time: time) ?? iso
    }

    /// Nil when `iso` is not a date.
    private func formatted(_ iso: String, time: Bool) -> String? {
        guard let d = (time ? AlertRules.date(iso) : nil) ?? AlertRules.date(String(iso.prefix(10)) + "T00:00:00Z") else { return nil }
        let key = "date|\(lang.rawValue)|\(time)|\(zone.identifier)"
        let text = Formatters.shared.use(key) { () -> DateFormatter in
            let f = DateFormatter()
            f.locale = lang.locale
            f.timeZone = time ? zone : TimeZone(identifier: "UTC")  // a bare date is a calendar day, not an instant
            f.dateStyle = .medium
            f.timeStyle = time ? .short : .none
            return f
        } format: {
            $0.string(from: d)
        }
        return text + (time ? " " + zoneName : "")
    }

    /// A risk period as people say it: `2026-W49` → "30 Nov – 6 Dec 2026", `2026-11` → "November 2026" (in the
    /// page's language); anything else as it came.
    func period(_ label: String) -> String {
        guard let p = Period.parse(label) else { return label }
        func day(_ d: Int) -> Date { Date(timeIntervalSince1970: Double(d) * 86_400) }
        func format(_ template: String, _ d: Int) -> String {
            Formatters.shared.use("period|\(lang.rawValue)|\(template)") { () -> DateFormatter in
                let f = DateFormatter()
                f.locale = lang.locale
                f.timeZone = TimeZone(identifier: "UTC")
                f.setLocalizedDateFormatFromTemplate(template)
                return f
            } format: {
                $0.string(from: day(d))
            }
        }
        if p.kind == .month { return format("MMMMy", p.firstDay) }
        let (y1, m1, _) = CivilDate.civil(p.firstDay)
        let (y2, m2, _) = CivilDate.civil(p.lastDay)
        let last = format("dMMMy", p.lastDay)
        if y1 != y2 { return format("dMMMy", p.firstDay) + " – " + last }
        if m1 != m2 { return format("dMMM", p.firstDay) + " – " + last }
        return format("d", p.firstDay) + "–" + last
    }

    func number(_ n: Double, digits: Int = 0) -> String {
        // By the exact value: the same scores are drawn on every dashboard until the risk revision moves.
        Formatters.shared.remembered("number|\(lang.rawValue)|\(digits)|\(n)") { formatted(n, digits: digits) }
    }

    private func formatted(_ n: Double, digits: Int) -> String {
        Formatters.shared.use("number|\(lang.rawValue)|\(digits)") { () -> NumberFormatter in
            let f = NumberFormatter()
            f.locale = lang.locale
            f.numberStyle = .decimal
            f.maximumFractionDigits = digits
            f.minimumFractionDigits = digits
            return f
        } format: {
            $0.string(from: NSNumber(value: n)) ?? String(n)
        }
    }

    func number(_ n: Int) -> String { number(Double(n)) }

    /// A file's size as people read it: 840 KB, 2.4 MB.
    func bytes(_ n: Int) -> String { n < 1_048_576 ? number(Double(max(n, 1024)) / 1024) + " KB" : number(Double(n) / 1_048_576, digits: 1) + " MB" }
}

/// Formatters by language and style, made once. Making one (ICU underneath) cost more than a page's SQL: the risk
/// dashboard formats a number for every area it draws, and a NumberFormatter a call was a tenth of its time. Used
/// under one lock, since a Foundation formatter is not safe to share between threads.
final class Formatters: @unchecked Sendable {
    static let shared = Formatters()
    private let lock = NIOLock()
    private var made: [String: Formatter] = [:]

    /// The formatter kept under `key` (made by `make` the first time), used by `format`. A key names one kind of
    /// formatter: the prefixes in `T` keep number and date keys apart.
    func use<F: Formatter>(_ key: String, make: () -> F, format: (F) -> String) -> String {
        lock.withLock {
            let f = made[key] as? F ?? make()
            made[key] = f
            return format(f)
        }
    }

    private var texts: [String: String] = [:]

    /// A formatted text kept under `key` (at most 20,000 of them: then they are forgotten and made again).
    func remembered(_ key: String, _ make: () -> String) -> String {
        if let known = lock.withLock({ texts[key] }) { return known }
        let text = make()
        lock.withLock {
            if texts.count >= 20_000 { texts.removeAll(keepingCapacity: true) }
            texts[key] = text
        }
        return text
    }
}

import Foundation

/// A lost-or-stolen weapon as installations tell each other: its type and marks, enough to match a recovered weapon
/// (the serial is the point, as in INTERPOL's iARMS), and the body that recorded it. No person is in it.
public enum LostWeapons {
    /// `status`: lost-or-stolen, or what it became since (found again: no longer matched).
    public static func fields(type: WeaponType, status: WeaponStatus, marks: WeaponMarks, body: String) -> [String: JSONValue] {
        var f: [String: JSONValue] = ["weaponType": .string(type.rawValue), "status": .string(status.rawValue), "body": .string(body)]
        let told: [(String, String?)] = [
            ("serial", marks.serial), ("manufacturer", marks.manufacturer), ("model", marks.model), ("calibre", marks.calibre),
            ("countryOfManufacture", marks.countryOfManufacture),
        ]
        for (k, v) in told { if let v, !v.isEmpty { f[k] = .string(v) } }
        if let y = marks.yearOfManufacture { f["yearOfManufacture"] = .number(Double(y)) }
        return f
    }

    /// The marks a received record tells, for `SerialSearch.diverted`.
    public static func marks(_ payload: [String: JSONValue]) -> WeaponMarks {
        func text(_ k: String) -> String? { payload[k]?.text }
        return WeaponMarks(
            manufacturer: text("manufacturer"), countryOfManufacture: text("countryOfManufacture"), serial: text("serial"),
            yearOfManufacture: payload["yearOfManufacture"]?.number.map { Int($0) },
            model: text("model"), calibre: text("calibre"))
    }

    /// The folded serial a received record is found by; nil when it tells none (nothing to match).
    public static func serialKey(_ payload: [String: JSONValue]) -> String? {
        guard let s = marks(payload).serial else { return nil }
        let k = SerialSearch.key(s)
        return k.isEmpty ? nil : k
    }

    /// A record told lost and not since found (one without a status is an older installation's: lost).
    public static func stillLost(_ payload: [String: JSONValue]) -> Bool {
        if case .string(let s) = payload["status"] { return s == WeaponStatus.lostOrStolen.rawValue }
        return true
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Areas as a monitor types them on a phone: by code or registered name (names folded; the first area of a name wins).
struct ChannelPlaces: Sendable {
    let byName: [String: String]
    let names: [String: String]

    static func load(_ sql: any SQLDatabase) async throws -> ChannelPlaces {
        var byName: [String: String] = [:]
        var names: [String: String] = [:]
        for a in try await AreaStore(sql: sql).names() {
            byName[a.code.uppercased()] = a.code
            names[a.code] = a.name
            let name = SMSGrammar.fold(a.name)
            if byName[name] == nil { byName[name] = a.code }
        }
        return ChannelPlaces(byName: byName, names: names)
    }

    func code(_ typed: String) -> String? { byName[SMSGrammar.fold(typed)] }

    func name(_ code: String) -> String { names[code] ?? code }

    /// Names sharing the typed word's first three letters, the closest in length first.
    func nearest(_ typed: String) -> [String] {
        let f = SMSGrammar.fold(typed)
        return byName.keys.filter { $0.count > 3 && $0.hasPrefix(String(f.prefix(3))) }.sorted { abs($0.count - f.count) < abs($1.count - f.count) }
    }
}

import Foundation
import SQLKit

/// Column names for Swift property names (`sourceEventId` → `source_event_id`), converted once per name
/// and remembered. SQLKit's `.convertFromSnakeCase` converts the name again for every field of every
/// row: under load it was a fifth of the server's time (perf, incident lists at two million).
enum SnakeCaseKeys {
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var names: [String: String] = [:]
    }
    private static let cache = Cache()

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The same conversion SQLKit makes (asked of its own encoder, so the two can never disagree).
    static func column(_ property: String) -> String {
        cache.lock.lock()
        if let known = cache.names[property] {
            cache.lock.unlock()
            return known
        }
        cache.lock.unlock()
        let converted = (try? SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase).encode(OneKey(name: property)).first?.0) ?? property
        cache.lock.lock()
        cache.names[property] = converted
        cache.lock.unlock()
        return converted
    }

    static let decoder = SQLRowDecoder(keyDecodingStrategy: .custom { path in Key(stringValue: column(path.last?.stringValue ?? "")) })

    private struct OneKey: Encodable {
        let name: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(0, forKey: Key(stringValue: name))
        }
    }
}

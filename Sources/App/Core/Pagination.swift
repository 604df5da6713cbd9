import Foundation
import Vapor

/// Keyset pagination: `?limit=&cursor=`; the cursor is the last code of the previous page, opaque to clients.
struct PageRequest: Sendable, Hashable {
    var limit: Int
    var after: String?

    static let defaultLimit = 50
    static let maxLimit = 500

    init(limit: Int = PageRequest.defaultLimit, after: String? = nil) {
        self.limit = limit
        self.after = after
    }

    init(_ req: Request) throws {
        let limit = try req.query.get(Int?.self, at: "limit") ?? Self.defaultLimit
        guard (1...Self.maxLimit).contains(limit) else {
            throw APIError.badRequest(field: "limit", "must be between 1 and \(Self.maxLimit)")
        }
        self.limit = limit
        if let cursor = try req.query.get(String?.self, at: "cursor"), !cursor.isEmpty {
            guard let data = Data(base64Encoded: Self.pad(cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/"))),
                let code = String(data: data, encoding: .utf8), code.hasPrefix("c:")
            else {
                throw APIError.badRequest(field: "cursor", "is not a cursor this server gave out")
            }
            self.after = String(code.dropFirst(2))
        }
    }

    /// A cursor of two keys, `first|second` (a time or day, then the id), for lists in time order.
    func afterPair() throws -> (String, String)? {
        guard let after else { return nil }
        let parts = after.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw APIError.badRequest(field: "cursor", "is not a cursor this server gave out") }
        return (parts[0], parts[1])
    }

    static func cursor(after code: String) -> String {
        Data(("c:" + code).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func pad(_ s: String) -> String { s + String(repeating: "=", count: (4 - s.count % 4) % 4) }
}

/// One page of a list: `{"items": […], "nextCursor": "…"}`; no `nextCursor` on the last page.
struct Page<Item: Content>: Content {
    var items: [Item]
    var nextCursor: String?

    /// `rows` was fetched with `limit + 1` so we can tell whether another page exists.
    init(rows: [Item], request: PageRequest, code: (Item) -> String) {
        if rows.count > request.limit {
            items = Array(rows.prefix(request.limit))
            nextCursor = PageRequest.cursor(after: code(items.last!))
        } else {
            items = rows
            nextCursor = nil
        }
    }
}

extension Content {
    /// `201 Created` with a `Location` header pointing at the new record.
    func created(at location: String, for req: Request) async throws -> Response {
        let response = try await encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: location)
        return response
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `Idempotency-Key` on API POSTs: the same key from the same caller answers the first result again and
/// never makes a second record. A field monitor whose answer was lost to a dropped line or a crashed server
/// retries with the key; without it the report would be stored twice.
///
/// The key is claimed inside the transaction that makes the change (`Request.write`, and the group commit
/// for reports), so "stored" and "key used" commit together: a crash between the commit and the answer
/// leaves a claimed key, and the retry is answered from the record (`location`) instead of storing again.
/// Two requests with one key at once: the second waits for the write lock and then finds the key taken (409).
struct Idempotency: AsyncMiddleware {
    static let header = "Idempotency-Key"
    static let lifetime: TimeInterval = 24 * 3600

    /// The claim a request carries while its handler runs.
    final class Claim: @unchecked Sendable {
        let caller: String
        let key: String
        let fingerprint: String
        private let lock = NSLock()
        private var _claimed = false
        var claimed: Bool {
            get {
                lock.lock()
                defer { lock.unlock() }
                return _claimed
            }
            set {
                lock.lock()
                _claimed = newValue
                lock.unlock()
            }
        }

        init(caller: String, key: String, fingerprint: String) {
            self.caller = caller
            self.key = key
            self.fingerprint = fingerprint
        }
    }

    struct ClaimKey: StorageKey { typealias Value = Claim }

    /// Answers that carry a secret shown once (an API token, a webhook's signing secret, a reporter's opened contact)
    /// are never kept for replay: the key is ignored there, and a retry makes a new token or opens the contact again.
    static func answersWithASecret(_ path: String) -> Bool {
        let p = path.split(separator: "/", omittingEmptySubsequences: true)
        guard p.count >= 3, p[0] == "api", p[1] == "v1" else { return false }
        let rest = Array(p.dropFirst(2))
        return rest == ["auth", "token"] || rest == ["tokens"] || (rest.count == 3 && rest[0] == "reporters" && rest[2] == "contact")
            || (rest.count == 3 && rest[0] == "bodies" && rest[2] == "subscriptions")
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .POST, let key = req.headers.first(name: Self.header), !Self.answersWithASecret(req.url.path) else {
            return try await next.respond(to: req)
        }
        guard (1...255).contains(key.utf8.count), key.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E }) else {
            throw APIError(
                status: .badRequest, code: "bad_request", reason: "\(Self.header): 1 to 255 visible ASCII characters, e.g. a UUID",
                field: Self.header)
        }
        let caller = req.viewer.personID.map { "person:\($0)" } ?? "anonymous:\(req.clientKey)"
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        let fingerprint = AuditChain.sha256(Data("\(req.method.rawValue) \(req.url.path)\n".utf8) + body)
        let store = IdempotencyStore(sql: req.sql)
        if let done = try await store.find(caller: caller, key: key) {
            guard done.fingerprint == fingerprint else {
                throw APIError(
                    status: .unprocessableEntity, code: "validation", reason: "\(Self.header): this key was used for another request",
                    field: Self.header, issues: [ValidationIssue(field: Self.header, message: "was used for another request")])
            }
            return try await replay(done, req: req)
        }
        let claim = Claim(caller: caller, key: key, fingerprint: fingerprint)
        req.storage[ClaimKey.self] = claim
        let response = try await next.respond(to: req)
        if claim.claimed, response.status.code < 500 {
            let text = response.body.data.map { String(decoding: $0, as: UTF8.self) }
            try await req.write { tx in
                try await IdempotencyStore(sql: tx).answer(
                    caller: caller, key: key, status: Int(response.status.code),
                    contentType: response.headers.first(name: .contentType), body: text,
                    location: response.headers.first(name: .location))
            }
        }
        return response
    }

    /// The first answer again; or, when it was lost (the server stopped between commit and answer), the record as it is now.
    private func replay(_ done: IdempotencyStore.Row, req: Request) async throws -> Response {
        if let status = done.status {
            var headers = HTTPHeaders()
            if let t = done.contentType { headers.replaceOrAdd(name: .contentType, value: t) }
            if let l = done.location { headers.replaceOrAdd(name: .location, value: l) }
            headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
            return Response(status: HTTPResponseStatus(statusCode: status), headers: headers, body: .init(string: done.body ?? ""))
        }
        guard let location = done.location else {
            throw APIError(
                status: .conflict, code: "conflict",
                reason: "\(Self.header): a request with this key is being handled, or was stored and its answer lost; look the record up",
                field: Self.header)
        }
        var headers = req.headers
        for h in ["Content-Type", "Content-Length", Self.header] { headers.remove(name: h) }
        let lookup = Request(application: req.application, method: .GET, url: URI(path: location), headers: headers, on: req.eventLoop)
        let found = try await req.application.responder.current.respond(to: lookup).get()
        let r: Response
        if found.status == .ok {
            r = found
            r.status = .created
        } else {
            // The caller may not read what it created (an anonymous report): the receipt says it is stored.
            r = try await StoredReceipt(id: String(location.split(separator: "/").last ?? ""), location: location)
                .encodeResponse(status: .created, for: req)
        }
        r.headers.replaceOrAdd(name: .location, value: location)
        r.headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return r
    }

    struct StoredReceipt: Content {
        var id: String
        var location: String
        var message = "stored by an earlier request with this Idempotency-Key"
    }
}

extension Request {
    var idempotencyClaim: Idempotency.Claim? { storage[Idempotency.ClaimKey.self] }
}

/// SQL of the idempotency keys.
struct IdempotencyStore: Sendable {
    let sql: any SQLDatabase

    struct Row: Decodable, Sendable {
        var fingerprint: String
        var location: String?
        var status: Int?
        var contentType: String?
        var body: String?
    }

    func find(caller: String, key: String) async throws -> Row? {
        let since = Timestamp.format(Date().addingTimeInterval(-Idempotency.lifetime))
        return try await sql.select().column("fingerprint").column("location").column("status")
            .column(SQLAlias(SQLColumn("content_type"), as: SQLIdentifier("contentType"))).column("body")
            .from("idempotency_keys").where("caller", .equal, caller).where("key", .equal, key).where("created_at", .greaterThanOrEqual, since)
            .first(decoding: Row.self)
    }

    /// Inside the transaction that makes the change. Throws 409 when another request holds the key.
    func claim(_ c: Idempotency.Claim, location: String? = nil) async throws {
        // An expired claim of the same key gives way.
        let since = Timestamp.format(Date().addingTimeInterval(-Idempotency.lifetime))
        try await sql.delete(from: "idempotency_keys").where("caller", .equal, c.caller).where("key", .equal, c.key)
            .where("created_at", .lessThan, since).run()
        let rows = try await sql.insert(into: "idempotency_keys").columns("caller", "key", "fingerprint", "location", "created_at")
            .values(SQLBind(c.caller), SQLBind(c.key), SQLBind(c.fingerprint), SQLBind(location), SQLBind(Timestamp.now()))
            .ignoringConflicts(with: ["caller", "key"]).returning("key").all()
        guard !rows.isEmpty else {
            throw APIError(
                status: .conflict, code: "conflict", reason: "\(Idempotency.header): another request with this key was handled first",
                field: Idempotency.header)
        }
    }

    func answer(caller: String, key: String, status: Int, contentType: String?, body: String?, location: String?) async throws {
        var q = sql.update("idempotency_keys").set("status", to: status).set("content_type", to: contentType).set("body", to: body)
        if let location { q = q.set("location", to: location) }
        try await q.where("caller", .equal, caller).where("key", .equal, key).run()
    }

    /// Keys older than a day go (the sweeper calls this).
    func purge() async throws {
        try await sql.delete(from: "idempotency_keys").where(
            "created_at", .lessThan, Timestamp.format(Date().addingTimeInterval(-Idempotency.lifetime))
        )
        .run()
    }
}

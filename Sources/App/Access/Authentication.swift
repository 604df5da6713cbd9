import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Works out who is asking — an API token, a session cookie, or nobody — once per request.
/// Nothing else in the app reads credentials.
struct Authenticator: AsyncMiddleware {
    static let sessionCookie = "agora_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let people = PeopleStore(sql: request.sql)
        // The metrics scraper's bearer token is not a person's (see `AgoraMetrics`).
        if request.url.path == "/metrics" { return try await next.respond(to: request) }
        if let bearer = request.headers.bearerAuthorization?.token {
            // A token that does not work is an error, not anonymity: the client meant to be someone.
            guard let viewer = try await people.viewer(forToken: bearer) else {
                throw APIError(
                    status: .unauthorized, code: "unauthorized", reason: "the token is not valid, expired or revoked", field: "Authorization")
            }
            request.auth.login(Caller(viewer: viewer, via: .token, csrf: nil))
        } else if let cookie = request.cookies[Self.sessionCookie]?.string, let s = try await people.session(token: cookie) {
            // A session cookie rides along with any request the browser makes, including one another site
            // provokes; SameSite is one guard, the session's CSRF token in a header is the second.
            if Self.isAPIWrite(request) {
                guard let given = request.headers.first(name: Self.csrfHeader), Secrets.digest(given) == Secrets.digest(s.csrf) else {
                    throw APIError(
                        status: .forbidden, code: "csrf",
                        reason:
                            "an API write with a session cookie needs the session's CSRF token in \(Self.csrfHeader); programs use a bearer token",
                        field: Self.csrfHeader)
                }
            }
            request.auth.login(Caller(viewer: s.viewer, via: .session, csrf: s.csrf))
        }
        return try await next.respond(to: request)
    }

    static let csrfHeader = "X-CSRF-Token"

    /// Anything under `/api/` that is not a read.
    static func isAPIWrite(_ r: Request) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(r.method) && r.url.path.split(separator: "/", omittingEmptySubsequences: true).first == "api"
    }
}

/// The authenticated caller of one request.
struct Caller: Authenticatable {
    enum Via: Sendable { case token, session }
    var viewer: Viewer
    var via: Via
    /// The session's CSRF token (cookie sign-in only).
    var csrf: String?
}

extension Request {
    var caller: Caller? { auth.get(Caller.self) }
    var viewer: Viewer { caller?.viewer ?? .anonymous }

    /// How the audit trail names whoever makes this request.
    var actor: String { viewer.personID.map { "person:\($0)" } ?? "anonymous" }

    /// What this caller may read; computed once per request from the cached body tree.
    func scope() async throws -> AccessScope {
        if let s = storage[ScopeKey.self] { return s }
        let tree = try await application.bodyTrees.current(sql, seen: try await revisions())
        let s = AccessPolicy.scope(for: viewer, in: tree, accreditedBy: try await AccreditationStore(sql: sql).alertAccreditors(viewer))
        storage[ScopeKey.self] = s
        return s
    }

    func bodyTree() async throws -> BodyTree { try await application.bodyTrees.current(sql, seen: try await revisions()) }

    func bodyNames() async throws -> [String: BodyStore.Name] { try await application.bodyTrees.names(sql, seen: try await revisions()) }

    /// Refuses anonymous callers with 401.
    @discardableResult
    func requireSignedIn() throws -> Viewer {
        guard case .person = viewer else {
            throw APIError(
                status: .unauthorized, code: "unauthorized", reason: "sign in, or send 'Authorization: Bearer <token>'", field: "Authorization")
        }
        return viewer
    }

    func requireInstallationAdmin() throws {
        try requireSignedIn()
        guard viewer.isInstallationAdmin else { throw APIError.forbidden("this needs an installation administrator") }
    }

    private struct ScopeKey: StorageKey { typealias Value = AccessScope }
}

extension APIError {
    static func forbidden(_ reason: String) -> APIError { APIError(status: .forbidden, code: "forbidden", reason: reason) }
}

/// The body tree changes rarely; rebuild it when bodies or areas change (their revision counters move).
actor BodyTreeCache {
    private var key: [Int] = []
    private var tree = BodyTree([])
    private var names: [String: BodyStore.Name] = [:]

    /// `seen`: the counters as the caller already read them; when they differ from the tree's, the
    /// counters are read again (a request's may be older than the tree) before it is rebuilt.
    func current(_ sql: any SQLDatabase, seen: StoreRevisions? = nil) async throws -> BodyTree {
        try await refresh(sql, seen: seen)
        return tree
    }

    /// Every body's name in each language it has one in: what pages show instead of codes (only `BodyStore.upsert`
    /// writes bodies, and it moves the body revision).
    func names(_ sql: any SQLDatabase, seen: StoreRevisions? = nil) async throws -> [String: BodyStore.Name] {
        try await refresh(sql, seen: seen)
        return names
    }

    private func refresh(_ sql: any SQLDatabase, seen: StoreRevisions?) async throws {
        if let seen, [seen.geo, seen.body] == key { return }
        let now = try await StoreRevisions.read(sql)
        if [now.geo, now.body] != key {
            let store = BodyStore(sql: sql)
            tree = try await store.tree()
            names = try await store.names()
            key = [now.geo, now.body]
        }
    }
}

extension Application {
    private struct BodyTreeKey: StorageKey { typealias Value = BodyTreeCache }

    var bodyTrees: BodyTreeCache {
        if let c = storage[BodyTreeKey.self] { return c }
        let c = BodyTreeCache()
        storage[BodyTreeKey.self] = c
        return c
    }
}

import Foundation
import Vapor

/// Headers every answer carries: no framing, no sniffing, no referrer, scripts and styles from Agora only.
struct SecurityHeaders: AsyncMiddleware {
    /// The origin of the installation's tile server, when it has one: map images may come from there.
    var tileOrigin: String? = nil

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let r = try await next.respond(to: request)
        r.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        r.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        r.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        r.headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)")
        r.headers.replaceOrAdd(
            name: "Content-Security-Policy",
            value:
                "default-src 'self'; img-src 'self' data:\(tileOrigin.map { " " + $0 } ?? ""); style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        )
        return r
    }
}

/// Logs each request by method, route and status — never the query string or the body, which can
/// hold a place, a name or a password.
struct RequestLog: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
        request.logger.info("\(request.method) \(request.url.path) \(response.status.code) \(ms)ms")
        return response
    }
}

/// A fixed-window limit per client address, for sign-in and for anything anonymous callers can write.
actor RateLimiter {
    private var windows: [String: (start: Date, count: Int)] = [:]
    let limit: Int
    let window: TimeInterval

    init(limit: Int, per window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// True when the call is within the limit (and counts it).
    func allow(_ key: String, now: Date = Date()) -> Bool {
        count(key, now: now)
        return (windows[key]?.count ?? 0) <= limit
    }

    /// True when the key has used its quota in the current window (counts nothing).
    func isSpent(_ key: String, now: Date = Date()) -> Bool {
        guard let w = windows[key], now.timeIntervalSince(w.start) < window else { return false }
        return w.count >= limit
    }

    func count(_ key: String, now: Date = Date()) {
        if windows.count > 10_000 { windows = windows.filter { now.timeIntervalSince($0.value.start) < window } }
        var w = windows[key] ?? (now, 0)
        if now.timeIntervalSince(w.start) >= window { w = (now, 0) }
        w.count += 1
        windows[key] = w
    }
}

/// Guards sign-in (web form and API token requests alike): one quota of *failed* attempts per client
/// address, whatever the path. Keying on the path let `/api/v1//auth/token`, `/auth/token/` and
/// `/sign-in//` each start a fresh quota; counting successes locked a training room behind one address out
/// after ten people signed in, so only refusals count.
struct FailureLimit: AsyncMiddleware {
    let limiter: RateLimiter

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let key = request.clientKey
        guard await !limiter.isSpent(key) else {
            throw APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many failed attempts; wait a minute and try again")
        }
        do {
            let r = try await next.respond(to: request)
            if r.status.code >= 400 { await limiter.count(key) }
            return r
        } catch {
            await limiter.count(key)
            throw error
        }
    }
}

extension Request {
    /// Who the limits count against: the client's address.
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }
}

/// The installation's limiters, one per thing guarded, shared by every route and page that leads to it.
struct RateLimits: Sendable {
    /// Failed sign-ins: `AGORA_SIGNIN_LIMIT` (default 10) a minute per address, web form and API together.
    let signIn: RateLimiter
    /// Reports without an account (when the installation takes them): 5 per 10 minutes per address, API and form together.
    let anonymousReports = RateLimiter(limit: 5, per: 600)
    /// Failed webhook authentications a minute per address (a guessed secret, a forged signature).
    let webhooks = RateLimiter(limit: 20, per: 60)
    /// Submissions to bodies without an account: 5 per 10 minutes per address, API and form together.
    let anonymousSubmissions = RateLimiter(limit: 5, per: 600)
    /// Receipt look-ups by the public: 30 a minute per address (a code has 60 random bits; this keeps guessing slow too).
    let receiptChecks = RateLimiter(limit: 30, per: 60)
}

extension Application {
    private struct RateLimitsKey: StorageKey { typealias Value = RateLimits }

    var rateLimits: RateLimits { shared(RateLimitsKey.self) { RateLimits(signIn: RateLimiter(limit: agora.signInLimit, per: 60)) } }
}

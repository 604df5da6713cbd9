import AgoraCore
import Foundation
import Vapor

/// Sign-in for people (web form, session cookie) and for programs (API tokens).
struct AuthController {
    static let csrfCookie = "agora_csrf"
    func register(_ app: Application, api: any RoutesBuilder) {
        let limited = app.grouped(FailureLimit(limiter: app.rateLimits.signIn))
        app.get("sign-in", use: signInPage)
        limited.post("sign-in", use: signIn)
        app.post("sign-out", use: signOut)
        api.grouped(FailureLimit(limiter: app.rateLimits.signIn)).post("auth", "token", use: tokenForPassword)
        api.get("tokens", use: listTokens)
        api.post("tokens", use: createToken)
        api.delete("tokens", ":id", use: revokeToken)
        api.get("people", "me", use: me)
    }

    // MARK: Web

    func signInPage(req: Request) async throws -> Response {
        try await SignInPage.response(req, error: nil, status: .ok)
    }

    struct SignInForm: Content {
        var username: String?
        var password: String?
        var _csrf: String?
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.input(SignInForm.self)
        guard let expected = req.cookies[Self.csrfCookie]?.string, let given = form._csrf, Secrets.digest(expected) == Secrets.digest(given) else {
            return try await SignInPage.response(req, error: SignIn.formExpired, status: .forbidden)
        }
        guard let u = form.username, !u.isEmpty, let pw = form.password, !pw.isEmpty else {
            return try await SignInPage.response(req, error: SignIn.missingFields, status: .badRequest)
        }
        switch try await SignIn.check(username: u, password: pw, via: "web", req: req) {
        case .wrong:
            return try await SignInPage.response(req, error: SignIn.wrongAnswer, status: .unauthorized)
        case .success(let p):
            let (token, _) = try await req.write { tx in try await PeopleStore(sql: tx).createSession(for: p.id) }
            let r = req.redirect(to: "/", redirectType: .normal)
            r.cookies[Authenticator.sessionCookie] = Self.cookie(token, req: req, maxAge: Int(PeopleStore.sessionLifetime))
            return r
        }
    }

    struct SignOutForm: Content { var _csrf: String? }

    func signOut(req: Request) async throws -> Response {
        let form = (try? req.input(SignOutForm.self)) ?? SignOutForm(_csrf: nil)
        if let caller = req.caller, caller.via == .session, let token = req.cookies[Authenticator.sessionCookie]?.string {
            guard let csrf = caller.csrf, form._csrf == csrf else {
                throw APIError(status: .forbidden, code: "csrf", reason: "the form's CSRF token is missing or wrong", field: "_csrf")
            }
            try await req.write { tx in try await PeopleStore(sql: tx).endSession(token: token) }
        }
        let r = req.redirect(to: "/", redirectType: .normal)
        r.cookies[Authenticator.sessionCookie] = Self.cookie("", req: req, maxAge: 0)
        // A shared phone: the next person must find no page of this one's in the cache, and no draft in storage.
        r.headers.replaceOrAdd(name: "Clear-Site-Data", value: #""cache", "storage""#)
        return r
    }

    /// HttpOnly, SameSite=Strict, and Secure unless the installation says it runs without TLS.
    static func cookie(_ value: String, req: Request, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: !req.application.agora.insecureCookies,
            isHTTPOnly: true, sameSite: .strict)
    }

    // MARK: API tokens

    struct TokenRequest: Content {
        var username: String
        var password: String
        var name: String
        var expiresInDays: Int?
    }

    func tokenForPassword(req: Request) async throws -> Response {
        let input = try req.input(TokenRequest.self)
        switch try await SignIn.check(username: input.username, password: input.password, via: "api", req: req) {
        case .wrong:
            throw APIError(status: .unauthorized, code: "unauthorized", reason: SignIn.wrongAnswer)
        case .success(let p):
            let view = try await req.write { tx in
                try await PeopleStore(sql: tx).createToken(for: p.id, name: input.name, expiresInDays: input.expiresInDays, actor: "person:\(p.id)")
            }
            return try await view.created(at: "/api/v1/tokens/\(view.id)", for: req)
        }
    }

    struct NewToken: Content {
        var name: String
        var expiresInDays: Int?
    }

    func createToken(req: Request) async throws -> Response {
        guard let id = try req.requireSignedIn().personID else { throw Abort(.unauthorized) }
        let input = try req.input(NewToken.self)
        let actor = req.actor
        let view = try await req.write { tx in
            try await PeopleStore(sql: tx).createToken(for: id, name: input.name, expiresInDays: input.expiresInDays, actor: actor)
        }
        return try await view.created(at: "/api/v1/tokens/\(view.id)", for: req)
    }

    func listTokens(req: Request) async throws -> [TokenView] {
        guard let id = try req.requireSignedIn().personID else { throw Abort(.unauthorized) }
        return try await PeopleStore(sql: req.sql).tokens(of: id)
    }

    func revokeToken(req: Request) async throws -> Response {
        let viewer = try req.requireSignedIn()
        let id = try req.parameters.require("id")
        let actor = req.actor
        try await req.write { tx in
            // Installation administrators may revoke anyone's token (a lost phone); others only their own.
            try await PeopleStore(sql: tx).revokeToken(id: id, personID: viewer.isInstallationAdmin ? nil : viewer.personID, actor: actor)
        }
        return Response(status: .noContent)
    }

    func me(req: Request) async throws -> PersonView {
        guard let id = try req.requireSignedIn().personID, let p = try await PeopleStore(sql: req.sql).person(id: id) else {
            throw Abort(.unauthorized)
        }
        return try await PeopleStore(sql: req.sql).view(p)
    }
}

import Vapor

/// `/sign-in`: a plain form that works without JavaScript, with a double-submit CSRF cookie.
/// The handlers that check it are `AuthController`'s; this draws the form, with the last refusal if any.
enum SignInPage {
    struct Model: Sendable {
        var csrf: String
        var error: String?
    }

    static func response(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let m = Model(csrf: req.cookies[AuthController.csrfCookie]?.string ?? Secrets.token(), error: error)
        let c = try await PageContext.of(req)
        let r = Layout.response(c, title: c.t("signin.title"), status: status, view(c, m))
        r.cookies[AuthController.csrfCookie] = AuthController.cookie(m.csrf, req: req, maxAge: 3600)
        return r
    }
}

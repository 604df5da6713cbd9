import AgoraCore
import Foundation
import Plot
import Vapor

/// What every page needs to know of its request: language, who is asking, their CSRF token.
struct PageContext: Sendable {
    var t: T
    var viewer: Viewer
    var name: String?
    var csrf: String?
    var path: String
    var notice: String?
    var error: String?
    var setLanguage: Lang?

    var lang: Lang { t.lang }
    var signedIn: Bool { viewer.personID != nil }
    /// What this browser keys drafts and queued reports by: not the person's id, a digest of it.
    var account: String? { viewer.personID.map { String(Secrets.digest("account|" + $0).prefix(16)) } }
    func holds(_ roles: Set<Role>) -> Bool { viewer.isInstallationAdmin || viewer.roles.contains { roles.contains($0.role) } }
    func bodies(_ roles: Set<Role>) -> [String] { Array(Set(viewer.roles.filter { roles.contains($0.role) }.map(\.body))).sorted() }

    static func of(_ req: Request) async throws -> PageContext {
        let lang = Lang.of(req)
        var name: String?
        if let id = req.viewer.personID { name = try await PeopleStore(sql: req.sql).person(id: id)?.displayName }
        let q = req.queryParameter("lang").flatMap(Lang.init(rawValue:))
        return PageContext(
            t: T(lang: lang, zone: req.application.agora.timeZone), viewer: req.viewer, name: name, csrf: req.caller?.csrf, path: req.url.path,
            notice: req.queryParameter("notice"), error: req.queryParameter("error"), setLanguage: q)
    }
}

/// The frame of every page: skip link, navigation for the viewer's roles, language switch, main, footer.
enum Layout {
    static func response(
        _ c: PageContext, title: String, status: HTTPResponseStatus = .ok, scripts: [String] = [], styles: [String] = [],
        publicPage: Bool = false, _ main: Node<HTML.BodyContext>
    ) -> Response {
        let html = HTML(
            .attribute(named: "lang", value: c.lang.rawValue),
            .attribute(named: "dir", value: c.lang.rightToLeft ? "rtl" : "ltr"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .pageTitle(title + " — Agora"),
                .link(.rel(.stylesheet), .href(SiteURL.asset("agora.css").path)),
                .link(.rel(.icon), .href("data:,")),
                .forEach(styles) { .link(.rel(.stylesheet), .href($0)) }
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(c.t("nav.skip"))),
                header(c),
                .main(
                    .id("main"),
                    .h1(.text(title)),
                    .unwrap(c.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text(c.t("notice." + $0))) },
                    .unwrap(c.error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
                    main),
                .footer(
                    .p(
                        .a(.href(SiteURL.howToReport.path), .text(c.t("nav.howto"))), " · ", .a(.href(SiteURL.apiDocument.path), "API"), " · ",
                        .a(.href(SiteURL.feed.path), .text(c.t("nav.feed"))), " · ",
                        .a(.href(SiteURL.responsiveness.path), .text(c.t("nav.responsiveness"))), " · ",
                        .a(.href(SiteURL.forums.path), .text(c.t("nav.forums"))), " · ",
                        .a(.href(SiteURL.destructions.path), .text(c.t("nav.destructions"))), " · ",
                        .a(.href(SiteURL.accreditationRegister().path), .text(c.t("nav.register"))))),
                // Signed in, every page carries the script: it sends what the offline queue holds and guards sign-out.
                .forEach(c.signedIn && !scripts.contains(SiteURL.asset("agora.js").path) ? [SiteURL.asset("agora.js").path] + scripts : scripts) {
                    .script(.src($0), .attribute(named: "defer", value: "defer"))
                }
            )
        )
        var headers = HTTPHeaders()
        headers.contentType = .html
        // A public page read anonymously may be kept and revalidated (ConditionalGet answers 304); every other page is
        // no-store, set there. It differs by language, chosen from the cookie or Accept-Language.
        if publicPage, !c.signedIn, c.setLanguage == nil {
            headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
            headers.replaceOrAdd(name: .vary, value: "Cookie, Accept-Language")
        }
        let r = Response(status: status, headers: headers, body: .init(string: "<!DOCTYPE html>" + html.render().dropFirst("<!DOCTYPE html>".count)))
        if let l = c.setLanguage {
            r.cookies[Lang.cookie] = HTTPCookies.Value(
                string: l.rawValue, maxAge: 365 * 86400, path: "/", isSecure: false, isHTTPOnly: true, sameSite: .lax)
        }
        return r
    }

    static func nav(_ c: PageContext) -> [(String, String)] {
        var items: [(String, String)] = [(SiteURL.home.path, c.t("nav.home"))]
        if c.signedIn {
            if c.holds([.monitor, .analyst, .coordinator, .responder, .csoLiaison]) { items.append((SiteURL.report.path, c.t("nav.report"))) }
            if c.holds([.analyst, .coordinator]) {
                items.append((SiteURL.queue.path, c.t("nav.queue")))
                items.append((SiteURL.incidents.path, c.t("nav.incidents")))
            }
            items.append((SiteURL.risk.path, c.t("nav.risk")))
        }
        items.append((SiteURL.alerts.path, c.t("nav.alerts")))
        if c.signedIn {
            items.append((SiteURL.cases.path, c.t("nav.cases")))
            items.append((SiteURL.mediations.path, c.t("nav.mediations")))
            if c.holds(WeaponRules.officers) { items.append((SiteURL.arms().path, c.t("nav.arms"))) }
        }
        items.append((SiteURL.submissions.path, c.t("nav.submissions")))
        items.append((SiteURL.agreements().path, c.t("nav.agreements")))
        items.append((SiteURL.bodies.path, c.t("nav.directory")))
        if !c.signedIn { items.append((SiteURL.statistics.path, c.t("nav.statistics"))) }
        if c.viewer.isInstallationAdmin { items.append((SiteURL.admin.path, c.t("nav.admin"))) }
        return items
    }

    static func header(_ c: PageContext) -> Node<HTML.BodyContext> {
        .header(
            .class("top"),
            .a(.class("brand"), .href(SiteURL.home.path), "Agora"),
            .nav(
                .attribute(named: "aria-label", value: c.t("nav.main")),
                .ul(
                    .forEach(nav(c)) { item in
                        .li(.a(.href(item.0), .if(c.path == item.0, .attribute(named: "aria-current", value: "page")), .text(item.1)))
                    })),
            .div(
                .class("who"),
                .forEach(Lang.offered.filter { $0 != c.lang }) { l in
                    .a(.href("?lang=\(l.rawValue)"), .attribute(named: "hreflang", value: l.rawValue), .text(l.name))
                },
                .if(
                    c.signedIn,
                    .form(
                        .method(.post), .action(SiteURL.signOut.path), .class("inline"),
                        .attribute(named: "data-account", value: c.account ?? ""),
                        .attribute(named: "data-unsent", value: c.t("report.queueUnsent")),
                        .span(.text(c.name ?? "")),
                        .input(.type(.hidden), .name("_csrf"), .value(c.csrf ?? "")),
                        .button(.type(.submit), .text(c.t("nav.signout")))),
                    else: .a(.href(SiteURL.signIn.path), .text(c.t("nav.signin"))))))
    }

    static func csrf(_ c: PageContext) -> Node<HTML.FormContext> { .input(.type(.hidden), .name("_csrf"), .value(c.csrf ?? "")) }
}

/// Form posts from pages: a signed-in session with its CSRF token, then the same typed action as the API.
enum WebForm {
    /// The posted fields; throws unless the session's CSRF token came with them.
    static func fields(_ req: Request) throws -> [String: String] {
        try checked(req, try req.input([String: String].self))
    }

    /// A form with files (`multipart/form-data`), checked as `fields` are.
    static func fieldsAndFiles(_ req: Request) throws -> (fields: [String: String], files: [FormFiles.Upload]) {
        let (form, files) = try FormFiles.read(req)
        return (try checked(req, form), files)
    }

    /// A signed-in session's form with its CSRF token.
    private static func checked(_ req: Request, _ form: [String: String]) throws -> [String: String] {
        guard let caller = req.caller, caller.via == .session else {
            throw APIError(status: .unauthorized, code: "unauthorized", reason: "sign in first")
        }
        guard let csrf = form["_csrf"], let expected = caller.csrf, Secrets.digest(csrf) == Secrets.digest(expected) else {
            throw APIError(status: .forbidden, code: "csrf", reason: "the form's CSRF token is missing or wrong; reload the page", field: "_csrf")
        }
        return form
    }

    /// A moment as a datetime-local input shows it, in the installation's time zone.
    static func localInput(_ date: Date, zone: TimeZone) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return f.string(from: date)
    }

    /// `2026-11-30T10:00` from a datetime-local input, in the installation's time zone → a UTC timestamp.
    static func timestamp(_ s: String?, zone: TimeZone) -> String? {
        guard let s, !s.isEmpty else { return nil }
        if s.count == 10 { return s + "T00:00:00Z" }
        guard s.count == 16 else { return s }  // not what the input sends: the API's checks name it
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = "yyyy-MM-dd'T'HH:mm"
        guard let d = f.date(from: s) else { return s }
        return Timestamp.format(d)
    }

    /// Runs an API step; on success back to `to` with a notice, on a refusal back with its reason.
    static func run(_ req: Request, back: String, notice: String, _ step: () async throws -> Void) async throws -> Response {
        do {
            try await step()
            return req.redirect(to: back + (back.contains("?") ? "&" : "?") + "notice=" + notice, redirectType: .normal)
        } catch {
            let e = APIErrorMiddleware.translate(error)
            if e.status == .internalServerError {  // the type only: a store error may quote what was written
                req.logger.error("unexpected error", metadata: ["type": .string(String(reflecting: type(of: error)))])
            }
            if e.status == .unauthorized { return req.redirect(to: SiteURL.signIn.path) }
            let reason = e.summary(T(lang: Lang.of(req)))
            return req.redirect(
                to: back + (back.contains("?") ? "&" : "?") + "error=" + (reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                redirectType: .normal)
        }
    }
}

extension Request {
    /// Pages need a signed-in person (by session, or by token for tools and tests).
    func requirePageViewer() throws -> Bool { viewer.personID != nil }
}

/// Errors on pages, as pages: what went wrong in words, and a way back.
enum ErrorPage {
    static func response(_ req: Request, _ e: APIError) async throws -> Response {
        let c = try await PageContext.of(req)
        let title = e.status == .notFound ? c.t("error.notFound") : e.status == .forbidden ? c.t("error.forbidden") : c.t("error.title")
        let detail = e.status == .internalServerError ? c.t("error.internal") : c.t.error(e.reason)
        return Layout.response(c, title: title, status: e.status, .group(.p(.text(detail)), .p(.a(.href(SiteURL.home.path), .text(c.t("nav.home"))))))
    }
}

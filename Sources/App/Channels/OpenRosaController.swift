import AgoraCore
import Crypto
import Foundation
import Vapor

/// ODK Collect and KoboCollect: `/openrosa` is the server URL to give them (with the account's username and
/// password), or `/openrosa/key/{token}` with an API token in place of a password, as ODK Central's app users
/// do. The form list offers Agora's own report form and any uploaded XLSForm; a submission (multipart, the
/// instance with its photo and recording) is read with the mapping of the very version it was filled in,
/// and filed through the web form's intake.
struct OpenRosaController {
    /// Larger than a photo and a recording together, so that Collect sends a submission in one request.
    static let acceptLength = 20 << 20

    func register(_ app: Application) {
        for base in [app.grouped("openrosa"), app.grouped("openrosa", "key", ":token")] {
            base.get("formList", use: formList)
            base.get("forms", ":form", use: form)
            base.get("forms", ":form", "manifest", use: manifest)
            base.on(.HEAD, "submission", use: probe)
            base.on(.POST, "submission", body: .collect(maxSize: ByteCount(value: Self.acceptLength)), use: submit)
        }
    }

    // MARK: Who is asking

    /// The account behind the request: the key in the path, or HTTP Basic (what Collect sends once challenged).
    /// A session cookie is not enough here: these routes take no CSRF token. Nil when Collect must be challenged.
    static func caller(_ req: Request) async throws -> Viewer? {
        let limiter = req.application.rateLimits.signIn
        let key = req.clientKey
        if let token = req.parameters.get("token") {
            guard await !limiter.isSpent(key) else { throw tooMany }
            guard let v = try await PeopleStore(sql: req.sql).viewer(forToken: token) else {
                await limiter.count(key)
                return nil
            }
            return signIn(v, req)
        }
        guard let basic = req.headers.basicAuthorization else { return nil }
        guard await !limiter.isSpent(key) else { throw tooMany }
        switch try await SignIn.check(username: basic.username, password: basic.password, via: "openrosa", req: req) {
        case .wrong:
            await limiter.count(key)
            return nil
        case .success(let p):
            let roles = try await PeopleStore(sql: req.sql).roles(of: p.id)
            return signIn(.person(id: p.id, installationAdmin: p.installationAdmin, roles: roles), req)
        }
    }

    private static let tooMany = APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many failed attempts; wait a minute")

    private static func signIn(_ v: Viewer, _ req: Request) -> Viewer {
        req.auth.login(Caller(viewer: v, via: .token, csrf: nil))
        return v
    }

    static func headers(_ contentType: String = "text/xml; charset=utf-8") -> HTTPHeaders {
        var h = HTTPHeaders()
        h.replaceOrAdd(name: "X-OpenRosa-Version", value: "1.0")
        h.replaceOrAdd(name: "X-OpenRosa-Accept-Content-Length", value: String(acceptLength))
        h.replaceOrAdd(name: .contentType, value: contentType)
        h.replaceOrAdd(name: .cacheControl, value: "no-store")
        return h
    }

    static var challenge: Response {
        var h = headers()
        h.replaceOrAdd(name: .wwwAuthenticate, value: #"Basic realm="Agora", charset="UTF-8""#)
        return Response(status: .unauthorized, headers: h, body: .init(string: OpenRosa.response("Sign in with your Agora username and password.")))
    }

    static func xml(_ s: String, status: HTTPResponseStatus = .ok) -> Response {
        Response(status: status, headers: headers(), body: .init(string: s))
    }

    // MARK: Forms

    /// The base URL Collect used, so the links in the form list lead back the same way (key in the path or not).
    static func base(_ req: Request) -> String {
        let root = req.application.agora.publicURL ?? "http://\(req.headers.first(name: .host) ?? "localhost")"
        return root + (req.parameters.get("token").map { "/openrosa/key/\($0)" } ?? "/openrosa")
    }

    func formList(req: Request) async throws -> Response {
        guard try await Self.caller(req) != nil else { return Self.challenge }
        let forms = try await OpenRosaForms(req: req).current()
        let base = Self.base(req)
        return Self.xml(
            OpenRosa.formList(
                forms.map { f in
                    OpenRosa.FormEntry(
                        id: f.formID, name: f.title, version: f.version, hash: OpenRosa.hash(Self.md5(f.xform)),
                        downloadURL: "\(base)/forms/\(f.formID).xml", manifestURL: "\(base)/forms/\(f.formID)/manifest")
                }))
    }

    func form(req: Request) async throws -> Response {
        guard try await Self.caller(req) != nil else { return Self.challenge }
        let file = try req.parameters.require("form")
        guard file.hasSuffix(".xml") else { throw APIError.notFound("form", file) }
        let id = String(file.dropLast(4))
        guard let f = try await OpenRosaForms(req: req).current().first(where: { $0.formID == id }) else { throw APIError.notFound("form", id) }
        return Self.xml(f.xform)
    }

    func manifest(req: Request) async throws -> Response {
        guard try await Self.caller(req) != nil else { return Self.challenge }
        let id = try req.parameters.require("form")
        guard try await OpenRosaFormStore(sql: req.sql).exists(id) else { throw APIError.notFound("form", id) }
        return Self.xml(OpenRosa.emptyManifest)
    }

    static func md5(_ s: String) -> String { Insecure.MD5.hash(data: Data(s.utf8)).map { String(format: "%02x", $0) }.joined() }

    // MARK: Submissions

    /// Collect asks before sending: 204 with how much one request may carry.
    func probe(req: Request) async throws -> Response {
        guard try await Self.caller(req) != nil else { return Self.challenge }
        return Response(status: .noContent, headers: Self.headers())
    }

    func submit(req: Request) async throws -> Response {
        guard try await Self.caller(req) != nil else { return Self.challenge }
        do {
            let (id, stored) = try await Self.receive(req)
            let ref = "R-" + id.prefix(8).uppercased()
            return stored
                ? Self.xml(OpenRosa.response("Received: \(ref). Thank you."), status: .created)
                : Self.xml(OpenRosa.response("Already received: \(ref)."), status: .accepted)
        } catch {
            // Collect shows the message to the monitor: the reason and the first problems, by question.
            let e = APIErrorMiddleware.translate(error)
            let detail = e.issues.prefix(3).map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            return Self.xml(OpenRosa.response(detail.isEmpty ? e.reason : detail), status: e.status)
        }
    }

    /// The instance, its version's mapping, its files checked, then the intake. Nothing is stored on any error.
    static func receive(_ req: Request) async throws -> (id: String, stored: Bool) {
        let (_, files) = try FormFiles.read(req)
        guard let instance = files.first(where: { $0.field == "xml_submission_file" }) else {
            throw APIError(ValidationFailure(field: "xml_submission_file", "send the filled form as the xml_submission_file part"))
        }
        let sub = try OpenRosa.Submission(xml: Data(instance.bytes))
        let forms = OpenRosaFormStore(sql: req.sql)
        guard try await forms.exists(sub.formID) else { throw APIError.notFound("form", sub.formID) }
        guard let version = sub.version, let form = try await forms.get(sub.formID, version: version) else {
            throw APIError(
                status: .conflict, code: "unknown_version",
                reason: "version '\(sub.version ?? "")' of form '\(sub.formID)' was never served here: get the blank form again", field: "version")
        }
        let mapped = try form.mapping.map(sub.answer)
        var checked: [Media.Checked] = []
        var issues: [ValidationIssue] = []
        for (name, kind, field) in [(mapped.photo, Media.Kind.photo, form.mapping.photo), (mapped.audio, .audio, form.mapping.audio)] {
            guard let name else { continue }
            guard let part = files.first(where: { $0.field == name || $0.filename == name }) else {
                issues.append(ValidationIssue(field: field ?? kind.rawValue, message: "the submission names '\(name)' but the file was not sent"))
                continue
            }
            do { checked.append(try Media.check(part.bytes, field: field ?? kind.rawValue, expected: kind)) } catch let f as ValidationFailure {
                issues += f.issues
            }
        }
        if !issues.isEmpty { throw APIError(ValidationFailure(issues)) }
        return try await ChannelIntake.file(
            mapped, body: form.body, files: checked, as: .viewer, channel: .openrosa, actor: req.actor + " via openrosa", req: req)
    }
}

/// The forms on offer: Agora's own, rebuilt from the framework and the areas (a new version is published when
/// either changes), and the uploaded ones.
struct OpenRosaForms {
    let req: Request

    /// Agora's own form, as built for this caller (its areas are the caller's countries', so two monitors may
    /// hold two versions; each version is recorded once so its submissions are read), then the uploaded forms.
    func current() async throws -> [OpenRosaForm] {
        let store = OpenRosaFormStore(sql: req.sql)
        let own = try await builtIn()
        if try await store.get(own.formID, version: own.version) == nil {
            let actor = "system"
            // Two phones asking at once both try; the second finds it recorded.
            _ = try? await req.write { tx in try await OpenRosaFormStore(sql: tx).publish(own, actor: actor) }
        }
        return [own] + (try await store.current()).filter { $0.formID != own.formID }
    }

    func builtIn() async throws -> OpenRosaForm {
        let framework = try await FrameworkStore(sql: req.sql).active()
        // The areas of the caller's countries: a form of every area in the world is too heavy for a cheap phone.
        let bodies = req.viewer.isInstallationAdmin || req.viewer.roles.isEmpty ? nil : req.viewer.roles.map(\.body)
        let areas = try await AreaStore(sql: req.sql).names(inCountriesOfBodies: bodies).map { ReportXForm.Area(code: $0.code, name: $0.name) }
        let title = "Agora report"
        let draft = ReportXForm.xml(framework: framework, areas: areas, version: "", title: title)
        let version = String(SHA256.hash(data: Data(draft.utf8)).map { String(format: "%02x", $0) }.joined().prefix(12))
        return OpenRosaForm(
            formID: ReportXForm.formID, version: version, title: title,
            xform: ReportXForm.xml(framework: framework, areas: areas, version: version, title: title), mapping: .builtIn, source: "builtin",
            body: nil,
            isCurrent: true)
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The phone form: plain HTML, no JavaScript, a session and its CSRF token.
@Suite struct ReportFormTests {
    @Test func aQueuedReportKeepsItsIdAcrossRetries() {
        let client = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
        let id = ReportStore.id(actor: "person:a", clientID: client)
        #expect(id != nil && id == ReportStore.id(actor: "person:a", clientID: client.uppercased()))
        #expect(id != ReportStore.id(actor: "person:b", clientID: client))  // another person's phone never collides
        #expect(UUID(uuidString: id ?? "") != nil)
        #expect(ReportStore.id(actor: "person:a", clientID: "not-a-uuid") == nil)
    }

    static func signIn(_ app: Application, _ username: String, _ password: String) async throws -> (cookie: HTTPCookies, csrf: String) {
        let t = try app.testing()
        let page = try await t.sendRequest(.GET, "/sign-in")
        let csrf = page.headers.setCookie![AuthController.csrfCookie]!.string
        var h = HTTPHeaders()
        h.contentType = .urlEncodedForm
        h.cookie = HTTPCookies(dictionaryLiteral: (AuthController.csrfCookie, HTTPCookies.Value(string: csrf)))
        let ok = try await t.sendRequest(
            .POST, "/sign-in", headers: h, body: AccessTests.form(["username": username, "password": password, "_csrf": csrf]))
        let session = ok.headers.setCookie![Authenticator.sessionCookie]!
        let stored = try await PeopleStore(sql: app.sql).session(token: session.string)!
        return (HTTPCookies(dictionaryLiteral: (Authenticator.sessionCookie, session)), stored.csrf)
    }

    @Test(arguments: Engine.available)
    func aMonitorFilesAReportWithoutJavaScript(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await ReportTests.seed(app)
            _ = try await AccessTests.makePerson(app, "abena", password: "a phone password", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let t = try app.testing()
            #expect(try await t.sendRequest(.GET, "/report").status == .seeOther)  // not signed in: to the sign-in page
            let (cookie, csrf) = try await Self.signIn(app, "abena", "a phone password")
            var h = HTTPHeaders()
            h.cookie = cookie
            let page = try await t.sendRequest(.GET, "/report", headers: h)
            #expect(page.status == .ok)
            let html = page.body.string
            // One deferred script, for GPS and drafts only; the form posts as plain HTML (the browser tests file it with JavaScript off).
            #expect(html.components(separatedBy: "<script").count == 2 && html.contains("<script src=\"/static/agora.js\" defer"))
            #expect(html.contains("<form method=\"post\" action=\"/report\""))
            #expect(html.contains("name=\"indicator.NR01\""))
            #expect(html.contains("Bawku Municipal"))
            #expect(html.utf8.count < 100_000)

            h.contentType = .urlEncodedForm
            // Missing the date and the place: the page comes back with the errors beside their fields, the text kept.
            let bad = try await t.sendRequest(
                .POST, "/report", headers: h,
                body: AccessTests.form(
                    ["_csrf": csrf, "indicator.NR01": "on", "description": "Cattle in the maize fields", "occurredOn": "", "area": ""]))
            // 200, not 422: the browser shows the form again without logging a failed load (browser tests fail on console errors).
            #expect(bad.status == .ok)
            #expect(bad.body.string.contains("id=\"error-occurredOn\""))
            #expect(bad.body.string.contains("Cattle in the maize fields"))
            let forged = try await t.sendRequest(.POST, "/report", headers: h, body: AccessTests.form(["_csrf": "forged", "indicator.NR01": "on"]))
            #expect(forged.status == .forbidden)

            let good = try await t.sendRequest(
                .POST, "/report", headers: h,
                body: AccessTests.form(
                    [
                        "_csrf": csrf, "indicator.NR01": "on", "description": "Cattle in the maize fields", "occurredOn": "2026-11-25",
                        "area": "GH1201", "fatalities": "0", "injured": "1",
                    ]))
            #expect(good.status == .created)
            #expect(good.body.string.contains("Report received by Bawku Municipal District Peace Council"))
            let rows = try await app.sql.select().columns("status", "area_code", "injured").from("reports").all()
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(column: "area_code", as: String.self) == "GH1201")
            #expect(try rows.first?.decode(column: "injured", as: Int?.self) == 1)
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// ODK Collect and KoboCollect over real HTTP on loopback, on both engines: the form list and the form behind
/// Basic authentication or a key in the path, and a submission as Collect sends it (multipart: the instance and
/// a photo) filed through the web form's intake once, its photo stripped of its location.
@Suite struct OpenRosaTests {
    static let boundary = "----OpenRosaBoundary1b2c"

    /// The instance Collect writes for Agora's own form, at `version`.
    static func instance(
        version: String, uuid: String = "uuid:5f0c1a2e-7d1b-4c33-9a8e-2b6f9c0d1e42", indicators: String = "CS01 CS05", area: String = "GH1201"
    )
        -> String
    {
        """
        <?xml version='1.0' ?><data id="agora-report" version="\(version)" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><indicators>\(indicators)</indicators><area>\(area)</area><location>11.0601 -0.2412 190.0 4.8</location><occurred>2026-11-28</occurred><killed>0</killed><injured>2</injured><description>Youths blocked the Bawku–Pusiga road after a quarrel at the market</description><photo>1764331200123.jpg</photo><audio/><meta><instanceID>\(uuid)</instanceID></meta></data>
        """
    }

    /// As Collect posts it: `xml_submission_file` first, then each file under its own name.
    static func submission(_ xml: String, files: [(String, String, [UInt8])]) -> ByteBuffer {
        var b = ByteBuffer()
        b.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n\(xml)\r\n"
        )
        for (name, type, bytes) in files {
            b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n")
            b.writeBytes(bytes)
            b.writeString("\r\n")
        }
        b.writeString("--\(boundary)--\r\n")
        return b
    }

    static func headers(user: String? = "ama", password: String = "monitor-pass-2026") -> HTTPHeaders {
        var h = HTTPHeaders()
        h.add(name: "X-OpenRosa-Version", value: "1.0")
        h.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        if let user { h.basicAuthorization = BasicAuthorization(username: user, password: password) }
        return h
    }

    static func reports(_ app: Application) async throws -> [(id: String, channel: String, body: String, reference: String?)] {
        try await app.sql.select().columns("id", "channel", "body_code", "source_reference").from("reports").all().map {
            (
                try $0.decode(column: "id", as: String.self), try $0.decode(column: "channel", as: String.self),
                try $0.decode(column: "body_code", as: String.self), try $0.decode(column: "source_reference", as: String?.self)
            )
        }
    }

    @Test(arguments: Engine.available)
    func collectGetsTheFormAndSubmitsOnce(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            _ = try await AccessTests.makePerson(app, "ama", password: "monitor-pass-2026", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (_, token) = try await TestInstallation.person(app, "kofi", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))

            // No credentials: challenged for Basic, as Collect expects; a wrong password or key: challenged again.
            let bare = try await t.sendRequest(.GET, "/openrosa/formList")
            #expect(bare.status == .unauthorized && bare.headers.first(name: .wwwAuthenticate)?.hasPrefix("Basic") == true)
            #expect(bare.headers.first(name: "X-OpenRosa-Version") == "1.0")
            #expect(try await t.sendRequest(.GET, "/openrosa/formList", headers: Self.headers(password: "guess")).status == .unauthorized)
            #expect(try await t.sendRequest(.GET, "/openrosa/key/not-a-token/formList").status == .unauthorized)

            // The list, by password and by key: Agora's own form, its links leading back the same way.
            let list = try await t.sendRequest(.GET, "/openrosa/formList", headers: Self.headers())
            #expect(list.status == .ok, "\(list.body.string)")
            let entry = try #require(try XMLNode.parse(Data(list.body.string.utf8)).child("xform"))
            #expect(entry.child("formID")?.text == "agora-report" && entry.child("hash")?.text.hasPrefix("md5:") == true)
            let version = try #require(entry.child("version")?.text)
            let keyed = try await t.sendRequest(.GET, "/openrosa/key/\(token)/formList")
            #expect(keyed.status == .ok && keyed.body.string.contains("/openrosa/key/\(token)/forms/agora-report.xml"))

            // The form: the framework's indicators, the council's areas (not the world's), this version.
            let form = try await t.sendRequest(.GET, "/openrosa/forms/agora-report.xml", headers: Self.headers())
            #expect(form.status == .ok && Self.md5(form.body.string) == String(entry.child("hash")!.text.dropFirst(4)))
            let xform = try XMLNode.parse(Data(form.body.string.utf8))
            let body = try #require(xform.child("body"))
            let values = { (ref: String) in
                body.children.first { $0.attributes["ref"] == ref }?.all("item").compactMap { $0.child("value")?.text } ?? []
            }
            #expect(values("/data/indicators").contains("CS01") && values("/data/area").contains("GH1201"))
            #expect(!values("/data/area").contains("KEN") && !values("/data/area").contains("FRA"))
            #expect(form.body.string.contains("version=\"\(version)\""))
            #expect(try await t.sendRequest(.GET, "/openrosa/forms/agora-report/manifest", headers: Self.headers()).status == .ok)
            #expect(try await t.sendRequest(.GET, "/openrosa/forms/nothing.xml", headers: Self.headers()).status == .notFound)

            // Collect asks first, then sends the instance with its photo: 201, filed once with the council.
            let probe = try await t.sendRequest(.HEAD, "/openrosa/submission", headers: Self.headers())
            #expect(probe.status == .noContent && probe.headers.first(name: "X-OpenRosa-Accept-Content-Length") == "20971520")
            let payload = Self.submission(Self.instance(version: version), files: [("1764331200123.jpg", "image/jpeg", AttachmentTests.photo)])
            let sent = try await t.sendRequest(.POST, "/openrosa/submission", headers: Self.headers(), body: payload)
            #expect(sent.status == .created, "\(sent.body.string)")
            #expect(sent.body.string.contains("submit_success") && sent.body.string.contains("R-"))
            var stored = try await Self.reports(app)
            #expect(stored.count == 1 && stored[0].channel == "openrosa" && stored[0].body == "GH-DPC-BAWKU")
            #expect(stored[0].reference == "odk:5f0c1a2e-7d1b-4c33-9a8e-2b6f9c0d1e42")
            let photo = try await app.sql.select().column("data").from("report_attachments").where("report_id", .equal, stored[0].id).all()
            #expect(photo.count == 1)
            let bytes = try photo[0].decode(column: "data", as: Data.self)
            #expect(!String(decoding: bytes, as: UTF8.self).contains("GPS") && !String(decoding: bytes, as: UTF8.self).contains("Galaxy"))

            // Sent again (the answer was lost on the way back): 202, nothing stored twice — also by the other monitor's key.
            #expect(try await t.sendRequest(.POST, "/openrosa/submission", headers: Self.headers(), body: payload).status == .accepted)
            var keyHeaders = Self.headers(user: nil)
            keyHeaders.remove(name: .authorization)
            #expect(try await t.sendRequest(.POST, "/openrosa/key/\(token)/submission", headers: keyHeaders, body: payload).status == .accepted)
            stored = try await Self.reports(app)
            #expect(stored.count == 1)
            #expect(try await app.sql.select().column("id").from("report_attachments").all().count == 1)
        }
    }

    static func md5(_ s: String) -> String { OpenRosaController.md5(s) }

    @Test(arguments: Engine.available)
    func badSubmissionsAreRefusedWholeAndSaySo(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            _ = try await AccessTests.makePerson(app, "ama", password: "monitor-pass-2026", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            let list = try await t.sendRequest(.GET, "/openrosa/formList", headers: Self.headers())
            let version = try #require(try XMLNode.parse(Data(list.body.string.utf8)).child("xform")?.child("version")?.text)
            let photo = ("1764331200123.jpg", "image/jpeg", AttachmentTests.photo)
            func send(_ xml: String, _ files: [(String, String, [UInt8])] = [photo]) async throws -> TestingHTTPResponse {
                try await t.sendRequest(.POST, "/openrosa/submission", headers: Self.headers(), body: Self.submission(xml, files: files))
            }
            func uuid(_ n: Int) -> String { "uuid:00000000-0000-4000-8000-00000000000\(n)" }

            let never = try await send(Self.instance(version: "2019010101", uuid: uuid(1)))
            #expect(never.status == .conflict && never.body.string.contains("never served"), "\(never.body.string)")
            let unknownForm = try await send(
                Self.instance(version: version, uuid: uuid(2)).replacingOccurrences(of: "id=\"agora-report\"", with: "id=\"census\""))
            #expect(unknownForm.status == .notFound)
            let badIndicator = try await send(Self.instance(version: version, uuid: uuid(3), indicators: "CS01 ZZ99"))
            #expect(badIndicator.status == .unprocessableEntity && badIndicator.body.string.contains("ZZ99"), "\(badIndicator.body.string)")
            let missingPhoto = try await send(Self.instance(version: version, uuid: uuid(4)), [])
            #expect(missingPhoto.status == .unprocessableEntity && missingPhoto.body.string.contains("1764331200123.jpg"))
            let notAPhoto = try await send(
                Self.instance(version: version, uuid: uuid(5)), [("1764331200123.jpg", "image/jpeg", Array("#!/bin/sh\nrm -rf /".utf8))])
            #expect(notAPhoto.status == .unprocessableEntity && notAPhoto.body.string.contains("photo"), "\(notAPhoto.body.string)")
            let tooBig = try await send(
                Self.instance(version: version, uuid: uuid(6)),
                [("1764331200123.jpg", "image/jpeg", AttachmentTests.photo + [UInt8](repeating: 0, count: 5 << 20))])
            #expect(tooBig.status == .unprocessableEntity, "\(tooBig.body.string)")
            let broken = try await send("<data id=\"agora-report\"><indicators>CS01")
            #expect(broken.status == .unprocessableEntity)
            let unknownArea = try await send(Self.instance(version: version, uuid: uuid(7), area: "GH9999"))
            #expect(unknownArea.status == .unprocessableEntity && unknownArea.body.string.contains("GH9999"))
            #expect(try await Self.reports(app).isEmpty)
            #expect(try await app.sql.select().column("id").from("report_attachments").all().isEmpty)
        }
    }
}

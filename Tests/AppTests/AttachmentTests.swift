import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Photos and recordings of reports, through the phone form and the API, on both engines.
@Suite struct AttachmentTests {
    static func segment(_ marker: UInt8, _ payload: String) -> [UInt8] {
        let p = Array(payload.utf8)
        return [0xFF, marker, UInt8((p.count + 2) >> 8), UInt8((p.count + 2) & 0xFF)] + p
    }
    /// A JPEG as a phone's camera writes it: where, and with which device.
    static let photo: [UInt8] =
        [0xFF, 0xD8] + segment(0xE0, "JFIF\0") + segment(0xE1, "Exif\0\0GPS 11.0601N 0.2412W Galaxy A03 serial R58T") + segment(0xDB, "Q")
        + segment(0xDA, "S") + Array("image".utf8) + [0xFF, 0xD9]
    static let recording: [UInt8] = Array("OggS\0recording of the meeting".utf8)

    static func multipart(_ fields: [String: String], files: [(String, [UInt8])], boundary: String = "agora-test-7d1") -> ByteBuffer {
        var b = ByteBuffer()
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        for (name, bytes) in files {
            b.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"f\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            b.writeBytes(bytes)
            b.writeString("\r\n")
        }
        b.writeString("--\(boundary)--\r\n")
        return b
    }

    @Test(arguments: Engine.available)
    func filesArriveWithoutMetadataAndOnlyReadersGetThem(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await ReportTests.seed(app)
            _ = try await AccessTests.makePerson(app, "abena", password: "a phone password", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let (_, analyst) = try await TestInstallation.person(app, "analyst.bawku", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .analyst)])
            let (_, outsider) = try await TestInstallation.person(app, "monitor.tamale", roles: [RoleGrant(body: "GH-DPC-TAMALE", role: .monitor)])
            let t = try app.testing()
            let (cookie, csrf) = try await ReportFormTests.signIn(app, "abena", "a phone password")
            var h = HTTPHeaders()
            h.cookie = cookie
            h.contentType = HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": "agora-test-7d1"])
            let page = try await t.sendRequest(.GET, "/report", headers: h)
            #expect(page.body.string.contains("enctype=\"multipart/form-data\"") && page.body.string.contains("name=\"photo\""))
            let fields = [
                "_csrf": csrf, "indicator.NR01": "on", "description": "Herders and farmers met at the well", "occurredOn": "2026-11-25",
                "area": "GH1201",
            ]
            // Something that is not a photo: the form comes back naming the field, and nothing is stored.
            let bad = try await t.sendRequest(
                .POST, "/report", headers: h, body: Self.multipart(fields, files: [("photo", Array("<svg onload=alert(1)>".utf8))]))
            #expect(bad.status == .ok && bad.body.string.contains("id=\"error-photo\"") && bad.body.string.contains("send a JPEG or PNG photo"))
            #expect(try await app.sql.select().column("id").from("reports").all().isEmpty)

            let good = try await t.sendRequest(
                .POST, "/report", headers: h, body: Self.multipart(fields, files: [("photo", Self.photo), ("audio", Self.recording), ("photo", [])]))
            #expect(good.status == .created)
            let id = try #require(try await app.sql.select().column("id").from("reports").first()?.decode(column: "id", as: String.self))
            let rows = try await app.sql.select().columns("kind", "data").from("report_attachments").orderBy("kind").all()
            #expect(rows.count == 2)  // the empty file input added nothing
            let stored = try rows.map { try $0.decode(column: "data", as: Data.self) }
            #expect(!String(decoding: stored[1], as: UTF8.self).contains("GPS") && !String(decoding: stored[1], as: UTF8.self).contains("Galaxy"))
            #expect(stored[0] == Data(Self.recording))

            // The analyst of the body lists and opens them; private, never cached, never sniffed.
            let list = try await t.sendRequest(.GET, "/api/v1/reports/\(id)/attachments", headers: .bearer(analyst))
            let items = try JSONDecoder().decode([AttachmentView].self, from: Data(buffer: list.body))
            #expect(items.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.audio, .photo])
            let photo = try #require(items.first { $0.kind == .photo })
            let file = try await t.sendRequest(.GET, "/api/v1/reports/\(id)/attachments/\(photo.id)", headers: .bearer(analyst))
            #expect(file.status == .ok && file.headers.contentType?.description == "image/jpeg" && Data(buffer: file.body) == stored[1])
            #expect(file.headers.first(name: .cacheControl) == "private, no-store" && file.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let review = try await t.sendRequest(.GET, "/reports/\(id)", headers: .bearer(analyst))
            #expect(review.body.string.contains("<img src=\"/api/v1/reports/\(id)/attachments/\(photo.id)\""))
            #expect(review.body.string.contains("<audio controls"))

            // Who cannot read the report learns nothing of its files, not even that they exist.
            for headers in [HTTPHeaders.bearer(outsider), HTTPHeaders()] {
                #expect(try await t.sendRequest(.GET, "/api/v1/reports/\(id)/attachments", headers: headers).status == .notFound)
                #expect(try await t.sendRequest(.GET, "/api/v1/reports/\(id)/attachments/\(photo.id)", headers: headers).status == .notFound)
                #expect(
                    try await t.sendRequest(.POST, "/api/v1/reports/\(id)/attachments", headers: headers, body: .init(bytes: Self.photo)).status.code
                        >= 400)
            }

            // More through the API, within the limit of three photos and one recording.
            var raw = HTTPHeaders.bearer(analyst)
            raw.contentType = .binary
            for n in 2...3 {
                let r = try await t.sendRequest(.POST, "/api/v1/reports/\(id)/attachments", headers: raw, body: .init(bytes: Self.photo))
                #expect(r.status == .created, "photo \(n)")
            }
            let fourth = try await t.sendRequest(.POST, "/api/v1/reports/\(id)/attachments", headers: raw, body: .init(bytes: Self.photo))
            #expect(fourth.status == .unprocessableEntity && fourth.body.string.contains("at most 3 photos"))
            let second = try await t.sendRequest(.POST, "/api/v1/reports/\(id)/attachments", headers: raw, body: .init(bytes: Self.recording))
            #expect(second.status == .unprocessableEntity && second.body.string.contains("at most one recording"))
            let svg = try await t.sendRequest(.POST, "/api/v1/reports/\(id)/attachments", headers: raw, body: .init(string: "<svg/>"))
            #expect(svg.status == .unprocessableEntity && svg.body.string.contains("\"field\":\"body\""))
            #expect(try await app.sql.select().column("id").from("report_attachments").all().count == 4)
            // Each is on the record, by its digest.
            let audited = try await app.sql.select().column("seq").from("audit_log").where("action", .equal, "attach").all()
            #expect(audited.count == 4)
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

@testable import App

/// An XLSForm uploaded with its mapping, offered to Collect, and its submissions filed as reports; a new version
/// published while phones still hold the old one; bad workbooks and mappings refused whole. Both engines.
@Suite struct XLSFormTests {
    /// A workbook as a spreadsheet program saves it (inline strings; enough for any XLSX reader).
    static func xlsx(_ sheets: [(String, [[String]])]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        let e = Markup.escape
        try add(
            "[Content_Types].xml",
            #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
        )
        try add(
            "xl/workbook.xml",
            #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
                + sheets.enumerated().map { #"<sheet name="\#(e($0.element.0))" sheetId="\#($0.offset + 1)" r:id="rId\#($0.offset + 1)"/>"# }.joined()
                + "</sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
                + "</Relationships>")
        for (i, (_, rows)) in sheets.enumerated() {
            let body = rows.enumerated().map { r, cells in
                "<row r=\"\(r + 1)\">"
                    + cells.enumerated().map { c, v in
                        "<c r=\"\(String(UnicodeScalar(65 + c)!))\(r + 1)\" t=\"inlineStr\"><is><t>\(e(v))</t></is></c>"
                    }.joined() + "</row>"
            }.joined()
            try add(
                "xl/worksheets/sheet\(i + 1).xml",
                #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + body
                    + "</sheetData></worksheet>")
        }
        return archive.data!
    }

    static func form(version: String, extra: [[String]] = []) throws -> Data {
        try xlsx([
            (
                "survey",
                [
                    ["type", "name", "label", "required"], ["select_multiple threats", "threat", "What threatens the peace?", "yes"],
                    ["select_one places", "place", "Where?", "yes"], ["date", "day", "When?", "yes"], ["integer", "killed", "Killed", ""],
                    ["text", "story", "What happened?", "yes"], ["image", "picture", "A photo", ""],
                ] + extra
            ),
            (
                "choices",
                [
                    ["list_name", "name", "label"], ["threats", "cattle", "Cattle rustling"], ["threats", "clash", "Clash"],
                    ["threats", "other", "Other"],
                    ["places", "bawku", "Bawku"], ["places", "pusiga", "Pusiga"],
                ]
            ),
            ("settings", [["form_id", "form_title", "version"], ["wanep_incident", "WANEP incident", version]]),
        ])
    }

    static let mapping = """
        {"uuid": "meta/instanceID", "indicators": {"field": "threat", "values": {"cattle": "CS04", "clash": "CS05", "other": ""}},
         "area": {"field": "place", "values": {"bawku": "GH1201", "pusiga": "GH1202"}}, "occurredOn": "day", "killed": "killed",
         "description": ["story"], "photo": "picture"}
        """

    static func upload(_ t: any TestingApplicationTester, token: String, xlsx: Data, mapping: String = mapping, body: String? = "GH-DPC-BAWKU")
        async throws -> TestingHTTPResponse
    {
        let boundary = "xlsform-boundary-42"
        var b = ByteBuffer()
        var fields = ["mapping": mapping]
        if let body { fields["body"] = body }
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"xlsform\"; filename=\"incident.xlsx\"\r\n\r\n")
        b.writeBytes(xlsx)
        b.writeString("\r\n--\(boundary)--\r\n")
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: token)
        h.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await t.sendRequest(.POST, "/api/v1/forms", headers: h, body: b)
    }

    static func instance(version: String, uuid: String, threat: String = "cattle clash") -> String {
        """
        <?xml version='1.0' ?><data id="wanep_incident" version="\(version)"><threat>\(threat)</threat><place>pusiga</place><day>2026-11-27</day><killed>1</killed><story>Herders and farmers fought near the river</story><picture/><meta><instanceID>\(uuid)</instanceID></meta></data>
        """
    }

    @Test(arguments: Engine.available)
    func anUploadedFormIsOfferedAndItsSubmissionsFiled(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let coordinator = try await TestInstallation.person(app, "abena", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .coordinator)])
            let monitor = try await TestInstallation.person(app, "kojo", roles: [RoleGrant(body: "GH-DPC-BAWKU", role: .monitor)])
            let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))

            // A monitor may not publish; a coordinator of the body may.
            #expect(try await Self.upload(t, token: monitor.token, xlsx: try Self.form(version: "1")).status == .forbidden)
            let up = try await Self.upload(t, token: coordinator.token, xlsx: try Self.form(version: "1"))
            #expect(up.status == .created, "\(up.body.string)")

            // Offered to Collect beside Agora's own form.
            let list = try await t.sendRequest(.GET, "/openrosa/key/\(monitor.token)/formList")
            #expect(list.body.string.contains("<formID>wanep_incident</formID>") && list.body.string.contains("<formID>agora-report</formID>"))
            let xform = try await t.sendRequest(.GET, "/openrosa/key/\(monitor.token)/forms/wanep_incident.xml")
            #expect(xform.status == .ok && xform.body.string.contains("Cattle rustling"))

            func submit(_ xml: String) async throws -> TestingHTTPResponse {
                var h = HTTPHeaders()
                h.add(name: .contentType, value: "multipart/form-data; boundary=\(OpenRosaTests.boundary)")
                return try await t.sendRequest(
                    .POST, "/openrosa/key/\(monitor.token)/submission", headers: h, body: OpenRosaTests.submission(xml, files: []))
            }
            #expect(try await submit(Self.instance(version: "1", uuid: "uuid:aaaaaaaa-0000-4000-8000-000000000001")).status == .created)

            // Version 2 is published; a phone still holding version 1 sends one more: read with version 1's mapping.
            #expect(
                try await Self.upload(t, token: coordinator.token, xlsx: try Self.form(version: "2", extra: [["text", "actors", "Who?", ""]])).status
                    == .created)
            #expect(try await submit(Self.instance(version: "1", uuid: "uuid:aaaaaaaa-0000-4000-8000-000000000002")).status == .created)
            // The same version with other content is refused: its submissions would be read wrongly.
            let clash = try await Self.upload(t, token: coordinator.token, xlsx: try Self.form(version: "2"))
            #expect(clash.status == .conflict, "\(clash.body.string)")
            // A choice the mapping leaves out of the indicators still files with the others; one it does not know is named.
            let unknown = try await submit(Self.instance(version: "2", uuid: "uuid:aaaaaaaa-0000-4000-8000-000000000003", threat: "cattle floods"))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("floods"))

            let rows = try await app.sql.select().columns("channel", "body_code", "area_code", "fatalities").from("reports").all()
            #expect(rows.count == 2)
            #expect(
                try rows.allSatisfy {
                    try $0.decode(column: "channel", as: String.self) == "openrosa" && $0.decode(column: "area_code", as: String.self) == "GH1202"
                })

            // Withdrawn: no longer offered (submissions from phones holding it still arrive).
            var h = HTTPHeaders()
            h.bearerAuthorization = BearerAuthorization(token: coordinator.token)
            #expect(try await t.sendRequest(.DELETE, "/api/v1/forms/wanep_incident", headers: h).status == .noContent)
            #expect(!(try await t.sendRequest(.GET, "/openrosa/key/\(monitor.token)/formList").body.string.contains("wanep_incident")))
            #expect(try await submit(Self.instance(version: "2", uuid: "uuid:aaaaaaaa-0000-4000-8000-000000000004")).status == .created)
        }
    }

    @Test(arguments: Engine.available)
    func badWorkbooksAndMappingsAreRefusedWhole(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let admin = try await TestInstallation.person(app, "root", admin: true)
            let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            let notZip = try await Self.upload(t, token: admin.token, xlsx: Data("type,name\ntext,x\n".utf8))
            #expect(notZip.status == .unprocessableEntity && notZip.body.string.contains("XLSX"))
            let repeatRow = try await Self.upload(
                t, token: admin.token, xlsx: try Self.form(version: "1", extra: [["begin repeat", "people", "People", ""]]))
            #expect(repeatRow.status == .unprocessableEntity && repeatRow.body.string.contains("survey row 8.type"), "\(repeatRow.body.string)")
            let wrongCode = try await Self.upload(
                t, token: admin.token, xlsx: try Self.form(version: "1"), mapping: Self.mapping.replacingOccurrences(of: "CS04", with: "ZZ01"))
            #expect(wrongCode.status == .unprocessableEntity && wrongCode.body.string.contains("ZZ01"))
            let noQuestion = try await Self.upload(
                t, token: admin.token, xlsx: try Self.form(version: "1"),
                mapping: Self.mapping.replacingOccurrences(of: "\"killed\": \"killed\"", with: "\"killed\": \"dead\""))
            #expect(noQuestion.status == .unprocessableEntity && noQuestion.body.string.contains("dead"))
            var h = HTTPHeaders()
            h.bearerAuthorization = BearerAuthorization(token: admin.token)
            let listed = try await t.sendRequest(.GET, "/api/v1/forms", headers: h)
            #expect(listed.status == .ok && !listed.body.string.contains("wanep_incident"))
            #expect(try await app.sql.select().column("form_id").from("openrosa_forms").where("source", .equal, "xlsform").all().isEmpty)
        }
    }

    /// The administration page: the forms on offer, and the upload without the API (multipart, with the session's CSRF token).
    @Test(arguments: Engine.available)
    func anAdministratorPublishesAFormFromThePage(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await TestInstallation.demoInstitutions(app)
            let hash = try await Passwords.hash("an admin password", on: app)
            _ = try await PeopleStore(sql: app.sql).create(
                username: "root", displayName: "Root", passwordHash: hash, installationAdmin: true, actor: "test")
            let (cookie, csrf) = try await ReportFormTests.signIn(app, "root", "an admin password")
            let t = try app.testing()
            func post(_ mapping: String) async throws -> TestingHTTPResponse {
                let boundary = "admin-form-boundary"
                var b = ByteBuffer()
                for (k, v) in [("_csrf", csrf), ("mapping", mapping), ("body", "GH-DPC-BAWKU")] {
                    b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
                }
                b.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"xlsform\"; filename=\"incident.xlsx\"\r\n\r\n")
                b.writeBytes(try Self.form(version: "7"))
                b.writeString("\r\n--\(boundary)--\r\n")
                var h = HTTPHeaders()
                h.cookie = cookie
                h.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                return try await t.sendRequest(.POST, "/admin/forms", headers: h, body: b)
            }
            // A wrong mapping: back to the page with the reason, nothing published.
            let bad = try await post(Self.mapping.replacingOccurrences(of: "\"occurredOn\": \"day\"", with: "\"occurredOn\": \"when\""))
            #expect(bad.status == .seeOther && bad.headers.first(name: .location)?.contains("error=") == true)
            #expect(try await OpenRosaFormStore(sql: app.sql).current().isEmpty)
            let ok = try await post(Self.mapping)
            #expect(ok.headers.first(name: .location) == "/admin?notice=formPublished", "\(ok.headers)")
            var h = HTTPHeaders()
            h.cookie = cookie
            let page = try await t.sendRequest(.GET, "/admin", headers: h)
            #expect(page.status == .ok && page.body.string.contains("wanep_incident") && page.body.string.contains("WANEP incident"))
            #expect(try await OpenRosaFormStore(sql: app.sql).current().map(\.version) == ["7"])
        }
    }
}

import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Inbound SMS over real HTTP on loopback, on both engines, one recorded payload per gateway format: authenticated, idempotent on the
/// message id, the sender recognised by the keyed hash of the number, the report filed through the web form's intake
/// with channel `sms`, and a reply in the gateway's format that fits one SMS.
@Suite struct SMSChannelTests {
    static let secret = "gateway-shared-secret"
    static let twilioToken = "twilio-auth-token"
    static let publicURL = "https://agora.example"

    static func adjust(_ s: inout AgoraSettings) {
        s.smsSecret = secret
        s.twilioAuthToken = twilioToken
        s.publicURL = publicURL
    }

    static func post(_ t: any TestingApplicationTester, _ path: String, form: [(String, String)], headers extra: HTTPHeaders = [:]) async throws
        -> TestingHTTPResponse
    {
        var headers = extra
        headers.contentType = .urlEncodedForm
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return try await t.sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    static func reports(_ app: Application) async throws -> [(channel: String, kind: String, reporter: String?, body: String, killed: Int?)] {
        try await app.sql.select().columns("channel", "source_kind", "reporter_id", "body_code", "fatalities").from("reports").all().map {
            (
                try $0.decode(column: "channel", as: String.self), try $0.decode(column: "source_kind", as: String.self),
                try $0.decode(column: "reporter_id", as: String?.self), try $0.decode(column: "body_code", as: String.self),
                try $0.decode(column: "fatalities", as: Int?.self)
            )
        }
    }

    @Test(arguments: Engine.available)
    func eachGatewayFilesThroughTheSameIntakeOnceAndReplies(engine: Engine) async throws {
        try await TestInstallation.run(engine, settings: Self.adjust) { app in
            try await TestInstallation.demoInstitutions(app)
            let reporter = try await app.write { [vault = try app.vault] tx in
                try await ReporterStore(sql: tx).create(
                    pseudonym: "R-BAWKU-7", body: "GH-DPC-BAWKU", contact: ContactDetails(phone: "+233 24 412 3456"), vault: vault, actor: "test")
            }
            let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            var json = HTTPHeaders()
            json.contentType = .json
            let generic = #"{"from":"00233244123456","text":"R CS01 GH1201 K1 I2 market clash","id":"m-1"}"#

            // Unsigned, or with a wrong secret: 401 and nothing kept.
            #expect(
                try await t.sendRequest(.POST, "/api/v1/channels/sms/generic", headers: json, body: ByteBuffer(string: generic)).status
                    == .unauthorized)
            var wrong = json
            wrong.add(name: "X-Agora-Secret", value: "guess")
            #expect(
                try await t.sendRequest(.POST, "/api/v1/channels/sms/generic", headers: wrong, body: ByteBuffer(string: generic)).status
                    == .unauthorized)
            #expect(try await Self.reports(app).isEmpty)
            #expect(try await app.sql.select().column("message_id").from("inbound_messages").all().isEmpty)

            // Generic JSON: filed with the reporter's council, channel sms; the same message again is answered again, not stored again.
            var signed = json
            signed.add(name: "X-Agora-Secret", value: Self.secret)
            let first = try await t.sendRequest(.POST, "/api/v1/channels/sms/generic", headers: signed, body: ByteBuffer(string: generic))
            #expect(first.status == .ok, "\(first.body.string)")
            let reply = try object(first)
            let reference = try #require(reply["reference"] as? String)
            #expect(reference.hasPrefix("R-") && (reply["reply"] as? String)?.contains(reference) == true)
            let again = try await t.sendRequest(.POST, "/api/v1/channels/sms/generic", headers: signed, body: ByteBuffer(string: generic))
            #expect(try object(again)["reply"] as? String == reply["reply"] as? String)
            var stored = try await Self.reports(app)
            #expect(stored.count == 1)
            let one = try #require(stored.first)
            #expect(one.channel == "sms" && one.kind == "reporter" && one.reporter == reporter.id && one.body == "GH-DPC-BAWKU" && one.killed == 1)

            // Africa's Talking (form fields, the secret in the URL), in French: confirmed in French.
            let at = try await Self.post(
                t, "/api/v1/channels/sms/africastalking?secret=\(Self.secret)",
                form: [
                    ("from", "+233244123456"), ("to", "21555"), ("text", "RAPPORT cs01  gh1201 T0 B1 bagarre au marché"),
                    ("date", "2026-11-30 10:00:00"), ("id", "ATXid_1"),
                ])
            #expect(at.status == .ok && at.body.string.hasPrefix("Merci.") && at.body.string.count <= 160, "\(at.body.string)")

            // Twilio: its signature over the public URL and the sorted fields; a wrong one is refused.
            let form = [("From", "+233244123456"), ("Body", "R XX99 GH1201 clash"), ("MessageSid", "SM0001"), ("To", "+15005550006")]
            let url = Self.publicURL + "/api/v1/channels/sms/twilio"
            var twilio = HTTPHeaders()
            twilio.add(name: "X-Twilio-Signature", value: TwilioSignature.expected(url: url, params: form, authToken: Self.twilioToken))
            let tw = try await Self.post(t, "/api/v1/channels/sms/twilio", form: form, headers: twilio)
            #expect(tw.status == .ok && tw.headers.contentType == .xml, "\(tw.body.string)")
            #expect(tw.body.string.contains("<Response><Message>Unknown indicator: XX99."), "\(tw.body.string)")
            var forged = HTTPHeaders()
            forged.add(name: "X-Twilio-Signature", value: TwilioSignature.expected(url: url, params: form, authToken: "other"))
            #expect(try await Self.post(t, "/api/v1/channels/sms/twilio", form: form, headers: forged).status == .unauthorized)

            // RapidPro: an unknown place; the reply says so; nothing filed.
            let rp = try await Self.post(
                t, "/api/v1/channels/sms/rapidpro?secret=\(Self.secret)",
                form: [("from", "+233244123456"), ("text", "R CS01 Nowhereville clash"), ("channel", "c-1")])
            #expect((try object(rp)["reply"] as? String)?.hasPrefix("Unknown place: Nowhereville.") == true, "\(rp.body.string)")

            // A number nobody registered: told so, nothing filed.
            let stranger = try await t.sendRequest(
                .POST, "/api/v1/channels/sms/generic", headers: signed,
                body: ByteBuffer(string: #"{"from":"+233209999999","text":"R CS01 GH1201 fight","id":"m-9"}"#))
            #expect((try object(stranger)["reply"] as? String)?.contains("not registered") == true)
            // A message without its text: 422 naming the field.
            let bare = try await t.sendRequest(
                .POST, "/api/v1/channels/sms/generic", headers: signed, body: ByteBuffer(string: #"{"from":"+233244123456"}"#))
            #expect(bare.status == .unprocessableEntity && bare.body.string.contains("text"))

            stored = try await Self.reports(app)
            #expect(stored.count == 2 && stored.allSatisfy { $0.channel == "sms" })
            #expect(try await app.sql.select().column("message_id").from("inbound_messages").all().count == 5)
            // The number itself is nowhere in the store.
            for table in ["inbound_messages", "reporters", "audit_log"] {
                let rows = try await app.sql.raw("SELECT * FROM \(ident: table)").all()
                for r in rows {
                    for c in r.allColumns {
                        let v = (try? r.decode(column: c, as: String?.self)) ?? nil
                        #expect(!(v ?? "").contains("244123456"), "\(table).\(c) holds the number")
                    }
                }
            }
        }
    }

    @Test(arguments: Engine.available)
    func aUSSDSessionFilesOnce(engine: Engine) async throws {
        try await TestInstallation.run(engine, settings: Self.adjust) { app in
            try await TestInstallation.demoInstitutions(app)
            _ = try await app.write { [vault = try app.vault] tx in
                try await ReporterStore(sql: tx).create(
                    pseudonym: "R-BAWKU-8", body: "GH-DPC-BAWKU", contact: ContactDetails(phone: "+233 24 412 3456"), vault: vault, actor: "test")
            }
            let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            func dial(_ text: String, phone: String = "+233244123456", secret: String = Self.secret, session: String = "ATUid_s1") async throws
                -> TestingHTTPResponse
            {
                try await Self.post(
                    t, "/api/v1/channels/ussd?secret=\(secret)",
                    form: [("sessionId", session), ("serviceCode", "*384*77#"), ("phoneNumber", phone), ("text", text)])
            }
            #expect(try await dial("", secret: "guess").status == .unauthorized)
            var last = ""
            for text in ["", "1", "1*1", "1*1*GH1201", "1*1*GH1201*0", "1*1*GH1201*0*2"] {
                let r = try await dial(text)
                last = r.body.string
                #expect(r.status == .ok && last.hasPrefix("CON ") && last.count <= 182, "\(text): \(last)")
            }
            #expect(last.contains("0 killed, 2 injured"))
            let sent = try await dial("1*1*GH1201*0*2*1")
            #expect(sent.body.string.hasPrefix("END Thank you.") && sent.body.string.contains("R-"), "\(sent.body.string)")
            #expect(try await dial("1*1*GH1201*0*2*1").body.string == sent.body.string, "the gateway's retry: the same answer")
            let stored = try await Self.reports(app)
            #expect(stored.count == 1 && stored[0].channel == "ussd" && stored[0].kind == "reporter")
            #expect(try await dial("", phone: "+233209999999", session: "ATUid_s2").body.string.hasPrefix("END This number is not registered"))
        }
    }
}

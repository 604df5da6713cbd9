import AgoraCore
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// Africa's Talking replies through its SMS API, against a stand-in for that API on loopback: queued with the inbound
/// message, the number sealed, sent with the account's key, erased once sent or given up on. Both engines.
@Suite struct OutboundSMSTests {
    /// What the stand-in received, and the status code it answers with next.
    final class Received: Sendable {
        let posts = NIOLockedValueBox<[(apiKey: String?, form: [String: String])]>([])
        let status = NIOLockedValueBox(101)
    }

    static func standIn(_ received: Received) async throws -> (Application, Int) {
        let fake = try await Application.make(.testing)
        fake.post("version1", "messaging") { req -> Response in
            let form = SMSController.decodeForm(req.body.string ?? "")
            received.posts.withLockedValue { $0.append((req.headers.first(name: "apiKey"), form)) }
            let code = received.status.withLockedValue { $0 }
            let status = code == 101 ? "Success" : "InvalidPhoneNumber"
            var h = HTTPHeaders()
            h.contentType = .json
            return Response(
                status: .created, headers: h,
                body: .init(
                    string:
                        #"{"SMSMessageData":{"Message":"Sent to 1/1","Recipients":[{"statusCode":\#(code),"number":"\#(form["to"] ?? "")","status":"\#(status)","cost":"KES 0.8000","messageId":"ATXid_9"}]}}"#
                ))
        }
        try await fake.server.start(address: .hostname("127.0.0.1", port: 0))
        return (fake, fake.http.server.shared.localAddress!.port!)
    }

    @Test(arguments: Engine.available)
    func repliesGoOutThroughTheAPIAndTheNumberIsErased(engine: Engine) async throws {
        let received = Received()
        let (fake, port) = try await Self.standIn(received)
        let settings: (inout AgoraSettings) -> Void = {
            SMSChannelTests.adjust(&$0)
            $0.retryBaseSeconds = 0
            $0.africasTalking = AfricasTalkingAccount(
                username: "sandbox", apiKey: "at-key", sender: "AGORA", url: "http://127.0.0.1:\(port)/version1/messaging")
        }
        // The stand-in stops whether or not the checks pass.
        do {
            try await TestInstallation.run(engine, settings: settings) { app in
                try await TestInstallation.demoInstitutions(app)
                _ = try await app.write { [vault = try app.vault] tx in
                    try await ReporterStore(sql: tx).create(
                        pseudonym: "R-BAWKU-7", body: "GH-DPC-BAWKU", contact: ContactDetails(phone: "+233 24 412 3456"), vault: vault, actor: "test")
                }
                let t = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
                let at = try await SMSChannelTests.post(
                    t, "/api/v1/channels/sms/africastalking?secret=\(SMSChannelTests.secret)",
                    form: [("from", "+233244123456"), ("to", "21555"), ("text", "R CS01 GH1201 K0 I1 market clash"), ("id", "ATXid_1")])
                #expect(at.status == .ok)
                // Queued with the message, the number sealed (not in clear anywhere in the row).
                let queued = try await app.sql.select().columns("to_sealed", "message", "status").from("outbound_sms").all()
                #expect(queued.count == 1)
                let sealed = try queued[0].decode(column: "to_sealed", as: String?.self) ?? ""
                #expect(!sealed.isEmpty && !sealed.contains("244123456"))

                #expect(try await OutboundSMSWorker(app: app).sendDue() == (1, 0))
                let posts = received.posts.withLockedValue { $0 }
                #expect(posts.count == 1 && posts[0].apiKey == "at-key")
                #expect(posts[0].form["username"] == "sandbox" && posts[0].form["to"] == "+233244123456" && posts[0].form["from"] == "AGORA")
                #expect(posts[0].form["message"]?.hasPrefix("Thank you. Report received, reference R-") == true)
                let sent = try await app.sql.select().columns("to_sealed", "status", "detail").from("outbound_sms").all()
                #expect(
                    try sent[0].decode(column: "status", as: String.self) == "sent" && sent[0].decode(column: "to_sealed", as: String?.self) == nil)
                // The same message again (the gateway retrying): answered again, nothing queued again.
                _ = try await SMSChannelTests.post(
                    t, "/api/v1/channels/sms/africastalking?secret=\(SMSChannelTests.secret)",
                    form: [("from", "+233244123456"), ("to", "21555"), ("text", "R CS01 GH1201 K0 I1 market clash"), ("id", "ATXid_1")])
                #expect(try await app.sql.select().column("id").from("outbound_sms").all().count == 1)

                // The API refuses the number: retried, then given up on, the number erased all the same.
                received.status.withLockedValue { $0 = 403 }
                _ = try await SMSChannelTests.post(
                    t, "/api/v1/channels/sms/africastalking?secret=\(SMSChannelTests.secret)",
                    form: [("from", "+233 20 999 0000"), ("to", "21555"), ("text", "R CS01 GH1201"), ("id", "ATXid_2")])
                for _ in 0..<6 { try await OutboundSMSWorker(app: app).sendDue() }
                let failed = try await app.sql.select().columns("to_sealed", "status", "attempts", "detail").from("outbound_sms")
                    .where("status", .notEqual, "sent").all()
                #expect(failed.count == 1)
                #expect(
                    try failed[0].decode(column: "status", as: String.self) == "failed" && failed[0].decode(column: "attempts", as: Int.self) == 6)
                #expect(try failed[0].decode(column: "to_sealed", as: String?.self) == nil)
                #expect(try failed[0].decode(column: "detail", as: String.self).contains("403 InvalidPhoneNumber"))
                #expect(try await OutboundSMSWorker(app: app).sendDue() == (0, 0))
            }
        } catch {
            await fake.server.shutdown()
            try await fake.asyncShutdown()
            throw error
        }
        await fake.server.shutdown()
        try await fake.asyncShutdown()
    }
}

import AgoraCore
import Foundation
import SQLKit

/// Gateway messages by their id: a replay is answered with the first reply and stores nothing. The sender is kept
/// as the keyed hash of the number only.
struct InboundMessageStore: Sendable {
    let sql: any SQLDatabase

    func reply(gateway: String, messageID: String) async throws -> (reply: String, report: String?)? {
        guard
            let r = try await sql.select().columns("reply", "report_id").from("inbound_messages").where("gateway", .equal, gateway)
                .where("message_id", .equal, messageID).first()
        else { return nil }
        return (try r.decode(column: "reply", as: String.self), try r.decode(column: "report_id", as: String?.self))
    }

    /// A reply to send through the gateway's API: the outbound row's id and the number sealed to it.
    struct ReplyTo: Sendable {
        var id: String
        var sealedNumber: String
    }

    /// The message and, for a gateway that does not send the webhook's answer, its reply queued in the same transaction.
    func record(gateway: String, messageID: String, senderKey: String, report: String?, reply: String, replyTo: ReplyTo? = nil) async throws {
        try await sql.insert(into: "inbound_messages").columns("gateway", "message_id", "received_at", "sender_key", "report_id", "reply")
            .values(SQLBind(gateway), SQLBind(messageID), SQLBind(Timestamp.now()), SQLBind(senderKey), SQLBind(report), SQLBind(reply)).run()
        if let replyTo {
            try await OutboundSMSStore(sql: sql).enqueue(id: replyTo.id, gateway: gateway, toSealed: replyTo.sealedNumber, message: reply)
        }
    }
}

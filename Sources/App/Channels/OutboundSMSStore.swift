import AgoraCore
import Foundation
import SQLKit

/// An SMS waiting to go out: its number still sealed (see `CreateOutboundSMS`).
struct OutboundSMS: Sendable, Equatable {
    var id: String
    var gateway: String
    var toSealed: String
    var message: String
    var attempts: Int
}

/// The replies that go out through a gateway's API, retried with doubling back-off.
struct OutboundSMSStore: Sendable {
    let sql: any SQLDatabase

    /// In the caller's transaction (with the inbound message it answers).
    func enqueue(id: String, gateway: String, toSealed: String, message: String) async throws {
        let now = Timestamp.now()
        try await sql.insert(into: "outbound_sms").columns("id", "gateway", "to_sealed", "message", "created_at", "status", "attempts", "next_at")
            .values(SQLBind(id), SQLBind(gateway), SQLBind(toSealed), SQLBind(message), SQLBind(now), SQLBind("pending"), SQLBind(0), SQLBind(now))
            .run()
    }

    func due(limit: Int) async throws -> [OutboundSMS] {
        try await sql.select().columns("id", "gateway", "to_sealed", "message", "attempts").from("outbound_sms").where("status", .equal, "pending")
            .where("next_at", .lessThanOrEqual, Timestamp.now()).orderBy("next_at").limit(limit).all().map {
                OutboundSMS(
                    id: try $0.decode(column: "id", as: String.self), gateway: try $0.decode(column: "gateway", as: String.self),
                    toSealed: try $0.decode(column: "to_sealed", as: String?.self) ?? "", message: try $0.decode(column: "message", as: String.self),
                    attempts: try $0.decode(column: "attempts", as: Int.self))
            }
    }

    /// Sent, or given up on: the number is erased either way; otherwise the next try is set.
    func record(_ id: String, attempts: Int, sent: Bool, giveUp: Bool, detail: String, retryAt: String?) async throws {
        var q = sql.update("outbound_sms").set("attempts", to: attempts).set("detail", to: String(detail.prefix(300)))
        if sent || giveUp {
            q = q.set("status", to: sent ? "sent" : "failed").set(SQLColumn("to_sealed"), to: SQLLiteral.null)
            if sent { q = q.set("sent_at", to: Timestamp.now()) }
        } else if let retryAt {
            q = q.set("next_at", to: retryAt)
        }
        try await q.where("id", .equal, id).run()
    }

    /// Counts by status, for operators.
    func counts() async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for r in try await sql.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("outbound_sms")
            .groupBy("status").all()
        {
            out[try r.decode(column: "status", as: String.self)] = try r.decode(column: "n", as: Int.self)
        }
        return out
    }
}

import AgoraCore
import Foundation
import Vapor

/// A report from a registered reporter by phone (SMS, USSD), through the web form's intake: `prepare` (the checks, the
/// area, the reporter's body) then `store`, the gateway's message kept with its reply in the report's own transaction.
enum ChannelIntake {
    struct Sender: Sendable {
        var reporter: String
        var body: String
        var key: String
    }

    /// The reply (a confirmation with the reference, or the first problem in one message) and the reference if filed.
    static func file(
        _ r: SMSGrammar.Report, description: String, from s: Sender, channel: ReportChannel, gateway: String, messageID: String, limit: Int = 160,
        req: Request
    ) async throws -> (reply: String, reference: String?) {
        let draft = ReportDraft(
            indicators: r.indicators, description: description, occurredOn: String(Timestamp.now().prefix(10)), area: r.area,
            harm: Harm(fatalities: r.killed, injured: r.injured), sourceKind: .reporter, reporter: s.reporter,
            sourceReference: "\(gateway):\(messageID)", body: s.body)
        let p: ReportController.Prepared
        do {
            p = try await ReportController.prepare(draft, req: req, as: .reporter(id: s.reporter, body: s.body), channel: channel)
        } catch {
            let e = APIErrorMiddleware.translate(error)
            return (SMSReply.fit(e.issues.first?.message ?? e.reason, limit: limit), nil)
        }
        let reference = "R-" + p.id.prefix(8).uppercased()
        let reply = SMSReply.confirmed(reference, r.language)
        do {
            try await ReportController.store(
                draft, p, req: req, claim: nil, actor: "reporter:\(s.reporter) via \(channel.rawValue)",
                alongside: { tx in
                    try await InboundMessageStore(sql: tx).record(
                        gateway: gateway, messageID: messageID, senderKey: s.key, report: p.id, reply: reply)
                })
        } catch {
            // The same message at the same moment from a retrying gateway: the first one's answer.
            if let earlier = try await InboundMessageStore(sql: req.sql).reply(gateway: gateway, messageID: messageID) {
                return (earlier.reply, earlier.report.map { "R-" + $0.prefix(8).uppercased() })
            }
            throw error
        }
        return (reply, reference)
    }
}

import AgoraCore
import Crypto
import Foundation
import Vapor

/// A report from a registered reporter by phone (SMS, USSD), through the web form's intake: `prepare` (the checks, the
/// area, the reporter's body) then `store`, the gateway's message kept with its reply in the report's own transaction.
enum ChannelIntake {
    struct Sender: Sendable {
        var reporter: String
        var body: String
        var key: String
        /// Set when the reply must go out through the gateway's API (Africa's Talking).
        var replyTo: InboundMessageStore.ReplyTo? = nil
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
            // The intake's refusal in the monitor's language where the pages have it translated.
            let said = ErrorTexts.translate(e.issues.first?.message ?? e.reason, Lang(rawValue: r.language.rawValue) ?? .en)
            return (r.language == .ar ? SMSReply.fit(said, .ar) : SMSReply.fit(said, limit: limit), nil)
        }
        let reference = "R-" + p.id.prefix(8).uppercased()
        let reply = SMSReply.confirmed(reference, r.language)
        do {
            try await ReportController.store(
                draft, p, req: req, claim: nil, actor: "reporter:\(s.reporter) via \(channel.rawValue)",
                alongside: { tx in
                    try await InboundMessageStore(sql: tx).record(
                        gateway: gateway, messageID: messageID, senderKey: s.key, report: p.id, reply: reply, replyTo: s.replyTo)
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

extension ChannelIntake {
    /// A form submission (OpenRosa, a row of a Kobo or ODK export) through the same intake: the report's id comes
    /// from the submission's uuid, so a second copy of it (a retry, the same submission imported from an export) is
    /// recognised and nothing is stored twice. Answers `stored: false` for such a copy.
    static func file(
        _ m: ReportMapping.Mapped, body: String?, files: [Media.Checked], as filer: ReportController.Filer, channel: ReportChannel, actor: String,
        req: Request
    ) async throws -> (id: String, stored: Bool) {
        var draft = m.draft
        draft.body = body ?? draft.body
        let id = reportID(uuid: m.uuid)
        if try await ReportStore(sql: req.sql).exists(id) { return (id, false) }
        var p = try await ReportController.prepare(draft, req: req, as: filer, channel: channel)
        p.id = id
        let stored = try await ReportController.store(draft, p, req: req, claim: nil, onlyIfNew: true, files: files, actor: actor)
        return (id, stored)
    }

    /// A report id made from a submission's uuid: the same uuid, by whatever channel, is the same report.
    static func reportID(uuid: String) -> String {
        let h = Array(SHA256.hash(data: Data(("odk:" + uuid).utf8)))
        let hex = h.prefix(16).map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        let groups: [Range<Int>] = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32]
        return groups.map { String(c[$0]) }.joined(separator: "-")
    }
}

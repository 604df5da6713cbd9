import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `POST /api/v1/channels/ussd`: Africa's Talking's USSD callback (`sessionId`, `serviceCode`, `phoneNumber`, `text`
/// with the answers so far). The menu is `USSDMenu`; the registered reporter is recognised by the number's keyed hash;
/// the report goes through the same intake as the web form with channel `ussd`, once per session. Answers
/// `CON …` / `END …` as `text/plain`.
struct USSDController {
    func register(_ app: Application, api: any RoutesBuilder) {
        api.grouped(FailureLimit(limiter: app.rateLimits.webhooks)).post("channels", "ussd", use: receive)
    }

    func receive(req: Request) async throws -> Response {
        let f = try SMSController.fields(req, json: false)
        try SMSController.authenticate(req, .africastalking, f)
        var issues = IssueCollector()
        let session = f["sessionId"] ?? ""
        let phone = f["phoneNumber"] ?? ""
        if session.isEmpty { issues.add("sessionId", "the session's id") }
        if PhoneNumbers.normalise(phone).count < 6 { issues.add("phoneNumber", "the caller's phone number") }
        try issues.throwIfAny()
        return Self.plain(try await Self.screen(session: session, phone: phone, text: f["text"] ?? "", req: req))
    }

    static func plain(_ text: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    static func screen(session: String, phone: String, text: String, req: Request) async throws -> String {
        let sql = req.sql
        if let done = try await InboundMessageStore(sql: sql).reply(gateway: "ussd", messageID: session) { return "END " + done.reply }
        let vault = try req.application.vault
        guard let key = vault.phoneKeys.key(phone), let reporter = try await ReporterStore(sql: sql).reporter(phoneKey: key) else {
            return "END " + SMSReply.unknownSender(text.hasPrefix("2") ? .fr : .en)
        }
        let framework = try await FrameworkStore(sql: sql).active()
        let places = try await ChannelPlaces.load(sql)
        let menu = framework.indicators.prefix(5).map {
            USSDMenu.Indicator(code: $0.indicator.code, names: $0.indicator.names)
        }
        let context = USSDMenu.Context(
            menu: Array(menu), indicators: Set(framework.indicators.map(\.indicator.code)), area: { places.code($0) }, areaName: { places.name($0) })
        let screen = USSDMenu.step(text, context)
        guard case .file(let r) = screen else { return screen.text }
        let filed = try await ChannelIntake.file(
            r, description: "USSD report: " + r.indicators.joined(separator: " "), from: .init(reporter: reporter.id, body: reporter.body, key: key),
            channel: .ussd, gateway: "ussd", messageID: session, limit: USSDMenu.screenLimit - 4, req: req)
        return "END " + filed.reply
    }
}

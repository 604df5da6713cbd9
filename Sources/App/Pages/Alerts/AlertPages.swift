import AgoraCore
import Foundation
import Vapor

/// `/alerts`: the alerts the viewer may read (the public sees public ones); `/alerts/new`: the
/// composer with CAP fields and a preview of the CAP message; `/alerts/{id}`: one alert, and for a
/// proposal the form to edit and issue or dismiss it. Each page's `+Model` loads and its `+View` draws.
enum AlertPages {
    static func register(_ app: Application) {
        app.get("alerts", use: list)
        app.get("alerts", "new", use: compose)
        app.post("alerts", "new", use: submit)
        app.get("alerts", ":id", use: show)
        app.post("alerts", ":id", "act", use: act)
    }

    static func list(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("nav.alerts"), listView(c, try await listModel(req, c)))
    }

    static func draft(_ f: [String: String], zone: TimeZone) -> AlertDraft {
        func s(_ k: String) -> String? { f[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        return AlertDraft(
            body: s("body"), classification: s("classification").flatMap(Classification.init(rawValue:)), status: .Actual, categories: [.Security],
            event: s("event"), urgency: s("urgency").flatMap(CAPUrgency.init(rawValue:)),
            severity: s("severity").flatMap(CAPSeverity.init(rawValue:)),
            certainty: s("certainty").flatMap(CAPCertainty.init(rawValue:)), headline: s("headline"), description: s("description"),
            instruction: s("instruction"), areas: s("area").map { [$0] }, expires: WebForm.timestamp(s("expires"), zone: zone),
            language: s("language").flatMap(Lang.init(rawValue:))?.rawValue)
    }

    static func compose(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        var f = Fields()
        if let a = try req.query.get(String?.self, at: "area") { f.values["area"] = a }
        return try await composer(req, f, preview: nil)
    }

    static func composer(_ req: Request, _ f: Fields, preview: (draft: AlertDraft, xml: String)?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("alert.new"), status: status, composerView(c, try await composerModel(req, c, f, preview: preview)))
    }

    static func submit(req: Request) async throws -> Response {
        let f = try WebForm.fields(req)
        var fields = Fields(values: f)
        let d = draft(f, zone: req.application.agora.timeZone)
        if f["do"] == "preview" {
            // A preview is the CAP message as it would go out, built by the same code, stored nowhere.
            let c = try await PageContext.of(req)
            do {
                try await AlertController.check(req, d, sent: Timestamp.now())
                let row = AlertRow(
                    id: "preview", identifier: "agora-preview", bodyCode: d.body ?? c.bodies([.analyst, .coordinator]).first ?? "",
                    classification: d.classification ?? .restricted,
                    state: .issued, msgType: .Alert, draft: String(decoding: try JSONEncoder.sorted.encode(d), as: UTF8.self),
                    areaCode: d.areas?.first ?? "", areaPath: "", severity: (d.severity ?? .Unknown).rawValue, headline: d.headline ?? "",
                    createdBy: "", createdAt: Timestamp.now(), updatedAt: Timestamp.now(), sentAt: Timestamp.now())
                let m = try await CAPExport.message(
                    row, sender: req.application.agora.capSender, publicURL: req.publicBase, sql: req.sql)
                return try await composer(req, fields, preview: (d, m.xml()))
            } catch {
                let e = APIErrorMiddleware.translate(error)
                fields.values["_error"] = e.summary(T(lang: Lang.of(req)))
                return try await composerWithError(req, fields, e)
            }
        }
        if f["confirm"] != "yes" {
            do {
                try await AlertController.check(req, d, sent: Timestamp.now())
            } catch {
                return try await composerWithError(req, fields, APIErrorMiddleware.translate(error))
            }
            return try await confirmation(req, f, d, action: SiteURL.alertNew().path, back: SiteURL.alertNew().path)
        }
        do {
            let id = try await AlertController.write(d, req: req)
            return req.redirect(to: SiteURL.alert(id).path + "?notice=issued", redirectType: .normal)
        } catch {
            return try await composerWithError(req, fields, APIErrorMiddleware.translate(error))
        }
    }

    static func composerWithError(_ req: Request, _ f: Fields, _ e: APIError) async throws -> Response {
        let reason = e.summary(T(lang: Lang.of(req)))
        req.url.query = "error=" + (reason.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        return try await composer(req, f, preview: nil, status: .ok)
    }

    static func show(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await showModel(req, c)
        return Layout.response(c, title: m.alert.headline, showView(c, m))
    }

    static func act(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let f = try WebForm.fields(req)
        if f["do"] == "issue" && f["confirm"] != "yes" {
            guard let row = try await AlertStore(sql: req.sql).get(id, try await req.scope()) else { throw Abort(.notFound) }
            var d = draft(f, zone: req.application.agora.timeZone)
            d.areas = d.areas ?? [row.areaCode]
            return try await confirmation(req, f, d, action: SiteURL.alertAct(id).path, back: SiteURL.alert(id).path)
        }
        return try await WebForm.run(req, back: SiteURL.alert(id).path, notice: f["do"] ?? "done") {
            let row = try await AlertController.find(req)
            switch f["do"] {
            case "issue":
                var d = draft(f, zone: req.application.agora.timeZone)
                d.body = nil
                _ = try await AlertController.issueProposal(row, edits: d, req: req)
            case "dismiss": try await AlertController.dismiss(row, reason: f["reason"] ?? "", req: req)
            case "cancel": _ = try await AlertController.cancel(req, row, reason: f["reason"] ?? "")
            default: throw APIError.badRequest(field: "do", "use issue, dismiss or cancel")
            }
        }
    }

    /// Issuing sends an alert to people and cannot be taken back (only cancelled): one more look first, at what
    /// goes out and to whom, with every field carried over; works without JavaScript.
    static func confirmation(_ req: Request, _ f: [String: String], _ d: AlertDraft, action: String, back: String) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await confirmModel(req, f, d, action: action, back: back)
        return Layout.response(c, title: c.t("alert.confirmTitle"), confirmView(c, m))
    }
}

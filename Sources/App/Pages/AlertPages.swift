import AgoraCore
import Foundation
import Plot
import Vapor

/// `/alerts`: the alerts the viewer may read (the public sees public ones); `/alerts/new`: the
/// composer with CAP fields and a preview of the CAP message; `/alerts/{id}`: one alert, and for a
/// proposal the form to edit and issue or dismiss it.
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
        let t = c.t
        let page = try await AlertController().list(req: req)
        let names = try await HomePage.areaNames(req)
        let main: Node<HTML.BodyContext> = .group(
            .if(c.holds([.analyst, .coordinator]), .p(.a(.class("button"), .href(SiteURL.alertNew().path), .text(t("alert.new"))))),
            .p(.a(.href(SiteURL.feed.path), .text(t("nav.feed")))),
            .if(c.signedIn, FilterForm.view(c, try await FilterForm.model(req, lang: c.lang, kind: .alerts), action: .alerts)),
            .if(c.signedIn, FilterForm.exports(c, [("CSV", .listExport(.alerts, query: FilterForm.query(req, FilterForm.Kind.alerts.keys)))])),
            .if(
                page.items.isEmpty, .p(.class("muted"), .text(t("home.noAlerts"))),
                else: .table(
                    .tr(
                        .th(.text(t("alert.headline"))), .th(.text(t("alert.severity"))), .th(.text(t("report.where"))), .th(.text(t("alert.state"))),
                        .th(.text(t("alert.sent")))),
                    .forEach(page.items) { a in
                        .tr(
                            .td(.a(.href(SiteURL.alert(a.id).path), .text(a.headline))), .td(.text(t("severity." + a.severity))),
                            .td(.text(names[a.area] ?? a.area)),
                            .td(.text(t("state." + a.state.rawValue) + (a.msgType == .Alert ? "" : " (\(a.msgType.rawValue))"))),
                            .td(.text(t.date(a.sent ?? a.createdAt, time: true))))
                    })))
        return Layout.response(c, title: t("nav.alerts"), main)
    }

    struct Fields {
        var values: [String: String] = [:]
        func v(_ k: String, _ d: String = "") -> String { values[k] ?? d }
    }

    /// The CAP fields as form controls; shared by the composer and a proposal's issue form.
    static func fieldset(_ c: PageContext, _ f: Fields, areas: [(code: String, name: String)], bodies: [String]) -> Node<HTML.FormContext> {
        let t = c.t
        func select<V: Vocabulary>(_ name: String, _ type: V.Type, _ def: String) -> Node<HTML.FormContext> {
            .group(
                .label(.for(name), .text(t("alert." + name))),
                .select(
                    .id(name), .attribute(named: "name", value: name),
                    .forEach(Array(V.allCases)) { v in
                        .option(.value(v.rawValue), .label(t("cap." + v.rawValue)), .isSelected(f.v(name, def) == v.rawValue))
                    }))
        }
        return .group(
            .if(
                bodies.count > 1,
                .group(
                    .label(.for("body"), .text(t("alert.issuer"))),
                    .select(
                        .id("body"), .attribute(named: "name", value: "body"),
                        .forEach(bodies) { b in .option(.value(b), .label(b), .isSelected(f.v("body") == b)) }))),
            .label(.for("area"), .text(t("report.where"))),
            .select(
                .id("area"), .attribute(named: "name", value: "area"), .attribute(named: "required", value: "required"),
                .option(.value(""), .label(t("report.choosePlace"))),
                .forEach(areas) { a in .option(.value(a.code), .label(a.name), .isSelected(f.v("area") == a.code)) }),
            .label(.for("event"), .text(t("alert.event"))),
            .input(.type(.text), .id("event"), .name("event"), .value(f.v("event", t("alert.defaultEvent")))),
            .label(.for("headline"), .text(t("alert.headline"))),
            .input(.type(.text), .id("headline"), .name("headline"), .value(f.v("headline")), .attribute(named: "maxlength", value: "160")),
            select("severity", CAPSeverity.self, "Severe"), select("urgency", CAPUrgency.self, "Expected"),
            select("certainty", CAPCertainty.self, "Likely"),
            .label(.for("description"), .text(t("alert.description"))),
            .textarea(.id("description"), .name("description"), .attribute(named: "rows", value: "5"), .text(f.v("description"))),
            .label(.for("instruction"), .text(t("alert.instruction"))),
            .textarea(.id("instruction"), .name("instruction"), .attribute(named: "rows", value: "3"), .text(f.v("instruction"))),
            // CAP's <language> says what the text is written in: by default the page's language, as people write in it.
            .label(.for("language"), .text(t("alert.language"))),
            .select(
                .id("language"), .attribute(named: "name", value: "language"),
                .forEach(Lang.offered) { l in .option(.value(l.rawValue), .label(l.name), .isSelected(f.v("language", c.lang.rawValue) == l.rawValue))
                }),
            .label(.for("expires"), .text(t("alert.expires", t.zoneName))),
            .input(.type(.datetimeLocal), .id("expires"), .name("expires"), .value(f.v("expires"))),
            .label(.for("classification"), .text(t("field.classification"))),
            AnalystPages.classificationSelect(c, selected: f.v("classification", f.v("_defaultClassification", "restricted"))))
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
        let t = c.t
        // The areas the analyst's bodies serve (as on the report form), and the one asked for.
        var areas = try await ReportFormPage.model(req).areas
        if let a = f.values["area"], !areas.contains(where: { $0.code == a }), let ref = try await AreaStore(sql: req.sql).refs([a]).first {
            areas.insert((ref.code, ref.name), at: 0)
        }
        let names = try await HomePage.areaNames(req)
        // The composer starts from the classification the issuing body chose for its alerts.
        var f = f
        let issuers = c.bodies([.analyst, .coordinator])
        let issuer = f.values["body"].flatMap { $0.isEmpty ? nil : $0 } ?? (issuers.count == 1 ? issuers[0] : nil)
        if let b = issuer { f.values["_defaultClassification"] = try await BodyStore(sql: req.sql).alertClassification(b).rawValue }
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(SiteURL.alertNew().path), Layout.csrf(c),
            fieldset(c, f, areas: areas, bodies: c.bodies([.analyst, .coordinator])),
            .p(
                .button(.type(.submit), .name("do"), .value("preview"), .class("secondary"), .text(t("alert.preview"))), .text(" "),
                .button(.type(.submit), .name("do"), .value("issue"), .text(t("alert.issue")))))
        let main: Node<HTML.BodyContext> = .group(
            .p(.text(t("alert.composeIntro"))), form,
            .unwrap(preview) { p in previewNode(t, p.draft, areas: (p.draft.areas ?? []).map { names[$0] ?? $0 }, xml: p.xml) })
        return Layout.response(c, title: t("alert.new"), status: status, main)
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
        let t = c.t
        let a = try await AlertController().get(req: req)
        let names = try await HomePage.areaNames(req)
        let known = try await PageNames.load(req, lang: c.lang)
        let d = a.fields
        let proposal = a.state == .proposed && c.holds([.analyst, .coordinator])
        let issuedLive = a.state == .issued && a.msgType != .Cancel && c.holds([.analyst, .coordinator])
        var f = Fields()
        f.values = [
            "area": a.area, "event": d.event ?? "", "headline": d.headline ?? "", "severity": d.severity?.rawValue ?? "Severe",
            "urgency": d.urgency?.rawValue ?? "Expected", "certainty": d.certainty?.rawValue ?? "Likely", "description": d.description ?? "",
            "instruction": d.instruction ?? "", "classification": a.classification.rawValue,
        ]
        let areas = (d.areas ?? [a.area]).map { (code: $0, name: names[$0] ?? $0) }
        let main: Node<HTML.BodyContext> = .group(
            plainTerms(t, d, areas: areas.map(\.name)),
            .p(
                .text(
                    "\(t("alert.state")): \(t("state." + a.state.rawValue)) · \(a.msgType.rawValue) · \(t("class." + a.classification.rawValue)) · "
                ), known.bodyNode(a.body)),
            .unwrap(d.description) { .p(.text($0)) },
            .unwrap(d.instruction) { .p(.strong(.text(t("alert.instruction") + ": ")), .text($0)) },
            .unwrap(a.sent) { .p(.text(t("alert.sent") + ": " + t.date($0, time: true))) },
            .unwrap(d.expires) { .p(.text(t("alert.expires") + ": " + t.date($0, time: true))) },
            .unwrap(a.reason) { .p(.text(t("alert.reason") + ": " + $0)) },
            .unwrap(a.responseCase) { id in .if(c.signedIn, .p(.a(.href(SiteURL.caseFile(id).path), .text(t("alert.case"))))) },
            .if(a.state != .proposed && a.state != .dismissed, .p(.a(.href(a.cap), .text(t("alert.capLink"))))),
            .unwrap(a.risk) { r in
                .group(
                    .h2(.text(t("alert.why"))),
                    .p(.text(t("risk.scoreIs", t.number(r.score.score, digits: 1), t.period(r.score.period)))),
                    .ul(.forEach(r.drivers.filter { $0.kind != .incident }) { .li(.text("\($0.code): \(t.number($0.contribution, digits: 2))")) }))
            },
            .if(
                proposal,
                .group(
                    .h2(.text(t("alert.issueHeading"))),
                    .form(
                        .method(.post), .action(SiteURL.alertAct(a.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("issue")),
                        fieldset(c, f, areas: areas, bodies: []), .button(.type(.submit), .text(t("alert.issue")))),
                    .form(
                        .method(.post), .action(SiteURL.alertAct(a.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("dismiss")),
                        .label(.for("reason"), .text(t("alert.dismissReason"))),
                        .input(.type(.text), .id("reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .class("danger"), .text(t("alert.dismiss")))))),
            .if(
                issuedLive,
                .group(
                    .h2(.text(t("alert.cancelHeading"))),
                    .form(
                        .method(.post), .action(SiteURL.alertAct(a.id).path), Layout.csrf(c), .input(.type(.hidden), .name("do"), .value("cancel")),
                        .label(.for("cancel-reason"), .text(t("alert.reason"))),
                        .input(.type(.text), .id("cancel-reason"), .name("reason"), .required(true)),
                        .button(.type(.submit), .class("danger"), .text(t("alert.cancel")))))))
        return Layout.response(c, title: a.headline, main)
    }

    /// CAP's terms in plain words (the public reads them); the CAP term in a tooltip.
    static func plainTerms(_ t: T, _ d: AlertDraft, areas: [String]) -> Node<HTML.BodyContext> {
        let severity = d.severity?.rawValue ?? "Unknown"
        let urgency = d.urgency?.rawValue ?? "Unknown"
        let certainty = d.certainty?.rawValue ?? "Unknown"
        return .p(
            .strong(.attribute(named: "title", value: "CAP severity: \(severity)"), .text(t("plain." + severity))), .text(" — "),
            .span(.attribute(named: "title", value: "CAP urgency: \(urgency)"), .text(t("plain." + urgency))), .text("; "),
            .span(.attribute(named: "title", value: "CAP certainty: \(certainty)"), .text(t("plain." + certainty))),
            .text(" · " + areas.joined(separator: ", ")))
    }

    /// The preview as the public will read the alert, with the CAP message itself one click away.
    static func previewNode(_ t: T, _ d: AlertDraft, areas: [String], xml: String) -> Node<HTML.BodyContext> {
        .section(
            .class("card"), .id("preview"), .attribute(named: "aria-label", value: t("alert.previewHeading")),
            .h2(.text(t("alert.previewHeading"))), .h3(.text(d.headline ?? "—")), plainTerms(t, d, areas: areas),
            .unwrap(d.description) { .p(.text($0)) },
            .unwrap(d.instruction) { .p(.strong(.text(t("alert.instruction") + ": ")), .text($0)) },
            .unwrap(d.expires) { .p(.text(t("alert.expires") + ": " + t.date($0, time: true))) },
            .details(.summary(.text(t("alert.capXML"))), .pre(.text(xml))))
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
        let t = c.t
        let names = try await HomePage.areaNames(req)
        let cls = d.classification ?? .restricted
        let carried = f.filter { !["_csrf", "do", "confirm"].contains($0.key) }.sorted { $0.key < $1.key }
        let main: Node<HTML.BodyContext> = .group(
            .p(.strong(.text(t("alert.confirmIntro")))),
            .dl(
                .dt(.text(t("alert.headline"))), .dd(.text(d.headline ?? "")),
                .dt(.text(t("report.where"))), .dd(.text((d.areas ?? []).map { names[$0] ?? $0 }.joined(separator: ", "))),
                .dt(.text(t("alert.severity"))), .dd(.text(t("cap." + (d.severity ?? .Unknown).rawValue))),
                .dt(.text(t("alert.description"))), .dd(.text(d.description ?? "")),
                .dt(.text(t("alert.instruction"))), .dd(.text(d.instruction ?? "")),
                .dt(.text(t("field.classification"))), .dd(.text(t("class." + cls.rawValue) + " — " + t("alert.audience." + cls.rawValue)))),
            .form(
                .method(.post), .action(action), Layout.csrf(c),
                .forEach(carried) { kv in .input(.type(.hidden), .name(kv.key), .value(kv.value)) },
                .input(.type(.hidden), .name("do"), .value("issue")), .input(.type(.hidden), .name("confirm"), .value("yes")),
                .button(.type(.submit), .text(t("alert.confirmIssue"))), .text(" "), .a(.href(back), .text(t("alert.confirmBack")))))
        return Layout.response(c, title: t("alert.confirmTitle"), main)
    }
}

import AgoraCore
import Foundation
import Plot
import SQLKit
import Vapor

/// `/report`: the report form for a monitor on a cheap phone. Plain HTML: no JavaScript needed to file,
/// few fields first and the rest under "More details", errors shown beside their field.
enum ReportFormPage {
    static func register(_ app: Application) {
        app.get("report", use: show)
        app.post("report", use: submit)
    }

    struct Model {
        var framework: IndicatorFramework
        var areas: [(code: String, name: String)]
        var bodies: [String]
        var csrf: String
        var values: [String: String] = [:]
        var chosen: Set<String> = []
        var errors: [String: String] = [:]
        var done: String?
    }

    static func show(req: Request) async throws -> Response {
        guard req.caller?.via == .session else { return req.redirect(to: "/sign-in") }
        return try await render(req, try await model(req), status: .ok)
    }

    static func model(_ req: Request) async throws -> Model {
        let viewer = req.viewer
        let bodies = Array(Set(viewer.roles.filter { $0.role != .auditor }.map(\.body))).sorted()
        // Areas the filer's bodies serve, and the areas below them (capped: a phone list, not an atlas).
        let tree = try await req.bodyTree()
        let roots = Set(bodies.flatMap { tree.nodes[$0]?.jurisdictionPaths.compactMap(\.first) ?? [] })
        struct Row: Decodable { var code: String; var name: String; var parentCode: String? }
        let rows = try await req.sql.select().columns("code", "name", "parent_code").from("areas").all(decoding: Row.self, with: AreaStore.decoder)
        var children: [String: [Row]] = [:]
        for r in rows { if let p = r.parentCode { children[p, default: []].append(r) } }
        let byCode = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(String, String)] = []
        var queue = roots.sorted()
        while !queue.isEmpty, out.count < 600 {
            let c = queue.removeFirst()
            if let r = byCode[c] { out.append((r.code, r.name)) }
            queue += (children[c] ?? []).map(\.code).sorted()
        }
        return Model(framework: try await FrameworkStore(sql: req.sql).active(), areas: out.sorted { $0.1 < $1.1 }, bodies: bodies,
                     csrf: req.caller?.csrf ?? "")
    }

    static func submit(req: Request) async throws -> Response {
        guard let caller = req.caller, caller.via == .session else { return req.redirect(to: "/sign-in") }
        let form = try req.content.decode([String: String].self)
        var m = try await model(req)
        guard let csrf = form["_csrf"], csrf == caller.csrf else {
            throw APIError(status: .forbidden, code: "csrf", reason: "the form's CSRF token is missing or wrong; reload the form", field: "_csrf")
        }
        m.values = form
        m.chosen = Set(form.keys.filter { $0.hasPrefix("indicator.") }.map { String($0.dropFirst("indicator.".count)) })
        func int(_ k: String) -> Int? { form[k].flatMap { $0.isEmpty ? nil : Int($0) } }
        func dbl(_ k: String) -> Double? { form[k].flatMap { $0.isEmpty ? nil : Double($0) } }
        func str(_ k: String) -> String? { form[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let draft = ReportDraft(indicators: m.chosen.sorted(), description: form["description"] ?? "", occurredOn: form["occurredOn"] ?? "",
                                occurredAt: str("occurredAt"), area: str("area"), lat: dbl("lat"), lon: dbl("lon"),
                                harm: Harm(fatalities: int("fatalities"), injured: int("injured"), displaced: int("displaced")),
                                sourceKind: .monitor, classification: .restricted, body: str("body") ?? (m.bodies.count == 1 ? m.bodies[0] : nil))
        do {
            let p = try await ReportController.prepare(draft, req: req, anonymous: false)
            let actor = req.actor
            try await req.db.transaction { tx in
                try await ReportStore(sql: tx as! any SQLDatabase).create(draft, id: p.id, body: p.body, classification: p.classification,
                                                                          sourceKind: p.sourceKind, area: p.area, areaPath: p.path, actor: actor)
            }
            var fresh = try await model(req)
            fresh.done = "Report received by \(p.body). Reference: \(p.id.prefix(8))."
            return try await render(req, fresh, status: .created)
        } catch {
            let e = APIErrorMiddleware.translate(error)
            for i in e.issues { m.errors[String(i.field.split(separator: "[").first ?? Substring(i.field))] = i.message }
            if e.issues.isEmpty { m.errors[e.field ?? "form"] = e.reason }
            return try await render(req, m, status: e.status)
        }
    }

    /// One sector's indicators as checkboxes (split out: the type checker times out on the whole form).
    static func sectorBoxes(_ sector: Sector, chosen: Set<String>) -> Node<HTML.FormContext> {
        .group(.p(.strong(.text(sector.names["en"] ?? sector.code))), .forEach(sector.indicators) { box($0, checked: chosen.contains($0.code)) })
    }

    static func box(_ ind: Indicator, checked: Bool) -> Node<HTML.FormContext> {
        let input: Node<HTML.LabelContext> = checked
            ? .input(.type(.checkbox), .name("indicator.\(ind.code)"), .value("on"), .attribute(named: "checked", value: "checked"))
            : .input(.type(.checkbox), .name("indicator.\(ind.code)"), .value("on"))
        return .label(input, .text(" " + ind.name))
    }

    static func err<C: HTML.BodyContext>(_ m: Model, _ field: String) -> Node<C> {
        .unwrap(m.errors[field]) { .p(.class("error"), .id("error-\(field)"), .text($0)) }
    }

    static func what(_ m: Model) -> Node<HTML.FormContext> {
        .fieldset(.element(named: "legend", text: "What happened? (choose one or more)"), err(m, "indicators"),
                  .forEach(m.framework.sectors) { sector in sectorBoxes(sector, chosen: m.chosen) })
    }

    static func whenWhere(_ m: Model) -> Node<HTML.FormContext> {
        let today = String(Timestamp.now().prefix(10))
        let places: Node<HTML.FormContext> = .select(.id("area"), .attribute(named: "name", value: "area"), .option(.value(""), .label("— choose the place —")),
                                                     .forEach(m.areas) { a in .option(.value(a.code), .label(a.name), .isSelected(m.values["area"] == a.code)) })
        let bodies: Node<HTML.FormContext> = .if(m.bodies.count > 1, .group(
            .label(.for("body"), "File with"), err(m, "body"),
            .select(.id("body"), .attribute(named: "name", value: "body"), .forEach(m.bodies) { b in .option(.value(b), .label(b), .isSelected(m.values["body"] == b)) })))
        return .group(
            .label(.for("description"), "Describe it"), err(m, "description"),
            .textarea(.id("description"), .name("description"), .attribute(named: "rows", value: "4"), .text(m.values["description"] ?? "")),
            .label(.for("occurredOn"), "When (date)"), err(m, "occurredOn"),
            .input(.type(.date), .id("occurredOn"), .name("occurredOn"), .value(m.values["occurredOn"] ?? today)),
            .label(.for("area"), "Where"), err(m, "area"), places, bodies)
    }

    static func field(_ m: Model, _ name: String, _ label: String, error: String? = nil, numeric: Bool = false) -> Node<HTML.DetailsContext> {
        .group(.label(.for(name), .text(label)), err(m, error ?? name),
               .input(.type(numeric ? .number : .text), .id(name), .name(name), .value(m.values[name] ?? ""),
                      .attribute(named: "inputmode", value: numeric ? "numeric" : "decimal")))
    }

    static func more(_ m: Model) -> Node<HTML.FormContext> {
        .details(.summary("More details"),
                 field(m, "occurredAt", "Time (HH:MM)"), field(m, "lat", "Latitude"), field(m, "lon", "Longitude"),
                 field(m, "fatalities", "Killed", error: "harm.fatalities", numeric: true),
                 field(m, "injured", "Injured", error: "harm.injured", numeric: true),
                 field(m, "displaced", "Displaced", error: "harm.displaced", numeric: true))
    }

    static func render(_ req: Request, _ m: Model, status: HTTPResponseStatus) async throws -> Response {
        let form: Node<HTML.BodyContext> = .form(.method(.post), .action("/report"), .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
                                                 what(m), whenWhere(m), more(m), .button(.type(.submit), "Send report"))
        let style = "body{font-family:system-ui,sans-serif;max-width:34rem;margin:0 auto;padding:.8rem;line-height:1.4}label{display:block;margin-top:.8rem;font-weight:600}input,select,textarea,button{font-size:1rem;width:100%;box-sizing:border-box;padding:.5rem}fieldset{margin-top:.8rem}fieldset label{font-weight:normal;margin:.2rem 0}fieldset input{width:auto}.error{color:#a00;margin:.2rem 0}.done{background:#e7f5e7;padding:.6rem}button{margin-top:1rem;background:#0b5394;color:#fff;border:0}"
        let done: Node<HTML.BodyContext> = .unwrap(m.done) { .p(.class("done"), .attribute(named: "role", value: "status"), .text($0)) }
        let html = HTML(
            .lang(.english),
            .head(.meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")), .title("File a report — Agora"), .style(style)),
            .body(.h1("File a report"), done, err(m, "form"), form)
        )
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: html.render()))
    }
}

import AgoraCore
import Foundation
import Plot
import Vapor

/// `/report`: the report form for a monitor on a cheap phone. Plain HTML: no JavaScript needed to file,
/// few fields first and the rest under "More details", errors shown beside their field.
enum ReportFormPage {
    static func register(_ app: Application) {
        app.get("report", use: show)
        // Room for three resized photos and a recording; the phone's script keeps photos near 300 KB.
        app.on(.POST, "report", body: .collect(maxSize: "21mb"), use: submit)
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
        var t = T(lang: .en)
        /// A member of the public, without an account: no queue, no body to choose, a receipt when it is sent.
        var isPublic = false
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil || req.application.agora.anonymousReports else { return req.redirect(to: SiteURL.signIn.path) }
        return try await render(req, try await model(req), status: .ok)
    }

    static func model(_ req: Request) async throws -> Model {
        let viewer = req.viewer
        let isPublic = viewer.personID == nil
        // The public files with whichever early-warning body serves the place: the places those bodies serve are offered.
        let bodies =
            isPublic
            ? try await BodyStore(sql: req.sql).list(.init(topic: .earlyWarning), page: PageRequest(limit: PageRequest.maxLimit))
                .filter { !$0.worldwide && BodyLevel(rawValue: $0.level).map { $0.rank <= BodyLevel.national.rank } == true }.map(\.code)
            : Array(Set(viewer.roles.filter { $0.role != .auditor }.map(\.body))).sorted()
        // Areas the filer's bodies serve, and the areas below them (capped: a phone list, not an atlas).
        let tree = try await req.bodyTree()
        let roots = Set(bodies.flatMap { tree.nodes[$0]?.jurisdictionPaths.compactMap(\.first) ?? [] })
        let rows = try await AreaStore(sql: req.sql).names()
        var children: [String: [AreaStore.NameRow]] = [:]
        for r in rows { if let p = r.parentCode { children[p, default: []].append(r) } }
        let byCode = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(String, String)] = []
        var queue = roots.sorted()
        while !queue.isEmpty, out.count < 600 {
            let c = queue.removeFirst()
            if let r = byCode[c] { out.append((r.code, r.name)) }
            queue += (children[c] ?? []).map(\.code).sorted()
        }
        return Model(
            framework: try await FrameworkStore(sql: req.sql).active(), areas: out.sorted { $0.1 < $1.1 }, bodies: isPublic ? [] : bodies,
            csrf: req.caller?.csrf ?? "", t: T(lang: Lang.of(req), zone: req.application.agora.timeZone), isPublic: isPublic)
    }

    static func submit(req: Request) async throws -> Response {
        let (form, uploads) = try FormFiles.read(req)
        var m = try await model(req)
        if m.isPublic {
            guard req.application.agora.anonymousReports else { return req.redirect(to: SiteURL.signIn.path) }
        } else {
            guard let caller = req.caller, caller.via == .session else { return req.redirect(to: SiteURL.signIn.path) }
            guard let csrf = form["_csrf"], csrf == caller.csrf else {
                throw APIError(status: .forbidden, code: "csrf", reason: "the form's CSRF token is missing or wrong; reload the form", field: "_csrf")
            }
        }
        m.values = form
        m.chosen = Set(form.keys.filter { $0.hasPrefix("indicator.") }.map { String($0.dropFirst("indicator.".count)) })
        func int(_ k: String) -> Int? { form[k].flatMap { $0.isEmpty ? nil : Int($0) } }
        func dbl(_ k: String) -> Double? { form[k].flatMap { $0.isEmpty ? nil : Double($0) } }
        func str(_ k: String) -> String? { form[k].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        let draft = ReportDraft(
            indicators: m.chosen.sorted(), description: form["description"] ?? "", occurredOn: form["occurredOn"] ?? "",
            occurredAt: str("occurredAt"), area: str("area"), lat: dbl("lat"), lon: dbl("lon"),
            harm: Harm(fatalities: int("fatalities"), injured: int("injured"), displaced: int("displaced")),
            sourceKind: .monitor, classification: .restricted, body: str("body") ?? (m.bodies.count == 1 ? m.bodies[0] : nil))
        do {
            if m.isPublic {
                var draft = draft
                draft.sourceKind = nil
                draft.classification = nil
                let filed = try await PublicReports.file(draft, req: req, askDistrict: true)
                var fresh = try await model(req)
                fresh.done = fresh.t("report.receivedPublic", try await PageNames.load(req, lang: fresh.t.lang).body(filed.body))
                return try await render(req, fresh, status: .created, receipt: filed.receipt)
            }
            var p = try await ReportController.prepare(draft, req: req, anonymous: false)
            try PublicReports.NeedsDistrict.check(p.placement, draft, asked: true)
            let actor = req.actor
            // A report queued offline carries the id the phone gave it: sent again after a lost answer, it is the same report.
            if let client = str("clientId") {
                guard let id = ReportStore.id(actor: actor, clientID: client) else {
                    throw APIError(ValidationFailure(field: "clientId", "a UUID, as the phone's queue makes it"))
                }
                p.id = id
            }
            // Photos and recordings: checked (type, size, metadata removed) before anything is stored.
            var files: [Media.Checked] = []
            var issues: [ValidationIssue] = []
            for u in uploads {
                guard let kind = Media.Kind(rawValue: u.field) else { continue }
                do { files.append(try Media.check(u.bytes, field: u.field, expected: kind)) } catch let f as ValidationFailure { issues += f.issues }
            }
            if !issues.isEmpty { throw ValidationFailure(issues) }
            let stored = try await ReportController.store(draft, p, req: req, claim: nil, onlyIfNew: true, files: files)
            var fresh = try await model(req)
            fresh.done = fresh.t(
                stored ? "report.received" : "report.alreadyReceived", try await PageNames.load(req, lang: fresh.t.lang).body(p.body),
                String(p.id.prefix(8)))
            return try await render(req, fresh, status: stored ? .created : .ok)
        } catch let coarse as PublicReports.NeedsDistrict {
            // The point found only the country: ask for the district, nearest first, instead of filing it as the whole country.
            let centroids = try await AreaStore(sql: req.sql).centroids(country: coarse.placement.area)
            let inCountry = m.areas.filter { centroids[$0.code] != nil }
            m.areas =
                Placement.nearestFirst(inCountry, to: coarse.point, centroid: { centroids[$0.code] }, name: \.name)
                + m.areas.filter { centroids[$0.code] == nil }
            let country = try await AreaStore(sql: req.sql).get(coarse.placement.area)?.name ?? coarse.placement.area
            m.errors["area"] = m.t("report.chooseDistrict", country)
            return try await render(req, m, status: .ok)
        } catch {
            let e = APIErrorMiddleware.translate(error)
            for i in e.issues { m.errors[String(i.field.split(separator: "[").first ?? Substring(i.field))] = m.t.error(i.message) }
            if e.issues.isEmpty { m.errors[e.field ?? "form"] = m.t.error(e.reason) }
            // The form again with its errors is a normal answer to a person (a 4xx would be logged as a failed load).
            return try await render(req, m, status: e.status == .forbidden ? .forbidden : .ok)
        }
    }

    /// One sector's indicators as checkboxes (split out: the type checker times out on the whole form).
    static func sectorBoxes(_ sector: Sector, chosen: Set<String>, lang: Lang) -> Node<HTML.FormContext> {
        .group(
            .p(.strong(.text(sector.names[lang.rawValue] ?? sector.names["en"] ?? sector.code))),
            .forEach(sector.indicators) { box($0, checked: chosen.contains($0.code), lang: lang) })
    }

    static func box(_ ind: Indicator, checked: Bool, lang: Lang) -> Node<HTML.FormContext> {
        let input: Node<HTML.LabelContext> =
            checked
            ? .input(.type(.checkbox), .name("indicator.\(ind.code)"), .value("on"), .attribute(named: "checked", value: "checked"))
            : .input(.type(.checkbox), .name("indicator.\(ind.code)"), .value("on"))
        return .label(input, .text(" " + (ind.names[lang.rawValue] ?? ind.name)))
    }

    static func err<C: HTML.BodyContext>(_ m: Model, _ field: String) -> Node<C> {
        .unwrap(m.errors[field]) { .p(.class("error"), .id("error-\(field)"), .text($0)) }
    }

    /// Ties a control to its error message, so that a screen reader reads them together (WCAG 3.3.1);
    /// nothing when the field has no error (Plot leaves out an attribute whose value is empty).
    static func errorRef<C>(_ m: Model, _ field: String) -> Attribute<C> {
        .attribute(named: "aria-describedby", value: m.errors[field] == nil ? "" : "error-\(field)")
    }

    static func invalid<C>(_ m: Model, _ field: String) -> Attribute<C> {
        .attribute(named: "aria-invalid", value: m.errors[field] == nil ? "" : "true")
    }

    static func describedBy<C>(_ m: Model, _ field: String) -> Node<C> { .group(.attribute(errorRef(m, field)), .attribute(invalid(m, field))) }

    static func what(_ m: Model) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", text: m.t("report.whatHappened")), err(m, "indicators"),
            .forEach(m.framework.sectors) { sector in sectorBoxes(sector, chosen: m.chosen, lang: m.t.lang) })
    }

    static func whenWhere(_ m: Model) -> Node<HTML.FormContext> {
        let today = String(Timestamp.now().prefix(10))
        let places: Node<HTML.FormContext> = .select(
            .id("area"), .attribute(named: "name", value: "area"), .attribute(named: "data-search", value: m.t("report.searchPlace")),
            describedBy(m, "area"), .option(.value(""), .label(m.t("report.choosePlace"))),
            .forEach(m.areas) { a in .option(.value(a.code), .label(a.name), .isSelected(m.values["area"] == a.code)) })
        let bodies: Node<HTML.FormContext> = .if(
            m.bodies.count > 1,
            .group(
                .label(.for("body"), .text(m.t("report.fileWith"))), err(m, "body"),
                .select(
                    .id("body"), .attribute(named: "name", value: "body"), describedBy(m, "body"),
                    .forEach(m.bodies) { b in .option(.value(b), .label(b), .isSelected(m.values["body"] == b)) })))
        return .group(
            .label(.for("description"), .text(m.t("report.describe"))), err(m, "description"),
            .textarea(
                .id("description"), .name("description"), describedBy(m, "description"), .attribute(named: "rows", value: "4"),
                .text(m.values["description"] ?? "")),
            .label(.for("occurredOn"), .text(m.t("report.whenDate"))), err(m, "occurredOn"),
            .input(
                .type(.date), .id("occurredOn"), .name("occurredOn"), errorRef(m, "occurredOn"), invalid(m, "occurredOn"),
                .value(m.values["occurredOn"] ?? today)),
            .label(.for("area"), .text(m.t("report.where"))), err(m, "area"), places,
            .button(
                .type(.button), .id("use-gps"), .class("secondary"), .attribute(named: "hidden", value: "hidden"),
                .attribute(named: "data-wait", value: m.t("report.gpsWait")), .attribute(named: "data-done", value: m.t("report.gpsDone")),
                .attribute(named: "data-fail", value: m.t("report.gpsFail")), .text(m.t("report.gps"))),
            .p(.id("gps-status"), .class("muted"), .attribute(named: "aria-live", value: "polite")),
            bodies)
    }

    static func field(_ m: Model, _ name: String, _ label: String, error: String? = nil, numeric: Bool = false) -> Node<HTML.DetailsContext> {
        .group(
            .label(.for(name), .text(label)), err(m, error ?? name),
            .input(
                .type(numeric ? .number : .text), .id(name), .name(name), errorRef(m, error ?? name), invalid(m, error ?? name),
                .value(m.values[name] ?? ""),
                .attribute(named: "inputmode", value: numeric ? "numeric" : "decimal")))
    }

    static func more(_ m: Model) -> Node<HTML.FormContext> {
        .details(
            .if(!m.errors.isEmpty, .attribute(named: "open", value: "open")), .summary(.text(m.t("report.more"))),
            field(m, "occurredAt", m.t("report.time")), field(m, "lat", m.t("report.lat")), field(m, "lon", m.t("report.lon")),
            field(m, "fatalities", m.t("report.killed"), error: "harm.fatalities", numeric: true),
            field(m, "injured", m.t("report.injured"), error: "harm.injured", numeric: true),
            field(m, "displaced", m.t("report.displaced"), error: "harm.displaced", numeric: true))
    }

    /// Photos and a recording, for monitors (the public form takes none: nobody would moderate what strangers upload).
    /// Without script the phone sends the files as they are; with it, photos are made small first.
    static func media(_ m: Model) -> Node<HTML.FormContext> {
        .if(
            !m.isPublic,
            .fieldset(
                .element(named: "legend", text: m.t("report.media")), .p(.class("muted"), .text(m.t("report.mediaHint"))),
                .label(.for("photo"), .text(m.t("report.photo"))), err(m, "photo"),
                .input(
                    .type(.file), .id("photo"), .name("photo"), .attribute(named: "accept", value: "image/jpeg,image/png,image/*"),
                    .attribute(named: "multiple", value: "multiple"), errorRef(m, "photo"), invalid(m, "photo")),
                .p(
                    .id("photo-status"), .class("muted"), .attribute(named: "aria-live", value: "polite"),
                    .attribute(named: "data-wait", value: m.t("report.photoWait")), .attribute(named: "data-done", value: m.t("report.photoDone"))),
                .label(.for("audio"), .text(m.t("report.audio"))), err(m, "audio"),
                .input(
                    .type(.file), .id("audio"), .name("audio"), .attribute(named: "accept", value: "audio/*"), errorRef(m, "audio"),
                    invalid(m, "audio"))))
    }

    static func render(_ req: Request, _ m: Model, status: HTTPResponseStatus, receipt: String? = nil) async throws -> Response {
        let c = try await PageContext.of(req)
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(SiteURL.report.path), .attribute(named: "data-draft", value: "report"),
            .attribute(named: "enctype", value: m.isPublic ? "" : "multipart/form-data"),
            .input(.type(.hidden), .name("_csrf"), .value(m.csrf)),
            // Filled by the offline queue's script; without script the form sends none.
            .input(.type(.hidden), .name("clientId"), .value("")), .input(.type(.hidden), .name("_account"), .value(c.account ?? "")),
            what(m), whenWhere(m), more(m), media(m),
            .p(.id("draft-status"), .class("muted"), .attribute(named: "data-restored", value: m.t("report.draftRestored"))),
            .button(.type(.submit), .text(m.t("report.send"))))
        let t = m.t
        // Shown by the script when the service worker kept a report (the page then comes from its cache).
        let queued: Node<HTML.BodyContext> = .p(
            .id("queued-note"), .class("notice"), .attribute(named: "role", value: "status"), .attribute(named: "hidden", value: "hidden"),
            .text(t("report.queued")))
        let queue: Node<HTML.BodyContext> = .section(
            .id("queue"), .attribute(named: "hidden", value: "hidden"), .attribute(named: "aria-live", value: "polite"),
            .attribute(named: "data-waiting", value: t("report.queueWaiting")), .attribute(named: "data-sending", value: t("report.queueSending")),
            .attribute(named: "data-sent", value: t("report.queueSent")),
            .attribute(named: "data-refused", value: t("report.queueRefused")), .attribute(named: "data-open", value: t("report.queueOpen")),
            .h2(.text(t("report.queueTitle"))), .ul())
        let done: Node<HTML.BodyContext> = .unwrap(m.done) {
            .div(
                .class("notice"), .attribute(named: "role", value: "status"), .attribute(named: "data-draft-clear", value: "1"), .p(.text($0)),
                .unwrap(receipt) { code in
                    .group(
                        .p(.text(t("report.receiptIs") + " "), .strong(.id("receipt-code"), .text(code))),
                        .p(.text(t("report.receiptKeep") + " "), .a(.href(SiteURL.receipt.path), .text(t("receipt.title")))))
                })
        }
        let intro: Node<HTML.BodyContext> = .if(m.isPublic, .p(.text(t("report.publicIntro"))))
        return Layout.response(
            c, title: m.t(m.isPublic ? "report.publicTitle" : "report.title"), status: status, scripts: [SiteURL.asset("agora.js").path],
            .group(queued, done, intro, .if(!m.isPublic, queue), err(m, "form"), form))
    }
}

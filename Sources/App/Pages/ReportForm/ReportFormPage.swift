import AgoraCore
import Foundation
import Vapor

/// `/report`: the report form for a monitor on a cheap phone. Plain HTML: no JavaScript needed to file,
/// few fields first and the rest under "More details", errors shown beside their field.
enum ReportFormPage {
    static func register(_ app: Application) {
        app.get("report", use: show)
        // Room for three resized photos and a recording; the phone's script keeps photos near 300 KB.
        app.on(.POST, "report", body: .collect(maxSize: "21mb"), use: submit)
    }

    static func show(req: Request) async throws -> Response {
        guard req.viewer.personID != nil || req.application.agora.anonymousReports else { return req.redirect(to: SiteURL.signIn.path) }
        return try await render(req, try await model(req), status: .ok)
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
                let filed = try await PublicReports.file(draft, req: req, askDistrict: true, channel: .web)
                var fresh = try await model(req)
                fresh.done = fresh.t("report.receivedPublic", try await PageNames.load(req, lang: fresh.t.lang).body(filed.body))
                return try await render(req, fresh, status: .created, receipt: filed.receipt)
            }
            var p = try await ReportController.prepare(draft, req: req, as: .viewer, channel: .web)
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

    static func render(_ req: Request, _ m: Model, status: HTTPResponseStatus, receipt: String? = nil) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(
            c, title: m.t(m.isPublic ? "report.publicTitle" : "report.title"), status: status, scripts: [SiteURL.asset("agora.js").path],
            view(c, m, receipt: receipt))
    }
}

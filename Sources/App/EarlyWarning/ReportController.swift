import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/reports` and `/api/v1/incidents`: monitors report, analysts verify, reject or merge.
struct ReportController {
    func register(_ api: any RoutesBuilder) {
        let r = api.grouped("reports")
        r.get(use: list)
        r.post(use: create)
        r.post("bulk", use: bulk)
        r.get("queue", use: queue)
        r.get("export.csv", use: export)
        r.get(":id", use: get)
        r.get(":id", "duplicates", use: duplicates)
        r.post(":id", "verify", use: verify)
        r.post(":id", "reject", use: reject)
        r.post(":id", "duplicate", use: markDuplicate)
        api.get("receipts", ":code", use: receipt)
        api.get("incidents", use: incidentsJSON)
        api.get("incidents", ":id", use: incident)
    }

    static func filter(_ req: Request) async throws -> ReportStore.Filter {
        func value(_ name: String) throws -> String? { try req.filterValue(name) }
        func day(_ name: String) throws -> String? { try req.filterDay(name) }
        let status = try value("status").map { s in
            guard let v = ReportStatus(rawValue: s) else {
                throw APIError.badRequest(field: "status", "use \(ReportStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        var sector: [String]?
        if let s = try value("sector") {
            let framework = try await FrameworkStore(sql: req.sql).active()
            guard let found = framework.sectors.first(where: { $0.code == s }) else {
                throw APIError(
                    ValidationFailure(
                        field: "sector",
                        "'\(s)' is not a sector of the active framework; use one of \(framework.sectors.map(\.code).joined(separator: ", "))"))
            }
            sector = found.indicators.map(\.code)
        }
        var f = ReportStore.Filter(
            status: status, area: try value("area"), indicator: try value("indicator"), sectorIndicators: sector, from: try day("from"),
            to: try day("to"), text: try value("q"), source: try value("source"),
            classification: try value("classification").map { try Classification.parse($0, field: "classification") })
        // An unknown area has the empty path "//", which no stored path lies under: nothing is found.
        if let a = f.area { f.areaPrefix = try await AreaStore(sql: req.sql).pathText(a) }
        return f
    }

    func list(req: Request) async throws -> Page<ReportView> {
        let page = try PageRequest(req)
        let scope = try await req.scope()
        let store = ReportStore(sql: req.sql)
        let rows = try await store.list(scope, try await Self.filter(req), page: page)
        return Page(rows: try await store.views(rows, scope: scope), request: page) { v in "\(v.createdAt)|\(v.id)" }
    }

    /// The reports the list shows (`?status=unreviewed` for the review queue), as CSV; audited.
    func export(req: Request) async throws -> Response {
        let scope = try await req.scope()
        let store = ReportStore(sql: req.sql)
        let rows = try await store.list(scope, try await Self.filter(req), page: PageRequest(limit: CSVExport.limit), oldestFirst: true)
        try CSVExport.refuseIfOver(rows.count)
        let views = try await store.views(rows, scope: scope)
        let columns = [
            "id", "created_at", "occurred_on", "area", "body", "status", "classification", "indicators", "description", "latitude",
            "longitude", "fatalities", "injured", "displaced", "source_kind", "incident",
        ]
        return try await CSVExport.response(
            req, name: "reports.csv", recordType: "report",
            .init(
                columns: columns,
                rows: views.map { v in
                    (
                        v.id,
                        [
                            v.id, v.createdAt, v.occurredOn, v.area, v.body, v.status.rawValue, v.classification.rawValue,
                            v.indicators.joined(separator: " "), v.description ?? "", v.lat.map { String($0) } ?? "", v.lon.map { String($0) } ?? "",
                            String(v.harm.fatalities ?? 0), String(v.harm.injured ?? 0), String(v.harm.displaced ?? 0), v.sourceKind,
                            v.incident ?? "",
                        ]
                    )
                }))
    }

    /// Unreviewed reports the caller may verify, oldest first.
    func queue(req: Request) async throws -> Page<ReportView> {
        try req.requireSignedIn()
        let page = try PageRequest(req)
        var f = try await Self.filter(req)
        f.status = .unreviewed
        let scope = try await req.scope()
        let store = ReportStore(sql: req.sql)
        let rows = try await store.list(scope, f, page: page, oldestFirst: true)
        return Page(rows: try await store.views(rows, scope: scope), request: page) { v in "\(v.createdAt)|\(v.id)" }
    }

    func get(req: Request) async throws -> ReportView {
        let id = try req.parameters.require("id")
        let scope = try await req.scope()
        let store = ReportStore(sql: req.sql)
        guard let r = try await store.get(id, scope) else { throw APIError.notFound("report", id) }
        return try await store.views([r], scope: scope)[0]
    }

    func create(req: Request) async throws -> Response {
        let draft = try req.input(ReportDraft.self)
        if req.viewer.personID == nil {
            // An anonymous citizen gets a receipt, not the record: they cannot read restricted data.
            let filed = try await PublicReports.file(draft, req: req, claim: req.idempotencyClaim, channel: .api)
            return try await Receipt(
                id: filed.id, status: ReportStatus.unreviewed.rawValue, message: "Thank you. Your report reached \(filed.body).",
                receipt: filed.receipt
            ).encodeResponse(status: .created, for: req)
        }
        let p = try await Self.prepare(draft, req: req, as: .viewer, channel: .api)
        let id = p.id
        try await Self.store(draft, p, req: req, claim: req.idempotencyClaim)
        let scope = try await req.scope()
        let row = try await ReportStore(sql: req.sql).get(id, scope)!
        var view = try await ReportStore(sql: req.sql).views([row], scope: scope)[0]
        view.placement = p.placement  // said when it is stored: where it landed and, if coarse, why
        return try await view.created(at: "/api/v1/reports/\(id)", for: req)
    }

    /// Stores a prepared report, with its checked files, through the group commit. An `Idempotency-Key` is claimed
    /// in the report's own savepoint, with where the report will be: stored and claimed together. `onlyIfNew`: a
    /// report queued on a phone carries its own id; if it is already there (a retry after a lost answer) nothing
    /// is written and the answer is `false` — checked under the write lock, so never a second copy.
    @discardableResult
    static func store(
        _ draft: ReportDraft, _ p: Prepared, req: Request, claim: Idempotency.Claim?, receiptDigest: String? = nil, onlyIfNew: Bool = false,
        files: [Media.Checked] = [], actor: String? = nil, alongside: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    ) async throws -> Bool {
        let actor = actor ?? req.actor
        try Media.checkCount(existing: [:], adding: files)
        claim?.claimed = true
        return try await req.application.reportWrites.run { sql in
            let reports = ReportStore(sql: sql)
            if onlyIfNew, try await reports.exists(p.id) { return false }
            if let claim { try await IdempotencyStore(sql: sql).claim(claim, location: "/api/v1/reports/\(p.id)") }
            try await reports.create(
                draft, id: p.id, body: p.body, classification: p.classification, sourceKind: p.sourceKind,
                area: p.area, areaPath: p.path, actor: actor, receiptDigest: receiptDigest, channel: p.channel)
            _ = try await AttachmentStore(sql: sql).add(files, report: p.id, actor: actor)
            // What the channel keeps of the message (its id, the reply): in the report's own transaction.
            try await alongside?(sql)
            return true
        }
    }

    /// A checked report, ready to store: where it is, who it is filed with, at what level.
    struct Prepared: Sendable {
        var id: String
        var body: String
        var classification: Classification
        var sourceKind: SourceKind
        var area: String
        var path: [String]
        var placement: Placement
        var channel: ReportChannel
    }

    /// Who files a report: the signed-in caller (with a role in the body, or an accreditation that allows it), a
    /// member of the public (routed to the competent body), or a registered reporter recognised by their phone (SMS,
    /// USSD), filed with the body that registered them.
    enum Filer: Sendable, Equatable {
        case viewer
        case anonymous
        case reporter(id: String, body: String)
        /// The installation's operator at the command line (a Kobo or ODK export): files with the body named.
        case installation(body: String)
    }

    /// Every check a report goes through before it is stored, whatever channel it came by; nothing is written here.
    static func prepare(_ draft: ReportDraft, req: Request, as filer: Filer, channel: ReportChannel) async throws -> Prepared {
        let anonymous = filer == .anonymous
        let viewer = req.viewer
        let sql = req.sql
        let framework = try await FrameworkStore(sql: sql).active()
        try ReportRules.check(draft, .init(indicators: Set(framework.indicators.map(\.indicator.code)), today: String(Timestamp.now().prefix(10))))

        // Where: the area given, or the one the point falls in; a point far outside the given area is an error.
        let areas = AreaStore(sql: sql)
        var areaCode = draft.area
        let point = draft.lat.flatMap { lat in draft.lon.map { GeoPoint(lat: lat, lon: $0) } }
        var given: AreaRecord?
        if let code = areaCode {
            given = try await areas.get(code)
            guard given != nil else { throw APIError(ValidationFailure(field: "area", "unknown area code '\(code)'")) }
        }
        if let p = point {
            let hits = try await req.application.gazetteer.current(areas).areas(containing: p)
            if areaCode == nil {
                guard let deepest = hits.first else {
                    throw APIError(
                        ValidationFailure(
                            field: "lat",
                            "no area of this installation contains \(p.lat), \(p.lon); give the area, or check for swapped latitude and longitude"))
                }
                areaCode = deepest.code
            } else if let given = areaCode, let shaped = try await Self.nearestShape(given, areas) {
                // The point must lie in (or within about 10 km of) the closest stated area that has a shape:
                // a swapped latitude and longitude lands far away.
                if !(shaped.geometry.contains(p) || shaped.geometry.bbox.expanded(by: 0.1).contains(p)) {
                    throw APIError(
                        ValidationFailure(
                            field: "lat",
                            "the point \(p.lat), \(p.lon) is outside \(shaped.code), where area '\(given)' lies; are latitude and longitude swapped?")
                    )
                }
            }
        }
        let area = areaCode!
        let path = try await areas.path(area)
        let how: Placement.How = draft.area == nil ? .point : (point == nil ? .given : .givenWithPoint)
        let record = area == given?.code ? given : try await areas.get(area)
        let level = record.flatMap { AreaLevel(rawValue: $0.level) } ?? .country
        let placement = Placement.of(
            area: area, level: level, how: how, countryName: record?.name ?? area,
            lowerAreasWithoutShapes: how == .point && level == .country ? try await areas.hasChildren(area) : false)

        // Which body it is filed with, and as what.
        var body = draft.body
        var sourceKind = draft.sourceKind ?? .monitor
        if anonymous {
            sourceKind = .anonymous
            let ew = try await BodyStore(sql: sql).competence(areaPath: path, topic: .earlyWarning)
            guard let b = ew.competent?.code else {
                throw APIError(ValidationFailure(field: "area", "no body receives early-warning reports for this area"))
            }
            body = b
        } else if case .reporter(_, let b) = filer {
            sourceKind = .reporter
            body = b
        } else if case .installation(let b) = filer {
            guard try await BodyStore(sql: sql).get(b) != nil else { throw APIError(ValidationFailure(field: "body", "no body '\(b)'")) }
            body = b
        } else {
            let filers = Set(viewer.roles.filter { $0.role != .auditor }.map(\.body))
            if body == nil, filers.count == 1 { body = filers.first }
            guard let b = body else { throw APIError(ValidationFailure(field: "body", "say which of your bodies the report is filed with")) }
            // A liaison of an organisation accredited to `b` (or above it) with `file-reports` files with it too.
            var allowed = viewer.isInstallationAdmin || filers.contains(b)
            if !allowed {
                allowed = try await AccreditationRegisterController.accredited(
                    viewer, .fileReports, body: b, tree: try await req.bodyTree(), sql: sql)
            }
            guard allowed else {
                throw APIError.forbidden("you hold no role in \(b) to file reports with it, nor an accreditation that allows it")
            }
        }
        if let rid = draft.reporter, case .viewer = filer {
            guard let rep = try await ReporterStore(sql: sql).get(rid, try await req.scope()), rep.body == body else {
                throw APIError(ValidationFailure(field: "reporter", "no reporter '\(rid)' registered with \(body!)"))
            }
        }
        return Prepared(
            id: UUID().uuidString.lowercased(), body: body!, classification: anonymous ? .restricted : (draft.classification ?? .restricted),
            sourceKind: sourceKind, area: area, path: path, placement: placement, channel: channel)
    }

    struct BulkResult: Content { var created: [String] }

    /// Many reports at once (a monitor's phone coming back online, a partner's spreadsheet): all stored, or
    /// none, with each problem named by its place in the list.
    func bulk(req: Request) async throws -> Response {
        try req.requireSignedIn()
        let drafts = try req.input([ReportDraft].self)
        guard !drafts.isEmpty, drafts.count <= 1000 else { throw APIError(ValidationFailure(field: "reports", "send 1 to 1000 reports")) }
        var prepared: [Prepared] = []
        var issues = IssueCollector()
        for (i, d) in drafts.enumerated() {
            do { prepared.append(try await Self.prepare(d, req: req, as: .viewer, channel: .bulk)) } catch {
                let e = APIErrorMiddleware.translate(error)
                if e.issues.isEmpty { issues.add("reports[\(i)]" + (e.field.map { ".\($0)" } ?? ""), e.reason) }
                for issue in e.issues { issues.add("reports[\(i)].\(issue.field)", issue.message) }
            }
        }
        try issues.throwIfAny()
        let actor = req.actor
        let ready = prepared
        try await req.write { tx in
            let store = ReportStore(sql: tx)
            for (d, p) in zip(drafts, ready) {
                try await store.create(
                    d, id: p.id, body: p.body, classification: p.classification, sourceKind: p.sourceKind, area: p.area, areaPath: p.path,
                    actor: actor, channel: p.channel)
            }
        }
        return try await BulkResult(created: ready.map(\.id)).encodeResponse(status: .created, for: req)
    }

    /// The area itself or its nearest ancestor with a stored shape.
    static func nearestShape(_ code: String, _ areas: AreaStore) async throws -> (code: String, geometry: AreaGeometry)? {
        for c in try await areas.path(code) {
            if let text = try await areas.geometryText(c) { return (c, try GeoJSON.geometry(fromText: text)) }
        }
        return nil
    }

    struct Receipt: Content {
        var id: String
        var status: String
        var message: String
        /// The code an anonymous reporter keeps to ask what became of the report (`GET /api/v1/receipts/{code}`).
        var receipt: String?
    }

    func receipt(req: Request) async throws -> PublicReports.ReceiptStatus {
        try await PublicReports.check(try req.parameters.require("code"), req: req)
    }

    // MARK: Review

    /// The report, if the caller may see it and is an analyst or coordinator of its body or one above.
    static func reviewable(_ req: Request, _ id: String) async throws -> ReportRow {
        let viewer = try req.requireSignedIn()
        guard let r = try await ReportStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("report", id) }
        let tree = try await req.bodyTree()
        guard viewer.isInstallationAdmin || AccessPolicy.holds(viewer, [.analyst, .coordinator], in: r.bodyCode, orAbove: tree) else {
            throw APIError.forbidden("reviewing needs an analyst or coordinator of \(r.bodyCode) or of a body above it")
        }
        guard r.status == .unreviewed else { throw APIError.conflict(field: "status", "the report is already \(r.status)") }
        return r
    }

    struct VerifyInput: Content {
        /// Join this incident instead of making a new one.
        var incident: String?
        var title: String?
    }

    func verify(req: Request) async throws -> IncidentView {
        try await Self.verify(try req.parameters.require("id"), try req.optionalInput(VerifyInput.self) ?? VerifyInput(), req: req)
    }

    /// The review steps, typed: the API decodes its JSON into their inputs, the review page its form; both call these.
    static func verify(_ id: String, _ input: VerifyInput, req: Request) async throws -> IncidentView {
        let r = try await Self.reviewable(req, id)
        let scope = try await req.scope()
        let actor = req.actor
        let framework = try await FrameworkStore(sql: req.sql).active()
        let indicators = try await ReportStore(sql: req.sql).indicators(of: [id])[id] ?? []
        if let target = input.incident, try await IncidentStore(sql: req.sql).get(target, scope) == nil {
            throw APIError(ValidationFailure(field: "incident", "no incident '\(target)' that you can see"))
        }
        // Titled after its weightiest indicator, unless the analyst or the monitor named it.
        let weightiest = framework.indicators.map(\.indicator).filter { indicators.contains($0.code) }.max { $0.weight < $1.weight }
        let title = input.title ?? r.eventType ?? weightiest?.name ?? "Incident"
        let snapshot = try await req.application.risk.current(req.sql)
        let (incidentID, change) = try await req.write { tx in
            let sql = tx
            let incidents = IncidentStore(sql: sql)
            let before = input.incident == nil ? [] : try await RiskStore(sql: sql).events(ids: [input.incident!])
            let target: String
            if let existing = input.incident {
                try await incidents.absorb(r, indicators: indicators, into: existing, actor: actor)
                target = existing
            } else {
                target = try await incidents.create(from: r, indicators: indicators, title: title, actor: actor)
            }
            try await ReportStore(sql: sql).review(id, status: .verified, reason: nil, incident: target, duplicateOf: nil, actor: actor)
            try await incidents.recountSources(target)
            // Risk moves with the verification, in the same transaction: only this incident's cells change.
            return (target, try await RiskUpdater.change(sql, ids: [target], before: before, snapshot: snapshot))
        }
        try await RiskUpdater(app: req.application).committed(change)
        let store = IncidentStore(sql: req.sql)
        return try await store.views([try await store.get(incidentID, scope)!], scope: scope)[0]
    }

    struct RejectInput: Content { var reason: String }

    func reject(req: Request) async throws -> ReportView {
        let id = try req.parameters.require("id")
        try await Self.reject(id, try req.input(RejectInput.self), req: req)
        return try await get(req: req)
    }

    static func reject(_ id: String, _ input: RejectInput, req: Request) async throws {
        _ = try await Self.reviewable(req, id)
        guard !input.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(ValidationFailure(field: "reason", "say why the report is rejected"))
        }
        let actor = req.actor
        try await req.write { tx in
            try await ReportStore(sql: tx).review(id, status: .rejected, reason: input.reason, incident: nil, duplicateOf: nil, actor: actor)
        }
    }

    struct DuplicateInput: Content { var of: String }

    func markDuplicate(req: Request) async throws -> ReportView {
        let id = try req.parameters.require("id")
        try await Self.markDuplicate(id, try req.input(DuplicateInput.self), req: req)
        return try await get(req: req)
    }

    static func markDuplicate(_ id: String, _ input: DuplicateInput, req: Request) async throws {
        _ = try await Self.reviewable(req, id)
        guard input.of != id, let original = try await ReportStore(sql: req.sql).get(input.of, try await req.scope()) else {
            throw APIError(ValidationFailure(field: "of", "no other report '\(input.of)' that you can see"))
        }
        let actor = req.actor
        try await req.write { tx in
            try await ReportStore(sql: tx).review(
                id, status: .duplicate, reason: nil, incident: original.incidentId,
                duplicateOf: original.id, actor: actor)
        }
    }

    struct SuggestionView: Content {
        var report: String
        var score: Double
        var days: Int
        var kilometres: Double?
        var sharedIndicators: [String]
    }

    /// Reports that may tell of the same event, among those the caller may see.
    func duplicates(req: Request) async throws -> [SuggestionView] {
        let id = try req.parameters.require("id")
        let scope = try await req.scope()
        let store = ReportStore(sql: req.sql)
        guard let r = try await store.get(id, scope) else { throw APIError.notFound("report", id) }
        let window = Duplicates.maxDays
        let from = Self.shift(r.occurredOn, days: -window)
        let to = Self.shift(r.occurredOn, days: window)
        let nearby = try await store.list(scope, .init(from: from, to: to), page: PageRequest(limit: PageRequest.maxLimit))
            .filter { $0.status != .rejected }
        let inds = try await store.indicators(of: nearby.map(\.id) + [id])
        func candidate(_ x: ReportRow) -> Duplicates.Candidate {
            Duplicates.Candidate(
                id: x.id, day: x.occurredOn, area: x.areaCode, point: x.lat.flatMap { lat in x.lon.map { GeoPoint(lat: lat, lon: $0) } },
                indicators: Set(inds[x.id] ?? []))
        }
        return Duplicates.suggest(for: candidate(r), among: nearby.map(candidate)).map {
            SuggestionView(report: $0.id, score: $0.score, days: $0.days, kilometres: $0.kilometres, sharedIndicators: $0.sharedIndicators)
        }
    }

    static func shift(_ day: String, days: Int) -> String {
        CivilDate.parse(day).map { CivilDate.text($0 + days) } ?? day
    }

    // MARK: Incidents

    func incidents(req: Request) async throws -> Page<IncidentView> {
        try await Self.incidents(req, key: try await Self.incidentsKey(req))
    }

    /// The list as the API answers it: the JSON too is kept with the page, since encoding it was a fifth of the route.
    func incidentsJSON(req: Request) async throws -> Response {
        let key = try await Self.incidentsKey(req)
        return try await req.application.answers.incidents.json.response(key) { try await Self.incidents(req, key: key) }
    }

    /// Unchanged incidents are answered from memory, per reader's scope (partners poll this list).
    static func incidentsKey(_ req: Request) async throws -> IncidentAnswers.ListKey {
        let page = try PageRequest(req)
        var filter = try await Self.filter(req)
        if let a = filter.area { filter.areaIsBroad = try await req.riskSnapshot().isBroad(a) }
        return .init(revision: try await req.revisions().incidentAnswers, scope: try await req.scope(), query: .init(filter: filter, page: page))
    }

    static func incidents(_ req: Request, key: IncidentAnswers.ListKey) async throws -> Page<IncidentView> {
        try await req.application.answers.incidents.pages.value(key) {
            let store = IncidentStore(sql: req.sql)
            let rows = try await store.list(key.scope, key.query.filter, page: key.query.page)
            return Page(rows: try await store.views(rows, scope: key.scope), request: key.query.page) { v in "\(v.occurredOn)|\(v.id)" }
        }
    }

    func incident(req: Request) async throws -> IncidentView {
        let id = try req.parameters.require("id")
        let scope = try await req.scope()
        let store = IncidentStore(sql: req.sql)
        guard let r = try await store.get(id, scope) else { throw APIError.notFound("incident", id) }
        return try await store.views([r], scope: scope)[0]
    }
}

extension Sequence {
    func asyncContains(_ p: (Element) async throws -> Bool) async rethrows -> Bool {
        for e in self where try await p(e) { return true }
        return false
    }
}

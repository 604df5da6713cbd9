import AgoraCore
import Crypto
import Foundation
import SQLKit
import Vapor

/// A report as the API shows it. Anonymous viewers of a public report get it coarsened: the admin2
/// centroid instead of the point, and no free text (it may name people).
struct ReportView: Content {
    var id: String
    var body: String
    var classification: Classification
    var status: ReportStatus
    var indicators: [String]
    var eventType: String?
    var description: String?
    var occurredOn: String
    var occurredAt: String?
    var timePrecision: Int
    var area: String
    var lat: Double?
    var lon: Double?
    var geoPrecision: Int?
    var actors: [String]?
    var harm: Harm
    var sourceKind: String
    var reporter: String?
    var sourceReference: String?
    /// How it came in: web, api, bulk, sms, ussd, openrosa, import.
    var channel: String
    var createdAt: String
    var reviewedAt: String?
    var reviewReason: String?
    var incident: String?
    var duplicateOf: String?
    /// Only in the answer that stores the report: at which level it landed, how, and why if coarser than it should be.
    var placement: Placement? = nil
}

struct ReportRow: Decodable, Sendable {
    var classification: Classification
    var id, bodyCode, description, occurredOn, areaCode, areaPath, actors, sourceKind, submittedBy, createdAt, channel: String
    var status: ReportStatus
    var eventType, occurredAt, reporterId, sourceReference, reviewedBy, reviewedAt, reviewReason, incidentId, duplicateOf: String?
    var timePrecision: Int
    var geoPrecision, fatalities, injured, displaced: Int?
    var lat, lon: Double?
    var propertyDamaged: Bool?
    var textPublic: Bool
}

struct ReportStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "report", table: "reports")
    static let columns = [
        "id", "body_code", "classification", "status", "event_type", "description", "text_public", "occurred_on", "occurred_at",
        "time_precision", "area_code", "area_path", "lat", "lon", "geo_precision", "actors", "fatalities", "injured", "displaced",
        "property_damaged", "source_kind", "reporter_id", "source_reference", "submitted_by", "created_at", "reviewed_by",
        "reviewed_at", "review_reason", "incident_id", "duplicate_of", "channel",
    ]
    static let selected = ColumnList(columns, table: "reports")

    struct Filter: Sendable, Hashable {
        var status: ReportStatus?
        /// Reports in this area or any area below it (the query uses `areaPrefix`, its stored path).
        var area: String?
        var indicator: String?
        /// Indicator codes of one sector of the framework (resolved by the controller).
        var sectorIndicators: [String]?
        var from: String?
        var to: String?
        var text: String?
        var incident: String?
        /// The stored path of `area` ("/GHA/GH12/"): the filter is a range an index serves.
        var areaPrefix: String?
        /// The area holds a large share of all records: filter it without its index (see `AreaStore.under`).
        var areaIsBroad = false
        /// Where it came from: a report's source kind (monitor, media…), an incident's source (ACLED, UCDP, Agora…).
        var source: String?
        var classification: Classification?

        init(
            status: ReportStatus? = nil, area: String? = nil, indicator: String? = nil, sectorIndicators: [String]? = nil, from: String? = nil,
            to: String? = nil, text: String? = nil, incident: String? = nil, source: String? = nil, classification: Classification? = nil
        ) {
            self.status = status
            self.area = area
            self.indicator = indicator
            self.sectorIndicators = sectorIndicators
            self.from = from
            self.to = to
            self.text = text
            self.incident = incident
            self.source = source
            self.classification = classification
        }

        /// The filters reports and incidents share: area with everything below it, indicator, sector, dates, words.
        func apply(
            to query: SQLSelectBuilder, sql: any SQLDatabase, recordType: String, table: String,
            indicatorTable: String, indicatorKey: String
        ) -> SQLSelectBuilder {
            var q = query
            if let p = areaPrefix { q = q.where(AreaStore.under(p, column: SQLColumn("area_path", table: table), sql: sql, indexed: !areaIsBroad)) }
            // EXISTS, probing the (record, indicator) key per row, rather than IN (…), which made both engines
            // read every indicator row of the installation first (measured: seconds per request at two million).
            func having(_ codes: [String]) -> any SQLExpression {
                SQLQueryString(
                    "EXISTS (SELECT 1 FROM \(ident: indicatorTable) ri WHERE ri.\(ident: indicatorKey) = \(ident: table).id AND ri.indicator_code IN \(SQLBind.group(codes.isEmpty ? [""] : codes)))"
                )
            }
            if let codes = indicator.map({ [$0] }) ?? sectorIndicators { q = q.where(having(codes)) }
            if indicator != nil, let sector = sectorIndicators { q = q.where(having(sector)) }  // both given: the indicator must be in the sector
            if let d = from { q = q.where(SQLColumn("occurred_on", table: table), .greaterThanOrEqual, SQLBind(d)) }
            if let d = to { q = q.where(SQLColumn("occurred_on", table: table), .lessThanOrEqual, SQLBind(d)) }
            if let t = text, let m = SearchIndex(sql: sql).matching(recordType, t, idColumn: SQLColumn("id", table: table)) { q = q.where(m) }
            if let c = classification { q = q.where(SQLColumn("classification", table: table), .equal, SQLBind(c.rawValue)) }
            if let s = source { q = q.where(SQLColumn(table == "reports" ? "source_kind" : "source_name", table: table), .equal, SQLBind(s)) }
            return q
        }
    }

    func select(_ scope: AccessScope, _ f: Filter) -> SQLSelectBuilder {
        var q = Self.table.select(sql, scope).column(Self.selected)
        if let s = f.status { q = q.where("status", .equal, s.rawValue) }
        q = f.apply(to: q, sql: sql, recordType: "report", table: "reports", indicatorTable: "report_indicators", indicatorKey: "report_id")
        if let inc = f.incident { q = q.where("incident_id", .equal, inc) }
        return q
    }

    /// A person's own reports, newest first, within what the scope shows (the monitor's home page).
    func submitted(by actor: String, _ scope: AccessScope, limit: Int) async throws -> [ReportRow] {
        try await Self.table.select(sql, scope).column(Self.selected)
            .where(SQLColumn("submitted_by", table: "reports"), .equal, SQLBind(actor)).orderBy("created_at", .descending).limit(limit)
            .all(decoding: ReportRow.self, with: AreaStore.decoder)
    }

    /// Reports in one state, within what the scope shows (the queue's length).
    func count(_ scope: AccessScope, status: ReportStatus) async throws -> Int {
        try await Self.table.select(sql, scope).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .where(SQLColumn("status", table: "reports"), .equal, SQLBind(status.rawValue)).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Newest first by default; the review queue wants the oldest first. The cursor is `created_at|id`.
    func list(_ scope: AccessScope, _ f: Filter, page: PageRequest, oldestFirst: Bool = false) async throws -> [ReportRow] {
        var q = select(scope, f)
        if let (at, id) = try page.afterPair() {
            let op: SQLBinaryOperator = oldestFirst ? .greaterThan : .lessThan
            q = q.where { $0.where("created_at", op, at).orWhere { $0.where("created_at", .equal, at).where("id", op, id) } }
        }
        let dir: SQLDirection = oldestFirst ? .ascending : .descending
        return try await q.orderBy("created_at", dir).orderBy("id", dir).limit(page.limit + 1).all(decoding: ReportRow.self, with: AreaStore.decoder)
    }

    /// The id of a report a phone queued under `clientID` (a UUID): the same person and client id give the same
    /// report id, so a retry finds the first copy instead of making a second.
    static func id(actor: String, clientID: String) -> String? {
        guard let client = UUID(uuidString: clientID) else { return nil }
        var bytes = Array(SHA256.hash(data: Data("report|\(actor)|\(client.uuidString.lowercased())".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // name-based (version 5 layout)
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        ).uuidString.lowercased()
    }

    /// Whether a report with this id is stored, whoever may read it.
    func exists(_ id: String) async throws -> Bool {
        try await Self.table.unscoped(sql, because: "a retry finds its first copy; only the id is read").column("id").where("id", .equal, id)
            .first() != nil
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> ReportRow? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id)
            .first(decoding: ReportRow.self, with: AreaStore.decoder)
    }

    func indicators(of ids: [String]) async throws -> [String: [String]] {
        guard !ids.isEmpty else { return [:] }
        var out: [String: [String]] = [:]
        for r in try await sql.select().columns("report_id", "indicator_code").from("report_indicators").where("report_id", .in, ids).orderBy(
            "indicator_code"
        ).all() {
            out[try r.decode(column: "report_id", as: String.self), default: []].append(try r.decode(column: "indicator_code", as: String.self))
        }
        return out
    }

    /// Rows to views, coarsened for anonymous viewers.
    func views(_ rows: [ReportRow], scope: AccessScope) async throws -> [ReportView] {
        let inds = try await indicators(of: rows.map(\.id))
        let places = scope.signedIn ? PublicPlaces() : try await PublicPlaces.load(sql, paths: rows.map(\.areaPath))
        return rows.map { r in
            var v = ReportView(
                id: r.id, body: r.bodyCode, classification: r.classification, status: r.status, indicators: inds[r.id] ?? [],
                eventType: r.eventType, description: r.description, occurredOn: r.occurredOn, occurredAt: r.occurredAt,
                timePrecision: r.timePrecision,
                area: r.areaCode, lat: r.lat, lon: r.lon, geoPrecision: r.geoPrecision,
                actors: (try? JSONDecoder().decode([String].self, from: Data(r.actors.utf8))) ?? [],
                harm: Harm(fatalities: r.fatalities, injured: r.injured, displaced: r.displaced, propertyDamaged: r.propertyDamaged),
                sourceKind: r.sourceKind, reporter: r.reporterId, sourceReference: r.sourceReference, channel: r.channel, createdAt: r.createdAt,
                reviewedAt: r.reviewedAt, reviewReason: r.reviewReason, incident: r.incidentId, duplicateOf: r.duplicateOf)
            if !scope.signedIn {
                // Path is "/country/admin1/admin2/community/": publish no finer than admin2.
                let (area, point) = places.place(r.areaPath)
                v.area = area ?? r.areaCode
                v.lat = point?.lat
                v.lon = point?.lon
                v.geoPrecision = GeoPrecision.region.rawValue
                if !r.textPublic {
                    v.description = nil
                    v.actors = nil
                    v.sourceReference = nil
                }
                v.reporter = nil
                v.reviewReason = nil
            }
            return v
        }
    }

    /// Stores a checked report with its resolved area; audited.
    func create(
        _ d: ReportDraft, id: String, body: String, classification: Classification, sourceKind: SourceKind,
        area: String, areaPath: [String], actor: String, receiptDigest: String? = nil, channel: ReportChannel = .api
    ) async throws {
        let now = Timestamp.now()
        let actors = JSONText.array(d.actors ?? [])
        let path = AreaPath.text(areaPath)
        try await sql.insert(into: "reports").columns(
            "id", "body_code", "classification", "status", "event_type", "description", "occurred_on",
            "occurred_at", "time_precision", "area_code", "area_path", "lat", "lon", "geo_precision", "actors",
            "fatalities", "injured", "displaced", "property_damaged", "source_kind", "reporter_id",
            "source_reference", "submitted_by", "created_at", "receipt_digest", "channel"
        )
        .values(
            [
                SQLBind(id), SQLBind(body), SQLBind(classification.rawValue), SQLBind(ReportStatus.unreviewed.rawValue), SQLBind(d.eventType),
                SQLBind(d.description),
                SQLBind(d.occurredOn), SQLBind(d.occurredAt), SQLBind((d.timePrecision ?? .day).rawValue), SQLBind(area), SQLBind(path),
                SQLBind(d.lat), SQLBind(d.lon),
                SQLBind(d.geoPrecision?.rawValue ?? (d.lat == nil ? GeoPrecision.region.rawValue : GeoPrecision.exact.rawValue)),
                SQLBind(actors), SQLBind(d.harm?.fatalities), SQLBind(d.harm?.injured), SQLBind(d.harm?.displaced), SQLBind(d.harm?.propertyDamaged),
                SQLBind(sourceKind.rawValue), SQLBind(d.reporter), SQLBind(d.sourceReference), SQLBind(actor), SQLBind(now),
                SQLBind(receiptDigest), SQLBind(channel.rawValue),
            ] as [any SQLExpression]
        ).run()
        // A confidential report names its readers; the person who filed it is always one.
        if classification == .confidential, actor.hasPrefix("person:") {
            try await sql.insert(into: "record_grants").columns("record_type", "record_id", "grantee_kind", "grantee")
                .values(SQLBind("report"), SQLBind(id), SQLBind("person"), SQLBind(String(actor.dropFirst("person:".count)))).run()
        }
        for code in Set(d.indicators).sorted() {
            try await sql.insert(into: "report_indicators").columns("report_id", "indicator_code").values(SQLBind(id), SQLBind(code)).run()
        }
        try await SearchIndex(sql: sql).put("report", [(id, d.description)], new: true)
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "report", recordID: id, content: d)
    }

    /// The status of the report a receipt was given for: what its holder may know, nothing more.
    func receipt(digest: String) async throws -> PublicReports.ReceiptStatus? {
        guard
            let r = try await Self.table.unscoped(sql, because: "a receipt holder learns the status and the body, not the report")
                .columns("status", "body_code", "created_at").where("receipt_digest", .equal, digest).first()
        else { return nil }
        return PublicReports.ReceiptStatus(
            status: try r.decode(column: "status", as: ReportStatus.self), body: try r.decode(column: "body_code", as: String.self),
            receivedOn: String(try r.decode(column: "created_at", as: String.self).prefix(10)))
    }

    func review(_ id: String, status: ReportStatus, reason: String?, incident: String?, duplicateOf: String?, actor: String) async throws {
        try await sql.update("reports").set("status", to: status.rawValue).set("reviewed_by", to: actor).set("reviewed_at", to: Timestamp.now())
            .set("review_reason", to: reason).set("incident_id", to: incident).set("duplicate_of", to: duplicateOf)
            .where("id", .equal, id).run()
        try await AuditStore(sql: sql).append(
            actor: actor, action: "review.\(status.rawValue)", recordType: "report", recordID: id,
            content: [reason ?? "", incident ?? "", duplicateOf ?? ""])
    }
}

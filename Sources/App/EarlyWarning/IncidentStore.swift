import AgoraCore
import Foundation
import SQLKit
import Vapor

/// What the installation believes happened: made from verified reports, or imported from event data.
struct IncidentView: Content {
    var id: String
    var body: String
    var classification: Classification
    var title: String
    var eventType: String?
    var description: String?
    var occurredOn: String
    var timePrecision: Int
    var area: String?
    var lat: Double?
    var lon: Double?
    var geoPrecision: Int?
    var harm: Harm
    var actors: [String]?
    var indicators: [String]
    var sourceName: String
    var sourceEventID: String?
    /// How many independent sources support it.
    var sources: Int
    /// The reports behind it that the caller may see.
    var reports: [String]
    var createdAt: String
    var updatedAt: String
}

struct IncidentRow: Decodable, Sendable {
    var id, bodyCode: String
    var classification: Classification
    var title, occurredOn, areaPath, actors, description, sourceName, createdAt, updatedAt: String
    var eventType, areaCode, sourceEventId: String?
    var timePrecision, fatalities, injured, displaced, sources: Int
    var geoPrecision: Int?
    var lat, lon: Double?
    var textPublic: Bool
}

extension IncidentRow {
    /// Read column by column: the `Decodable` path through SQLKit's row decoder was 40 % of an export
    /// of 100,000 incidents (perf).
    init(row r: any SQLRow) throws {
        func s(_ c: String) throws -> String { try r.decode(column: c, as: String.self) }
        func os(_ c: String) throws -> String? { try r.decodeNil(column: c) ? nil : try r.decode(column: c, as: String.self) }
        func i(_ c: String) throws -> Int { try r.decode(column: c, as: Int.self) }
        func od(_ c: String) throws -> Double? { try r.decodeNil(column: c) ? nil : try r.decode(column: c, as: Double.self) }
        self.init(
            id: try s("id"), bodyCode: try s("body_code"), classification: try r.decode(column: "classification", as: Classification.self),
            title: try s("title"),
            occurredOn: try s("occurred_on"), areaPath: try s("area_path"), actors: try s("actors"), description: try s("description"),
            sourceName: try s("source_name"), createdAt: try s("created_at"), updatedAt: try s("updated_at"), eventType: try os("event_type"),
            areaCode: try os("area_code"), sourceEventId: try os("source_event_id"), timePrecision: try i("time_precision"),
            fatalities: try i("fatalities"), injured: try i("injured"), displaced: try i("displaced"), sources: try i("sources"),
            geoPrecision: try r.decodeNil(column: "geo_precision") ? nil : try i("geo_precision"), lat: try od("lat"), lon: try od("lon"),
            textPublic: try r.decode(column: "text_public", as: Bool.self))
    }
}

struct IncidentStore: Sendable {
    let sql: any SQLDatabase
    static let table = ScopedTable(recordType: "incident", table: "incidents")
    /// The source name of incidents made from verified monitor reports (imported ones carry their file's).
    static let reportedSource = "monitors"
    static let columns = [
        "id", "body_code", "classification", "title", "event_type", "description", "text_public", "occurred_on", "time_precision",
        "area_code", "area_path", "lat", "lon", "geo_precision", "fatalities", "injured", "displaced", "actors", "source_name",
        "source_event_id", "sources", "created_at", "updated_at",
    ]
    static let selected = ColumnList(columns, table: "incidents")

    typealias Filter = ReportStore.Filter

    /// The incidents the caller may see that match the filters (whole rows, or the columns asked for): every read
    /// below starts here.
    func select(_ scope: AccessScope, _ f: Filter, columns: any SQLExpression = Self.selected) -> SQLSelectBuilder {
        f.apply(
            to: Self.table.select(sql, scope).column(columns), sql: sql,
            recordType: "incident", table: "incidents", indicatorTable: "incident_indicators", indicatorKey: "incident_id")
    }

    /// Newest first (by the day it happened), then by id: the order of the list and of its map.
    private func newestFirst(_ q: SQLSelectBuilder) -> SQLSelectBuilder {
        q.orderBy(SQLColumn("occurred_on", table: "incidents"), SQLDirection.descending)
            .orderBy(SQLColumn("id", table: "incidents"), SQLDirection.descending)
    }

    /// Newest first (by the day it happened); the cursor is `occurred_on|id`, a range the
    /// (occurred_on, id) index serves on both engines, however deep the page.
    func list(_ scope: AccessScope, _ f: Filter, page: PageRequest) async throws -> [IncidentRow] {
        var q = select(scope, f)
        if let (day, id) = try page.afterPair() {
            q = q.where(SQLQueryString("(incidents.occurred_on, incidents.id) < (\(bind: day), \(bind: id))"))
        }
        return try await newestFirst(q).limit(page.limit + 1).all().map(IncidentRow.init(row:))
    }

    /// Where the newest `limit` matching incidents happened, for a list's map: each one's area and point (for an
    /// anonymous reader the public place, as `views` coarsens it). Three columns in one query, not whole incidents.
    func places(_ scope: AccessScope, _ f: Filter, limit: Int) async throws -> [(area: String?, point: GeoPoint?)] {
        let columns = SQLList(["area_code", "area_path", "lat", "lon"].map { SQLColumn($0, table: "incidents") })
        let rows = try await newestFirst(select(scope, f, columns: columns)).limit(limit).all()
        let found = try rows.map { r in
            (
                area: try r.decode(column: "area_code", as: String?.self), path: try r.decode(column: "area_path", as: String.self),
                lat: try r.decode(column: "lat", as: Double?.self), lon: try r.decode(column: "lon", as: Double?.self)
            )
        }
        guard !scope.signedIn else {
            return found.map { r in (r.area, r.lat.flatMap { lat in r.lon.map { GeoPoint(lat: lat, lon: $0) } }) }
        }
        let places = try await PublicPlaces.load(sql, paths: found.map(\.path))
        return found.map { r in
            let (area, point) = places.place(r.path)
            return (area ?? r.area, point)
        }
    }

    /// One page of matching rows, oldest first, after `(occurred_on, id)` (exports that stream: the
    /// `(occurred_on, id)` index serves the order and the resumption point).
    func page(_ scope: AccessScope, _ f: Filter, after: (day: String, id: String)?, limit: Int) async throws -> [IncidentRow] {
        var q = select(scope, f)
        if let after { q = q.where(SQLQueryString("(incidents.occurred_on, incidents.id) > (\(bind: after.day), \(bind: after.id))")) }
        return try await q.orderBy(SQLColumn("occurred_on", table: "incidents")).orderBy(SQLColumn("id", table: "incidents"))
            .limit(limit).all().map(IncidentRow.init(row:))
    }

    /// Public incidents since a day, as the public statistics count them: where (the stored path), when, deaths.
    func publicCounts(since: String) async throws -> [(path: [String], month: String, incidents: Int, fatalities: Int)] {
        // Counted by the store, by place and month: the rows themselves (up to two million) were read into the server,
        // and cut at 200,000 without a word.
        let month = SQLFunction("substr", args: SQLColumn("occurred_on", table: "incidents"), SQLLiteral.numeric("1"), SQLLiteral.numeric("7"))
        return try await Self.table.select(sql, .anonymous)
            .column(SQLColumn("area_path", table: "incidents"))
            .column(month, as: "month")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "incidents")
            // PostgreSQL sums a bigint as numeric: cast back to a whole number.
            .column(SQLQueryString("CAST(SUM(\(ident: "incidents").\(ident: "fatalities")) AS BIGINT)"), as: "deaths")
            .where(SQLColumn("occurred_on", table: "incidents"), .greaterThanOrEqual, SQLBind(since))
            .groupBy(SQLColumn("area_path", table: "incidents")).groupBy(month).all()
            .map {
                (
                    path: RiskStore.path(try $0.decode(column: "area_path", as: String.self)),
                    month: try $0.decode(column: "month", as: String.self),
                    incidents: try $0.decode(column: "incidents", as: Int.self),
                    fatalities: try $0.decode(column: "deaths", as: Int?.self) ?? 0
                )
            }
    }

    /// Which of these incidents the scope shows.
    func visible(_ ids: [String], _ scope: AccessScope) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return Set(
            try await Self.table.select(sql, scope).column(SQLColumn("id", table: "incidents"))
                .where(SQLColumn("id", table: "incidents"), .in, SQLBind.group(ids)).all().map { try $0.decode(column: "id", as: String.self) })
    }

    /// The sources of the incidents the scope shows, for the filter's list.
    /// The installation's names are stepped through one at a time on their index (a handful: ACLED, UCDP, the monitors),
    /// each kept only when the scope shows an incident of it: a DISTINCT over the scoped table read every incident.
    func sources(_ scope: AccessScope) async throws -> [String] {
        var names: [String] = []
        var after: String?
        for _ in 0..<1_000 where names.count < 100 {
            var next = Self.table.unscoped(sql, because: "a source's name, shown only if the scope shows one of its incidents")
                .column(SQLFunction("MIN", args: SQLColumn("source_name")), as: "name")
            if let after { next = next.where("source_name", .greaterThan, after) }
            guard let name = try await next.first()?.decode(column: "name", as: String?.self) else { break }
            after = name
            let seen = try await Self.table.select(sql, scope).column(SQLColumn("id", table: "incidents"))
                .where(SQLColumn("source_name", table: "incidents"), .equal, SQLBind(name)).limit(1).first()
            if seen != nil { names.append(name) }
        }
        return names
    }

    func get(_ id: String, _ scope: AccessScope) async throws -> IncidentRow? {
        try await Self.table.select(sql, scope).column(Self.selected).where("id", .equal, id)
            .first().map(IncidentRow.init(row:))
    }

    func views(_ rows: [IncidentRow], scope: AccessScope) async throws -> [IncidentView] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map(\.id)
        var inds: [String: [String]] = [:]
        for r in try await sql.select().columns("incident_id", "indicator_code").from("incident_indicators").where("incident_id", .in, ids).orderBy(
            "indicator_code"
        ).all() {
            inds[try r.decode(column: "incident_id", as: String.self), default: []].append(try r.decode(column: "indicator_code", as: String.self))
        }
        // Only the reports the caller may see are named.
        var reports: [String: [String]] = [:]
        for r in try await ReportStore.table.select(sql, scope).columns(SQLColumn("id", table: "reports"), SQLColumn("incident_id", table: "reports"))
            .where("incident_id", .in, ids).orderBy("id").all()
        {
            reports[try r.decode(column: "incident_id", as: String.self), default: []].append(try r.decode(column: "id", as: String.self))
        }
        let places = scope.signedIn ? PublicPlaces() : try await PublicPlaces.load(sql, paths: rows.map(\.areaPath))
        let decoder = JSONDecoder()
        return rows.map { r in
            var v = IncidentView(
                id: r.id, body: r.bodyCode, classification: r.classification, title: r.title, eventType: r.eventType,
                description: r.description, occurredOn: r.occurredOn, timePrecision: r.timePrecision, area: r.areaCode,
                lat: r.lat, lon: r.lon, geoPrecision: r.geoPrecision,
                harm: Harm(fatalities: r.fatalities, injured: r.injured, displaced: r.displaced),
                actors: (try? decoder.decode([String].self, from: Data(r.actors.utf8))) ?? [],
                indicators: inds[r.id] ?? [], sourceName: r.sourceName, sourceEventID: r.sourceEventId, sources: r.sources,
                reports: reports[r.id] ?? [], createdAt: r.createdAt, updatedAt: r.updatedAt)
            if !scope.signedIn {
                let (area, point) = places.place(r.areaPath)
                v.area = area ?? r.areaCode
                v.lat = point?.lat
                v.lon = point?.lon
                v.geoPrecision = GeoPrecision.region.rawValue
                if !r.textPublic {
                    v.description = nil
                    v.actors = nil
                }
            }
            return v
        }
    }

    /// A new incident from a verified report.
    func create(from r: ReportRow, indicators: [String], title: String, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "incidents").columns(
            "id", "body_code", "classification", "title", "event_type", "description", "occurred_on",
            "time_precision", "area_code", "area_path", "lat", "lon", "geo_precision", "fatalities",
            "injured", "displaced", "actors", "source_name", "source_event_id", "created_at", "updated_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(r.bodyCode), SQLBind(r.classification), SQLBind(title), SQLBind(r.eventType), SQLBind(r.description),
                SQLBind(r.occurredOn), SQLBind(r.timePrecision), SQLBind(r.areaCode), SQLBind(r.areaPath), SQLBind(r.lat), SQLBind(r.lon),
                SQLBind(r.geoPrecision), SQLBind(r.fatalities ?? 0), SQLBind(r.injured ?? 0), SQLBind(r.displaced ?? 0), SQLBind(r.actors),
                SQLBind(Self.reportedSource), SQLBind("agora:" + id), SQLBind(now), SQLBind(now),
            ] as [any SQLExpression]
        ).run()
        for code in Set(indicators).sorted() {
            try await sql.insert(into: "incident_indicators").columns("incident_id", "indicator_code").values(SQLBind(id), SQLBind(code)).run()
        }
        try await SearchIndex(sql: sql).put("incident", [(id, title + " " + r.description)], new: true)
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "incident", recordID: id, content: [r.id, title])
        // In the same transaction: the agreements in force decide what of it leaves for other installations.
        if FederationIdentity.current != nil {
            let level = try await BodyStore(sql: sql).refs([r.bodyCode])[r.bodyCode]?.level ?? BodyLevel.district.rawValue
            try await FederationOutbox(sql: sql).share(
                FederationOutbox.incident(
                    id: id, classification: r.classification, areaPath: r.areaPath, lat: r.lat, lon: r.lon, occurredOn: r.occurredOn,
                    bodyLevel: level,
                    title: title, eventType: r.eventType ?? "", fatalities: r.fatalities ?? 0, injured: r.injured ?? 0, displaced: r.displaced ?? 0,
                    actors: r.actors),
                kind: FederationKind.shared)
        }
        return id
    }

    /// An incident from a substantiated violation of an agreement, published: it counts in the area's risk as a
    /// threat (indicator `AG01` when the installation's framework has it), and links back to the allegation.
    func create(violation v: ViolationView, title: String, body: String, areaPath: String, indicator: String?, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let now = Timestamp.now()
        try await sql.insert(into: "incidents").columns(
            "id", "body_code", "classification", "title", "event_type", "description", "occurred_on",
            "time_precision", "area_code", "area_path", "lat", "lon", "geo_precision", "fatalities",
            "injured", "displaced", "actors", "source_name", "source_event_id", "created_at", "updated_at"
        )
        .values(
            [
                SQLBind(id), SQLBind(body), SQLBind(Classification.public.rawValue), SQLBind(title), SQLBind("Agreement violation"),
                SQLBind(v.description), SQLBind(v.occurredOn), SQLBind(1), SQLBind(v.area), SQLBind(areaPath), SQLBind(nil as Double?),
                SQLBind(nil as Double?), SQLBind(3), SQLBind(0), SQLBind(0), SQLBind(0), SQLBind(JSONText.array([v.foundParty ?? ""])),
                SQLBind("agora-violation"), SQLBind("violation:" + v.id), SQLBind(now), SQLBind(now),
            ] as [any SQLExpression]
        ).run()
        if let code = indicator {
            try await sql.insert(into: "incident_indicators").columns("incident_id", "indicator_code").values(SQLBind(id), SQLBind(code)).run()
        }
        try await SearchIndex(sql: sql).put("incident", [(id, title + " " + v.description)], new: true)
        try await AuditStore(sql: sql).append(actor: actor, action: "create", recordType: "incident", recordID: id, content: [v.id, title])
        return id
    }

    /// After a report joins: indicators are the union, harm the largest any report gives (the same
    /// deaths told twice are not twice the deaths), and the count of independent sources is redone.
    func absorb(_ r: ReportRow, indicators: [String], into id: String, actor: String) async throws {
        for code in Set(indicators).sorted() {
            try await sql.insert(into: "incident_indicators").columns("incident_id", "indicator_code").values(SQLBind(id), SQLBind(code))
                .ignoringConflicts(with: ["incident_id", "indicator_code"]).run()
        }
        try await sql.raw(
            """
            UPDATE incidents SET
              fatalities = CASE WHEN fatalities < \(bind: r.fatalities ?? 0) THEN \(bind: r.fatalities ?? 0) ELSE fatalities END,
              injured = CASE WHEN injured < \(bind: r.injured ?? 0) THEN \(bind: r.injured ?? 0) ELSE injured END,
              displaced = CASE WHEN displaced < \(bind: r.displaced ?? 0) THEN \(bind: r.displaced ?? 0) ELSE displaced END,
              updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id)
            """
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "report.join", recordType: "incident", recordID: id, content: [r.id])
    }

    /// Independent sources: distinct reporters, distinct media or partner references, distinct monitors.
    func recountSources(_ id: String) async throws {
        let rows = try await ReportStore.table.unscoped(sql, because: "an incident counts every source behind it; only the count is kept")
            .columns("source_kind", "reporter_id", "source_reference", "submitted_by")
            .where("incident_id", .equal, id).where("status", .equal, ReportStatus.verified.rawValue).all()
        var keys = Set<String>()
        for r in rows {
            let kind = try r.decode(column: "source_kind", as: String.self)
            let key =
                try r.decode(column: "reporter_id", as: String?.self) ?? r.decode(column: "source_reference", as: String?.self)
                ?? r.decode(column: "submitted_by", as: String.self)
            keys.insert(kind + ":" + key)
        }
        try await sql.update("incidents").set("sources", to: keys.count).where("id", .equal, id).run()
    }

    /// Of these incident ids, those the viewer may see that lie in the area (or below it).
    func visible(_ ids: [String], in area: String, _ scope: AccessScope) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try await Self.table.select(sql, scope).column(SQLColumn("id", table: "incidents"))
            .where("id", .in, ids).where("area_path", .like, SQLBind("%/\(area)/%")).all().map { try $0.decode(column: "id", as: String.self) }
    }
}

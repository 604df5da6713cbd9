import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Turns an event-data file into incidents: each row mapped to an area by P-code, by admin names or by
/// coordinates; rows already imported (same source event id) skipped; all in one transaction, so a file is
/// applied whole or not at all.
struct EventImporter {
    struct Summary: Sendable {
        var layout: EventLayout
        var rows: Int
        var imported: Int
        var duplicates: Int
        var rejected: [ValidationIssue]
        /// How the imported rows found their area.
        var byPcode = 0, byName = 0, byPoint = 0, countryOnly = 0
        /// The file had no event ids; they were made from each row's content.
        var generatedIDs = false
        var resolvedBelowCountry: Double { imported == 0 ? 0 : Double(byPcode + byName + byPoint) / Double(imported) }
    }

    let body: String
    let classification: Classification
    let actor: String
    /// Bytes of the file read, and its size.
    var progress: (@Sendable (Int, Int) -> Void)? = nil
    /// Loads of at least this many new rows (and a quarter of what is stored) build the secondary indexes afterwards.
    var deferIndexesFrom = 20_000

    func run(_ data: Data, app: Application, gazetteer: Gazetteer) async throws -> Summary {
        let opened = try EventStream(data)  // a file that is not event data fails here, before any transaction
        let estimate = opened.rowCount
        return try await app.write { tx in
            let sql = tx
            var stream = opened
            guard try await BodyStore(sql: sql).refs([body])[body] != nil else {
                throw ValidationFailure(field: "--body", "unknown body code '\(body)'")
            }
            let areas = try await AreaIndex.load(sql)
            var summary = Summary(layout: stream.layout, rows: 0, imported: 0, duplicates: 0, rejected: [])
            var unplaced: [ValidationIssue] = []
            var sourceIDs: [String] = []  // the audit entry names every event the file held
            let incidents = IncidentStore(sql: sql)
            let stored = try await incidents.countAll()
            var riskEvents: [RiskEvent] = []
            riskEvents.reserveCapacity(Swift.min(estimate, 4_000_000))
            var ids = OrderedIDs()
            var paths: [String: (text: String, codes: [String])] = [:]
            var memo: [String: String?] = [:]
            let now = Timestamp.now()
            // Into an empty or small table the secondary indexes are built after the load. The unique key on
            // source ids belongs to the table and stays, so each chunk's check below remains a lookup.
            // A file imported again is mostly duplicates: its first chunk says so before any index is dropped.
            var next = try stream.next(10_000)
            let firstExisting = stored == 0 ? [] : try await incidents.existingSourceIDs((next ?? []).map(\.sourceEventID))
            let mostlyNew = firstExisting.count * 2 < (next?.count ?? 0)
            let large = estimate >= deferIndexesFrom && estimate * 4 >= stored && mostlyNew
            try await BulkWriter(sql: sql).withDeferredIndexes(on: "incidents", when: large) {
                var writing: Task<Void, any Error>?
                var existing = firstExisting
                // The next chunk is parsed while the store writes the last one (two cores: one each).
                while let chunk = next {
                    progress?(stream.progress.done, stream.progress.of)
                    sourceIDs += chunk.map(\.sourceEventID)
                    let fresh = stored == 0 ? chunk : chunk.filter { !existing.contains($0.sourceEventID) }
                    summary.duplicates += chunk.count - fresh.count
                    var rows: [BulkValue] = []
                    var indicatorRows: [BulkValue] = []
                    var searchRows: [(id: String, text: String)] = []
                    rows.reserveCapacity(fresh.count * 20)
                    for e in fresh {
                        guard let (area, how) = areas.resolve(e, gazetteer: gazetteer, memo: &memo) else {
                            unplaced.append(
                                ValidationIssue(
                                    field: "line \(e.line)",
                                    message:
                                        "no area found: no known P-code, admin names '\(e.admin1 ?? "")'/'\(e.admin2 ?? "")' not found, and no stored shape contains the point"
                                ))
                            continue
                        }
                        switch how {
                        case .pcode: summary.byPcode += 1
                        case .name: summary.byName += 1
                        case .point: summary.byPoint += 1
                        case .country: summary.countryOnly += 1
                        }
                        let id = ids.next()
                        let path = paths[area] ?? (areas.pathText(area), areas.path(area))
                        paths[area] = path
                        rows += [
                            .text(id), .text(body), .text(classification.rawValue), .text(e.eventType), .text(e.eventType), .text(e.notes),
                            .text(e.day), .int(e.timePrecision.rawValue), .text(area), .text(path.text), BulkValue(e.lat), BulkValue(e.lon),
                            BulkValue(e.geoPrecision?.rawValue), .int(e.fatalities), .text(JSONText.array(e.actors)), .text(e.sourceName),
                            .text(e.sourceEventID), .int(1), .text(now), .text(now),
                        ]
                        for i in e.indicators { indicatorRows += [.text(id), .text(i)] }
                        if let day = CivilDate.parse(e.day) {
                            riskEvents.append(RiskEvent(id: id, areaPath: path.codes, day: day, fatalities: e.fatalities, indicators: e.indicators))
                        }
                        searchRows.append(
                            (id, [e.eventType, e.notes, e.actors.joined(separator: " "), e.admin1 ?? "", e.admin2 ?? ""].joined(separator: " ")))
                        summary.imported += 1
                    }
                    try await writing?.value
                    writing = Task { [rows, indicatorRows, searchRows] in
                        try await incidents.insertImported(rows, indicators: indicatorRows, search: searchRows)
                    }
                    next = try stream.next(10_000)
                    if stored > 0, let n = next {
                        try await writing?.value  // one statement at a time on the transaction's connection
                        writing = nil
                        existing = try await incidents.existingSourceIDs(n.map(\.sourceEventID))
                    }
                }
                try await writing?.value
            }
            summary.rows = stream.rows
            summary.generatedIDs = stream.generatesIDs
            summary.rejected = stream.rejected + unplaced
            // Risk follows in the same transaction: the imported events count from the moment they exist.
            if !riskEvents.isEmpty {
                let weights = RiskWeights(try await FrameworkStore(sql: sql).active())
                let settings = try await SettingsStore(sql: sql).load().risk
                try await RiskStore(sql: sql).apply(riskEvents.flatMap { RiskCube.deltas($0, weights, settings) })
            }
            progress?(stream.progress.of, stream.progress.of)
            if summary.imported > 0 {
                try await AuditStore(sql: sql).append(
                    actor: actor, action: "import", recordType: "incident", recordID: "\(summary.imported) incidents", content: sourceIDs)
            }
            return summary
        }
    }
}

/// The area tree with names, for mapping event rows to areas.
struct AreaIndex: Sendable {
    enum How { case pcode, name, point, country }
    var nodes: [String: AreaNode]
    var country: [String: String]
    var names: [String: String] = [:]
    /// (country, level, normalised name) → code.
    var byName: [String: String]

    static func load(_ sql: any SQLDatabase) async throws -> AreaIndex {
        let rows = try await AreaStore(sql: sql).tree()
        var idx = AreaIndex(nodes: [:], country: [:], byName: [:])
        for r in rows {
            idx.names[r.code] = r.name
            idx.nodes[r.code] = AreaNode(level: AreaLevel(rawValue: r.level) ?? .community, parent: r.parentCode)
            idx.country[r.code] = r.countryCode
            idx.byName["\(r.countryCode)|\(r.level)|\(EventImport.normalise(r.name))"] = r.code
            if let p = r.parentCode { idx.byName["\(p)|\(EventImport.normalise(r.name))"] = r.code }
        }
        return idx
    }

    func path(_ code: String) -> [String] {
        var out = [code]
        while let p = nodes[out.last!]?.parent, !out.contains(p), out.count < 16 { out.append(p) }
        return out
    }

    /// The area of this level on the way up from `code` (itself included), if any.
    func ancestor(_ code: String, at level: AreaLevel) -> String? {
        path(code).first { nodes[$0]?.level == level }
    }

    func pathText(_ code: String) -> String { AreaPath.text(path(code)) }

    /// The area the names reach: the admin1 of that name in the country, and the admin2 below it.
    func named(_ country: String, _ admin1: String?, _ admin2: String?) -> String? {
        guard let a1 = admin1, let code = byName["\(country)|admin1|\(EventImport.normalise(a1))"] else { return nil }
        if let a2 = admin2, let deeper = byName["\(code)|\(EventImport.normalise(a2))"] { return deeper }
        return code
    }

    /// `memo` keeps what names resolved to during one import: a file repeats the same few thousand.
    func resolve(_ e: EventRecord, gazetteer: Gazetteer, memo: inout [String: String?]) -> (String, How)? {
        if let p = e.pcode, nodes[p] != nil { return (p, .pcode) }
        let c = e.country ?? ""
        let key = c + "\u{1F}" + (e.admin1 ?? "\u{0}") + "\u{1F}" + (e.admin2 ?? "\u{0}")
        let named: String?
        if let known = memo[key] {
            named = known
        } else {
            named = self.named(c, e.admin1, e.admin2)
            memo[key] = .some(named)
        }
        // A point may place the event deeper than its names do, inside the same area — unless the names
        // already reach the deepest level any shape has (then the lookup can only agree).
        let deeperShapes = named.map { n in (nodes[n]?.level).map { l in (gazetteer.deepestLevel ?? .country) > l } ?? true } ?? true
        if deeperShapes, let lat = e.lat, let lon = e.lon {
            let hits = gazetteer.areas(containing: GeoPoint(lat: lat, lon: lon)).filter { c.isEmpty || country[$0.code] == c }
            if let deepest = hits.first, deepest.level != .country {
                if named == nil { return (deepest.code, .point) }
                if path(deepest.code).contains(named!) { return (deepest.code, .name) }
            }
        }
        if let named { return (named, .name) }
        if !c.isEmpty, nodes[c] != nil { return (c, .country) }
        // A country name the file spells its own way: the country whose shape holds the point.
        if c.isEmpty, let lat = e.lat, let lon = e.lon,
            let hit = gazetteer.areas(containing: GeoPoint(lat: lat, lon: lon)).first(where: { $0.level == .country })
        {
            return (hit.code, .country)
        }
        return nil
    }
}

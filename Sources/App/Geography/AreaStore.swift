import AgoraCore
import Foundation
import SQLKit

/// Reads and writes the area tree. Every write runs in the caller's transaction and bumps the
/// geography revision so that point-lookup caches in every process reload.
struct AreaStore: Sendable {
    let sql: any SQLDatabase

    struct Filter: Sendable {
        var level: AreaLevel?
        var parent: String?
        var country: String?
        var text: String?
        var codes: [String]?
    }

    static let decoder = SnakeCaseKeys.decoder

    func get(_ code: String) async throws -> AreaRecord? {
        try await sql.select().column(AreaRecord.selected).from("areas")
            .where("code", .equal, code).first(decoding: AreaRecord.self, with: Self.decoder)
    }

    func geometryText(_ code: String) async throws -> String? {
        try await sql.select().column("geometry").from("areas").where("code", .equal, code)
            .first(decodingColumn: "geometry", as: String?.self) ?? nil
    }

    func list(_ f: Filter, page: PageRequest) async throws -> [AreaRecord] {
        if f.codes?.isEmpty == true { return [] }
        var q = sql.select().column(AreaRecord.selected).from("areas")
        if let l = f.level { q = q.where("level", .equal, l.rawValue) }
        if let p = f.parent { q = q.where("parent_code", .equal, p) }
        if let c = f.country { q = q.where("country_code", .equal, c) }
        if let t = f.text?.lowercased(), !t.isEmpty {
            q = q.where(SQLFunction("LOWER", args: SQLColumn("name")), .like, SQLBind("%" + Self.escapeLike(t) + "%"))
        }
        if let codes = f.codes { q = q.where("code", .in, codes) }
        if let after = page.after { q = q.where("code", .greaterThan, after) }
        return try await q.orderBy("code").limit(page.limit + 1).all(decoding: AreaRecord.self, with: Self.decoder)
    }

    static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: " ")
    }

    /// Level and parent of every area: what the tree rules check a change against.
    /// Every area's code, name and parent: enough to list areas for a form.
    struct NameRow: Decodable, Sendable {
        var code: String
        var name: String
        var parentCode: String?
    }

    /// Whether any area lies below this one.
    func hasChildren(_ code: String) async throws -> Bool {
        try await sql.select().column("code").from("areas").where("parent_code", .equal, code).limit(1).first() != nil
    }

    /// Centroids of the areas of a country, for offering places nearest a point first.
    func centroids(country: String) async throws -> [String: GeoPoint] {
        var out: [String: GeoPoint] = [:]
        for r in try await sql.select().columns("code", "centroid_lat", "centroid_lon").from("areas").where("country_code", .equal, country)
            .where(SQLColumn("centroid_lat"), .isNot, SQLLiteral.null).all()
        {
            out[try r.decode(column: "code", as: String.self)] = GeoPoint(
                lat: try r.decode(column: "centroid_lat", as: Double.self), lon: try r.decode(column: "centroid_lon", as: Double.self))
        }
        return out
    }

    /// The areas of the countries where these bodies (or, with nil, any body) hold a jurisdiction: what a form for
    /// monitors offers, rather than the world.
    func names(inCountriesOfBodies bodies: [String]?) async throws -> [NameRow] {
        try await sql.select().columns("code", "name", "parent_code").from("areas")
            .where(
                "country_code", .in,
                SQLSubquery.select { q in
                    let s = q.column(SQLColumn("country_code", table: "areas")).from("body_jurisdictions")
                        .join("areas", on: SQLColumn("code", table: "areas"), .equal, SQLColumn("area_code", table: "body_jurisdictions"))
                    if let bodies { s.where(SQLColumn("body_code", table: "body_jurisdictions"), .in, SQLBind.group(bodies)) }
                    return s
                }
            )
            .orderBy("code").all(decoding: NameRow.self, with: Self.decoder)
    }

    func names() async throws -> [NameRow] {
        try await sql.select().columns("code", "name", "parent_code").from("areas").all(decoding: NameRow.self, with: Self.decoder)
    }

    func nodes() async throws -> [String: AreaNode] {
        struct Row: Decodable {
            var code: String
            var level: String
            var parentCode: String?
        }
        let rows = try await sql.select().columns("code", "level", "parent_code").from("areas")
            .all(decoding: Row.self, with: Self.decoder)
        var out: [String: AreaNode] = [:]
        out.reserveCapacity(rows.count)
        for r in rows { out[r.code] = AreaNode(level: AreaLevel(rawValue: r.level) ?? .community, parent: r.parentCode) }
        return out
    }

    /// The area's code, then its parent's, up to its country. Empty when the area is unknown.
    func path(_ code: String) async throws -> [String] {
        var out: [String] = []
        var next: String? = code
        while let c = next, out.count < 16, !out.contains(c) {
            guard
                let parent = try await sql.select().column("parent_code").from("areas").where("code", .equal, c)
                    .first(decodingColumn: "parent_code", as: String?.self)
            else { break }
            out.append(c)
            next = parent
        }
        return out
    }

    func refs(_ codes: [String]) async throws -> [AreaRef] {
        guard !codes.isEmpty else { return [] }
        let rows = try await sql.select().columns("code", "name", "level").from("areas")
            .where("code", .in, codes).all(decoding: AreaRef.self)
        let byCode = Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return codes.compactMap { byCode[$0] }
    }

    /// Each known area's country.
    func countries(of codes: [String]) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for r in try await sql.select().columns("code", "country_code").from("areas").where("code", .in, Array(Set(codes))).all() {
            out[try r.decode(column: "code", as: String.self)] = try r.decode(column: "country_code", as: String.self)
        }
        return out
    }

    func exists(_ codes: [String]) async throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        var found = Set<String>()
        for chunk in codes.chunked(400) {
            let rows = try await sql.select().column("code").from("areas").where("code", .in, Array(chunk)).all()
            for r in rows { found.insert(try r.decode(column: "code", as: String.self)) }
        }
        return found
    }

    // MARK: Writes

    /// Creates or updates areas after checking the whole batch; nothing is written when any item is wrong.
    /// A draft without a shape keeps the shape the area already has.
    /// - Returns: how many areas were new and how many were updated.
    @discardableResult
    func upsert(_ drafts: [AreaDraft], actor: String) async throws -> (created: Int, updated: Int) {
        guard !drafts.isEmpty else { return (0, 0) }
        let existing = try await nodes()
        try AreaRules.check(drafts, existing: existing)
        var tree = existing
        for d in drafts { tree[d.code] = AreaNode(level: d.level, parent: d.parent) }
        func country(_ code: String) -> String {
            var c = code
            var hops = 0
            while let p = tree[c]?.parent, hops < 16 {
                c = p
                hops += 1
            }
            return c
        }
        let now = Timestamp.now()
        // Parents first, so that every row's parent exists when it lands.
        let ordered = drafts.sorted { $0.level.depth < $1.level.depth }
        let withShape = ordered.filter { $0.geometry != nil }
        let without = ordered.filter { $0.geometry == nil }
        let base = [
            "code", "name", "names", "level", "parent_code", "country_code", "centroid_lat", "centroid_lon", "source", "created_at", "updated_at",
        ]
        let shapeColumns = ["min_lon", "min_lat", "max_lon", "max_lat", "geometry"]
        for (group, shaped) in [(withShape, true), (without, false)] where !group.isEmpty {
            for chunk in group.chunked(200) {
                var insert = sql.insert(into: "areas").columns(shaped ? base + shapeColumns : base)
                for d in chunk {
                    let c = d.effectiveCentroid
                    let names = String(decoding: try JSONEncoder.sorted.encode(d.names), as: UTF8.self)
                    var row: [any SQLExpression] = [
                        SQLBind(d.code), SQLBind(d.name), SQLBind(names), SQLBind(d.level.rawValue), SQLBind(d.parent),
                        SQLBind(country(d.code)), SQLBind(c?.lat), SQLBind(c?.lon), SQLBind(d.source), SQLBind(now), SQLBind(now),
                    ]
                    if shaped, let g = d.geometry {
                        row += [
                            SQLBind(g.bbox.minLon), SQLBind(g.bbox.minLat), SQLBind(g.bbox.maxLon), SQLBind(g.bbox.maxLat),
                            SQLBind(GeoJSON.text(of: g)),
                        ]
                    }
                    insert = insert.values(row)
                }
                // A draft without a centroid keeps the stored one (a P-code list has none).
                try await insert.onConflict(with: ["code"]) { u in
                    var u = u
                    for col in (shaped ? base + shapeColumns : base) where col != "code" && col != "created_at" {
                        if col.hasPrefix("centroid_") {
                            u = u.set(SQLColumn(col), to: SQLFunction("COALESCE", args: SQLExcludedColumn(col), SQLColumn(col, table: "areas")))
                        } else {
                            u = u.set(excludedValueOf: col)
                        }
                    }
                    return u
                }.run()
            }
        }
        try await fixCountries(below: drafts.map(\.code), tree: tree, country: country)
        try await bumpRevision()
        let summary = drafts.map { d in [d.code, d.name, d.level.rawValue, d.parent ?? "", d.geometry.map(GeoJSON.text(of:)) ?? ""] }
        return try await AuditStore(sql: sql).appendUpsert(
            actor: actor, recordType: "area", codes: drafts.map(\.code),
            isNew: { existing[$0] == nil }, content: summary)
    }

    /// A moved area takes its descendants to its new country.
    private func fixCountries(below codes: [String], tree: [String: AreaNode], country: (String) -> String) async throws {
        let moved = Set(codes)
        var children: [String: [String]] = [:]
        for (code, node) in tree { if let p = node.parent { children[p, default: []].append(code) } }
        var stack = codes.flatMap { children[$0] ?? [] }.filter { !moved.contains($0) }
        var seen = Set<String>()
        while let c = stack.popLast(), seen.insert(c).inserted {
            try await sql.update("areas").set("country_code", to: country(c)).where("code", .equal, c).run()
            stack += children[c] ?? []
        }
    }

    func bumpRevision() async throws {
        try await sql.raw("UPDATE agora_meta SET value = value + 1 WHERE key = 'geo_revision'").run()
    }

    /// The digest of the boundary inputs the demo last loaded (nil: never), so that a restart on unchanged files
    /// neither parses ~4 MB of shapes again nor rewrites every area.
    func loadedDigest() async throws -> Int? {
        try await sql.select().column("value").from("agora_meta").where("key", .equal, "demo_area_digest")
            .first(decodingColumn: "value", as: Int.self)
    }

    func setLoadedDigest(_ digest: Int) async throws {
        try await sql.insert(into: "agora_meta").columns("key", "value").values(SQLBind("demo_area_digest"), SQLBind(digest))
            .onConflict(with: ["key"]) { $0.set(excludedValueOf: "value") }.run()
    }

    func revision() async throws -> Int {
        try await sql.select().column("value").from("agora_meta").where("key", .equal, "geo_revision")
            .first(decodingColumn: "value", as: Int.self) ?? 0
    }

    /// Every stored shape, for the point-lookup index and the neighbour computation.
    func shapes() async throws -> [(code: String, level: AreaLevel, geometry: AreaGeometry)] {
        struct Row: Decodable {
            var code: String
            var level: String
            var geometry: String
        }
        let rows = try await sql.select().columns("code", "level", "geometry").from("areas")
            .where(SQLColumn("geometry"), .isNot, SQLLiteral.null).all(decoding: Row.self)
        return try rows.map { r in
            (r.code, AreaLevel(rawValue: r.level) ?? .community, try GeoJSON.geometry(fromText: r.geometry, field: "areas.\(r.code).geometry"))
        }
    }

    // MARK: Neighbours

    struct NeighbourRow: Codable, Sendable {
        var areaCode: String
        var neighbourCode: String
        var kind: String
    }

    func neighbours(of code: String) async throws -> [NeighbourRow] {
        try await sql.select().columns("area_code", "neighbour_code", "kind").from("area_neighbours")
            .where("area_code", .equal, code).orderBy("neighbour_code").all(decoding: NeighbourRow.self, with: Self.decoder)
    }

    func hasComputedNeighbours() async throws -> Bool {
        try await sql.select().column("area_code").from("area_neighbours").where("kind", .equal, "computed").limit(1).first() != nil
    }

    /// Replaces the computed neighbour pairs; declared ones stay.
    @discardableResult
    func recomputeNeighbours(tolerance: Double) async throws -> Int {
        let shapes = try await shapes()
        let tree = try await nodes()
        func lineage(_ code: String) -> Set<String> {
            var out: Set<String> = [code]
            var c = code
            while let p = tree[c]?.parent, out.insert(p).inserted { c = p }
            return out
        }
        let pairs = Neighbours.pairs(
            shapes.map { Neighbours.Shape(code: $0.code, geometry: $0.geometry, lineage: lineage($0.code)) },
            tolerance: tolerance)
        try await sql.delete(from: "area_neighbours").where("kind", .equal, "computed").run()
        let declared = try await sql.select().columns("area_code", "neighbour_code").from("area_neighbours").all()
        var have = Set<String>()
        for r in declared {
            have.insert("\(try r.decode(column: "area_code", as: String.self))|\(try r.decode(column: "neighbour_code", as: String.self))")
        }
        let rows = pairs.flatMap { [($0.0, $0.1), ($0.1, $0.0)] }.filter { !have.contains("\($0.0)|\($0.1)") }
        for chunk in rows.chunked(300) {
            var insert = sql.insert(into: "area_neighbours").columns("area_code", "neighbour_code", "kind")
            for (a, b) in chunk { insert = insert.values(SQLBind(a), SQLBind(b), SQLBind("computed")) }
            try await insert.run()
        }
        return pairs.count
    }

    /// Records that two areas neighbour each other whatever their shapes say (a river crossing, a market road).
    func declareNeighbours(_ a: String, _ b: String, actor: String) async throws {
        for (x, y) in [(a, b), (b, a)] {
            try await sql.insert(into: "area_neighbours").columns("area_code", "neighbour_code", "kind")
                .values(SQLBind(x), SQLBind(y), SQLBind("declared"))
                .onConflict(with: ["area_code", "neighbour_code"]) { $0.set(excludedValueOf: "kind") }.run()
        }
        try await AuditStore(sql: sql).append(actor: actor, action: "neighbour.declare", recordType: "area", recordID: a, content: [a, b])
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension JSONEncoder {
    /// Stable output, so the same value always stores the same text.
    static let sorted: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
}

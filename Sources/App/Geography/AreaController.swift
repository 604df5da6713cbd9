import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `/api/v1/areas`: the area tree, point lookup and neighbours.
struct AreaController {
    /// Reads are public (geography is); writes are for installation administrators.
    func register(_ routes: any RoutesBuilder) {
        let areas = routes.grouped("areas")
        areas.get(use: list)
        areas.get("lookup", use: lookup)
        areas.get(":code", use: get)
        areas.get(":code", "neighbours", use: neighbours)
        areas.post(use: create)
        areas.patch(":code", use: update)
        areas.post(":code", "neighbours", use: declareNeighbour)
    }

    struct Input: Content {
        struct Point: Content {
            var lat: Double
            var lon: Double
        }
        var code: String?
        var name: String?
        var names: [String: String]?
        var level: String?
        var parent: String?
        var centroid: Point?
        var geometry: JSONValue?
    }

    func list(req: Request) async throws -> Page<AreaView> {
        let page = try PageRequest(req)
        let filter = AreaStore.Filter(
            level: try req.query.get(String?.self, at: "level").map { try AreaLevel.parse($0, field: "level") },
            parent: try req.query.get(String?.self, at: "parent"),
            country: try req.query.get(String?.self, at: "country")?.uppercased(),
            text: try req.query.get(String?.self, at: "q"))
        let rows = try await AreaStore(sql: req.sql).list(filter, page: page)
        return Page(rows: rows.map { AreaView($0) }, request: page, code: \.code)
    }

    func get(req: Request) async throws -> AreaView {
        let code = try req.parameters.require("code")
        let store = AreaStore(sql: req.sql)
        guard let r = try await store.get(code) else { throw APIError.notFound("area", code) }
        let withGeometry = (try? req.query.get(Bool.self, at: "geometry")) ?? false
        return AreaView(r, geometry: withGeometry ? try await store.geometryText(code) : nil)
    }

    func create(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let actor = req.actor
        let input = try req.input(Input.self)
        var issues = IssueCollector()
        if input.code == nil { issues.add("code", "is required") }
        if input.name == nil { issues.add("name", "is required") }
        if input.level == nil { issues.add("level", "is required") }
        try issues.throwIfAny()
        let draft = try Self.draft(
            input, code: input.code!, name: input.name!, level: try AreaLevel.parse(input.level!, field: "level"), parent: input.parent)
        let view = try await req.write { tx in
            let store = AreaStore(sql: tx)
            if try await store.get(draft.code) != nil {
                throw APIError.conflict(field: "code", "an area with code '\(draft.code)' exists; PATCH it instead")
            }
            try await store.upsert([draft], actor: actor)
            if draft.geometry != nil { try await store.recomputeNeighbours(tolerance: Neighbourhood.defaultTolerance) }
            return AreaView(try await store.get(draft.code)!)
        }
        return try await view.created(at: "/api/v1/areas/\(view.code)", for: req)
    }

    func update(req: Request) async throws -> AreaView {
        try req.requireInstallationAdmin()
        let actor = req.actor
        let code = try req.parameters.require("code")
        let input = try req.input(Input.self)
        if let c = input.code, c != code { throw APIError.badRequest(field: "code", "cannot change; an area's code is its identity") }
        return try await req.write { tx in
            let store = AreaStore(sql: tx)
            guard let current = try await store.get(code) else { throw APIError.notFound("area", code) }
            let level = try AreaLevel.parse(input.level ?? current.level, field: "level")
            if level.rawValue != current.level { throw APIError.badRequest(field: "level", "cannot change; create the area anew at the right level") }
            var draft = try Self.draft(input, code: code, name: input.name ?? current.name, level: level, parent: input.parent ?? current.parentCode)
            if input.names == nil { draft.names = AreaView(current).names }
            try await store.upsert([draft], actor: actor)
            if draft.geometry != nil { try await store.recomputeNeighbours(tolerance: Neighbourhood.defaultTolerance) }
            return AreaView(try await store.get(code)!)
        }
    }

    static func draft(_ input: Input, code: String, name: String, level: AreaLevel, parent: String?) throws -> AreaDraft {
        var issues = IssueCollector()
        if let c = input.centroid { GeoPoint.check(lat: c.lat, lon: c.lon, field: "centroid", into: &issues) }
        try issues.throwIfAny()
        var geometry: AreaGeometry?
        if let g = input.geometry {
            let text = String(decoding: try JSONEncoder().encode(g), as: UTF8.self)
            geometry = try GeoJSON.geometry(fromText: text, field: "geometry")
        }
        return AreaDraft(
            code: code, name: name, names: input.names ?? [:], level: level, parent: parent,
            centroid: input.centroid.map { GeoPoint(lat: $0.lat, lon: $0.lon) }, geometry: geometry, source: "api")
    }

    struct Lookup: Content {
        var lat: Double
        var lon: Double
        /// The deepest area whose shape contains the point, or null.
        var area: AreaRef?
        /// From the country down to `area`.
        var path: [AreaRef]
        /// Every area whose shape contains the point, deepest first.
        var containing: [AreaRef]
    }

    func lookup(req: Request) async throws -> Lookup {
        guard let lat = try? req.query.get(Double.self, at: "lat") else { throw APIError.badRequest(field: "lat", "is required, in decimal degrees") }
        guard let lon = try? req.query.get(Double.self, at: "lon") else { throw APIError.badRequest(field: "lon", "is required, in decimal degrees") }
        var issues = IssueCollector()
        GeoPoint.check(lat: lat, lon: lon, into: &issues)
        try issues.throwIfAny()
        return try await req.application.answers.lookups.value(.init(revision: try await req.revisions().geo, query: .init(lat: lat, lon: lon))) {
            let store = AreaStore(sql: req.sql)
            let gazetteer = try await req.application.gazetteer.current(store)
            let hits = gazetteer.areas(containing: GeoPoint(lat: lat, lon: lon))
            let containing = try await store.refs(hits.map(\.code))
            guard let deepest = hits.first else { return Lookup(lat: lat, lon: lon, area: nil, path: [], containing: []) }
            let path = try await store.refs(try await store.path(deepest.code).reversed())
            return Lookup(lat: lat, lon: lon, area: containing.first, path: path, containing: containing)
        }
    }

    struct NeighbourView: Content {
        var area: AreaRef
        /// `computed` from shared borders, or `declared` by an administrator.
        var kind: String
        var crossBorder: Bool
    }

    func neighbours(req: Request) async throws -> [NeighbourView] {
        let code = try req.parameters.require("code")
        let store = AreaStore(sql: req.sql)
        guard let me = try await store.get(code) else { throw APIError.notFound("area", code) }
        let rows = try await store.neighbours(of: code)
        let others = try await store.list(.init(codes: rows.map(\.neighbourCode)), page: PageRequest(limit: PageRequest.maxLimit))
        let byCode = Dictionary(others.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return rows.compactMap { row in
            guard let other = byCode[row.neighbourCode] else { return nil }
            return NeighbourView(
                area: AreaRef(code: other.code, name: other.name, level: other.level), kind: row.kind,
                crossBorder: other.countryCode != me.countryCode)
        }
    }

    struct DeclareInput: Content { var neighbour: String }

    func declareNeighbour(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let actor = req.actor
        let code = try req.parameters.require("code")
        let input = try req.input(DeclareInput.self)
        try await req.write { tx in
            let store = AreaStore(sql: tx)
            guard try await store.get(code) != nil else { throw APIError.notFound("area", code) }
            guard try await store.get(input.neighbour) != nil else { throw APIError.notFound("area", input.neighbour, field: "neighbour") }
            if input.neighbour == code { throw APIError.badRequest(field: "neighbour", "an area does not neighbour itself") }
            try await store.declareNeighbours(code, input.neighbour, actor: actor)
        }
        return Response(status: .noContent)
    }
}

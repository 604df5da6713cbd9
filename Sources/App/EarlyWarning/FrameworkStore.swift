import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Indicator frameworks. With none imported, the built-in standard framework is the active one.
struct FrameworkStore: Sendable {
    let sql: any SQLDatabase

    func active() async throws -> IndicatorFramework {
        guard
            let doc = try await sql.select().column("document").from("frameworks").where("active", .equal, true)
                .first(decodingColumn: "document", as: String.self)
        else { return .standard }
        return try IndicatorFramework.decode(Data(doc.utf8))
    }

    func get(_ code: String) async throws -> IndicatorFramework? {
        if let doc = try await sql.select().column("document").from("frameworks").where("code", .equal, code)
            .first(decodingColumn: "document", as: String.self)
        {
            return try IndicatorFramework.decode(Data(doc.utf8))
        }
        return code == IndicatorFramework.standard.code ? .standard : nil
    }

    func codes() async throws -> [(code: String, active: Bool)] {
        let rows = try await sql.select().columns("code", "active").from("frameworks").orderBy("code").all()
        let stored = try rows.map { (try $0.decode(column: "code", as: String.self), try $0.decode(column: "active", as: Bool.self)) }
        if stored.contains(where: { $0.0 == IndicatorFramework.standard.code }) { return stored }
        return [(IndicatorFramework.standard.code, !stored.contains { $0.1 })] + stored
    }

    /// Stores (or replaces) a framework; with `activate`, it becomes the one reports are checked against.
    /// Indicators that reports already use cannot disappear: a report must keep meaning what it meant.
    func save(_ f: IndicatorFramework, activate: Bool, actor: String) async throws {
        try f.validate()
        let old = try await get(f.code)
        let removed = Set(old?.indicators.map(\.indicator.code) ?? []).subtracting(f.indicators.map(\.indicator.code))
        if !removed.isEmpty {
            let used = try await sql.select().column("indicator_code").from("report_indicators").where("indicator_code", .in, Array(removed)).limit(1)
                .all()
            if let r = used.first {
                throw ValidationFailure(
                    field: "sectors",
                    "indicator '\(try r.decode(column: "indicator_code", as: String.self))' is used by reports and cannot be removed")
            }
        }
        let text = String(decoding: try JSONEncoder.sorted.encode(f), as: UTF8.self)
        let now = Timestamp.now()
        if activate { try await sql.update("frameworks").set("active", to: false).run() }
        try await sql.insert(into: "frameworks").columns("code", "document", "active", "created_at", "updated_at")
            .values(SQLBind(f.code), SQLBind(text), SQLBind(activate), SQLBind(now), SQLBind(now))
            .onConflict(with: ["code"]) { $0.set(excludedValueOf: "document").set(excludedValueOf: "updated_at").set(excludedValueOf: "active") }
            .run()
        try await sql.delete(from: "indicators").where("framework_code", .equal, f.code).run()
        for (sector, ind) in f.indicators {
            try await sql.insert(into: "indicators").columns("framework_code", "code", "sector_code", "name", "kind", "weight", "topics")
                .values(
                    SQLBind(f.code), SQLBind(ind.code), SQLBind(sector), SQLBind(ind.name), SQLBind(ind.kind.rawValue), SQLBind(ind.weight),
                    SQLBind(ind.topics.map(\.rawValue).joined(separator: ","))
                ).run()
        }
        try await AuditStore(sql: sql).append(
            actor: actor, action: old == nil ? "create" : "update", recordType: "framework", recordID: f.code, content: f)
    }
}

struct FrameworkController {
    func register(_ api: any RoutesBuilder) {
        api.get("frameworks", use: list)
        api.get("frameworks", ":code", use: get)
        api.post("frameworks", use: save)
    }

    struct Summary: Content {
        var code: String
        var active: Bool
    }

    /// Indicator frameworks are public: a citizen reporting needs to know what can be reported.
    func list(req: Request) async throws -> [Summary] {
        try await FrameworkStore(sql: req.sql).codes().map { Summary(code: $0.code, active: $0.active) }
    }

    func get(req: Request) async throws -> IndicatorFramework {
        let code = try req.parameters.require("code")
        guard let f = try await FrameworkStore(sql: req.sql).get(code) else { throw APIError.notFound("framework", code) }
        return f
    }

    func save(req: Request) async throws -> Response {
        try req.requireInstallationAdmin()
        let f = try req.input(IndicatorFramework.self)
        let activate = (try? req.query.get(Bool.self, at: "activate")) ?? true
        let actor = req.actor
        try await req.write { tx in try await FrameworkStore(sql: tx).save(f, activate: activate, actor: actor) }
        return try await f.created(at: "/api/v1/frameworks/\(f.code)", for: req)
    }
}

extension IndicatorFramework: Content {}

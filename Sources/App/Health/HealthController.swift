import SQLKit
import Vapor

/// `/healthz`: the process answers. `/readyz`: the store answers, is migrated, and its audit chain verified
/// intact when last checked (at start, then hourly by the background job, and by every `audit/verify`).
struct HealthController {
    struct Status: Content {
        var status: String
        var database: String?
        var detail: String?
    }

    func register(_ app: Application) {
        app.get("healthz") { _ in Status(status: "ok") }
        app.get("readyz") { req async -> Response in
            let engine = req.application.agora.databaseURL == nil ? "sqlite" : "postgresql"
            do {
                // The last table the migrations create: if it answers, the schema is in place.
                try await InventoryStore(sql: req.sql).ready()
                // A broken audit chain is said loudly: the installation answers, but nobody should take it as sound.
                if let broken = await req.application.auditStatus.broken {
                    return try await Status(status: "audit-broken", database: engine, detail: "the audit trail is broken: \(broken)")
                        .encodeResponse(status: .serviceUnavailable, for: req)
                }
                return try await Status(status: "ready", database: engine).encodeResponse(for: req)
            } catch {
                let r = try? await Status(status: "unavailable", database: engine, detail: "the store is not reachable or not migrated")
                    .encodeResponse(status: .serviceUnavailable, for: req)
                return r ?? Response(status: .serviceUnavailable)
            }
        }
    }
}

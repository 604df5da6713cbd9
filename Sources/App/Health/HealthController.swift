import Fluent
import SQLKit
import Vapor

/// `/healthz`: the process answers. `/readyz`: the store answers and is migrated.
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
                _ = try await req.sql.select().column(SQLLiteral.numeric("1")).from("body_members").limit(1).all()
                return try await Status(status: "ready", database: engine).encodeResponse(for: req)
            } catch {
                let r = try? await Status(status: "unavailable", database: engine, detail: "the store is not reachable or not migrated")
                    .encodeResponse(status: .serviceUnavailable, for: req)
                return r ?? Response(status: .serviceUnavailable)
            }
        }
    }
}

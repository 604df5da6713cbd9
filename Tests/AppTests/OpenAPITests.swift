import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// The OpenAPI document describes exactly the routes the server registers: a route added without
/// documenting it, or documentation for a route that is gone, fails here.
@Suite struct OpenAPITests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await TestInstallation.run(.sqlite) { app in
            let doc = try JSONSerialization.jsonObject(with: Data(try #require(OpenAPIDocument.json).utf8)) as! [String: Any]
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = doc["paths"] as! [String: [String: Any]]
            var documented = Set<String>()
            for (path, item) in paths {
                for method in item.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            var served = Set<String>()
            for route in app.routes.all {
                let path =
                    "/"
                    + route.path.map { c -> String in
                        if case .parameter(let name) = c { return "{\(name)}" }
                        return c.description
                    }.joined(separator: "/")
                // Pages (/, /sign-in …) are not the API.
                guard path.hasPrefix("/api/") || path == "/healthz" || path == "/readyz" else { continue }
                served.insert("\(route.method.rawValue) \(path)")
            }
            #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")

            let res = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .json)
        }
    }

    @Test(arguments: Engine.available)
    func healthAndReadiness(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            let t = try app.testing()
            #expect(try object(try await t.sendRequest(.GET, "/healthz"))["status"] as? String == "ok")
            let ready = try object(try await t.sendRequest(.GET, "/readyz"))
            #expect(ready["status"] as? String == "ready")
            #expect(ready["database"] as? String == (engine == .sqlite ? "sqlite" : "postgresql"))
        }
    }

    @Test func malformedJSONIsA400NamingTheProblem() async throws {
        try await TestInstallation.run(.sqlite) { app in
            let t = try app.testing()
            let res = try await t.sendRequest(.POST, "/api/v1/areas", headers: .admin, body: json(#"{"code": 12}"#))
            #expect(res.status == .badRequest)
            #expect(try object(res)["field"] as? String == "code")
            let missing = try await t.sendRequest(.POST, "/api/v1/areas", headers: .admin, body: json(#"{"code":"X"}"#))
            #expect(missing.status == .unprocessableEntity)
            let fields = (try object(missing)["issues"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields == ["name", "level"])
            let far = try await t.sendRequest(.GET, "/api/v1/areas/lookup?lat=91&lon=0")
            #expect(far.status == .unprocessableEntity)
            #expect(try object(far)["field"] as? String == "lat")
            let unknown = try await t.sendRequest(.GET, "/api/v1/areas/NOPE")
            #expect(unknown.status == .notFound)
            #expect(try object(unknown)["error"] as? String == "not_found")
        }
    }
}

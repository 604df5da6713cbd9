import Crypto
import Fluent
import SQLKit
import Vapor

/// Until people and roles exist, writes need the installation's admin token as a bearer token.
/// With no token configured, writes over HTTP are refused and the CLI is the only way to change data.
struct AdminGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let expected = request.application.agora.adminToken else {
            throw APIError(status: .forbidden, code: "forbidden", reason: "writes over HTTP are disabled: no AGORA_ADMIN_TOKEN is set")
        }
        guard let given = request.headers.bearerAuthorization?.token else {
            throw APIError(status: .unauthorized, code: "unauthorized", reason: "this needs an 'Authorization: Bearer <token>' header", field: "Authorization")
        }
        // Compare digests so the time taken says nothing about how much of the token matched.
        guard SHA256.hash(data: Data(given.utf8)) == SHA256.hash(data: Data(expected.utf8)) else {
            throw APIError(status: .unauthorized, code: "unauthorized", reason: "the token is not valid", field: "Authorization")
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    var sql: any SQLDatabase { db as! any SQLDatabase }
}

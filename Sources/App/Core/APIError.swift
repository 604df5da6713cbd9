import AgoraCore
import Vapor

/// An error the API answers with a JSON body naming what was wrong:
/// `{"error": "validation", "reason": "…", "field": "parent", "issues": [{"field": …, "message": …}]}`.
struct APIError: AbortError, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var reason: String
    var field: String?
    var issues: [ValidationIssue] = []

    static func notFound(_ what: String, _ code: String, field: String? = nil) -> APIError {
        APIError(status: .notFound, code: "not_found", reason: "no \(what) with code '\(code)'", field: field)
    }

    static func badRequest(field: String, _ reason: String) -> APIError {
        APIError(
            status: .badRequest, code: "bad_request", reason: "\(field): \(reason)", field: field,
            issues: [ValidationIssue(field: field, message: reason)])
    }

    static func conflict(field: String, _ reason: String) -> APIError {
        APIError(
            status: .conflict, code: "conflict", reason: "\(field): \(reason)", field: field,
            issues: [ValidationIssue(field: field, message: reason)])
    }

    init(status: HTTPResponseStatus, code: String, reason: String, field: String? = nil, issues: [ValidationIssue] = []) {
        self.status = status
        self.code = code
        self.reason = reason
        self.field = field
        self.issues = issues
    }

    init(_ failure: ValidationFailure) {
        self.init(
            status: .unprocessableEntity, code: "validation", reason: failure.description,
            field: failure.issues.first?.field, issues: failure.issues)
    }

    struct Body: Content {
        var error: String
        var reason: String
        var field: String?
        var issues: [ValidationIssue]
    }
}

/// Turns every error into the JSON shape above (for /api) without leaking internals:
/// unexpected errors are logged by type only and answered with a generic 500.
struct APIErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let api = Self.translate(error)
            if api.status == .internalServerError {
                request.logger.error("unexpected error", metadata: ["type": .string(String(reflecting: type(of: error)))])
            }
            // A person at a browser gets a page, not JSON.
            // (Probes and the API answer JSON whatever the client accepts, as the API description says.)
            let machine = request.url.path.hasPrefix("/api/") || ["/healthz", "/readyz"].contains(request.url.path)
            if !machine, request.headers.accept.contains(where: { $0.mediaType == .html }) {
                return try await ErrorPage.response(request, api)
            }
            let response = Response(status: api.status)
            try response.content.encode(APIError.Body(error: api.code, reason: api.reason, field: api.field, issues: api.issues))
            return response
        }
    }

    static func translate(_ error: any Error) -> APIError {
        switch error {
        case let e as APIError: return e
        case let e as ValidationFailure: return APIError(e)
        case let e as DecodingError: return APIError(status: .badRequest, code: "bad_request", reason: describe(e), field: field(e))
        case let e as any AbortError:
            return APIError(
                status: e.status, code: e.status.code < 500 ? "bad_request" : "server_error",
                reason: e.status.code < 500 ? e.reason : "the server could not complete the request")
        default:
            return APIError(status: .internalServerError, code: "server_error", reason: "the server could not complete the request")
        }
    }

    static func field(_ e: DecodingError) -> String? {
        let path: [any CodingKey]
        switch e {
        case .keyNotFound(let key, let c): path = c.codingPath + [key]
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
        @unknown default: return nil
        }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? nil : text)
    }

    static func describe(_ e: DecodingError) -> String {
        let f = field(e).map { "\($0): " } ?? ""
        switch e {
        case .keyNotFound: return "\(f)is required"
        case .typeMismatch(let t, _): return "\(f)expected \(expected(t))"
        case .valueNotFound(let t, _): return "\(f)expected \(expected(t)), found null"
        case .dataCorrupted(let c): return "\(f)\(c.debugDescription)"
        @unknown default: return "the request body could not be read"
        }
    }

    private static func expected(_ t: Any.Type) -> String {
        let name = String(describing: t)
        if name.hasPrefix("Array") { return "a list" }
        if name.hasPrefix("Dictionary") { return "an object" }
        if name == "Double" || name == "Int" { return "a number" }
        if name == "Bool" { return "true or false" }
        return "a \(name == "String" ? "string" : "value of another type")"
    }
}

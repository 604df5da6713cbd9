import AgoraCore
import Foundation
import Vapor

/// Request bodies in JSON, read strictly: a field the API does not know, or text with a control character,
/// is refused (422 naming the field) instead of being dropped or cut short. An API many integrations use
/// must not swallow `harm: {"killed": 2}` because the field is called `fatalities`, nor store a description
/// cut at a NUL byte.
///
/// Unknown fields are found by encoding what was decoded and comparing keys: a key sent with a value that
/// the decoded value does not carry was not read. A key sent as `null` carries nothing and passes.
struct StrictJSONDecoder: ContentDecoder {
    private let decoder = JSONDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws
        -> D
    {
        let data = Data(buffer: body)
        let value = try decoder.decode(D.self, from: data)
        try Self.check(data, read: [value])
        return value
    }

    /// One body read as two types (an alert and its CAP reference): a field either reads is known.
    func decode<A: Decodable, B: Decodable>(_ a: A.Type, _ b: B.Type, from body: ByteBuffer) throws -> (A, B) {
        let data = Data(buffer: body)
        let pair = (try decoder.decode(A.self, from: data), try decoder.decode(B.self, from: data))
        try Self.check(data, read: [pair.0, pair.1])
        return pair
    }

    /// Refuses control characters anywhere, and any field none of the decoded values carries.
    static func check(_ data: Data, read values: [Any]) throws {
        let sent = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        var issues = IssueCollector()
        checkText(sent, path: "", into: &issues)
        let reads = try values.compactMap { v -> Any? in
            guard let e = v as? any Encodable else { return nil }
            return try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnyEncodable(e)), options: [.fragmentsAllowed])
        }
        if reads.count == values.count { checkKnown(sent, merged(reads), path: "", into: &issues) }
        try issues.throwIfAny()
    }

    /// Objects merged key by key (what any of them read); anything else: the first.
    private static func merged(_ reads: [Any]) -> Any {
        guard reads.count > 1, reads.allSatisfy({ $0 is [String: Any] }) else { return reads.first ?? NSNull() }
        var out: [String: Any] = [:]
        for case let d as [String: Any] in reads { out.merge(d) { a, _ in a } }
        return out
    }

    /// Control characters other than tab, line feed and carriage return.
    static func badScalar(in s: String) -> Unicode.Scalar? {
        s.unicodeScalars.first { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0x7F }
    }

    static func checkText(_ v: Any, path: String, into issues: inout IssueCollector) {
        switch v {
        case let s as String:
            if let c = badScalar(in: s) {
                issues.add(path.isEmpty ? "body" : path, "contains a control character (U+\(String(format: "%04X", c.value))); remove it")
            }
        case let d as [String: Any]:
            for (k, x) in d {
                if badScalar(in: k) != nil { issues.add(join(path, "?"), "a field name contains a control character") }
                checkText(x, path: join(path, k), into: &issues)
            }
        case let a as [Any]:
            for (i, x) in a.enumerated() { checkText(x, path: "\(path)[\(i)]", into: &issues) }
        default: break
        }
    }

    static func checkKnown(_ sent: Any, _ read: Any, path: String, into issues: inout IssueCollector) {
        switch (sent, read) {
        case (let s as [String: Any], let r as [String: Any]):
            for key in s.keys.sorted() {
                let value = s[key]!
                if let known = r[key] {
                    checkKnown(value, known, path: join(path, key), into: &issues)
                } else if !(value is NSNull) {
                    issues.add(join(path, key), "is not a field of this request; check its spelling against the API description")
                }
            }
        case (let s as [Any], let r as [Any]) where s.count == r.count:
            for (i, pair) in zip(s, r).enumerated() { checkKnown(pair.0, pair.1, path: "\(path)[\(i)]", into: &issues) }
        default: break
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

extension Request {
    /// The body as `D`, or nil when the request has none (an optional body: `{}` or nothing). A body that is
    /// sent is read as strictly as any other: a misspelt field is refused, never taken as "no changes".
    func optionalInput<D: Decodable>(_ type: D.Type) throws -> D? {
        guard let b = body.data, b.readableBytes > 0 else { return nil }
        return try input(D.self)
    }

    /// A JSON body read as two types at once (see `StrictJSONDecoder.decode(_:_:from:)`).
    func input<A: Decodable, B: Decodable>(_ a: A.Type, _ b: B.Type) throws -> (A, B) {
        guard headers.contentType == .json || headers.contentType?.subType.hasSuffix("+json") == true else {
            throw APIError(
                status: .unsupportedMediaType, code: "unsupported_media_type", reason: "send the body as application/json", field: "Content-Type")
        }
        guard let body = body.data else {
            throw APIError(
                status: .unprocessableEntity, code: "validation", reason: "body: a JSON object is required", field: "body",
                issues: [ValidationIssue(field: "body", message: "a JSON object is required")])
        }
        return try StrictJSONDecoder().decode(A.self, B.self, from: body)
    }

    /// The request body as `D`: JSON read strictly (`StrictJSONDecoder`); a web form's fields as Vapor reads them.
    func input<D: Decodable>(_ type: D.Type) throws -> D {
        let json = headers.contentType == .json || headers.contentType?.subType.hasSuffix("+json") == true
        if !json {
            // The API speaks JSON only (as its description says); pages post forms.
            if url.path.hasPrefix("/api/") {
                throw APIError(
                    status: .unsupportedMediaType, code: "unsupported_media_type", reason: "send the body as application/json",
                    field: "Content-Type")
            }
            return try content.decode(D.self)
        }
        guard let body = body.data else {
            throw APIError(
                status: .unprocessableEntity, code: "validation", reason: "body: a JSON object is required", field: "body",
                issues: [ValidationIssue(field: "body", message: "a JSON object is required")])
        }
        return try StrictJSONDecoder().decode(D.self, from: body, headers: headers)
    }
}

import Crypto
import Vapor

/// ETags and `304 Not Modified` for every GET answer the server holds in full, and one place that decides how long
/// a client may keep an answer.
///
/// The tag is a digest of the body as sent before compression (weak, since the compressed bytes differ). A client
/// that sends it back in `If-None-Match` and would get the same body gets 304 and no body: a partner polling the
/// alerts, a browser revalidating a public page, a phone on a slow link reloading what it has.
///
/// Keeping: what a handler set stays (static assets, files). Otherwise an answer to a signed-in viewer is `no-store`
/// (a shared phone must not keep a confidential page or list on disk), and so is every page unless its handler marked
/// it public (`Layout.response(…, publicPage: true)`, for an anonymous reader), and so is every error; other anonymous
/// answers (the open API, the feed) are `no-cache`: kept, but asked about again each time — which is where 304 pays.
struct ConditionalGet: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if !response.headers.contains(name: .cacheControl) {
            let page = response.headers.contentType == .html
            let keepable = response.status == .ok && request.viewer.personID == nil && !page
            response.headers.replaceOrAdd(name: .cacheControl, value: keepable ? "no-cache" : "no-store")
        }
        guard request.method == .GET || request.method == .HEAD, response.status == .ok else { return response }
        let tag: String
        if let given = response.headers.first(name: .eTag) {
            tag = given
        } else {
            guard let body = response.body.buffer else { return response }  // a stream (an export): no tag
            tag = Self.tag(body)
            response.headers.replaceOrAdd(name: .eTag, value: tag)
        }
        guard let asked = request.headers.first(name: .ifNoneMatch), Self.matches(asked, tag) else { return response }
        var headers = response.headers
        headers.remove(name: .contentLength)
        headers.remove(name: .contentType)
        return Response(status: .notModified, headers: headers)
    }

    static func tag(_ body: ByteBuffer) -> String {
        let digest = body.withUnsafeReadableBytes { SHA256.hash(data: $0) }
        var text: [UInt8] = Array("W/\"".utf8)
        for b in digest.prefix(16) { text += [hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]] }
        return String(decoding: text + [UInt8(ascii: "\"")], as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 9110 §13.1.2: `*`, or any listed tag equal to ours by the weak comparison (W/ ignored on both sides).
    static func matches(_ header: String, _ tag: String) -> Bool {
        func opaque(_ t: Substring) -> Substring { t.hasPrefix("W/") ? t.dropFirst(2) : t }
        let ours = opaque(Substring(tag))
        return header.split(separator: ",").contains { t in
            let t = t.trimmingCharacters(in: .whitespaces)
            return t == "*" || opaque(Substring(t)) == ours
        }
    }
}

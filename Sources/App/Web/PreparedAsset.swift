import Foundation
import Vapor
import ZIPFoundation

/// A static asset compressed once, when the server starts, and kept with its ETag: a phone on a slow link gets the
/// gzip copy, a browser revalidating gets 304 (ConditionalGet), and no request compresses the same bytes again (the
/// server's compressor did, on every request, before).
struct PreparedAsset: Sendable {
    let type: String
    let cache: String
    let plain: ByteBuffer
    let gzipped: ByteBuffer?
    let tag: String

    init(_ bytes: Data, type: String, cache: String = "public, max-age=86400") {
        self.type = type
        self.cache = cache
        plain = ByteBuffer(data: bytes)
        gzipped = Self.gzip(bytes).flatMap { $0.count < bytes.count ? ByteBuffer(data: $0) : nil }
        tag = ConditionalGet.tag(plain)
    }

    init(_ text: String, type: String, cache: String = "public, max-age=86400") {
        self.init(Data(text.utf8), type: type, cache: cache)
    }

    func response(_ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .cacheControl, value: cache)
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: .vary, value: "Accept-Encoding")
        headers.responseCompression = .disable
        if let gzipped, Self.acceptsGzip(req.headers) {
            headers.replaceOrAdd(name: .contentEncoding, value: "gzip")
            return Response(status: .ok, headers: headers, body: .init(buffer: gzipped))
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: plain))
    }

    /// `gzip` or `*` in Accept-Encoding without `q=0`.
    static func acceptsGzip(_ headers: HTTPHeaders) -> Bool {
        headers[.acceptEncoding].flatMap { $0.split(separator: ",") }.contains { item in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { return false }
            let q = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0
        }
    }

    /// RFC 1952: a header, ZIPFoundation's raw deflate (zlib underneath), the CRC-32 and the length.
    static func gzip(_ data: Data) -> Data? {
        var deflated = Data()
        guard
            let crc = try? Data.compress(
                size: Int64(data.count), bufferSize: 64 * 1024,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) },
                consumer: { deflated.append($0) })
        else { return nil }
        var out = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
        out.append(deflated)
        for v in [crc, UInt32(truncatingIfNeeded: data.count)] { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }
}

import AgoraCore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

/// ETags and 304s on what has not changed, and who may keep an answer: a signed-in viewer's never, a public page
/// read anonymously until it changes.
@Suite struct ConditionalGetTests {
    @Test(arguments: Engine.available)
    func anUnchangedAnswerIsNotSentAgainAndAChangedOneIs(engine: Engine) async throws {
        try await TestInstallation.run(engine) { app in
            try await ReportTests.seed(app)
            let t = try app.testing()
            // The open API, anonymously: kept, asked about again.
            let first = try await t.sendRequest(.GET, "/api/v1/bodies")
            #expect(first.status == .ok && first.headers.first(name: .cacheControl) == "no-cache")
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(tag.hasPrefix("W/\""))
            var asked = HTTPHeaders()
            asked.replaceOrAdd(name: .ifNoneMatch, value: "\"other\", \(tag)")
            let again = try await t.sendRequest(.GET, "/api/v1/bodies", headers: asked)
            #expect(again.status == .notModified && again.body.readableBytes == 0)
            #expect(again.headers.first(name: .eTag) == tag)
            // A change (a write, never answered 304 whatever it sends): the whole answer again, under another tag.
            var write = HTTPHeaders.admin
            write.replaceOrAdd(name: .ifNoneMatch, value: "*")
            write.contentType = .json
            let patched = try await t.sendRequest(
                .PATCH, "/api/v1/bodies/GH-DPC-BAWKU", headers: write, body: ByteBuffer(string: #"{"alertClassification":"public"}"#))
            #expect(patched.status == .ok, "\(patched.body.string)")
            let changed = try await t.sendRequest(.GET, "/api/v1/bodies", headers: asked)
            #expect(changed.status == .ok && changed.body.readableBytes > 0)
            #expect(changed.headers.first(name: .eTag) != tag)

            // Signed in: tagged and answered 304 just the same, but never kept.
            var signed = HTTPHeaders.admin
            let mine = try await t.sendRequest(.GET, "/api/v1/incidents", headers: signed)
            #expect(mine.headers.first(name: .cacheControl) == "no-store")
            signed.replaceOrAdd(name: .ifNoneMatch, value: try #require(mine.headers.first(name: .eTag)))
            #expect(try await t.sendRequest(.GET, "/api/v1/incidents", headers: signed).status == .notModified)

            // Pages: a public page read anonymously is kept and revalidated, per language; a signed-in page, the receipt
            // lookup and a 404 are not kept at all.
            let home = try await t.sendRequest(.GET, "/")
            #expect(home.headers.first(name: .cacheControl) == "no-cache" && home.headers.first(name: .vary)?.contains("Accept-Language") == true)
            var homeAgain = HTTPHeaders()
            homeAgain.replaceOrAdd(name: .ifNoneMatch, value: try #require(home.headers.first(name: .eTag)))
            #expect(try await t.sendRequest(.GET, "/", headers: homeAgain).status == .notModified)
            #expect(try await t.sendRequest(.GET, "/", headers: .admin).headers.first(name: .cacheControl) == "no-store")
            #expect(try await t.sendRequest(.GET, "/receipt").headers.first(name: .cacheControl) == "no-store")
            let missing = try await t.sendRequest(.GET, "/bodies/NO-SUCH-BODY", headers: homeAgain)
            #expect(missing.status == .notFound && missing.headers.first(name: .cacheControl) == "no-store", "\(missing.headers)")
        }
    }

    @Test func ifNoneMatchIsComparedWeakly() {
        let tag = "W/\"abc\""
        #expect(ConditionalGet.matches("W/\"abc\"", tag) && ConditionalGet.matches("\"abc\"", tag) && ConditionalGet.matches("*", tag))
        #expect(ConditionalGet.matches("\"x\", W/\"abc\"", tag) && ConditionalGet.matches("\"x\",\"abc\"", tag))
        #expect(!ConditionalGet.matches("\"abcd\"", tag) && !ConditionalGet.matches("", tag) && !ConditionalGet.matches("W/\"ab\"", tag))
        #expect(ConditionalGet.tag(ByteBuffer(string: "a")) == ConditionalGet.tag(ByteBuffer(string: "a")))
        #expect(ConditionalGet.tag(ByteBuffer(string: "a")) != ConditionalGet.tag(ByteBuffer(string: "b")))
    }
}

/// The stylesheet and scripts, compressed once: gzip to whoever accepts it, plain to whoever does not, 304 to whoever
/// has them.
@Suite struct PreparedAssetTests {
    @Test func assetsAreServedCompressedTaggedAndNotSentTwice() async throws {
        try await TestInstallation.run(.sqlite) { app in
            let t = try app.testing()
            var gzip = HTTPHeaders()
            gzip.replaceOrAdd(name: .acceptEncoding, value: "br;q=1.0, gzip;q=0.8")
            let zipped = try await t.sendRequest(.GET, "/static/agora.css", headers: gzip)
            let plain = try await t.sendRequest(.GET, "/static/agora.css")
            #expect(zipped.status == .ok && zipped.headers.first(name: .contentEncoding) == "gzip")
            #expect(plain.headers.first(name: .contentEncoding) == nil && plain.body.string.contains(":root{"))
            // The gzip member: its magic number, and the length of the plain file in its last four bytes.
            let bytes = Array(zipped.body.readableBytesView)
            #expect(bytes.prefix(2) == [0x1f, 0x8b] && bytes.count < plain.body.readableBytes)
            let length = bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
            #expect(length == plain.body.readableBytes)
            // One tag for both codings (a weak tag: the same file), and 304 for it.
            let tag = try #require(plain.headers.first(name: .eTag))
            #expect(zipped.headers.first(name: .eTag) == tag && plain.headers.first(name: .cacheControl) == "public, max-age=86400")
            gzip.replaceOrAdd(name: .ifNoneMatch, value: tag)
            #expect(try await t.sendRequest(.GET, "/static/agora.css", headers: gzip).status == .notModified)
        }
    }

    @Test func acceptEncodingIsReadWithItsWeights() {
        func accepts(_ value: String) -> Bool {
            var h = HTTPHeaders()
            h.replaceOrAdd(name: .acceptEncoding, value: value)
            return PreparedAsset.acceptsGzip(h)
        }
        #expect(accepts("gzip") && accepts("deflate, gzip;q=0.5") && accepts("*") && accepts("GZIP"))
        #expect(!accepts("gzip;q=0") && !accepts("br") && !accepts("") && !accepts("x-gzip-not, br") && !accepts("*;q=0.0"))
        #expect(!PreparedAsset.acceptsGzip(HTTPHeaders()))
    }
}

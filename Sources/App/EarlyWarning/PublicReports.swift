import AgoraCore
import Crypto
import Foundation
import SQLKit
import Vapor

/// Reports from members of the public, when the installation takes them (`AGORA_ANONYMOUS_REPORTS=1`): one path
/// for the API and the public form — the limit per address, the checks, the store, and a receipt code the person
/// keeps to ask later what became of the report. The code is shown once and kept only as its digest.
enum PublicReports {
    struct Filed: Sendable {
        var id: String
        var body: String
        var receipt: String
    }

    /// A form asks for the district when a point found only the country; the API stores and says so in `placement`.
    struct NeedsDistrict: Error {
        var placement: Placement
        var point: GeoPoint
    }

    static func file(_ draft: ReportDraft, req: Request, claim: Idempotency.Claim? = nil, askDistrict: Bool = false, channel: ReportChannel)
        async throws -> Filed
    {
        guard req.application.agora.anonymousReports else {
            throw APIError(
                status: .unauthorized, code: "unauthorized", reason: "sign in to report; this installation takes no anonymous reports",
                field: "Authorization")
        }
        guard await req.application.rateLimits.anonymousReports.allow(req.clientKey) else {
            throw APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many reports from this address; wait and try again")
        }
        let p = try await ReportController.prepare(draft, req: req, as: .anonymous, channel: channel)
        try NeedsDistrict.check(p.placement, draft, asked: askDistrict)
        let receipt = Receipt.make()
        try await ReportController.store(draft, p, req: req, claim: claim, receiptDigest: Receipt.digest(receipt))
        return Filed(id: p.id, body: p.body, receipt: receipt)
    }

    /// What became of the report with this receipt: its status and the body it reached, nothing of its content.
    static func check(_ code: String, req: Request) async throws -> ReceiptStatus {
        guard await req.application.rateLimits.receiptChecks.allow(req.clientKey) else {
            throw APIError(status: .tooManyRequests, code: "rate_limited", reason: "too many receipt checks from this address; wait a minute")
        }
        guard let digest = Receipt.normalised(code).map(Receipt.digest),
            let found = try await ReportStore(sql: req.sql).receipt(digest: digest)
        else { throw APIError.notFound("receipt", code, field: "code") }
        return found
    }

    struct ReceiptStatus: Content {
        var status: ReportStatus
        var body: String
        var receivedOn: String
    }

    /// Receipt codes: 12 characters of Crockford's base32 (60 random bits) in groups of four, read aloud or
    /// copied by hand without confusing 0 and O or 1 and I.
    enum Receipt {
        static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

        static func make() -> String {
            let bytes = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
            let chars = bytes.prefix(12).map { alphabet[Int($0) % 32] }
            return [chars[0..<4], chars[4..<8], chars[8..<12]].map { String($0) }.joined(separator: "-")
        }

        /// The code as typed (any case, spaces or dashes, O for 0, I or L for 1), or nil when it cannot be one.
        static func normalised(_ typed: String) -> String? {
            let mapped = typed.uppercased().compactMap { c -> Character? in
                switch c {
                case " ", "-": return nil
                case "O": return "0"
                case "I", "L": return "1"
                default: return c
                }
            }
            guard mapped.count == 12, mapped.allSatisfy(alphabet.contains) else { return nil }
            return String(mapped)
        }

        static func digest(_ code: String) -> String { Secrets.digest("receipt|" + (normalised(code) ?? code)) }
    }
}

extension PublicReports.NeedsDistrict {
    static func check(_ placement: Placement, _ draft: ReportDraft, asked: Bool) throws {
        guard asked, placement.needsDistrict, let lat = draft.lat, let lon = draft.lon else { return }
        throw Self(placement: placement, point: GeoPoint(lat: lat, lon: lon))
    }
}

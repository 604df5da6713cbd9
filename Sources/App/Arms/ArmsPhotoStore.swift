import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Photos of weapons (read by whoever reads the weapon) and of destructions (public, as the destruction's summary
/// is). Stripped of metadata by `Media.check` before they come here; the caller has checked the record's visibility.
struct ArmsPhotoStore: Sendable {
    let sql: any SQLDatabase

    func add(_ f: Media.Checked, recordType: String, recordID: String, actor: String) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let data = Data(f.bytes)
        let digest = AuditChain.sha256(data)
        try await sql.insert(into: "arms_photos").columns(
            "id", "record_type", "record_id", "content_type", "size", "sha256", "data", "added_by", "added_at"
        )
        .values(
            SQLBind(id), SQLBind(recordType), SQLBind(recordID), SQLBind(f.contentType), SQLBind(data.count), SQLBind(digest), SQLBind(data),
            SQLBind(actor), SQLBind(Timestamp.now())
        ).run()
        try await AuditStore(sql: sql).append(actor: actor, action: "photo", recordType: recordType, recordID: recordID, content: [id, digest])
        return id
    }

    /// Photo ids by record, oldest first.
    func ids(_ recordType: String, _ recordIDs: [String]) async throws -> [String: [String]] {
        guard !recordIDs.isEmpty else { return [:] }
        var out: [String: [String]] = [:]
        for r in try await sql.select().columns("id", "record_id").from("arms_photos").where("record_type", .equal, recordType)
            .where(SQLColumn("record_id"), .in, SQLBind.group(recordIDs)).orderBy("added_at").orderBy("id").all()
        {
            out[try r.decode(column: "record_id", as: String.self), default: []].append(try r.decode(column: "id", as: String.self))
        }
        return out
    }

    func file(_ id: String, recordType: String, recordID: String) async throws -> (contentType: String, sha256: String, data: Data)? {
        guard
            let r = try await sql.select().columns("content_type", "sha256", "data").from("arms_photos").where("id", .equal, id)
                .where("record_type", .equal, recordType).where("record_id", .equal, recordID).first()
        else { return nil }
        return (
            try r.decode(column: "content_type", as: String.self), try r.decode(column: "sha256", as: String.self),
            try r.decode(column: "data", as: Data.self)
        )
    }
}

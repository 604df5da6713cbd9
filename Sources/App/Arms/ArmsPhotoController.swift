import AgoraCore
import Foundation
import Vapor

/// `/api/v1/weapons/{id}/photos` and `/api/v1/arms/destructions/{id}/photos`: a photo sent as the raw body (its type
/// read from its bytes; metadata stripped). A weapon's photos go to those who read the weapon, never cached; a
/// destruction's are public, as its summary is.
struct ArmsPhotoController {
    static let maxPhotos = 5

    func register(_ api: any RoutesBuilder) {
        api.on(.POST, "weapons", ":id", "photos", body: .collect(maxSize: AttachmentController.maxBody), use: addToWeapon)
        api.get("weapons", ":id", "photos", ":photo", use: weaponPhoto)
        api.on(.POST, "arms", "destructions", ":id", "photos", body: .collect(maxSize: AttachmentController.maxBody), use: addToDestruction)
        api.get("arms", "destructions", ":id", "photos", ":photo", use: destructionPhoto)
    }

    static func checked(_ req: Request) throws -> Media.Checked {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw APIError(ValidationFailure(field: "body", "send the photo itself as the body"))
        }
        return try Media.check(Array(buffer.readableBytesView), field: "body", expected: .photo)
    }

    func addToWeapon(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        guard let w = try await WeaponStore(sql: req.sql).get(id, try await req.scope()) else { throw APIError.notFound("weapon", id) }
        let photo = try await Self.add(try Self.checked(req), recordType: "weapon", recordID: id, body: w.body, req: req)
        return try await Added(id: photo).encodeResponse(status: .created, for: req)
    }

    func addToDestruction(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        guard let d = try await ArmsStore(sql: req.sql).destructions(id: id).first else { throw APIError.notFound("destruction", id) }
        let photo = try await Self.add(try Self.checked(req), recordType: "arms-destruction", recordID: id, body: d.body, req: req)
        return try await Added(id: photo).encodeResponse(status: .created, for: req)
    }

    struct Added: Content { var id: String }

    /// The typed action pages and API share: an officer of the record's body adds a photo, up to five per record.
    static func add(_ f: Media.Checked, recordType: String, recordID: String, body: String, req: Request) async throws -> String {
        try await ArmsAccess.requireOfficer(req, body)
        let actor = req.actor
        return try await req.write { tx in
            let store = ArmsPhotoStore(sql: tx)
            if (try await store.ids(recordType, [recordID])[recordID] ?? []).count >= maxPhotos {
                throw APIError(ValidationFailure(field: "body", "a record keeps \(maxPhotos) photos at most"))
            }
            return try await store.add(f, recordType: recordType, recordID: recordID, actor: actor)
        }
    }

    func weaponPhoto(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let photo = try req.parameters.require("photo")
        guard try await WeaponStore(sql: req.sql).get(id, try await req.scope()) != nil,
            let f = try await ArmsPhotoStore(sql: req.sql).file(photo, recordType: "weapon", recordID: id)
        else { throw APIError.notFound("photo", photo) }
        return Self.serve(f, cache: "private, no-store")
    }

    func destructionPhoto(req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let photo = try req.parameters.require("photo")
        guard let f = try await ArmsPhotoStore(sql: req.sql).file(photo, recordType: "arms-destruction", recordID: id) else {
            throw APIError.notFound("photo", photo)
        }
        return Self.serve(f, cache: "public, max-age=86400")
    }

    static func serve(_ f: (contentType: String, sha256: String, data: Data), cache: String) -> Response {
        var headers = HTTPHeaders()
        let parts = f.contentType.split(separator: "/").map(String.init)
        headers.contentType = HTTPMediaType(type: parts.first ?? "application", subType: parts.count > 1 ? parts[1] : "octet-stream")
        headers.replaceOrAdd(name: .cacheControl, value: cache)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        headers.replaceOrAdd(name: .eTag, value: "\"\(f.sha256)\"")
        return Response(status: .ok, headers: headers, body: .init(data: f.data))
    }
}

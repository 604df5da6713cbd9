import AgoraCore
import Foundation
import Vapor

extension FederationPage {
    struct Model: Sendable {
        var status: FederationController.Status
        var quarantined: [QuarantinedEvent]
        var received: [ReceivedRecord]
        var agreements: [SharingAgreement]
    }

    /// The same figures as `GET /api/v1/federation/status` and `agora federation status`.
    static func model(_ req: Request) async throws -> Model {
        let store = FederationStore(sql: req.sql)
        return Model(
            status: try await FederationController.status(req.application, sql: req.sql), quarantined: try await store.quarantined(limit: 50),
            received: try await store.received(limit: 50), agreements: try await store.agreements())
    }
}

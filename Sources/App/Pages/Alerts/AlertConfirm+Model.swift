import AgoraCore
import Foundation
import Vapor

extension AlertPages {
    struct ConfirmModel: Sendable {
        var draft: AlertDraft
        var areaNames: [String]
        /// Every field of the form, carried over unchanged to the confirming post.
        var carried: [(key: String, value: String)]
        var action: String
        var back: String
    }

    static func confirmModel(_ req: Request, _ f: [String: String], _ d: AlertDraft, action: String, back: String) async throws -> ConfirmModel {
        let names = try await HomePage.areaNames(req)
        return ConfirmModel(
            draft: d, areaNames: (d.areas ?? []).map { names[$0] ?? $0 },
            carried: f.filter { !["_csrf", "do", "confirm"].contains($0.key) }.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) },
            action: action, back: back)
    }
}

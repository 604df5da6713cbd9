import AgoraCore
import Foundation
import Vapor

extension PublicPages {
    /// The record of the monthly state-level forecast: its backtest against simpler rules, and the live record.
    struct RecordModel: Sendable {
        var model: StoredModel?
    }

    static func recordModel(_ req: Request) async throws -> RecordModel {
        RecordModel(model: try await ForecastStore(sql: req.sql).currentModel(level: .admin1, horizon: .month))
    }
}

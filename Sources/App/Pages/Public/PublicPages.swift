import AgoraCore
import Foundation
import Vapor

/// Pages anyone may read: the directory of bodies (the tree from global to community, each body's
/// mandate, legal basis, jurisdiction, composition and partners), aggregate statistics with
/// locations coarsened to the first administrative level, and how to report. Only `public` records
/// and public facts about institutions appear here. `Public+Model` loads, `Public+View` draws.
enum PublicPages {
    static func register(_ app: Application) {
        app.get("bodies", use: directory)
        app.get("bodies", ":code", use: body)
        app.get("statistics", use: statistics)
        app.get("how-to-report", use: howTo)
        app.get("receipt", use: receipt)
        app.get("forecasts", "record", use: forecastRecord)
    }

    /// `/forecasts/record`: how often the forecasts came true. Aggregates only: no area, no event.
    static func forecastRecord(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("forecast.record"), publicPage: true, recordView(c, try await recordModel(req)))
    }

    /// `/receipt`: a member of the public who reported without an account asks what became of the report.
    static func receipt(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await receiptModel(req)
        return Layout.response(c, title: c.t("receipt.title"), status: m.answer == .slow ? .tooManyRequests : .ok, receiptView(c, m))
    }

    static func directory(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("nav.directory"), publicPage: true, directoryView(c, try await directoryModel(req)))
    }

    static func body(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        let m = try await bodyModel(req, c)
        return Layout.response(c, title: m.body.names[c.lang.rawValue] ?? m.body.name, publicPage: true, bodyView(c, m))
    }

    /// Public incidents only, counted by first-level area and month: never a point, never a village.
    static func statistics(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("nav.statistics"), publicPage: true, statisticsView(c, try await statisticsModel(req)))
    }

    static func howTo(req: Request) async throws -> Response {
        let c = try await PageContext.of(req)
        return Layout.response(c, title: c.t("nav.howto"), publicPage: true, howToView(c, try await howToModel(req)))
    }
}

import AgoraCore
import Vapor

/// `/`: the public portal for visitors; for a signed-in person, what their roles need first —
/// a monitor their reports, an analyst the queue and rising areas, a council its open cases,
/// an administrator the installation. `HomePage+Model` loads, `HomePage+View` draws.
enum HomePage {
    static func register(_ app: Application) {
        app.get { req async throws -> Response in
            let c = try await PageContext.of(req)
            let m = try await load(req, c)
            return Layout.response(
                c, title: c.signedIn ? c.t("home.title.signed", c.name ?? "") : c.t("home.title.public"), publicPage: true, body(c, m))
        }
    }
}

struct AreaNames: Sendable {
    let areas: [String: RiskSnapshot.Area]
    subscript(_ code: String) -> String? { areas[code]?.name }
}

enum BodyLevelOrder {
    static let descending = ["global", "continental", "sub-regional", "national", "region", "district", "community"]
}

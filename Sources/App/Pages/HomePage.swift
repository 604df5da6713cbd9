import Plot
import SQLKit
import Vapor

/// `/`: what this installation is, its public directory of bodies by level, and where the API is.
/// Model and view are kept apart, as every later page will be.
enum HomePage {
    struct Model: Sendable {
        var bodiesByLevel: [(level: String, bodies: [BodyRef])]
        var areaCount: Int
        /// The signed-in person's name and the session's CSRF token, for the sign-out form.
        var signedIn: (name: String, csrf: String?)?
    }

    static func register(_ app: Application) {
        app.get { req async throws -> Response in
            let model = try await load(req)
            var headers = HTTPHeaders()
            headers.contentType = .html
            return Response(status: .ok, headers: headers, body: .init(string: render(model).render()))
        }
    }

    static func load(_ req: Request) async throws -> Model {
        let rows = try await req.sql.select().columns("code", "name", "level").from("bodies").orderBy("name").all(decoding: BodyRef.self)
        let areaCount = try await req.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("areas")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let levels = BodyLevelOrder.descending
        let grouped = levels.map { level in (level, rows.filter { $0.level == level }) }.filter { !$0.1.isEmpty }
        var signedIn: (String, String?)?
        if let id = req.viewer.personID, let p = try await PeopleStore(sql: req.sql).person(id: id) {
            signedIn = (p.displayName, req.caller?.csrf)
        }
        return Model(bodiesByLevel: grouped, areaCount: areaCount, signedIn: signedIn)
    }

    static func render(_ m: Model) -> HTML {
        HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("Agora — infrastructure for peace"),
                .style("body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5;color:#1a1a1a}h2{margin-top:2rem;text-transform:capitalize}a{color:#0b5394}")
            ),
            .body(
                .header(
                    .nav(.if(m.signedIn == nil, .a(.href("/sign-in"), "Sign in"),
                             else: .form(.method(.post), .action("/sign-out"),
                                         .text("Signed in as \(m.signedIn?.name ?? "") "),
                                         .input(.type(.hidden), .name("_csrf"), .value(m.signedIn?.csrf ?? "")),
                                         .button(.type(.submit), "Sign out")))),
                    .h1("Agora"), .p("Early warning and response for infrastructures for peace: community monitors report, analysts verify, alerts reach the lowest body competent to act, and every step is on the record.")),
                .main(
                    .p("This installation knows \(m.areaCount) areas and \(m.bodiesByLevel.reduce(0) { $0 + $1.bodies.count }) bodies."),
                    .forEach(m.bodiesByLevel) { group in
                        .group(
                            .h2(.text(group.level.replacingOccurrences(of: "-", with: " "))),
                            .ul(.forEach(group.bodies) { b in .li(.a(.href("/api/v1/bodies/\(b.code)"), .text(b.name))) })
                        )
                    }
                ),
                .footer(.p(.a(.href("/api/v1/openapi.json"), "HTTP API (OpenAPI 3.1)"), " · ", .a(.href("/readyz"), "status")))
            )
        )
    }
}

enum BodyLevelOrder {
    static let descending = ["global", "continental", "sub-regional", "national", "region", "district", "community"]
}

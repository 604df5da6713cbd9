import Vapor

/// `/incidents`: the incidents a person may see, filtered by place, dates, indicator, source, classification and
/// words, on a map of clustered points and in a table, with the same filters exported as CSV, HXL or GeoJSON (the
/// API's exports, audited as such). `IncidentList+Model` loads, `IncidentList+View` draws.
enum IncidentPages {
    static func register(_ app: Application) {
        app.get("incidents", use: list)
    }

    static func list(req: Request) async throws -> Response {
        guard req.viewer.personID != nil else { return req.redirect(to: SiteURL.signIn.path) }
        let c = try await PageContext.of(req)
        let m = try await listModel(req, c)
        let drawn = m.map != nil
        return Layout.response(
            c, title: c.t("incidents.title"), scripts: TiledMap.scripts(req, drawn: drawn), styles: TiledMap.styles(req, drawn: drawn),
            listView(c, m))
    }
}

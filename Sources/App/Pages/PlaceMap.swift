import AgoraCore
import Foundation
import Plot
import Vapor

/// A small map of one place: the area's shape, or its nearest ancestor's, with a pin where a point is known.
/// Drawn on the server, so it shows on a phone without JavaScript or tiles.
enum PlaceMap {
    /// The shape to draw for a place: its own, or its nearest ancestor's.
    struct Shape: Sendable {
        var code: String
        var geometry: AreaGeometry
    }

    static func shape(_ req: Request, area code: String) async throws -> Shape? {
        try await ReportController.nearestShape(code, AreaStore(sql: req.sql)).map { Shape(code: $0.code, geometry: $0.geometry) }
    }

    static func svg(_ shaped: Shape, lat: Double?, lon: Double?, names: AreaNames, title: (String) -> String) -> String {
        let name = names[shaped.code] ?? shaped.code
        let pins = lat.flatMap { lat in lon.map { [SVG.Pin(point: GeoPoint(lat: lat, lon: $0), label: String(format: "%.4f, %.4f", lat, $0))] } }
        return SVG.map(
            [.init(code: shaped.code, name: name, geometry: shaped.geometry, fill: "#fdd835", href: nil, label: name)], title: title(name),
            width: 500,
            pins: pins ?? [])
    }

    static func svg(_ req: Request, area code: String, lat: Double?, lon: Double?, names: AreaNames, title: (String) -> String)
        async throws -> String?
    {
        try await shape(req, area: code).map { svg($0, lat: lat, lon: lon, names: names, title: title) }
    }
}

/// With a tile server configured (`AGORA_TILE_URL`, and Leaflet installed): the areas and pins of an SVG map drawn
/// again by Leaflet over the tiles. The SVG stays for readers without script, and is hidden by the script.
enum TiledMap {
    /// The tile server's URL template, when tiled maps can be offered (a page model keeps it for its view).
    static func tiles(_ req: Request) -> String? { req.application.agora.tiledMaps ? req.application.agora.tileURL : nil }

    static func node(tiles: String?, _ areas: [SVG.MapArea], pins: [SVG.Pin] = []) -> Node<HTML.BodyContext> {
        guard let tiles, !areas.isEmpty else { return .empty }
        return .group(
            .div(
                .id("tile-map"), .attribute(named: "hidden", value: "hidden"), .attribute(named: "data-tiles", value: tiles),
                .attribute(named: "style", value: "height:32rem"), .attribute(named: "role", value: "img"),
                .attribute(named: "aria-label", value: "map")),
            .element(
                named: "script",
                nodes: [
                    .attribute(named: "type", value: "application/json"), .attribute(named: "id", value: "map-data"),
                    .raw(SVG.features(areas, pins: pins)),
                ]))
    }

    static func scripts(_ req: Request, drawn: Bool) -> [String] {
        req.application.agora.tiledMaps && drawn ? [SiteURL.asset("leaflet/leaflet.js").path, SiteURL.asset("agora-map.js").path] : []
    }

    static func styles(_ req: Request, drawn: Bool) -> [String] {
        req.application.agora.tiledMaps && drawn ? [SiteURL.asset("leaflet/leaflet.css").path] : []
    }
}

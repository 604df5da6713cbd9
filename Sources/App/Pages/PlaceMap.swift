import AgoraCore
import Foundation
import Plot
import Vapor

/// A small map of one place: the area's shape, or its nearest ancestor's, with a pin where a point is known.
/// Drawn on the server, so it shows on a phone without JavaScript or tiles.
enum PlaceMap {
    static func svg(_ req: Request, area code: String, lat: Double?, lon: Double?, names: AreaNames, title: (String) -> String)
        async throws -> String?
    {
        guard let shaped = try await ReportController.nearestShape(code, AreaStore(sql: req.sql)) else { return nil }
        let name = names[shaped.code] ?? shaped.code
        let pins = lat.flatMap { lat in lon.map { [SVG.Pin(point: GeoPoint(lat: lat, lon: $0), label: String(format: "%.4f, %.4f", lat, $0))] } }
        return SVG.map(
            [.init(code: shaped.code, name: name, geometry: shaped.geometry, fill: "#fdd835", href: nil, label: name)], title: title(name),
            width: 500,
            pins: pins ?? [])
    }
}

/// With a tile server configured (`AGORA_TILE_URL`, and Leaflet installed): the areas and pins of an SVG map drawn
/// again by Leaflet over the tiles. The SVG stays for readers without script, and is hidden by the script.
enum TiledMap {
    static func node(_ req: Request, _ areas: [SVG.MapArea], pins: [SVG.Pin] = []) -> Node<HTML.BodyContext> {
        guard req.application.agora.tiledMaps, let tiles = req.application.agora.tileURL, !areas.isEmpty else { return .empty }
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

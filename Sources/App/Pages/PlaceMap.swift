import AgoraCore
import Foundation
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

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
        let svg = SVG.map(
            [.init(code: shaped.code, name: name, geometry: shaped.geometry, fill: "#fdd835", href: nil, label: name)], title: title(name), width: 500
        )
        guard let lat, let lon else { return svg }
        let box = shaped.geometry.bbox
        let k = cos((box.minLat + box.maxLat) / 2 * .pi / 180)
        let scale = 500 / max(1e-6, (box.maxLon - box.minLon) * k)
        let pin = String(
            format:
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"#c62828\" stroke=\"#fff\" stroke-width=\"2\"><title>%.4f, %.4f</title></circle></svg>",
            (lon - box.minLon) * k * scale, (box.maxLat - lat) * scale, lat, lon)
        return String(svg.dropLast(6)) + pin
    }
}

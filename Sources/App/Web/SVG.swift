import AgoraCore
import Foundation

/// Maps and charts drawn on the server as SVG: no tile server, no script, works offline and prints.
enum SVG {
    struct MapArea {
        var code: String
        var name: String
        var geometry: AreaGeometry
        var fill: String
        var href: String?
        /// Shown on hover (the `title`) and read by screen readers.
        var label: String
        /// Outlined: risk rising next door spills into it.
        var spill = false
    }

    /// A point on a map: an incident, or a cluster of them (bigger the more it holds).
    struct Pin {
        var point: GeoPoint
        var radius: Double = 7
        var label: String
        var count: Int? = nil
    }

    /// A coordinate to one decimal, as `%.1f` writes it but without `String(format:)`, which cost a fifth of the risk
    /// dashboard's time when called for every vertex.
    static func tenths(_ v: Double) -> String {
        let n = Int((v * 10).rounded())
        let a = n.magnitude
        return (n < 0 ? "-" : "") + String(a / 10) + "." + String(a % 10)
    }

    /// An equirectangular map of the areas, fitted to their extent, simplified to the scale drawn; pins on top.
    static func map(_ areas: [MapArea], title: String, width: Double = 1000, pins: [Pin] = []) -> String {
        guard let box = areas.map(\.geometry.bbox).reduce(nil, { (acc: BoundingBox?, b) in acc.map { $0.union(b) } ?? b }) else {
            return "<p class=\"muted\">—</p>"
        }
        let k = cos((box.minLat + box.maxLat) / 2 * .pi / 180)
        let w = max(1e-6, (box.maxLon - box.minLon) * k)
        let h = max(1e-6, box.maxLat - box.minLat)
        let scale = width / w
        let height = h * scale
        let tolerance = max(w, h) / 500  // degrees under which a vertex adds nothing visible
        // A map whose areas are links is a group of links to assistive technology, not one image (axe: nested-interactive).
        let role = areas.contains { $0.href != nil } ? "group" : "img"
        func xy(_ p: GeoPoint) -> String {
            tenths((p.lon - box.minLon) * k * scale) + " " + tenths((box.maxLat - p.lat) * scale)
        }
        var out =
            "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" role=\"\(role)\" aria-label=\"\(escape(title))\">"
        out += "<title>\(escape(title))</title>"
        for a in areas {
            var d = ""
            for poly in a.geometry.polygons {
                for ring in poly.rings {
                    var last: GeoPoint?
                    var first = true
                    for p in ring {
                        if let l = last, abs(l.lat - p.lat) < tolerance, abs(l.lon - p.lon) < tolerance { continue }
                        d += (first ? "M" : "L") + xy(p)
                        first = false
                        last = p
                    }
                    d += "Z"
                }
            }
            let path =
                "<path d=\"\(d)\" fill=\"\(a.fill)\"\(a.spill ? " class=\"spill\"" : "") data-area=\"\(escape(a.code))\"><title>\(escape(a.label))</title></path>"
            out += a.href.map { "<a href=\"\(escape($0))\">\(path)</a>" } ?? path
        }
        for p in pins {
            let (x, y) = ((p.point.lon - box.minLon) * k * scale, (box.maxLat - p.point.lat) * scale)
            out += String(
                format:
                    "<g class=\"pin\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#c62828\" fill-opacity=\"0.8\" stroke=\"#fff\" stroke-width=\"2\">",
                x, y, p.radius)
            out += "<title>\(escape(p.label))</title></circle>"
            if let n = p.count, n > 1 {
                out += String(
                    format:
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#fff\" font-size=\"%.0f\" aria-hidden=\"true\">%d</text>",
                    x, y, max(10, p.radius * 0.8), n)
            }
            out += "</g>"
        }
        return out + "</svg>"
    }

    /// The same areas as GeoJSON features, for the Leaflet map over tiles.
    static func features(_ areas: [MapArea], pins: [Pin] = []) -> String {
        let points: [[String: Any]] = pins.map { p in
            [
                "type": "Feature", "geometry": ["type": "Point", "coordinates": [p.point.lon, p.point.lat]],
                "properties": ["label": p.label, "radius": p.radius, "count": p.count ?? 1],
            ]
        }
        let fs: [[String: Any]] = areas.map { a in
            let polys = a.geometry.polygons.map { p in
                p.rings.map { r in r.map { [($0.lon * 1e5).rounded() / 1e5, ($0.lat * 1e5).rounded() / 1e5] } }
            }
            return [
                "type": "Feature", "geometry": ["type": "MultiPolygon", "coordinates": polys],
                "properties": ["code": a.code, "label": a.label, "fill": a.fill, "href": a.href ?? "", "spill": a.spill],
            ]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["type": "FeatureCollection", "features": fs + points])) ?? Data("{}".utf8)
        // Inside <script type="application/json">: "</" must not end the element early.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    /// Bars (e.g. incidents per week) with a line over them (e.g. the risk score).
    /// A reliability diagram: each bin of forecasts at (mean forecast, observed frequency), sized by its count,
    /// against the diagonal of perfect calibration.
    static func reliability(_ bins: [(said: Double, happened: Double, count: Int)], title: String, said: String, happened: String) -> String {
        let size = 260.0
        let pad = 36.0
        let most = Double(max(1, bins.map(\.count).max() ?? 1))
        func x(_ v: Double) -> Double { pad + v * size }
        func y(_ v: Double) -> Double { pad + (1 - v) * size }
        var out =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(size + 2 * pad)) \(Int(size + 2 * pad))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        out += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888\"/>", pad, pad, size, size)
        out += String(
            format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", x(0), y(0), x(1), y(1))
        for v in [0.0, 0.5, 1.0] {
            out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%d %%</text>", x(v) - 10, y(0) + 16, Int(v * 100))
            out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%d %%</text>", 2.0, y(v) + 4, Int(v * 100))
        }
        out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#333\">%@</text>", pad, size + 2 * pad - 4, escape(said))
        out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#333\">%@</text>", pad, pad - 10, escape(happened))
        for b in bins where b.count > 0 {
            let r = 3 + 9 * (Double(b.count) / most).squareRoot()
            out += String(
                format:
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#c62828\" fill-opacity=\"0.7\"><title>%@ %d %%, %@ %d %% (%d)</title></circle>",
                x(b.said), y(b.happened), r, escape(said), Int((b.said * 100).rounded()), escape(happened), Int((b.happened * 100).rounded()), b.count
            )
        }
        return out + "</svg>"
    }

    static func chart(_ points: [(label: String, bar: Double, line: Double)], barName: String, lineName: String, title: String) -> String {
        let w = 600.0
        let h = 200.0
        let pad = 24.0
        let n = Double(max(points.count, 1))
        let maxBar = max(1, points.map(\.bar).max() ?? 1)
        let maxLine = max(1, points.map(\.line).max() ?? 1)
        let step = (w - 2 * pad) / n
        var out =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h + 30))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        out += "<line x1=\"\(pad)\" y1=\"\(h)\" x2=\"\(w - pad)\" y2=\"\(h)\" stroke=\"#888\"/>"
        var line = ""
        for (i, p) in points.enumerated() {
            let x = pad + Double(i) * step
            let bh = (h - pad) * p.bar / maxBar
            out += String(
                format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#90a4ae\"><title>%@: %@ %@</title></rect>",
                x + 2, h - bh, step - 4, bh, escape(p.label), String(Int(p.bar)), escape(barName))
            let ly = h - (h - pad) * p.line / maxLine
            line += String(format: "%@%.1f %.1f", i == 0 ? "M" : "L", x + step / 2, ly)
            out += String(
                format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c62828\"><title>%@: %@ %.1f</title></circle>", x + step / 2, ly,
                escape(p.label), escape(lineName), p.line)
            if i % max(1, points.count / 6) == 0 {
                out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%@</text>", x, h + 16, escape(p.label))
            }
        }
        out += "<path d=\"\(line)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/>"
        return out + "</svg>"
    }

    /// A share over time (0 to 100 %), e.g. an agreement's implementation month by month.
    static func share(_ points: [(label: String, share: Double)], title: String) -> String {
        let w = 600.0
        let h = 180.0
        let pad = 30.0
        let step = (w - 2 * pad) / Double(max(points.count - 1, 1))
        func y(_ v: Double) -> Double { h - (h - pad) * min(max(v, 0), 1) }
        var out =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(h + 30))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for v in [0.0, 0.5, 1.0] {
            out += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>", pad, y(v), w - pad, y(v))
            out += String(format: "<text x=\"0\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%d %%</text>", y(v) + 4, Int(v * 100))
        }
        var path = ""
        for (i, p) in points.enumerated() {
            let x = pad + Double(i) * step
            path += String(format: "%@%.1f %.1f", i == 0 ? "M" : "L", x, y(p.share))
            out += String(
                format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#2e7d32\"><title>%@: %d %%</title></circle>", x, y(p.share), escape(p.label),
                Int((p.share * 100).rounded()))
            if i % max(1, points.count / 6) == 0 {
                out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%@</text>", x - 10, h + 16, escape(p.label))
            }
        }
        out += "<path d=\"\(path)\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\"/>"
        return out + "</svg>"
    }

    /// Horizontal bars with their labels and the count as written (a suppressed "<5" draws as a sliver, not a number).
    static func bars(_ rows: [(label: String, count: String)], title: String) -> String {
        let values = rows.map { Double($0.count) ?? 2.5 }
        let top = max(values.max() ?? 1, 1)
        let w = 600.0
        let row = 26.0
        var out =
            "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(w)) \(Int(row * Double(rows.count) + 10))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for (i, r) in rows.enumerated() {
            let y = Double(i) * row + 5
            let bw = max(2, (w - 260) * values[i] / top)
            out += String(format: "<text x=\"0\" y=\"%.1f\" font-size=\"12\" fill=\"#333\">%@</text>", y + 15, escape(r.label))
            out += String(format: "<rect x=\"170\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"#5c6bc0\"></rect>", y, bw)
            out += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#333\">%@</text>", 176 + bw, y + 15, escape(r.count))
        }
        return out + "</svg>"
    }

    static func escape(_ s: String) -> String { CAPMessage.escape(s) }

    /// Fill colours by risk level; the level is also written out wherever colour is used.
    static func fill(_ level: RiskLevel?) -> String {
        switch level {
        case .critical: "#c62828"
        case .high: "#fb8c00"
        case .moderate: "#fdd835"
        case .low: "#c8e6c9"
        case nil: "#e0e0e0"
        }
    }
}

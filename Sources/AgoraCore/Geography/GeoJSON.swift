import Foundation

/// Reads GeoJSON (RFC 7946) features with polygon geometry, checking what a careless export gets wrong.
public enum GeoJSON {
    public struct Feature: Sendable {
        /// Position in the file's `features` array, for error messages.
        public var index: Int
        public var properties: [String: JSONValue]
        public var geometry: AreaGeometry?
        public var point: GeoPoint?
    }

    /// Parses a FeatureCollection (or a single Feature). Every problem is collected and thrown together.
    public static func features(from data: Data) throws -> [Feature] {
        // JSONSerialization rather than Codable: several times faster on megabytes of coordinates.
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: data) } catch {
            throw ValidationFailure(field: "file", "is not JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any], let type = object["type"] as? String else {
            throw ValidationFailure(field: "type", "is missing; expected a FeatureCollection or a Feature")
        }
        let raws: [Any]
        switch type {
        case "FeatureCollection":
            guard let f = object["features"] as? [Any] else { throw ValidationFailure(field: "features", "must be a list") }
            raws = f
        case "Feature": raws = [object]
        default: throw ValidationFailure(field: "type", "expected a FeatureCollection or a Feature, found '\(type)'")
        }
        var issues = IssueCollector()
        var out: [Feature] = []
        for (i, raw) in raws.enumerated() {
            guard let f = raw as? [String: Any] else {
                issues.add("features[\(i)]", "is not an object")
                continue
            }
            var feature = Feature(index: i, properties: [:])
            if case .object(let props)? = (f["properties"]).map(JSONValue.init(any:)) { feature.properties = props }
            if let g = f["geometry"] as? [String: Any] {
                switch shape(g, field: "features[\(i)].geometry", into: &issues) {
                case .polygons(let polygons): feature.geometry = AreaGeometry(polygons: polygons)
                case .point(let p): feature.point = p
                case .none: break
                }
            }
            out.append(feature)
        }
        try issues.throwIfAny()
        return out
    }

    /// Parses one geometry object (as stored in the database or sent to the API).
    public static func geometry(fromText text: String, field: String = "geometry") throws -> AreaGeometry {
        guard let g = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw ValidationFailure(field: field, "is not a GeoJSON geometry object")
        }
        var issues = IssueCollector()
        let result = shape(g, field: field, into: &issues)
        try issues.throwIfAny()
        guard case .polygons(let polygons) = result, let geometry = AreaGeometry(polygons: polygons) else {
            throw ValidationFailure(field: field, "must be a Polygon or MultiPolygon")
        }
        return geometry
    }

    private enum Shape {
        case polygons([Polygon])
        case point(GeoPoint)
    }

    private static func shape(_ g: [String: Any], field: String, into issues: inout IssueCollector) -> Shape? {
        let type = g["type"] as? String ?? ""
        let coordinates = g["coordinates"] as? [Any]
        switch type {
        case "Polygon":
            guard let rings = coordinates else {
                issues.add(field, "Polygon needs coordinates")
                return nil
            }
            return polygon(rings, field: field + ".coordinates", into: &issues).map { .polygons([$0]) }
        case "MultiPolygon":
            guard let polys = coordinates, !polys.isEmpty else {
                issues.add(field, "MultiPolygon needs coordinates")
                return nil
            }
            var out: [Polygon] = []
            for (i, p) in polys.enumerated() {
                guard let rings = p as? [Any] else {
                    issues.add("\(field).coordinates[\(i)]", "is not a list of rings")
                    continue
                }
                if let poly = polygon(rings, field: "\(field).coordinates[\(i)]", into: &issues) { out.append(poly) }
            }
            return .polygons(out)
        case "GeometryCollection":
            var out: [Polygon] = []
            for (i, member) in ((g["geometries"] as? [Any]) ?? []).enumerated() {
                guard let m = member as? [String: Any] else { continue }
                if case .polygons(let p)? = shape(m, field: "\(field).geometries[\(i)]", into: &issues) { out += p }
            }
            if out.isEmpty { issues.add(field, "GeometryCollection holds no polygons") }
            return .polygons(out)
        case "Point":
            guard let c = coordinates, let p = position(c, field: field + ".coordinates", into: &issues) else {
                issues.add(field, "Point needs coordinates")
                return nil
            }
            return .point(p)
        default:
            issues.add(field + ".type", "'\(type)' is not supported; areas need a Polygon or MultiPolygon")
            return nil
        }
    }

    private static func polygon(_ rings: [Any], field: String, into issues: inout IssueCollector) -> Polygon? {
        if rings.isEmpty {
            issues.add(field, "a polygon needs at least an outer ring")
            return nil
        }
        var out: [[GeoPoint]] = []
        for (r, ringValue) in rings.enumerated() {
            let rf = "\(field)[\(r)]"
            guard let positions = ringValue as? [Any] else {
                issues.add(rf, "is not a list of positions")
                return nil
            }
            var ring: [GeoPoint] = []
            ring.reserveCapacity(positions.count)
            for (k, pos) in positions.enumerated() {
                guard let a = pos as? [Any], let p = position(a, field: "\(rf)[\(k)]", into: &issues) else {
                    if !(pos is [Any]) { issues.add("\(rf)[\(k)]", "a position is [longitude, latitude]") }
                    return nil
                }
                ring.append(p)
            }
            if ring.count < 4 {
                issues.add(rf, "a ring needs at least 4 positions, has \(ring.count)")
                return nil
            }
            if ring.first != ring.last {
                issues.add(rf, "ring is not closed: its first and last positions differ")
                return nil
            }
            out.append(ring)
        }
        return Polygon(rings: out)
    }

    /// Exports carry rounding noise such as 180.00000000000006; within a nanodegree of a bound is the bound.
    private static func position(_ a: [Any], field: String, into issues: inout IssueCollector) -> GeoPoint? {
        guard a.count >= 2, let lon = number(a[0]), let lat = number(a[1]) else {
            issues.add(field, "a position is [longitude, latitude]")
            return nil
        }
        func snap(_ v: Double, _ bound: Double) -> Double { abs(abs(v) - bound) < 1e-9 ? (v < 0 ? -bound : bound) : v }
        let x = snap(lon, 180)
        let y = snap(lat, 90)
        guard (-180...180).contains(x), (-90...90).contains(y) else {
            issues.add(field, "[\(lon), \(lat)] is out of range (longitude -180…180, latitude -90…90)")
            return nil
        }
        return GeoPoint(lat: y, lon: x)
    }

    private static func number(_ v: Any) -> Double? {
        guard let n = v as? NSNumber, !String(describing: type(of: n)).contains("Boolean") else { return nil }
        return n.doubleValue
    }

    /// Writes a geometry as compact GeoJSON MultiPolygon text.
    public static func text(of geometry: AreaGeometry) -> String {
        var s = "{\"type\":\"MultiPolygon\",\"coordinates\":["
        for (i, polygon) in geometry.polygons.enumerated() {
            if i > 0 { s += "," }
            s += "["
            for (r, ring) in polygon.rings.enumerated() {
                if r > 0 { s += "," }
                s += "["
                for (k, p) in ring.enumerated() {
                    if k > 0 { s += "," }
                    s += "[\(p.lon),\(p.lat)]"
                }
                s += "]"
            }
            s += "]"
        }
        return s + "]}"
    }
}

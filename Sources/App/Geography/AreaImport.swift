import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Bringing boundary files and P-code lists into the store: one transaction per file, so a file
/// with one bad feature leaves the store as it was.
enum AreaImport {
    enum Format: String, CaseIterable, Sendable { case geojson, pcodes }

    static func countryDraft(_ c: Country) -> AreaDraft {
        AreaDraft(
            code: c.alpha3, name: c.name, names: c.names.filter { $0.key != "en" && !$0.value.isEmpty },
            level: .country, parent: nil, centroid: c.centroid, source: "OCHA countries and territories")
    }

    struct Result: Sendable {
        var created: Int
        var updated: Int
        var neighbourPairs: Int?
    }

    static func drafts(file: URL, format: Format?, mapping: BoundaryMapping, countries: Set<String>) throws -> [AreaDraft] {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ValidationFailure(field: file.path, "cannot be read: \(error.localizedDescription)")
        }
        let fmt = format ?? (file.pathExtension.lowercased() == "csv" ? .pcodes : .geojson)
        do {
            switch fmt {
            case .geojson:
                return try BoundaryProfiles.drafts(from: GeoJSON.features(from: data), mapping: mapping)
            case .pcodes:
                guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
                    throw ValidationFailure(field: "file", "is not text")
                }
                return try BoundaryProfiles.drafts(fromPcodeCSV: text, countries: countries)
            }
        } catch var failure as ValidationFailure {
            // CLI users need the file in every message.
            failure.issues = failure.issues.map { ValidationIssue(field: "\(file.lastPathComponent): \($0.field)", message: $0.message) }
            throw failure
        }
    }

    /// Stores the drafts and, when any carried a shape, recomputes the neighbour relation.
    /// A parent that is an ISO 3166 country not yet stored is created from the built-in table,
    /// so that one country's admin1 file imports into a fresh installation.
    static func apply(_ drafts: [AreaDraft], on app: Application, actor: String, tolerance: Double = Neighbourhood.defaultTolerance) async throws
        -> Result
    {
        try await app.write { tx in
            let store = AreaStore(sql: tx)
            let inBatch = Set(drafts.map(\.code))
            let wanted = Set(drafts.compactMap(\.parent)).subtracting(inBatch)
            let stored = try await store.exists(Array(wanted))
            let countries = wanted.subtracting(stored).sorted().compactMap(Country.find).filter { wanted.contains($0.alpha3) }.map(countryDraft)
            let (created, updated) = try await store.upsert(countries + drafts, actor: actor)
            var pairs: Int?
            if drafts.contains(where: { $0.geometry != nil }) {
                pairs = try await store.recomputeNeighbours(tolerance: tolerance)
            }
            return Result(created: created, updated: updated, neighbourPairs: pairs)
        }
    }
}

enum Neighbourhood {
    /// About 5.5 km: shapes from different sources (OSM counties, Natural Earth countries) do not
    /// share vertices; this is the gap at which two borders are taken as one.
    static let defaultTolerance = 0.05
}

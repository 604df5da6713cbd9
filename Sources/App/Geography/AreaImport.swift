import AgoraCore
import FluentKit
import Foundation
import SQLKit

/// Bringing boundary files and P-code lists into the store: one transaction per file, so a file
/// with one bad feature leaves the store as it was.
enum AreaImport {
    enum Format: String, CaseIterable, Sendable { case geojson, pcodes }

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
    static func apply(_ drafts: [AreaDraft], on db: any Database, tolerance: Double = Neighbourhood.defaultTolerance) async throws -> Result {
        try await db.transaction { tx in
            let store = AreaStore(sql: tx as! any SQLDatabase)
            let (created, updated) = try await store.upsert(drafts)
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

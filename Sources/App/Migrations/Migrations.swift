import Foundation
import SQLKit

/// Every migration, in the order it runs: its number is its place here (folders are numbered the same way).
/// A new one goes at the end.
enum AgoraMigrations {
    static let all: [any AgoraMigration] = [
        CreateMeta(),
        CreateAreas(),
        CreateInstitutions(),
        CreateAccess(),
        CreateEarlyWarning(),
        CreateSituationReports(),
        CreateSearchIndex(),
        CreateResponse(),
        IndexAreaPaths(),
        IndexIncidentDates(),
        KeyAuditChain(),
        CreateIdempotencyKeys(),
        CreateBodySharing(),
        AddPublicChannels(),
        AddAlertClassificationDefault(),
        CreateReportAttachments(),
        CreateForecasts(),
        CreateMediation(),
        AddSessionDocuments(),
        CreateAccountability(),
        CreateForums(),
        ExtendSubmissions(),
        CreateAccreditation(),
        CreateArms(),
        CreateChannels(),
        CreateOpenRosaForms(),
        CreateOutboundSMS(),
        CreateFederation(),
        AddPeerCountries(),
        AddRecordMatchKeys(),
        AddIncidentSourceIndex(),
        AddQuarantineSignature(),
        AddIncidentRevision(),
        AddDirectoryAndForecastRevisions(),
    ]
}

/// One step of the schema. Each runs in a write transaction together with the row that records it.
protocol AgoraMigration: Sendable {
    func prepare(on sql: any SQLDatabase) async throws
    func revert(on sql: any SQLDatabase) async throws
}

extension AgoraMigration {
    /// The name recorded beside the number (and the one Fluent recorded, for stores made before 2026-11).
    var name: String { String(describing: type(of: self)) }
}

/// A migration written as plain SQL statements that both SQLite and PostgreSQL accept.
protocol SQLMigration: AgoraMigration {
    var up: [String] { get }
    var down: [String] { get }
}

extension SQLMigration {
    func prepare(on sql: any SQLDatabase) async throws {
        for statement in up { try await sql.raw(SQLQueryString(statement)).run() }
    }

    func revert(on sql: any SQLDatabase) async throws {
        for statement in down { try await sql.raw(SQLQueryString(statement)).run() }
    }
}

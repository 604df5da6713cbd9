import Fluent
import SQLKit

/// Every migration, in the order it runs. Folders are numbered; a new one goes at the end.
enum AgoraMigrations {
    static let all: [any Migration] = [
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
    ]
}

/// A migration written as plain SQL statements that both SQLite and PostgreSQL accept.
protocol SQLMigration: AsyncMigration {
    var up: [String] { get }
    var down: [String] { get }
}

extension SQLMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for statement in up { try await sql.raw(SQLQueryString(statement)).run() }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for statement in down { try await sql.raw(SQLQueryString(statement)).run() }
    }
}

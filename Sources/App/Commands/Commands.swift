import AgoraCore
import Foundation
import SQLKit
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(AreasCommand(), as: "areas")
    app.asyncCommands.use(BodiesCommand(), as: "bodies")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(EventsCommand(), as: "events")
    app.asyncCommands.use(FrameworksCommand(), as: "frameworks")
    app.asyncCommands.use(AgreementsCommand(), as: "agreements")
    app.asyncCommands.use(HolidaysCommand(), as: "holidays")
    app.asyncCommands.use(SubmissionsCommand(), as: "submissions")
    app.asyncCommands.use(OrganisationsCommand(), as: "organisations")
    app.asyncCommands.use(AccreditationsCommand(), as: "accreditations")
    app.asyncCommands.use(RiskCommand(), as: "risk")
    app.asyncCommands.use(FederationCommand(), as: "federation")
    app.asyncCommands.use(ForecastCommand(), as: "forecast")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(ReportsCommand(), as: "reports")
    app.asyncCommands.use(CasesCommand(), as: "cases")
    app.asyncCommands.use(NotificationsCommand(), as: "notifications")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
}

/// How the audit trail names a change made at the command line: the operating-system user.
var cliActor: String { "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown") }

/// Prints each issue on its own line, file and place first, as compilers do.
func report(_ failure: ValidationFailure, on console: any Console) {
    console.error("nothing was stored; \(failure.issues.count) problem(s):")
    for issue in failure.issues.prefix(50) { console.error("  \(issue.field): \(issue.message)") }
    if failure.issues.count > 50 { console.error("  … and \(failure.issues.count - 50) more") }
}

/// `agora areas import FILE` and `agora areas neighbours`.
struct AreasCommand: AsyncCommandGroup {
    var help: String { "Areas: import boundary files and P-code lists; recompute neighbours." }
    var commands: [String: any AnyAsyncCommand] { ["import": AreaImportCommand(), "neighbours": NeighboursCommand()] }
}

struct NeighboursCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tolerance", help: "degrees within which two borders are one (default 0.05)")
        var tolerance: Double?
    }
    var help: String { "Recompute which areas neighbour each other from their shapes (declared pairs stay)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let tolerance = signature.tolerance ?? Neighbourhood.defaultTolerance
        let n = try await context.application.write { tx in
            try await AreaStore(sql: tx).recomputeNeighbours(tolerance: tolerance)
        }
        context.console.print("\(n) neighbour pairs")
    }
}

struct AreaImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "a GeoJSON boundary file or an OCHA P-code CSV file")
        var file: String
        @Option(name: "format", help: "geojson | pcodes (default: by file extension)")
        var format: String?
        @Option(name: "level", help: "country | admin1 | admin2 | community, for a file of unknown layout")
        var level: String?
        @Option(name: "code-property", help: "property holding the area code, for a file of unknown layout")
        var codeProperty: String?
        @Option(name: "name-property", help: "property holding the name, for a file of unknown layout")
        var nameProperty: String?
        @Option(name: "parent-property", help: "property holding the parent's code")
        var parentProperty: String?
        @Option(name: "parent", help: "parent code for every area in the file")
        var parent: String?
        @Option(name: "countries", help: "ISO3 codes to keep from a P-code list, comma-separated")
        var countries: String?
        @Option(name: "tolerance", help: "degrees within which two borders are one (default 0.05)")
        var tolerance: Double?
    }

    var help: String { "Import areas from a boundary file or P-code list: all of it, or nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let tolerance = signature.tolerance ?? Neighbourhood.defaultTolerance
        let mapping = BoundaryMapping(
            level: try signature.level.map { try AreaLevel.parse($0, field: "--level") },
            codeProperty: signature.codeProperty, nameProperty: signature.nameProperty,
            parentProperty: signature.parentProperty, parent: signature.parent)
        let format = try signature.format.map { f -> AreaImport.Format in
            guard let v = AreaImport.Format(rawValue: f) else { throw ValidationError("--format: '\(f)' is not geojson or pcodes") }
            return v
        }
        let countries = Set((signature.countries ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
        let file = signature.file
        do {
            let drafts = try AreaImport.drafts(file: URL(fileURLWithPath: file), format: format, mapping: mapping, countries: countries)
            let r = try await AreaImport.apply(drafts, on: app, actor: cliActor, tolerance: tolerance)
            context.console.print("\(file): \(r.created) created, \(r.updated) updated" + (r.neighbourPairs.map { ", \($0) neighbour pairs" } ?? ""))
        } catch let failure as ValidationFailure {
            report(failure, on: context.console)
            throw ValidationError("\(file): import failed")
        }
    }
}

/// `agora bodies import FILE.json`: `{"organisations": […], "bodies": […]}`, all or nothing.
struct BodiesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "import")
        var action: String
        @Argument(name: "file", help: "JSON file with organisations and bodies")
        var file: String
    }

    struct File: Decodable {
        var organisations: [OrganisationDraft]?
        var bodies: [BodyDraft]?
    }

    var help: String { "Import organisations and bodies from a JSON file." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "import" else { throw ValidationError("unknown action '\(signature.action)'; use import") }
        let data = try Data(contentsOf: URL(fileURLWithPath: signature.file))
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch let e as DecodingError {
            throw ValidationError("\(signature.file): \(APIErrorMiddleware.describe(e))")
        } catch let failure as ValidationFailure {
            throw ValidationError("\(signature.file): \(failure)")
        }
        do {
            let (created, updated) = try await context.application.write { tx in
                let store = BodyStore(sql: tx)
                try await store.upsert(file.organisations ?? [], actor: cliActor)
                return try await store.upsert(file.bodies ?? [], actor: cliActor)
            }
            context.console.print("\(signature.file): \(file.organisations?.count ?? 0) organisations; bodies \(created) created, \(updated) updated")
        } catch let failure as ValidationFailure {
            report(failure, on: context.console)
            throw ValidationError("\(signature.file): import failed")
        }
    }
}

/// `agora demo`: seed the demo installation into the configured store, without serving.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Seed the demo installation (areas, institutions) into the store." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await DemoInstallation.seed(context.application)
    }
}

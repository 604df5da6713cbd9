import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora events import FILE --body CODE`: ACLED, UCDP GED or HXL-tagged CSV into incidents.
struct EventsCommand: AsyncCommandGroup {
    var help: String { "Event data: import ACLED, UCDP GED or HXL-tagged CSV as incidents." }
    var commands: [String: any AnyAsyncCommand] { ["import": EventImportCommand()] }
}

struct EventImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file") var file: String
        @Option(name: "body", help: "the body that owns the imported incidents, e.g. KE-CEWERU") var body: String?
        @Option(name: "classification", help: "public, internal (default), restricted or confidential") var classification: String?
    }
    var help: String { "Import event data; the whole file or nothing, and a second import of the same file adds nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let body = signature.body else { throw ValidationError("--body: say which body owns the incidents (e.g. --body KE-CEWERU)") }
        let classification = try Classification.parse(signature.classification ?? "internal", field: "--classification")
        let url = URL(fileURLWithPath: signature.file)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ValidationError("\(signature.file): cannot be read") }
        let app = context.application
        let terminal = isatty(STDERR_FILENO) == 1
        var importer = EventImporter(body: body, classification: classification, actor: cliActor)
        if terminal {
            importer.progress = { done, total in
                let width = 30
                let filled = total == 0 ? width : done * width / total
                let read = total == 0 ? 100 : done * 100 / total  // of the file's bytes
                FileHandle.standardError.write(
                    Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(read) % read".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            }
        }
        let summary: EventImporter.Summary
        do {
            let gazetteer = try await app.gazetteer.current(AreaStore(sql: app.sql))
            summary = try await importer.run(data, app: app, gazetteer: gazetteer)
        } catch let failure as ValidationFailure {
            report(
                ValidationFailure(failure.issues.map { ValidationIssue(field: "\(url.lastPathComponent): \($0.field)", message: $0.message) }),
                on: context.console)
            throw ValidationError("\(signature.file): import failed")
        }
        let pct = String(format: "%.1f%%", summary.resolvedBelowCountry * 100)
        context.console.print(
            """
            \(url.lastPathComponent): \(summary.layout.rawValue), \(summary.rows) rows
              imported: \(summary.imported) (areas by P-code \(summary.byPcode), by name \(summary.byName), by point \(summary.byPoint), country only \(summary.countryOnly); \(pct) below country level)
              skipped as already imported: \(summary.duplicates)
              rejected: \(summary.rejected.count)
            """)
        if summary.generatedIDs { context.console.print("  no event id column: ids made from each row's content (a re-import matches them)") }
        for issue in summary.rejected.prefix(20) { context.console.print("    \(issue.field): \(issue.message)") }
        if summary.rejected.count > 20 { context.console.print("    … and \(summary.rejected.count - 20) more") }
        // A file that stored nothing and was not already stored is a failure, whatever the reason.
        if summary.imported == 0 && summary.duplicates == 0 {
            throw ValidationError("\(signature.file): nothing imported (\(summary.rows) rows read, \(summary.rejected.count) rejected)")
        }
    }
}

import AgoraCore
import Foundation
import Vapor

/// `agora organisations schemes FILE` (the org-id.guide register) and `agora accreditations sweep` (the clock now).
struct OrganisationsCommand: AsyncCommandGroup {
    var help: String { "Organisations: load the org-id.guide register of identifier lists (../shared/data/organisations/orgid_lists.json)." }
    var commands: [String: any AnyAsyncCommand] { ["schemes": OrgSchemesCommand()] }
}

struct OrgSchemesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file") var file: String
    }
    var help: String { "Replace the register of identifier lists, all or nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw ValidationError("\(signature.file): cannot be read") }
        let schemes = try OrgSchemeFile.read(data, file: signature.file)
        try await context.application.write { try await AccreditationStore(sql: $0).replaceSchemes(schemes) }
        context.console.print("\(signature.file): \(schemes.count) identifier lists (\(schemes.filter(\.deprecated).count) deprecated)")
    }
}

/// The register as org-id.guide publishes it: `{"lists": [{"code", "name", "coverage", "deprecated"…}]}`, or a bare list.
enum OrgSchemeFile {
    struct Entry: Decodable {
        var code: String
        var name: String?
        var coverage: [String]?
        var deprecated: Bool?
    }
    struct Wrapped: Decodable { var lists: [Entry] }

    static func read(_ data: Data, file: String) throws -> [OrgScheme] {
        let entries: [Entry]
        if let w = try? JSONDecoder().decode(Wrapped.self, from: data) {
            entries = w.lists
        } else if let list = try? JSONDecoder().decode([Entry].self, from: data) {
            entries = list
        } else {
            throw ValidationError("\(file): not the org-id.guide register (a `lists` array of {code, name, coverage, deprecated}); nothing stored")
        }
        var seen = Set<String>()
        var out: [OrgScheme] = []
        for (i, e) in entries.enumerated() {
            guard e.code.count <= 24, e.code.range(of: #"^[A-Z]{2}[A-Z0-9_]*(-[A-Z0-9_]+){1,2}$"#, options: .regularExpression) != nil else {
                throw ValidationError("\(file): lists[\(i)].code '\(e.code)' is not a list code (GH-RGD); nothing stored")
            }
            guard seen.insert(e.code).inserted else { throw ValidationError("\(file): lists[\(i)].code '\(e.code)' appears twice; nothing stored") }
            out.append(OrgScheme(code: e.code, name: e.name ?? e.code, coverage: e.coverage ?? [], deprecated: e.deprecated ?? false))
        }
        guard !out.isEmpty else { throw ValidationError("\(file): no list in it; nothing stored") }
        return out
    }
}

struct AccreditationsCommand: AsyncCommandGroup {
    var help: String { "Accreditation of organisations." }
    var commands: [String: any AnyAsyncCommand] { ["sweep": AccreditationSweepCommand()] }
}

struct AccreditationSweepCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "today", help: "judge as of this day, YYYY-MM-DD (default: today)") var today: String?
    }
    var help: String {
        "Send due reminders, mark renewals due, expire, suspend for missed obligations or after a hearing, reinstate (serve does it hourly)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let d = signature.today, ReportRules.parseDay(d) == nil { throw ValidationError("--today: '\(d)' is not a date; use YYYY-MM-DD") }
        let done = try await AccreditationSweep(app: context.application).sweep(today: signature.today ?? String(Timestamp.now().prefix(10)))
        for d in done { context.console.print("\(d.id): \(d.action)") }
        context.console.print("\(done.count) changes")
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora agreements import pax FILE.csv [--countries Kenya,Ghana]`.
struct AgreementsCommand: AsyncCommandGroup {
    var help: String { "Peace agreements: import the PA-X database." }
    var commands: [String: any AnyAsyncCommand] { ["import": AgreementImportCommand(), "stalls": AgreementStallsCommand()] }
}

struct AgreementStallsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "today", help: "judge as of this day, YYYY-MM-DD (default: today)") var today: String?
    }
    var help: String { "Apply the stall rule now (serve does it hourly) and print the new stalls." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let d = signature.today, ReportRules.parseDay(d) == nil { throw ValidationError("--today: '\(d)' is not a date; use YYYY-MM-DD") }
        let flagged = try await StallSweep(app: context.application).sweep(today: signature.today ?? String(Timestamp.now().prefix(10)))
        for f in flagged { context.console.print("\(f.agreement) \(f.stall.stipulation): \(f.stall.reason.rawValue) since \(f.stall.since)") }
        context.console.print("\(flagged.count) new stalls")
    }
}

struct AgreementImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "format", help: "pax: the PA-X agreements export (pax_all_agreements_data.csv)") var format: String
        @Argument(name: "file") var file: String
        @Option(name: "countries", help: "keep rows whose Con names one of these, comma-separated (e.g. Kenya,Ghana)") var countries: String?
    }
    var help: String { "Import agreements, all or nothing: new AgtIds added, known ones updated in place." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.format == "pax" else { throw ValidationError("unknown format '\(signature.format)'; use pax") }
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw ValidationError("\(signature.file): cannot be read") }
        let countries = (signature.countries ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationFailure(field: "file", "is not UTF-8 text") }
            let rows = try PAX.read(text, countries: countries)
            guard !rows.isEmpty else {
                throw ValidationFailure(
                    field: "file", countries.isEmpty ? "holds no agreement" : "holds no agreement of \(countries.joined(separator: ", "))")
            }
            let (created, updated) = try await context.application.write { tx in
                try await AgreementStore(sql: tx).importPAX(rows, actor: cliActor)
            }
            context.console.print("\(signature.file): \(rows.count) agreements (\(created) new, \(updated) updated)")
        } catch let failure as ValidationFailure {
            report(
                ValidationFailure(failure.issues.map { ValidationIssue(field: "\(signature.file): \($0.field)", message: $0.message) }),
                on: context.console)
            throw ValidationError("\(signature.file): import failed, nothing stored")
        }
    }
}

import AgoraCore
import Foundation
import Vapor

/// `agora holidays import FILE` (the working-day clock) and `agora submissions sweep` (overdue flags now).
struct HolidaysCommand: AsyncCommandGroup {
    var help: String { "Public holidays: import country,date,name rows (e.g. ../shared/data/calendars/public_holidays_2024-2030.csv)." }
    var commands: [String: any AnyAsyncCommand] { ["import": HolidayImportCommand()] }
}

struct HolidayImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file") var file: String
    }
    var help: String { "Import or correct public holidays, all or nothing." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(signature.file): cannot be read as UTF-8")
        }
        do {
            let rows = try HolidayStore.read(text)
            try await context.application.write { try await HolidayStore(sql: $0).upsert(rows, actor: cliActor) }
            context.console.print("\(signature.file): \(rows.count) holidays of \(Set(rows.map(\.country)).count) countries")
        } catch let failure as ValidationFailure {
            report(
                ValidationFailure(failure.issues.map { ValidationIssue(field: "\(signature.file): \($0.field)", message: $0.message) }),
                on: context.console)
            throw ValidationError("\(signature.file): import failed, nothing stored")
        }
    }
}

struct SubmissionsCommand: AsyncCommandGroup {
    var help: String { "Submissions to bodies." }
    var commands: [String: any AnyAsyncCommand] { ["sweep": SubmissionSweepCommand()] }
}

struct SubmissionSweepCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "today", help: "judge as of this day, YYYY-MM-DD (default: today)") var today: String?
    }
    var help: String { "Flag overdue and very overdue submissions now (serve does it hourly); very overdue ones escalate." }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let d = signature.today, ReportRules.parseDay(d) == nil { throw ValidationError("--today: '\(d)' is not a date; use YYYY-MM-DD") }
        let changed = try await SubmissionSweep(app: context.application).sweep(today: signature.today ?? String(Timestamp.now().prefix(10)))
        for c in changed { context.console.print("\(c.id): \(c.flag.rawValue)") }
        context.console.print("\(changed.count) submissions changed flag")
    }
}

import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora frameworks export CODE > file.json` and `agora frameworks import file.json [--inactive]`.
struct FrameworksCommand: AsyncCommandGroup {
    var help: String { "Indicator frameworks: write one out to edit, read it back in." }
    var commands: [String: any AnyAsyncCommand] { ["export": FrameworkExportCommand(), "import": FrameworkImportCommand()] }
}

struct FrameworkExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "code", help: "framework code; 'standard' is the built-in one") var code: String
    }
    var help: String { "Print a framework as JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let f = try await FrameworkStore(sql: context.application.sql).get(signature.code) else {
            throw ValidationError("no framework '\(signature.code)'")
        }
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try e.encode(f), as: UTF8.self))
    }
}

struct FrameworkImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file") var file: String
        @Flag(name: "inactive", help: "store it without making it the framework reports are checked against") var inactive: Bool
    }
    var help: String { "Import or replace a framework from JSON; it becomes the active one unless --inactive." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else { throw ValidationError("\(signature.file): cannot be read") }
        do {
            let f = try IndicatorFramework.decode(data)
            try await context.application.write { tx in
                try await FrameworkStore(sql: tx).save(f, activate: !signature.inactive, actor: cliActor)
            }
            context.console.print(
                "\(signature.file): framework '\(f.code)', \(f.sectors.count) sectors, \(f.indicators.count) indicators"
                    + (signature.inactive ? "" : "; active"))
        } catch let failure as ValidationFailure {
            report(
                ValidationFailure(failure.issues.map { ValidationIssue(field: "\(signature.file): \($0.field)", message: $0.message) }),
                on: context.console)
            throw ValidationError("\(signature.file): import failed")
        }
    }
}

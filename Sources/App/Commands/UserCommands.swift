import AgoraCore
import Foundation
import SQLKit
import Vapor

/// `agora users create|reset-password|grant` and `agora audit verify`.
struct UsersCommand: AsyncCommandGroup {
    var help: String { "People: create accounts, reset passwords, grant roles." }
    var commands: [String: any AnyAsyncCommand] {
        ["create": CreateUserCommand(), "reset-password": ResetPasswordCommand(), "grant": GrantRoleCommand()]
    }
}

/// A password from standard input (`--password-stdin`), else a new one printed once.
private func password(fromStdin: Bool) throws -> (String, printed: Bool) {
    if fromStdin {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("no password on standard input") }
        var issues = IssueCollector()
        PeopleStore.checkPassword(line, into: &issues)
        if let i = issues.issues.first { throw ValidationError("password: \(i.message)") }
        return (line, false)
    }
    return (Passwords.generate(), true)
}

struct CreateUserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Option(name: "name", help: "the name shown to others (default: the username)") var name: String?
        @Flag(name: "admin", help: "an installation administrator") var admin: Bool
        @Flag(name: "password-stdin", help: "read the password from standard input instead of generating one") var passwordStdin: Bool
    }
    var help: String { "Create an account; prints its password once unless --password-stdin." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (pw, printed) = try password(fromStdin: signature.passwordStdin)
        let hash = try await Passwords.hash(pw, on: context.application)
        let p = try await context.application.write { tx in
            try await PeopleStore(sql: tx).create(
                username: signature.username, displayName: signature.name ?? signature.username,
                passwordHash: hash, installationAdmin: signature.admin, actor: cliActor)
        }
        context.console.print("created \(p.username) (\(p.id))" + (signature.admin ? ", installation administrator" : ""))
        if printed { context.console.print("password: \(pw)") }
    }
}

struct ResetPasswordCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Flag(name: "password-stdin", help: "read the new password from standard input instead of generating one") var passwordStdin: Bool
    }
    var help: String { "Set a new password, unlock the account and end its sessions and tokens." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let (pw, printed) = try password(fromStdin: signature.passwordStdin)
        let hash = try await Passwords.hash(pw, on: context.application)
        try await context.application.write { tx in
            let people = PeopleStore(sql: tx)
            guard let p = try await people.person(username: signature.username) else { throw ValidationError("no account '\(signature.username)'") }
            try await people.setPassword(personID: p.id, hash: hash, actor: cliActor)
        }
        context.console.print("password reset for \(signature.username); its sessions and API tokens are ended")
        if printed { context.console.print("password: \(pw)") }
    }
}

struct GrantRoleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username") var username: String
        @Argument(name: "body", help: "body code, e.g. GH-DPC-BAWKU") var body: String
        @Argument(name: "role", help: "monitor, analyst, responder, coordinator, cso-liaison, auditor, body-admin") var role: String
    }
    var help: String { "Give a person a role in a body." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let role = try Role.parse(signature.role, field: "role")
        try await context.application.write { tx in
            let people = PeopleStore(sql: tx)
            guard let p = try await people.person(username: signature.username) else { throw ValidationError("no account '\(signature.username)'") }
            try await people.grant(RoleGrant(body: signature.body, role: role), to: p.id, actor: cliActor)
        }
        context.console.print("\(signature.username) is now \(role.rawValue) in \(signature.body)")
    }
}

struct AuditCommand: AsyncCommandGroup {
    var help: String { "The audit trail." }
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand(), "checkpoint": AuditCheckpointCommand()] }
}

struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "checkpoints", help: "A file of signed checkpoints to check against (default: the installation's, AGORA_AUDIT_CHECKPOINTS)")
        var checkpoints: String?
    }

    var help: String { "Walk the keyed chain and the signed checkpoints; name the first break. Exits non-zero when it is broken." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let file = signature.checkpoints.map { AuditCheckpointFile(url: URL(fileURLWithPath: $0)) } ?? app.auditCheckpoints
        let checkpoints = try file.read()
        let (checked, broken) = try await AuditStore(sql: app.sql, key: try app.vault.auditKey).verify(checkpoints: checkpoints)
        if let broken {
            context.console.error("audit trail BROKEN at entry \(broken.seq): \(broken)")
            throw ValidationError("the audit trail does not verify (first broken entry: \(broken.seq))")
        }
        context.console.print("audit trail intact: \(checked) entries, \(checkpoints.count) checkpoints from \(file.url.path)")
    }
}

struct AuditCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Print the signed head of the chain and append it to the checkpoint file; keep a copy off this machine." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let c = try await AuditStore(sql: app.sql, key: try app.vault.auditKey).head()
        try app.auditCheckpoints.append(c)
        context.console.print(String(decoding: try JSONEncoder.sorted.encode(c), as: UTF8.self))
    }
}

import AgoraCore
import Foundation
import Vapor

/// `agora federation status|key`.
struct FederationCommand: AsyncCommandGroup {
    var help: String { "Federation with other installations over NATS (docs/FEDERATION.md)." }
    var commands: [String: any AnyAsyncCommand] { ["status": FederationStatusCommand(), "key": FederationKeyCommand()] }
}

struct FederationStatusCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "json", help: "print JSON") var json: Bool
    }
    var help: String { "This installation's peers and agreements, the outbox (pending, published) and what it received and quarantined." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let s = try await FederationController.status(context.application, sql: context.application.sql)
        if signature.json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            context.console.print(String(decoding: try e.encode(s), as: UTF8.self))
            return
        }
        let f = s.figures
        context.console.print("installation: \(s.installation ?? "(AGORA_INSTALLATION_ID not set: federation off)")\(s.hub ? " (hub)" : "")")
        context.console.print("NATS: \(s.nats ?? "(AGORA_NATS_URL not set: events wait in the outbox)")")
        context.console.print("peers: \(s.peers.isEmpty ? "none" : s.peers.joined(separator: ", "))")
        for a in s.agreements { context.console.print("agreement \(a.id): \(a.origin) → \(a.recipient), \(a.state.rawValue)") }
        context.console.print(
            "outbox: \(f.pending) pending\(f.oldestPending.map { " (oldest \($0))" } ?? ""), \(f.published) published, last \(f.lastPublished ?? "never")"
        )
        context.console.print("received: \(f.received) events, last \(f.lastReceived ?? "never"); quarantined: \(f.quarantined)")
    }
}

struct FederationKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Print this installation's public key, for its peers to register (POST /api/v1/federation/peers)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let me = try context.application.federationIdentity else { throw ValidationError("set AGORA_INSTALLATION_ID first") }
        context.console.print("\(me.installation) \(me.keys.publicKey)")
    }
}

import AgoraCore
import Foundation
import Vapor

/// `agora federation status|key|load|nats-config`.
struct FederationCommand: AsyncCommandGroup {
    var help: String { "Federation with other installations over NATS (docs/FEDERATION.md)." }
    var commands: [String: any AnyAsyncCommand] {
        ["status": FederationStatusCommand(), "key": FederationKeyCommand(), "load": FederationLoadCommand(), "nats-config": NATSConfigCommand()]
    }
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
        for p in s.peerFigures {
            context.console.print(
                "peer \(p.peer): \(p.pending) waiting, \(p.published) sent (last \(p.lastPublished ?? "never")), \(p.received) received (last \(p.lastReceived ?? "never")), \(p.quarantined) quarantined"
            )
        }
        if let l = s.link { context.console.print("link: \(l.connected ? "connected" : "down: \(l.lastError ?? "")") since \(l.changedAt)") }
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

/// `agora federation nats-config`: the agreements in force as the hub server's accounts and permissions (`NATSAccess`).
struct NATSConfigCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "domain", help: "the hub's JetStream domain (default: AGORA_NATS_DOMAIN, else none)") var domain: String?
        @Option(name: "write", help: "write the accounts block to this file (an `include` of the hub server's configuration)")
        var write: String?
        @Option(name: "reload", help: "then send SIGHUP to the nats-server whose pid is in this file (its `pid_file`)") var reload: String?
    }
    var help: String { "Compile the data-sharing agreements into the hub NATS server's accounts and subject permissions." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let me = try app.federationIdentity else { throw ValidationError("set AGORA_INSTALLATION_ID first") }
        let store = FederationStore(sql: app.sql)
        let grants = NATSAccess.grants(
            hub: me.installation, peers: try await store.peerCountries(), agreements: try await store.agreements(), on: Timestamp.today(),
            domain: signature.domain ?? app.agora.natsDomain)
        let text =
            "# Written by `agora federation nats-config` from the agreements in force on \(Timestamp.today()).\n"
            + NATSAccess.accounts(grants, password: me.keys.natsPassword(for:))
        guard let file = signature.write else {
            context.console.print(text)
            for g in grants where g.user != me.installation {
                context.console.print(
                    "# \(g.user)'s leaf node: remotes = [ { url: \"nats-leaf://\(g.user):\(me.keys.natsPassword(for: g.user))@HUB:LEAFPORT\" } ]")
            }
            return
        }
        let tmp = file + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: tmp))
        guard rename(tmp, file) == 0 else { throw ValidationError("cannot write \(file)") }
        context.console.print("wrote \(grants.count) users to \(file)")
        if let pidFile = signature.reload {
            guard let pid = Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)),
                kill(pid, SIGHUP) == 0
            else { throw ValidationError("\(pidFile): no nats-server to reload") }
            context.console.print("nats-server \(pid) reloads its configuration")
        }
    }
}

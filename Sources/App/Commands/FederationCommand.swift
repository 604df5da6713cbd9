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
        @Flag(name: "apply", help: "then have the server at AGORA_NATS_URL reload it and close the connections whose grant changed")
        var apply: Bool
        @Option(name: "reload", help: "then send SIGHUP to the nats-server whose pid is in this file (connected leaf nodes keep their grant)")
        var reload: String?
    }
    var help: String { "Compile the data-sharing agreements into the hub NATS server's accounts and subject permissions." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let me = try app.federationIdentity else { throw ValidationError("set AGORA_INSTALLATION_ID first") }
        let domain = signature.domain ?? app.agora.natsDomain
        guard let file = signature.write else {
            context.console.print(try await NATSPermissions.compile(app, me: me, domain: domain).text)
            for user in try await FederationStore(sql: app.sql).peerCountries().keys.sorted() where user != me.installation {
                context.console.print(
                    "# \(user)'s leaf node: remotes = [ { url: \"nats-leaf://\(user):\(me.keys.natsPassword(for: user))@HUB:LEAFPORT\" } ]")
            }
            return
        }
        if signature.apply {
            guard app.agora.natsURL != nil else { throw ValidationError("--apply: set AGORA_NATS_URL to the hub's server") }
            let closed = try await NATSPermissions(app: app, me: me, file: file, domain: domain).apply()
            context.console.print(
                "wrote \(file); the server reloaded it"
                    + (closed.isEmpty ? "" : " and closed the connections of \(closed.sorted().joined(separator: ", "))"))
            return
        }
        let compiled = try await NATSPermissions.compile(app, me: me, domain: domain)
        try NATSPermissions.write(compiled.text, to: file)
        context.console.print("wrote \(compiled.users) users to \(file)")
        if let pidFile = signature.reload {
            guard let pid = Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)),
                kill(pid, SIGHUP) == 0
            else { throw ValidationError("\(pidFile): no nats-server to reload") }
            context.console.print("nats-server \(pid) reloads its configuration")
        }
    }
}

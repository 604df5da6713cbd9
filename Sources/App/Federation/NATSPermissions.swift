import AgoraCore
import AgoraNATS
import Foundation
import Vapor

/// The hub's NATS server kept to the agreements in force (`NATSAccess`): the accounts file written again, the server
/// told to reload it through its system account, and the connections whose grant changed closed — nats-server applies
/// a reloaded grant to new connections only, and a leaf node already connected would keep publishing under an
/// agreement that ended. Closed, a leaf node connects again at once under its new grant.
actor NATSPermissions {
    let app: Application
    let me: FederationIdentity
    let file: String
    let domain: String?
    /// What the server last confirmed it reloaded; before the first reload, the file as this process found it.
    private var applied: String?
    private var appliedByServer = false

    init(app: Application, me: FederationIdentity, file: String, domain: String?) {
        self.app = app
        self.me = me
        self.file = file
        self.domain = domain
        self.applied = try? String(contentsOfFile: file, encoding: .utf8)
    }

    /// The accounts block for the agreements in force today.
    static func compile(_ app: Application, me: FederationIdentity, domain: String?) async throws -> (text: String, users: Int) {
        let store = FederationStore(sql: app.sql)
        let grants = NATSAccess.grants(
            hub: me.installation, peers: try await store.peerCountries(), agreements: try await store.agreements(), on: Timestamp.today(),
            domain: domain)
        let text =
            "# Written by Agora from the agreements in force on \(Timestamp.today()).\n"
            + NATSAccess.accounts(grants, password: me.keys.natsPassword(for:))
        return (text, grants.count)
    }

    /// Written whole or not at all: the server may read it at any moment.
    static func write(_ text: String, to file: String) throws {
        let tmp = file + ".tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: tmp))
        guard rename(tmp, file) == 0 else { throw Abort(.internalServerError, reason: "cannot write \(file)") }
    }

    /// Compiles, writes the file when it changed and, when the server is known (`AGORA_NATS_URL`), has it reload and
    /// closes the connections of the users whose grant changed. Returns those users; throws when the server could not
    /// be reached (tried again on the next call: the file stays ahead of the server until one succeeds).
    /// `reachServer: false` (the hub's link is down): the file only; the link's next round reaches the server.
    @discardableResult
    func apply(reachServer: Bool = true) async throws -> Set<String> {
        let text = try await Self.compile(app, me: me, domain: domain).text
        // The date line changes daily; grants are compared without it.
        let body = { (t: String?) in t.map { $0.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n") } }
        if body(text) != body(try? String(contentsOfFile: file, encoding: .utf8)) { try Self.write(text, to: file) }
        guard reachServer, let url = app.agora.natsURL, !(appliedByServer && body(applied) == body(text)) else { return [] }
        // Its own link's grant never narrows: not closed.
        let changed = NATSAccess.changedUsers(before: applied, after: text).subtracting([me.installation])
        let (host, port) = FederationJobs.address(url)
        let nats = NATSConnection(
            .init(
                host: host, port: port, name: "agora-\(me.installation)-admin", reconnectWait: .seconds(1), connectTimeout: .seconds(3),
                user: NATSAccess.systemUser, password: me.keys.natsPassword(for: NATSAccess.systemUser)))
        try await nats.connect()
        do {
            let admin = NATSServerAdmin(nats)
            let (server, _) = try await admin.connections()
            try await admin.reload(server: server)
            var closed = Set<String>()
            for c in try await admin.connections().connections {
                guard let user = c.user, changed.contains(user) else { continue }
                try await admin.kick(server: server, cid: c.cid)
                closed.insert(user)
            }
            applied = text
            appliedByServer = true
            await nats.close()
            if !closed.isEmpty {
                app.logger.notice("federation: NATS grants changed; closed the connections of \(closed.sorted().joined(separator: ", "))")
            }
            return closed
        } catch {
            await nats.close()
            throw error
        }
    }
}

extension Application {
    private struct NATSPermissionsKey: StorageKey { typealias Value = NATSPermissions }

    /// Nil unless this is a hub that keeps its NATS server's accounts (`AGORA_NATS_ACCOUNTS`).
    var natsPermissions: NATSPermissions? {
        get throws {
            guard agora.federationHub, let file = agora.natsAccounts, let me = try federationIdentity else { return nil }
            return shared(NATSPermissionsKey.self) { NATSPermissions(app: self, me: me, file: file, domain: agora.natsDomain) }
        }
    }

    /// After an agreement or a peer changed: the server's grants follow at once. A failure is logged, not the request's:
    /// the change is committed, and the hub's link tries again within half a minute.
    func natsPermissionsChanged() async {
        do { try await natsPermissions?.apply(reachServer: federationJobs.link?.connected ?? true) } catch {
            logger.warning("federation: NATS permissions not applied yet: \(error)")
        }
    }
}

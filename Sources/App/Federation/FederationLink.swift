import AgoraCore
import AgoraNATS
import Foundation
import SQLKit
import Vapor

/// The installation's link to NATS JetStream: drains the outbox into the stream and applies what its durable consumer
/// delivers. Every step can be cut at any point: an event is marked published only after the stream acknowledged it
/// (published again after a crash, under the same `Nats-Msg-Id`), and a delivery is acknowledged only after the
/// transaction that applied or quarantined it committed (delivered again otherwise; applying is idempotent).
struct FederationLink: Sendable {
    static let stream = "AGORA"
    /// Limits retention and a long `max_age`: a work-queue stream sourced across a link can lose messages in an outage.
    static let maxAge: Duration = .seconds(30 * 24 * 3600)
    static let duplicateWindow: Duration = .seconds(24 * 3600)

    let app: Application
    let js: JetStream
    let me: FederationIdentity
    /// An event whose taking up fails this many times is quarantined with the error, instead of coming back forever
    /// (a poison message); until then it is delivered again after `retryDelay`, the rest of its batch going on.
    var maxDeliveries = 5
    var retryDelay: Duration = .seconds(2)

    /// A hub reads every national stream; a national installation, of its own countries' subjects, only the types that
    /// come back to it (answers to what it elevated, regional alerts for its border areas, relayed weapons) — not its own
    /// outgoing incidents again, which had every national link carry each of them twice.
    static func filterSubjects(hub: Bool, countries: [String]) -> [String] {
        guard !hub && !countries.isEmpty else { return ["agora.>"] }
        return countries.flatMap { c in SharedRecordType.comingBack.map { "agora.\(c.lowercased()).\($0.rawValue).>" } }
    }

    var durable: String { NATSAccess.durable(me.installation) }

    /// The stream and this installation's consumer. Where the hub's server holds the agreements as permissions
    /// (`agora federation nats-config`), a national installation may not create them: the hub made its consumer, and
    /// finding it is enough.
    func prepare() async throws {
        let hub = app.agora.federationHub
        if !hub, (try? await js.call("CONSUMER.INFO.\(Self.stream).\(durable)")) != nil { return }
        try await js.addStream(Self.stream, subjects: ["agora.>"], maxAge: Self.maxAge, duplicateWindow: Self.duplicateWindow)
        try await js.addPullConsumer(
            stream: Self.stream, durable: durable, filterSubjects: Self.filterSubjects(hub: hub, countries: app.agora.federationCountries))
        if hub { try await preparePeers() }
    }

    /// The hub makes each national peer's consumer, filtered on the countries it speaks for.
    func preparePeers() async throws {
        for (peer, countries) in try await FederationStore(sql: app.sql).peerCountries() where !countries.isEmpty {
            try await js.addPullConsumer(
                stream: Self.stream, durable: NATSAccess.durable(peer), filterSubjects: Self.filterSubjects(hub: false, countries: countries))
        }
    }

    /// Publishes what waits in the outbox, oldest first; returns how many the stream acknowledged. A hundred at a time
    /// side by side, each waiting for its own acknowledgement, then marked in one transaction: one round trip and one
    /// transaction an event held a national installation to about 80 events a second (docs/FEDERATION.md).
    @discardableResult
    func publishPending(limit: Int = 500) async throws -> Int {
        let clock = ContinuousClock()
        let started = clock.now
        let pending = try await FederationStore(sql: app.sql).pending(limit: limit)
        let read = clock.now
        var done: [String] = []
        var failure: (any Error)?
        let js = self.js
        let origin = me.installation
        for chunk in pending.chunked(100) where failure == nil {
            await withTaskGroup(of: (String, (any Error)?).self) { group in
                for e in chunk {
                    group.addTask {
                        do {
                            // A duplicate ack means an earlier try got through: published all the same.
                            _ = try await js.publish(
                                e.subject, payload: Array(e.body.utf8), messageID: e.eventID,
                                headers: [("Agora-Origin", origin), ("Agora-Signature", e.signature)])
                            return (e.eventID, nil)
                        } catch {
                            return (e.eventID, error)
                        }
                    }
                }
                for await (id, error) in group {
                    if let error { failure = failure ?? error } else { done.append(id) }
                }
            }
        }
        let sent = clock.now
        if !done.isEmpty {
            let ids = done
            try await app.write { try await FederationStore(sql: $0).published(ids) }
        }
        // A slow round says where it waited: the outbox read, the stream's acknowledgements, or the store's lock.
        if clock.now - started > .seconds(1) {
            app.logger.notice(
                "federation: publishing \(done.count) took \(clock.now - started) (read \(read - started), sent \(sent - read), marked \(clock.now - sent))"
            )
        }
        if let failure { throw failure }
        return done.count
    }

    /// Applies or quarantines one batch the consumer delivers; returns (applied, quarantined, skipped). The batch is
    /// applied in one transaction and acknowledged after it committed (one transaction a message held the hub to about
    /// 200 events a second, docs/FEDERATION.md); if one event of it cannot be taken up, each is applied on its own.
    @discardableResult
    func receive(batch: Int = 200, wait: Duration = .milliseconds(500)) async throws -> (applied: Int, quarantined: Int, skipped: Int) {
        try await process(try await fetch(batch: batch, wait: wait))
    }

    /// Up to `batch` deliveries of this installation's consumer, waiting at most `wait` for them.
    func fetch(batch: Int = 200, wait: Duration = .milliseconds(500)) async throws -> [JetStream.Message] {
        try await js.fetch(stream: Self.stream, durable: durable, batch: batch, expires: wait)
    }

    /// Applies or quarantines fetched deliveries, then acknowledges them (see `receive`).
    @discardableResult
    func process(_ messages: [JetStream.Message]) async throws -> (applied: Int, quarantined: Int, skipped: Int) {
        guard !messages.isEmpty else { return (0, 0, 0) }
        let takeUp = FederationTakeUp(app: app, me: me.installation)
        let items = try await takeUp.check(
            messages.map { ($0.message.subject, $0.payload, $0.header("Agora-Origin"), $0.header("Agora-Signature")) })
        var outcomes: [FederationTakeUp.Outcome]
        do {
            outcomes = try await app.write { try await takeUp.handle(items, sql: $0) }
        } catch {
            // One event that cannot be taken up (a refusal, or a store error only it provokes) must not hold back the
            // batch: each in a transaction of its own. If the store itself is away, this throws and nothing is acked.
            outcomes = []
            for (d, m) in zip(items, messages) { outcomes.append(try await handleAlone(d, deliveries: m.deliveries, takeUp: takeUp)) }
        }
        for (d, o) in zip(items, outcomes) where o == .quarantined {
            app.logger.warning("federation: quarantined an event on \(d.subject) from \(d.sender ?? "nobody")")
        }
        let retried = zip(messages, outcomes).filter { $0.1 == .retry }.map(\.0)
        try await js.ackAll(zip(messages, outcomes).filter { $0.1 != .retry }.map(\.0))
        for m in retried { try await js.nak(m, delay: retryDelay) }
        return (
            outcomes.filter { $0 == .applied }.count, outcomes.filter { $0 == .quarantined }.count, outcomes.filter { $0 == .skipped }.count
        )
    }

    /// One delivery in a transaction of its own: what cannot be taken up is held for the administrators instead,
    /// nothing of it applied (its transaction rolled back).
    func handleAlone(_ d: FederationTakeUp.Delivery, deliveries: Int, takeUp: FederationTakeUp) async throws -> FederationTakeUp.Outcome {
        let reason: String
        do {
            return try await app.write { try await takeUp.handle([d], sql: $0) }[0]
        } catch let refusal as RegionalAlerts.Refusal {
            reason = refusal.reason
        } catch {
            guard deliveries >= maxDeliveries else {
                app.logger.warning("federation: an event on \(d.subject) failed (delivery \(deliveries)), retried")
                return .retry
            }
            reason = "not taken up after \(deliveries) deliveries: \(String(String(describing: error).prefix(300)))"
        }
        // The quarantine's own write failing (the store away) throws: nothing acked, all delivered again.
        try await app.write {
            try await FederationStore(sql: $0).quarantine(
                sender: d.sender, subject: d.subject, reason: reason, body: d.payload, signature: d.signature)
        }
        return .quarantined
    }
}

/// Runs the link while serving, when `AGORA_NATS_URL` and `AGORA_INSTALLATION_ID` are set: a publisher and a
/// consumer, each retrying after a failure (NATS away, the link cut) without losing its place.
final class FederationJobs: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []
    private var connection: NATSConnection?
    private var state: LinkState?

    /// The link as the operations page shows it: up since the last round that reached NATS, or down with why.
    struct LinkState: Sendable, Codable, Equatable {
        var connected: Bool
        /// The last round of publishing or fetching that reached NATS.
        var lastContact: String?
        var lastError: String?
        var changedAt: String
    }

    /// Nil when this installation runs no link (no `AGORA_NATS_URL`, or no workers).
    var link: LinkState? { lock.withLock { state } }

    private func record(_ error: (any Error)?) {
        let now = Timestamp.now()
        lock.withLock {
            var s = state ?? LinkState(connected: false, changedAt: now)
            if (error == nil) != s.connected { s.changedAt = now }
            s.connected = error == nil
            if let error { s.lastError = String(String(describing: error).prefix(300)) } else { s.lastContact = now }
            state = s
        }
    }

    func didBootAsync(_ app: Application) async throws {
        guard app.agora.runWorkers, let url = app.agora.natsURL, let me = try app.federationIdentity else { return }
        let (host, port) = Self.address(url)
        // A hub that writes its server's accounts knows its own password there.
        let login =
            Self.credentials(url)
            ?? (app.agora.natsAccounts != nil && app.agora.federationHub ? (me.installation, me.keys.natsPassword(for: me.installation)) : nil)
        let permissions = try app.natsPermissions
        let nats = NATSConnection(.init(host: host, port: port, name: "agora-" + me.installation, user: login?.user, password: login?.password))
        lock.withLock {
            connection = nats
            state = LinkState(connected: false, changedAt: Timestamp.now())
        }
        let link = FederationLink(app: app, js: JetStream(nats, domain: app.agora.natsDomain), me: me)
        let log = app.logger
        let start = Task {
            while !Task.isCancelled {
                do {
                    // Written before the link connects: the hub's server may be waiting for this file to start.
                    try await permissions?.apply(reachServer: false)
                    try await nats.connect()
                    try await link.prepare()
                    self.record(nil)
                    await app.natsPermissionsChanged()
                    return
                } catch {
                    self.record(error)
                    log.warning("federation: NATS at \(host):\(port) not reachable yet: \(error)")
                    try? await Task.sleep(for: .seconds(2))
                }
            }
        }
        let publisher = Task {
            await start.value
            while !Task.isCancelled {
                do {
                    let n = try await FederationIdentity.$bound.withValue(me) { try await link.publishPending() }
                    self.record(nil)
                    if n == 0 {
                        try? await Task.sleep(for: .milliseconds(100))
                    }
                } catch {
                    if Task.isCancelled { break }
                    self.record(error)
                    log.warning("federation: publishing paused: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
        let hub = app.agora.federationHub
        let consumer = Task {
            await start.value
            var peersPrepared = ContinuousClock.now
            var ahead: Task<[JetStream.Message], any Error>? = nil
            while !Task.isCancelled {
                // A peer registered since: the hub makes its consumer (a national one cannot, under the hub's permissions).
                if hub && ContinuousClock.now - peersPrepared > .seconds(30) {
                    peersPrepared = ContinuousClock.now
                    do { try await link.preparePeers() } catch { log.warning("federation: peer consumers: \(error)") }
                    // An agreement that ended today, or a change the server missed while it was away.
                    await app.natsPermissionsChanged()
                }
                do {
                    // The next batch is fetched while this one is applied: a round is the longer of the two, not their sum
                    // (docs/FEDERATION.md, measured).
                    if ahead == nil { ahead = Task { try await link.fetch(batch: 500) } }
                    let messages = try await ahead!.value
                    ahead = Task { try await link.fetch(batch: 500) }
                    try await AuditKeys.$bound.withValue(try app.vault.auditKey) {
                        try await FederationIdentity.$bound.withValue(me) { _ = try await link.process(messages) }
                    }
                    self.record(nil)
                } catch {
                    ahead?.cancel()
                    ahead = nil
                    if Task.isCancelled { break }
                    self.record(error)
                    log.warning("federation: receiving paused: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            ahead?.cancel()
        }
        // The week's risk as aggregates, DDR figures and agreements' implementation, for agreements that carry them:
        // what changed, once a minute.
        let aggregates = Task {
            var risk = SharedRisk.State()
            var figures = SharedFigures.State()
            while !Task.isCancelled {
                do {
                    try await FederationIdentity.$bound.withValue(me) {
                        risk = try await SharedRisk(app: app).share(risk)
                        figures = try await SharedFigures(app: app).share(figures)
                    }
                } catch {
                    if Task.isCancelled { break }
                    log.warning("federation: aggregates paused: \(error)")
                }
                try? await Task.sleep(for: .seconds(60))
            }
        }
        lock.withLock { tasks = [start, publisher, consumer, aggregates] }
    }

    func shutdownAsync(_ app: Application) async {
        let (ts, c) = lock.withLock { (tasks, connection) }
        for t in ts { t.cancel() }
        for t in ts { await t.value }
        await c?.close()
    }

    /// `nats://host:port` (or `host:port`); 4222 when no port is given.
    /// `nats://user:password@host:port`: the user and password, never logged nor shown (the status shows host:port).
    static func credentials(_ url: String) -> (user: String, password: String)? {
        let rest = url.components(separatedBy: "://").last ?? url
        guard rest.contains("@"), let info = rest.split(separator: "@").first else { return nil }
        let parts = info.split(separator: ":", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    static func address(_ url: String) -> (String, Int) {
        let rest = url.components(separatedBy: "://").last ?? url
        let hostPort = rest.split(separator: "@").last.map(String.init) ?? rest
        let parts = hostPort.split(separator: ":")
        return (parts.first.map(String.init) ?? "127.0.0.1", parts.count > 1 ? Int(parts[1].prefix { $0.isNumber }) ?? 4222 : 4222)
    }
}

extension Application {
    private struct FederationJobsKey: StorageKey { typealias Value = FederationJobs }

    var federationJobs: FederationJobs { shared(FederationJobsKey.self) { FederationJobs() } }
}

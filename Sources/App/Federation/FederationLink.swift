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

    /// A hub reads every national stream; a national installation the subjects of its own countries (answers to what
    /// it elevated, regional alerts for its border areas).
    static func filterSubjects(hub: Bool, countries: [String]) -> [String] {
        hub || countries.isEmpty ? ["agora.>"] : countries.map { "agora.\($0.lowercased()).>" }
    }

    var durable: String { "agora-" + me.installation.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }

    func prepare() async throws {
        try await js.addStream(Self.stream, subjects: ["agora.>"], maxAge: Self.maxAge, duplicateWindow: Self.duplicateWindow)
        try await js.addPullConsumer(
            stream: Self.stream, durable: durable,
            filterSubjects: Self.filterSubjects(hub: app.agora.federationHub, countries: app.agora.federationCountries))
    }

    /// Publishes what waits in the outbox, oldest first; returns how many the stream acknowledged.
    @discardableResult
    func publishPending(limit: Int = 500) async throws -> Int {
        let pending = try await FederationStore(sql: app.sql).pending(limit: limit)
        var done = 0
        for e in pending {
            let ack = try await js.publish(
                e.subject, payload: Array(e.body.utf8), messageID: e.eventID,
                headers: [("Agora-Origin", me.installation), ("Agora-Signature", e.signature)])
            _ = ack  // a duplicate ack means an earlier try got through: published all the same
            try await app.write { try await FederationStore(sql: $0).published(e.eventID) }
            done += 1
        }
        return done
    }

    /// Applies or quarantines one batch the consumer delivers; returns (applied, quarantined, skipped).
    @discardableResult
    func receive(batch: Int = 200, wait: Duration = .milliseconds(500)) async throws -> (applied: Int, quarantined: Int, skipped: Int) {
        let messages = try await js.fetch(stream: Self.stream, durable: durable, batch: batch, expires: wait)
        var counts = (applied: 0, quarantined: 0, skipped: 0)
        guard !messages.isEmpty else { return counts }
        // Peers and agreements once a batch, not once a message (a batch is at most a second old).
        let known = FederationStore(sql: app.sql)
        let peers = try await known.peers()
        let agreements = Dictionary(try await known.agreements().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for m in messages {
            let sender = m.header("Agora-Origin")
            if sender == me.installation {
                try await js.ack(m)  // its own events, on a subject it also reads
                counts.skipped += 1
                continue
            }
            let outcome = try await app.write { sql -> Int in
                let store = FederationStore(sql: sql)
                let verdict = FederationIntake.check(
                    body: m.payload, signature: m.header("Agora-Signature"), sender: sender, peers: peers, agreements: agreements,
                    me: me.installation, on: Timestamp.today())
                switch verdict {
                case .apply(let e):
                    guard try await store.apply(e) else { return 2 }
                    if e.kind == FederationKind.answered { try await Self.answered(e, sql: sql) }
                    return 0
                case .quarantine(let reason):
                    try await store.quarantine(sender: sender, subject: m.message.subject, reason: reason, body: m.payload)
                    return 1
                }
            }
            if outcome == 1 {
                app.logger.warning("federation: quarantined an event on \(m.message.subject) from \(sender ?? "nobody")")
            }
            try await js.ack(m)
            switch outcome {
            case 0: counts.applied += 1
            case 1: counts.quarantined += 1
            default: counts.skipped += 1
            }
        }
        return counts
    }
}

extension FederationLink {
    /// The hub's answer to a case this installation elevated, into that case's history.
    static func answered(_ e: FederationEvent, sql: any SQLDatabase) async throws {
        guard let caseID = try await FederationStore(sql: sql).localRecord(sharedID: e.recordID, agreement: e.agreement) else { return }
        guard case .string(let a) = e.payload["answer"], let answer = ElevationAnswer(rawValue: a) else { return }
        var note: String? = nil
        if case .string(let r) = e.payload["reason"] { note = r }
        try await CaseStore(sql: sql).event(
            caseID, kind: answer == .acknowledged ? "regional-acknowledged" : "regional-declined", from: e.origin, note: note,
            actor: "federation:" + e.origin)
        try await AuditStore(sql: sql).append(
            actor: "federation:" + e.origin, action: "regional-" + answer.rawValue, recordType: "case", recordID: caseID, content: [e.id])
    }
}

/// Runs the link while serving, when `AGORA_NATS_URL` and `AGORA_INSTALLATION_ID` are set: a publisher and a
/// consumer, each retrying after a failure (NATS away, the link cut) without losing its place.
final class FederationJobs: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []
    private var connection: NATSConnection?

    func didBootAsync(_ app: Application) async throws {
        guard app.agora.runWorkers, let url = app.agora.natsURL, let me = try app.federationIdentity else { return }
        let (host, port) = Self.address(url)
        let nats = NATSConnection(.init(host: host, port: port, name: "agora-" + me.installation))
        lock.withLock { connection = nats }
        let link = FederationLink(app: app, js: JetStream(nats, domain: app.agora.natsDomain), me: me)
        let log = app.logger
        let start = Task {
            while !Task.isCancelled {
                do {
                    try await nats.connect()
                    try await link.prepare()
                    return
                } catch {
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
                    if n == 0 {
                        try? await Task.sleep(for: .milliseconds(100))
                    }
                } catch {
                    if Task.isCancelled { break }
                    log.warning("federation: publishing paused: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
        let consumer = Task {
            await start.value
            while !Task.isCancelled {
                do {
                    try await AuditKeys.$bound.withValue(try app.vault.auditKey) {
                        try await FederationIdentity.$bound.withValue(me) { _ = try await link.receive() }
                    }
                } catch {
                    if Task.isCancelled { break }
                    log.warning("federation: receiving paused: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
        lock.withLock { tasks = [start, publisher, consumer] }
    }

    func shutdownAsync(_ app: Application) async {
        let (ts, c) = lock.withLock { (tasks, connection) }
        for t in ts { t.cancel() }
        for t in ts { await t.value }
        await c?.close()
    }

    /// `nats://host:port` (or `host:port`); 4222 when no port is given.
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

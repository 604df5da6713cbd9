import SQLKit
import Vapor

/// Group commit for small writes that arrive in surges (reports from the field): writes that arrive
/// while a transaction is running wait for it, then go together in the next one — one commit, one
/// sync of the log, for all of them. Each runs inside its own savepoint, so one that fails is rolled
/// back alone and gets its own error; the others are stored. A caller is answered only after the
/// commit that holds its write, never before. Measured: submissions queued on SQLite's write lock
/// (its two connections spun on it: a quarter of the CPU in perf), each commit syncing the WAL.
actor GroupCommit {
    private struct Job: Sendable {
        let work: @Sendable (any SQLDatabase) async throws -> Void
        let done: @Sendable ((any Error)?) -> Void
    }

    /// Opens the write transaction a batch runs in (`Application.write`).
    typealias Writer = @Sendable (@escaping @Sendable (any SQLDatabase) async throws -> Void) async throws -> Void
    private let write: Writer
    private var pending: [Job] = []
    private var draining = false
    /// A bound on one transaction, so one batch never holds the write lock for long.
    let maxBatch: Int

    init(maxBatch: Int = 64, write: @escaping Writer) {
        self.maxBatch = maxBatch
        self.write = write
    }

    func run<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let result = ResultBox<T>()
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            pending.append(
                Job(
                    work: { sql in result.set(try await work(sql)) },
                    done: { error in if let error { c.resume(throwing: error) } else { c.resume() } }))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
        return result.get()!
    }

    /// Writes waiting for the next commit (`/metrics`).
    var queued: Int { pending.count }

    /// Waits until every queued write has committed (or the time is up): at shutdown, before the pools close.
    func idle(within limit: Duration) async {
        let end = ContinuousClock.now + limit
        while (draining || !pending.isEmpty) && ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(5)) }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            AgoraMetrics.batchSize.record(Double(batch.count))
            let outcomes = OutcomeBox()
            do {
                try await write { tx in
                    let sql = tx
                    for (i, job) in batch.enumerated() {
                        try await sql.raw("SAVEPOINT \(ident: "w\(i)")").run()
                        do {
                            try await job.work(sql)
                            try await sql.raw("RELEASE SAVEPOINT \(ident: "w\(i)")").run()
                            outcomes.append(nil)
                        } catch {
                            try await sql.raw("ROLLBACK TO SAVEPOINT \(ident: "w\(i)")").run()
                            try await sql.raw("RELEASE SAVEPOINT \(ident: "w\(i)")").run()
                            outcomes.append(error)
                        }
                    }
                }
                for (job, outcome) in zip(batch, outcomes.all) { job.done(outcome) }
            } catch {
                // The commit (or a savepoint statement) failed: nothing of this batch is stored.
                let known = outcomes.all
                for (i, job) in batch.enumerated() { job.done(i < known.count ? (known[i] ?? error) : error) }
            }
        }
        draining = false
    }
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?
    func set(_ v: T) {
        lock.lock()
        value = v
        lock.unlock()
    }
    func get() -> T? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [(any Error)?] = []
    func append(_ e: (any Error)?) {
        lock.lock()
        items.append(e)
        lock.unlock()
    }
    var all: [(any Error)?] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

extension Application {
    private struct GroupCommitKey: StorageKey { typealias Value = GroupCommit }

    /// Report submissions go through this (see `GroupCommit`).
    var reportWrites: GroupCommit { shared(GroupCommitKey.self) { GroupCommit { [unowned self] body in try await self.write(body) } } }
}

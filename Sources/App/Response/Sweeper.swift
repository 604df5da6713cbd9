import AgoraCore
import Foundation
import SQLKit
import Vapor

/// The deadline job: cases not acknowledged in time, and planned actions past their due time, go
/// one level up. Runs in the background of `serve` and as `agora cases sweep`; safe to run from
/// several processes at once (each escalation re-checks the deadline it acts on).
struct Sweeper: Sendable {
    let app: Application

    /// - Parameter now: the time deadlines are judged against (the clock, except in tests of the rule).
    @discardableResult
    func sweep(now: String = Timestamp.now()) async throws -> Int {
        let settings = try await SettingsStore(sql: app.sql).load()
        let cases = CaseStore(sql: app.sql)
        var escalated = 0
        for (id, due) in try await cases.overdueAcknowledgements(now: now) {
            let done = try await app.write { tx -> Bool in
                let store = CaseStore(sql: tx)
                guard let c = try await store.get(id), c.status == .open, c.ackDue == due else { return false }
                try await store.escalate(
                    c, reason: .acknowledgementOverdue, note: "not acknowledged by \(due)", settings: settings, actor: "system:deadlines")
                return true
            }
            if done { escalated += 1 }
        }
        for (action, caseID, due) in try await cases.lateActions(now: now) {
            let done = try await app.write { tx -> Bool in
                let store = CaseStore(sql: tx)
                guard try await store.markEscalated(action: action), let c = try await store.get(caseID), c.status != .closed else { return false }
                try await store.escalate(
                    c, reason: .actionOverdue, note: "action \(action) was due \(due)", settings: settings, actor: "system:deadlines")
                return true
            }
            if done { escalated += 1 }
        }
        return escalated
    }
}

/// Starts the background jobs with the server: the deadline sweep and notification delivery.
/// The deadline sweep, notification delivery, idempotency-key expiry and audit checkpoints, every
/// `AGORA_WORKER_SECONDS` while serving.
final class BackgroundJobs: LifecycleHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var forecastTask: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard app.agora.runWorkers else { return }
        let seconds = max(0.2, app.agora.workerSeconds)
        let t = Task {
            var stallsChecked = Date.distantPast
            while !Task.isCancelled {
                do {
                    try await Sweeper(app: app).sweep()
                    // Stalls move by the month: hourly is plenty.
                    if Date().timeIntervalSince(stallsChecked) > 3600 {
                        stallsChecked = Date()
                        try await StallSweep(app: app).sweep()
                        try await SubmissionSweep(app: app).sweep()
                        try await AccreditationSweep(app: app).sweep()
                        // Records received under an agreement that ended, once its retention has run out.
                        let purged = try await app.write { try await FederationStore(sql: $0).purge(on: Timestamp.today()) }
                        if purged > 0 { app.logger.notice("federation: \(purged) received records purged at the end of their retention") }
                    }
                    try await DeliveryWorker(app: app).deliverDue()
                    try await OutboundSMSWorker(app: app).sendDue()
                    try await app.write { try await IdempotencyStore(sql: $0).purge() }
                    try await AuditWatch(app: app).check()
                } catch {
                    if Task.isCancelled { break }
                    app.logger.error("background job failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: .seconds(seconds))
            }
        }
        lock.withLock { task = t }
        guard app.agora.forecasts else { return }
        // Forecasts: checked hourly, retrained each new week and month. A first training after start
        // waits a little, so that a starting server answers first.
        let f = Task(priority: .background) {
            try? await Task.sleep(for: .seconds(5))
            while !Task.isCancelled {
                do {
                    if try await ForecastJob.isDue(app) {
                        let trained = try await ForecastJob.run(app)
                        app.logger.notice("forecasts: \(trained.count) models trained, \(trained.reduce(0) { $0 + $1.areas }) area forecasts stored")
                    }
                } catch {
                    if Task.isCancelled { break }
                    app.logger.error("forecast job failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        lock.withLock { forecastTask = f }
    }

    /// Cancels the loop and waits for it, but not past `limit`: what it was delivering stays in the outbox.
    func stop(within limit: Duration) async {
        lock.withLock {
            forecastTask?.cancel()
            forecastTask = nil
        }
        guard
            let t = lock.withLock({ () -> Task<Void, Never>? in
                defer { task = nil }
                return task
            })
        else { return }
        t.cancel()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await t.value }
            group.addTask { try? await Task.sleep(for: limit) }
            await group.next()
            group.cancelAll()
        }
    }

    func shutdownAsync(_ app: Application) async { await stop(within: .seconds(2)) }
}

extension Application {
    private struct BackgroundJobsKey: StorageKey { typealias Value = BackgroundJobs }

    var backgroundJobs: BackgroundJobs { shared(BackgroundJobsKey.self) { BackgroundJobs() } }
}

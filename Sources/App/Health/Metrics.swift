import Foundation
import Metrics
import Prometheus
import SQLKit
import Vapor

/// `/metrics` in Prometheus's text format: request latency per route (Vapor's own `http_request_duration_seconds`,
/// through swift-metrics), the write path (time waiting for and holding the store's write lock, group-commit
/// batch sizes and queue), the outbox, the risk structure's revision and the audit head. Nothing in it names a
/// person, a place or a record. Served to loopback, or to a scraper sending `AGORA_METRICS_TOKEN` as a bearer
/// token; anyone else gets 404.
enum AgoraMetrics {
    static let registry = PrometheusCollectorRegistry()

    static let writeWait = registry.makeDurationHistogram(
        descriptor: name("store", "write_wait", "seconds", "Time a write transaction waited for the store's write lock"), buckets: buckets)
    static let writeHold = registry.makeDurationHistogram(
        descriptor: name("store", "write", "seconds", "Time a write transaction held the store's write lock"), buckets: buckets)
    static let batchSize = registry.makeValueHistogram(
        descriptor: name("group_commit", "batch", "size", "Report submissions committed together"), buckets: [1, 2, 4, 8, 16, 32, 64])
    static let queued = registry.makeGauge(descriptor: name("group_commit", "queue", "length", "Report submissions waiting for the next commit"))
    static let outbox = registry.makeGauge(descriptor: name("outbox", "pending", "notifications", "Notifications waiting to be delivered"))
    static let riskRevision = registry.makeGauge(descriptor: name("risk", "structure", "revision", "Revision of the risk structure in the store"))
    static let auditHead = registry.makeGauge(descriptor: name("audit", "head", "seq", "Entries in the audit trail"))
    static let auditIntact = registry.makeGauge(
        descriptor: name("audit", "chain", "intact", "1 when the audit chain verified at the last check, 0 when broken"))

    private static func name(_ subsystem: String, _ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "agora", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
    }

    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    /// Once per process, by the server: Vapor's request timers and counters then land in the same registry.
    static func bootstrap() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = buckets
        MetricsSystem.bootstrap(factory)
    }

    static func register(_ app: Application) {
        app.get("metrics") { req async throws -> Response in
            guard allowed(req) else { throw Abort(.notFound) }
            try await refresh(req)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return Response(status: .ok, headers: headers, body: .init(string: registry.emitToString()))
        }
    }

    static func allowed(_ req: Request) -> Bool {
        if let token = req.application.agora.metricsToken, let given = req.headers.bearerAuthorization?.token {
            return Secrets.digest(given) == Secrets.digest(token)
        }
        guard let ip = req.remoteAddress?.ipAddress else { return false }
        return ip == "127.0.0.1" || ip == "::1" || ip.hasPrefix("127.")
    }

    /// Gauges read from the store and the process at the moment of the scrape.
    static func refresh(_ req: Request) async throws {
        let inventory = InventoryStore(sql: req.sql)
        outbox.set(to: Double(try await inventory.notifications(status: "pending")))
        riskRevision.set(to: Double(try await StoreRevisions.read(req.sql).risk))
        auditHead.set(to: Double(try await inventory.auditHead()))
        auditIntact.set(to: await req.application.auditStatus.broken == nil ? 1 : 0)
        queued.set(to: Double(await req.application.reportWrites.queued))
    }
}

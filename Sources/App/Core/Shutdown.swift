import Foundation
import NIOCore
import Vapor

/// Stopping under load, in an order that loses nothing: Vapor closes the database pools (a lifecycle handler)
/// before the HTTP server (kept in its storage), so requests still arriving found no pool and the process
/// died on a nil database. Here the server stops accepting first and finishes what it holds, then the group
/// commit writes what it queued, then the background worker stops; only then does `asyncShutdown` close
/// the pools. Bounded so the process is gone within about 5 seconds: a request still running after
/// `requestGrace` has its connection closed, and a notification still being delivered stays in the outbox
/// for the next start.
enum Shutdown {
    static let requestGrace: TimeAmount = .seconds(3)

    static func drain(_ app: Application) async {
        let start = ContinuousClock.now
        app.logger.notice("stopping: no new connections; finishing requests in flight")
        await app.server.shutdown()
        await app.reportWrites.idle(within: .seconds(1))
        await app.backgroundJobs.stop(within: .milliseconds(800))
        app.logger.notice("stopped serving in \(ContinuousClock.now - start)")
    }
}

extension HTTPServer.Configuration {
    /// The server's own bound on finishing requests when it stops.
    mutating func useShutdownGrace() { shutdownTimeout = Shutdown.requestGrace }
}

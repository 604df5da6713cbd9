import Foundation
import Logging
import Vapor

/// The `agora` executable: server and command line in one.
public enum Agora {
    public static func main() async throws {
        var arguments = CommandLine.arguments
        // `agora serve --demo`: Vapor's serve command does not know the flag, so take it off first.
        let demo = arguments.contains("--demo")
        arguments.removeAll { $0 == "--demo" }
        var env = try Environment.detect(arguments: arguments)
        env.arguments = arguments
        try LoggingSystem.bootstrap(from: &env) { level in
            { label in
                var handler = StreamLogHandler.standardError(label: label)  // stdout stays for what a command prints
                handler.logLevel = level
                return RedactingLogHandler(handler)
            }
        }
        let app = try await Application.make(env)
        do {
            var settings = AgoraSettings.fromEnvironment(demo: demo)
            // Deadlines and deliveries run with the server, not with one-off commands.
            settings.runWorkers = arguments.dropFirst().first.map { $0 == "serve" || $0.hasPrefix("-") } ?? true
            if settings.runWorkers { AgoraMetrics.bootstrap() }
            // `restore` replaces the store file: nothing may have it open first (the command opens and migrates what it restored).
            settings.opensStoreLater = arguments.dropFirst().first == "restore"

            try configure(app, settings: settings)
            // Make or check the key now, not at the first reporter; it seals the audit chain from the first write.
            AuditKeys.setProcess(try app.vault.auditKey)
            // The background jobs write outside requests: a case escalated past the national level at a deadline is
            // elevated by the sweep, which must know who this installation is too.
            FederationIdentity.setProcess(try app.federationIdentity)
            if !settings.opensStoreLater {
                try await prepareStore(app)
                try await Migrator.migrate(app)
            }
            if demo { try await DemoInstallation.seed(app) }
            if settings.runWorkers {
                // Said at start, loudly (critical log, `/readyz` 503), but the server still serves: people must be able to act.
                let (checked, broken) = try await app.verifyAuditChain()
                if broken == nil { app.logger.notice("audit trail intact: \(checked) entries") }
            }
            try await app.execute()
            // SIGTERM or SIGINT: stop in order (see `Shutdown`), not in the order Vapor's storage happens to keep.
            if settings.runWorkers { await Shutdown.drain(app) }
        } catch {
            // A message, not a crash report: the person at the terminal needs to know what to fix.
            FileHandle.standardError.write(Data("agora: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}

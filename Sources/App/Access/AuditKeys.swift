import AgoraCore
import Foundation
import SQLKit
import Vapor

/// Which audit key seals the entries written by the running code. A server or command has one installation
/// and so one key (`process`, set at start); tests run several installations in one process and bind each
/// one's key to the tasks that work on it (`bound`), as every request does through `AuditKeyScope`.
enum AuditKeys {
    @TaskLocal static var bound: AuditKey?
    private static let lock = NSLock()
    nonisolated(unsafe) private static var processKey: AuditKey?

    static var current: AuditKey? {
        if let b = bound { return b }
        lock.lock()
        defer { lock.unlock() }
        return processKey
    }

    static func setProcess(_ key: AuditKey) {
        lock.lock()
        processKey = key
        lock.unlock()
    }
}

/// Binds the installation's audit key to each request's task.
struct AuditKeyScope: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let federation = try request.application.federationIdentity
        return try await AuditKeys.$bound.withValue(try request.application.vault.auditKey) {
            try await FederationIdentity.$bound.withValue(federation) { try await next.respond(to: request) }
        }
    }
}

/// Signed heads of the chain, one JSON object a line, appended to a file the operator keeps
/// (`AGORA_AUDIT_CHECKPOINTS`; by default beside the key file). Copy it off the machine: a checkpoint kept
/// where the store's writer cannot reach is what shows that entries were cut off the end.
struct AuditCheckpointFile: Sendable {
    let url: URL

    init(url: URL) { self.url = url }

    init(settings: AgoraSettings) {
        if let path = ProcessInfo.processInfo.environment["AGORA_AUDIT_CHECKPOINTS"], !path.isEmpty {
            url = URL(fileURLWithPath: path)
        } else {
            url = settings.dataDirectory.appendingPathComponent(
                settings.demo ? "agora-demo-audit-checkpoints.jsonl" : "agora-audit-checkpoints.jsonl")
        }
    }

    /// Every checkpoint in the file; a line that is not one is an error naming the file and line.
    func read() throws -> [AuditCheckpoint] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var out: [AuditCheckpoint] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let c = try? JSONDecoder().decode(AuditCheckpoint.self, from: Data(line.utf8)) else {
                throw ValidationFailure(field: "\(url.path):\(i + 1)", "is not an audit checkpoint")
            }
            out.append(c)
        }
        return out
    }

    /// Appends the checkpoint unless the last one has the same head.
    func append(_ c: AuditCheckpoint) throws {
        if let last = try read().last, last.seq == c.seq, last.hash == c.hash { return }
        let line = Data((String(decoding: try JSONEncoder.sorted.encode(c), as: UTF8.self) + "\n").utf8)
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard fm.createFile(atPath: url.path, contents: line, attributes: [.posixPermissions: 0o600]) else {
                throw ValidationFailure(field: url.path, "cannot create the checkpoint file")
            }
            return
        }
        let h = try FileHandle(forWritingTo: url)
        defer { try? h.close() }
        try h.seekToEnd()
        try h.write(contentsOf: line)
    }
}

/// What the last verification of the chain found; `/readyz` reports it.
actor AuditStatus {
    private(set) var broken: String?
    private(set) var checkedAt: Date?

    func record(_ b: AuditChain.Break?) {
        broken = b?.description
        checkedAt = Date()
    }
}

extension Application {
    private struct AuditStatusKey: StorageKey { typealias Value = AuditStatus }

    var auditStatus: AuditStatus { shared(AuditStatusKey.self) { AuditStatus() } }

    var auditCheckpoints: AuditCheckpointFile { AuditCheckpointFile(settings: agora) }

    /// Verifies the whole chain against the checkpoint file, records the result for `/readyz`, logs a break
    /// at critical level, and, when it holds, appends the current head to the file.
    @discardableResult
    func verifyAuditChain() async throws -> (checked: Int, broken: AuditChain.Break?) {
        let key = try vault.auditKey
        let log = AuditStore(sql: sql, key: key)
        let result = try await log.verify(checkpoints: try auditCheckpoints.read())
        await auditStatus.record(result.broken)
        if let b = result.broken {
            logger.critical("AUDIT TRAIL BROKEN: \(b). Records may have been altered or removed behind Agora's back; see docs/SECURITY.md")
        } else {
            try auditCheckpoints.append(try await log.head())
        }
        return result
    }
}

/// The background job's part: the chain's head is signed into the checkpoint file whenever it moved on, and
/// the whole chain is verified again every hour, or at once when the head is behind the last checkpoint.
struct AuditWatch: Sendable {
    let app: Application
    static let fullCheckEvery: TimeInterval = 3600

    func check() async throws {
        let last = await app.auditStatus.checkedAt
        let head = try await AuditStore(sql: app.sql, key: try app.vault.auditKey).head()
        let latest = try app.auditCheckpoints.read().last
        let rewound = latest.map { head.seq < $0.seq || (head.seq == $0.seq && head.hash != $0.hash) } ?? false
        let broken = await app.auditStatus.broken
        if rewound || last.map({ Date().timeIntervalSince($0) > Self.fullCheckEvery }) ?? true || broken != nil {
            try await app.verifyAuditChain()
        } else if latest?.seq != head.seq {
            try app.auditCheckpoints.append(head)
        }
    }
}

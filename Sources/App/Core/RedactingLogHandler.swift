import Logging
import Vapor

/// Sits in front of every log handler. Libraries log freely at debug and trace level — SQL bind
/// values (a confidential title, a sealed contact), raw request heads (bearer tokens, session cookies) —
/// and an operator who turns logging up to chase a bug must not get a file that names a source.
struct RedactingLogHandler: LogHandler {
    var inner: any LogHandler

    init(_ inner: any LogHandler) { self.inner = inner }

    static let redactedKeys: Set<String> = ["binds", "headers", "body", "password", "token", "cookie", "authorization"]

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        var text = message.description
        // NIO/Vapor request-head dumps carry every header, credentials included.
        if text.hasPrefix("Decoded HTTP part") || text.contains("Authorization:") || text.contains("Cookie:") {
            text = String(text.prefix { $0 != ":" }) + ": (redacted)"
        }
        let meta = metadata.map { m in
            m.mapValues { $0 }.merging(m.filter { Self.redactedKeys.contains($0.key.lowercased()) }.mapValues { _ in "(redacted)" }) { _, new in new }
        }
        inner.log(level: level, message: "\(text)", metadata: meta, source: source, file: file, function: function, line: line)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }
}

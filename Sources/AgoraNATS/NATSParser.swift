/// The NATS client protocol as frames, from bytes that arrive in any cuts: `INFO`, `MSG`, `HMSG` (headers, and the
/// status line JetStream uses: `NATS/1.0 404 No Messages`), `PING`, `PONG`, `+OK`, `-ERR`. No I/O here, so every cut
/// of a frame can be tested.
public enum NATSFrame: Sendable, Equatable {
    case info(String)
    case msg(NATSMessage)
    case ping, pong, ok
    case err(String)
}

/// A delivered message.
public struct NATSMessage: Sendable, Equatable {
    public var subject: String
    public var sid: Int
    public var replyTo: String?
    /// Header names as sent; values in order.
    public var headers: [String: [String]]
    /// The status of a status message (`404`, `408`, `503`…), nil for an ordinary one.
    public var status: Int?
    public var statusText: String?
    public var payload: [UInt8]

    public init(
        subject: String, sid: Int, replyTo: String? = nil, headers: [String: [String]] = [:], status: Int? = nil, statusText: String? = nil,
        payload: [UInt8]
    ) {
        self.subject = subject
        self.sid = sid
        self.replyTo = replyTo
        self.headers = headers
        self.status = status
        self.statusText = statusText
        self.payload = payload
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value.first
    }
}

public struct NATSProtocolError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

public struct NATSParser: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    /// The largest frame accepted (the server's `max_payload` is 1 MB by default).
    public var maxFrame = 8 << 20

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, nil when more bytes are needed.
    public mutating func next() throws -> NATSFrame? {
        guard let eol = lineEnd(from: start) else {
            if buffer.count - start > 4096 { throw NATSProtocolError("a control line longer than 4 KB") }
            return nil
        }
        let line = String(decoding: buffer[start..<eol], as: UTF8.self)
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let op = parts.first?.uppercased() else {
            start = eol + 2
            return try next()
        }
        switch op {
        case "PING":
            consume(eol + 2)
            return .ping
        case "PONG":
            consume(eol + 2)
            return .pong
        case "+OK":
            consume(eol + 2)
            return .ok
        case "-ERR":
            consume(eol + 2)
            return .err(String(line.dropFirst(4)).trimmingCharacters(in: [" ", "'"]))
        case "INFO":
            consume(eol + 2)
            return .info(String(line.dropFirst(4)).trimmingCharacters(in: [" "]))
        case "MSG", "HMSG":
            let headered = op == "HMSG"
            // MSG subject sid [reply] size / HMSG subject sid [reply] hsize size
            let counts = headered ? 2 : 1
            guard parts.count == 3 + counts || parts.count == 4 + counts, let sid = Int(parts[2]) else {
                throw NATSProtocolError("unreadable \(op) line: \(line)")
            }
            let replyTo = parts.count == 4 + counts ? parts[3] : nil
            guard let total = Int(parts[parts.count - 1]), total >= 0, total <= maxFrame else { throw NATSProtocolError("bad size in \(line)") }
            let headerSize = headered ? Int(parts[parts.count - 2]) ?? -1 : 0
            guard headerSize >= 0, headerSize <= total else { throw NATSProtocolError("bad header size in \(line)") }
            let bodyStart = eol + 2
            guard buffer.count >= bodyStart + total + 2 else { return nil }
            let headerBytes = buffer[bodyStart..<bodyStart + headerSize]
            let payload = Array(buffer[bodyStart + headerSize..<bodyStart + total])
            consume(bodyStart + total + 2)
            var m = NATSMessage(subject: parts[1], sid: sid, replyTo: replyTo, payload: payload)
            if headered { Self.readHeaders(String(decoding: headerBytes, as: UTF8.self), into: &m) }
            return .msg(m)
        default:
            throw NATSProtocolError("unknown operation \(op)")
        }
    }

    /// `NATS/1.0 404 No Messages\r\nName: value\r\n…\r\n\r\n`.
    static func readHeaders(_ block: String, into m: inout NATSMessage) {
        var lines = block.components(separatedBy: "\r\n")
        let first = lines.isEmpty ? "" : lines.removeFirst()
        let status = first.split(separator: " ", maxSplits: 2).map(String.init)
        if status.count >= 2, let code = Int(status[1]) {
            m.status = code
            m.statusText = status.count == 3 ? status[2] : nil
        }
        for l in lines where !l.isEmpty {
            guard let colon = l.firstIndex(of: ":") else { continue }
            let name = String(l[..<colon]).trimmingCharacters(in: [" "])
            let value = String(l[l.index(after: colon)...]).trimmingCharacters(in: [" "])
            m.headers[name, default: []].append(value)
        }
    }

    private func lineEnd(from i: Int) -> Int? {
        var j = i
        while j + 1 < buffer.count {
            if buffer[j] == 13 && buffer[j + 1] == 10 { return j }
            j += 1
        }
        return nil
    }

    private mutating func consume(_ upTo: Int) {
        start = upTo
        if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

/// Encoding what the client sends.
public enum NATSEncode {
    public static func pub(_ subject: String, replyTo: String? = nil, headers: [(String, String)] = [], payload: [UInt8]) -> [UInt8] {
        let reply = replyTo.map { " " + $0 } ?? ""
        if headers.isEmpty {
            return Array("PUB \(subject)\(reply) \(payload.count)\r\n".utf8) + payload + [13, 10]
        }
        let block = Array(("NATS/1.0\r\n" + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n").utf8)
        return Array("HPUB \(subject)\(reply) \(block.count) \(block.count + payload.count)\r\n".utf8) + block + payload + [13, 10]
    }

    /// A subject must not carry spaces or line breaks: it would end the control line.
    public static func valid(_ subject: String) -> Bool {
        !subject.isEmpty && !subject.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "\t" })
    }
}

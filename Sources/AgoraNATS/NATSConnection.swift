import Foundation
import NIOCore
import NIOPosix

/// A connection to a NATS server over SwiftNIO: publish (with headers), subscribe, request/reply, flush, and
/// reconnection — after a drop the connection comes back on its own and subscribes again to what it had, so a
/// federation link that went down for ten minutes resumes without the caller doing anything.
public actor NATSConnection {
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        public var name: String
        public var reconnectWait: Duration
        public var connectTimeout: Duration
        /// A user of the server's accounts (`nats://user:password@host:port`), when it asks for one.
        public var user: String?
        public var password: String?
        public init(
            host: String = "127.0.0.1", port: Int = 4222, name: String = "agora", reconnectWait: Duration = .milliseconds(250),
            connectTimeout: Duration = .seconds(5), user: String? = nil, password: String? = nil
        ) {
            self.host = host
            self.port = port
            self.name = name
            self.reconnectWait = reconnectWait
            self.connectTimeout = connectTimeout
            self.user = user
            self.password = password
        }
    }

    public struct Closed: Error, Sendable, CustomStringConvertible {
        public var description: String { "the NATS connection is closed" }
    }
    public struct Timeout: Error, Sendable, CustomStringConvertible {
        public var description: String
    }
    public struct NoResponders: Error, Sendable, CustomStringConvertible {
        public var subject: String
        public var description: String { "no responders on \(subject)" }
    }

    private struct Subscription {
        var subject: String
        var queue: String?
        var continuation: AsyncStream<NATSMessage>.Continuation
    }

    public let options: Options
    private var outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>?
    private var subscriptions: [Int: Subscription] = [:]
    private var nextSID = 1
    /// Flushes waiting for the PONG of their own PING: the n-th PING sent is answered by the n-th PONG received.
    private var pongs: [(ping: Int, waiter: CheckedContinuation<Void, any Error>)] = []
    private var pingsSent = 0
    private var pongsReceived = 0
    private var waitingForLink: [CheckedContinuation<Void, any Error>] = []
    private var requests: [String: CheckedContinuation<NATSMessage, any Error>] = [:]
    private var requestCounter = 0
    private let inbox = "_INBOX." + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    private var inboxSID: Int?
    private var runner: Task<Void, Never>?
    private var closed = false
    /// Times the link came back after a drop.
    public private(set) var reconnects = 0
    /// The last `-ERR` the server sent.
    public private(set) var lastError: String?
    public private(set) var isConnected = false

    public init(_ options: Options) { self.options = options }

    /// Connects and waits for the server's first answer; afterwards the link is kept up in the background.
    public func connect() async throws {
        guard runner == nil else { return }
        runner = Task { await self.run() }
        try await waitForLink(timeout: options.connectTimeout)
    }

    public func close() async {
        closed = true
        for (_, s) in subscriptions { s.continuation.finish() }
        subscriptions = [:]
        fail(Closed())
        try? await outbound?.write(ByteBuffer(string: ""))
        outbound?.finish()
        outbound = nil
        runner?.cancel()
        runner = nil
        isConnected = false
    }

    // MARK: Sending

    public func publish(_ subject: String, payload: [UInt8], headers: [(String, String)] = [], replyTo: String? = nil) async throws {
        guard NATSEncode.valid(subject) else { throw NATSProtocolError("invalid subject '\(subject)'") }
        try await send(NATSEncode.pub(subject, replyTo: replyTo, headers: headers, payload: payload))
    }

    /// Waits until the server has read everything sent before (a PING answered by a PONG).
    public func flush(timeout: Duration = .seconds(5)) async throws {
        // Numbered before the send: its PONG may be handled while the send is still suspended.
        pingsSent += 1
        let ping = pingsSent
        try await send(Array("PING\r\n".utf8))
        try await withDeadline(timeout, what: "flush") { try await self.awaitPong(ping) }
    }

    public func subscribe(_ subject: String, queue: String? = nil) async throws -> (sid: Int, messages: AsyncStream<NATSMessage>) {
        guard NATSEncode.valid(subject) else { throw NATSProtocolError("invalid subject '\(subject)'") }
        let sid = nextSID
        nextSID += 1
        let (stream, continuation) = AsyncStream.makeStream(of: NATSMessage.self)
        subscriptions[sid] = Subscription(subject: subject, queue: queue, continuation: continuation)
        try await send(Self.sub(subject, queue: queue, sid: sid))
        return (sid, stream)
    }

    public func unsubscribe(_ sid: Int) async throws {
        subscriptions.removeValue(forKey: sid)?.continuation.finish()
        try await send(Array("UNSUB \(sid)\r\n".utf8))
    }

    /// One answer to a request, through the connection's own inbox.
    public func request(_ subject: String, payload: [UInt8], headers: [(String, String)] = [], timeout: Duration = .seconds(5)) async throws
        -> NATSMessage
    {
        if inboxSID == nil {
            // Taken before the first await, so two first requests at once subscribe once (and it is sent again on reconnect).
            let sid = nextSID
            nextSID += 1
            inboxSID = sid
            subscriptions[sid] = Subscription(
                subject: inbox + ".*", queue: nil, continuation: AsyncStream.makeStream(of: NATSMessage.self).continuation)
            try await send(Self.sub(inbox + ".*", queue: nil, sid: sid))
        }
        requestCounter += 1
        let token = String(requestCounter)
        let answer = try await withDeadline(
            timeout, what: "request on \(subject)", onTimeout: { await self.dropRequest(token) },
            { try await self.awaitAnswer(subject, token: token, payload: payload, headers: headers) })
        if answer.status == 503 { throw NoResponders(subject: subject) }
        return answer
    }

    private func awaitPong(_ ping: Int) async throws {
        if pongsReceived >= ping { return }
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in pongs.append((ping, c)) }
    }

    private func awaitLink() async throws {
        if isConnected { return }
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in waitingForLink.append(c) }
    }

    private func awaitAnswer(_ subject: String, token: String, payload: [UInt8], headers: [(String, String)]) async throws -> NATSMessage {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<NATSMessage, any Error>) in
            requests[token] = c
            Task { await self.sendRequest(subject, token: token, payload: payload, headers: headers) }
        }
    }

    private func sendRequest(_ subject: String, token: String, payload: [UInt8], headers: [(String, String)]) async {
        do { try await publish(subject, payload: payload, headers: headers, replyTo: inbox + "." + token) } catch {
            requests.removeValue(forKey: token)?.resume(throwing: error)
        }
    }

    private func dropRequest(_ token: String) { requests.removeValue(forKey: token)?.resume(throwing: Timeout(description: "no answer in time")) }

    /// A fresh subject under this connection's inbox (for replies that come in several messages, as a fetch's do).
    public func newInbox() -> String {
        requestCounter += 1
        return inbox + ".f" + String(requestCounter)
    }

    static func sub(_ subject: String, queue: String?, sid: Int) -> [UInt8] {
        Array("SUB \(subject)\(queue.map { " " + $0 } ?? "") \(sid)\r\n".utf8)
    }

    private func send(_ bytes: [UInt8]) async throws {
        if outbound == nil { try await waitForLink(timeout: options.connectTimeout) }
        guard let out = outbound else { throw Closed() }
        try await out.write(ByteBuffer(bytes: bytes))
    }

    private func waitForLink(timeout: Duration) async throws {
        if closed { throw Closed() }
        if isConnected { return }
        try await withDeadline(timeout, what: "connecting to \(options.host):\(options.port)") { try await self.awaitLink() }
    }

    /// `body`, or `Timeout` after `limit` (running `onTimeout` first, to let go of a pending continuation).
    private func withDeadline<T: Sendable>(
        _ limit: Duration, what: String, onTimeout: @escaping @Sendable () async -> Void = {}, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            guard let first = try await group.next() else { throw Timeout(description: what) }
            if let v = first {
                group.cancelAll()
                return v
            }
            await onTimeout()
            await self.timedOut()
            // The body's continuation is resumed by `timedOut`/`onTimeout`; collect it and report the timeout.
            _ = try? await group.next()
            throw Timeout(description: "\(what): no answer within \(limit)")
        }
    }

    /// Lets go of waiters that a deadline gave up on (a flush or a link that did not come in time).
    private func timedOut() {
        if !isConnected {
            for c in waitingForLink { c.resume(throwing: Timeout(description: "not connected")) }
            waitingForLink = []
        }
        if let c = pongs.first {
            pongs.removeFirst()
            c.waiter.resume(throwing: Timeout(description: "no PONG"))
        }
    }

    // MARK: The link

    private func run() async {
        var parser = NATSParser()
        while !closed {
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .connectTimeout(.seconds(5))
                    .connect(host: options.host, port: options.port) { ch in
                        ch.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: ch) }
                    }
                parser = NATSParser()
                try await channel.executeThenClose { inbound, outbound in
                    try await self.attach(outbound)
                    for try await buf in inbound {
                        parser.append(buf.readableBytesView)
                        while let frame = try parser.next() { try await self.handle(frame) }
                    }
                }
            } catch {
                lastError = lastError ?? String(describing: error)
            }
            detach()
            if closed { break }
            try? await Task.sleep(for: options.reconnectWait)
        }
    }

    /// A new link: CONNECT, the subscriptions again, then a PING whose PONG says the server has them.
    private func attach(_ out: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        var fields: [String: Any] = [
            "verbose": false, "pedantic": false, "headers": true, "no_responders": true, "lang": "swift", "version": "0.1.0", "protocol": 1,
            "name": options.name,
        ]
        if let u = options.user { fields["user"] = u }
        if let p = options.password { fields["pass"] = p }
        let json = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        var bytes = Array("CONNECT ".utf8) + Array(json) + Array("\r\n".utf8)
        for (sid, s) in subscriptions.sorted(by: { $0.key < $1.key }) { bytes += Self.sub(s.subject, queue: s.queue, sid: sid) }
        bytes += Array("PING\r\n".utf8)
        try await out.write(ByteBuffer(bytes: bytes))
        outbound = out
        handshakePending = true
    }

    private var handshakePending = false
    private var everConnected = false

    private func handle(_ frame: NATSFrame) async throws {
        switch frame {
        case .ping: try await outbound?.write(ByteBuffer(string: "PONG\r\n"))
        case .pong:
            if handshakePending {
                handshakePending = false
                isConnected = true
                if everConnected { reconnects += 1 }
                everConnected = true
                for c in waitingForLink { c.resume() }
                waitingForLink = []
            } else {
                // Never ahead of the PINGs counted: a PING queued across a reconnect is answered on the new link.
                pongsReceived = min(pongsReceived + 1, pingsSent)
                while let first = pongs.first, first.ping <= pongsReceived { pongs.removeFirst().waiter.resume() }
            }
        case .msg(let m):
            // An answer to a request, by its token under this connection's inbox (whichever inbox subscription brought it).
            if m.subject.hasPrefix(inbox + "."), let c = requests.removeValue(forKey: String(m.subject.dropFirst(inbox.count + 1))) {
                c.resume(returning: m)
            } else if m.sid != inboxSID {
                _ = subscriptions[m.sid]?.continuation.yield(m)
            }
        case .err(let e):
            lastError = e
        case .info, .ok: break
        }
    }

    /// The link is gone: writes wait for the next one; flushes and requests in flight fail (their answers are lost).
    private func detach() {
        outbound = nil
        isConnected = false
        handshakePending = false
        let lost = pongs
        pongs = []
        pongsReceived = pingsSent  // the PINGs in flight are answered on no link
        for c in lost { c.waiter.resume(throwing: Closed()) }
        let pending = requests
        requests = [:]
        for (_, c) in pending { c.resume(throwing: Closed()) }
    }

    private func fail(_ e: any Error) {
        for c in pongs { c.waiter.resume(throwing: e) }
        pongs = []
        for c in waitingForLink { c.resume(throwing: e) }
        waitingForLink = []
        for (_, c) in requests { c.resume(throwing: e) }
        requests = [:]
    }
}

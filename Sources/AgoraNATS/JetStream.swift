import Foundation

/// JetStream over a `NATSConnection`, through its `$JS.API.*` subjects: streams (limits retention — a work-queue
/// stream sourced across a link can lose messages during an outage), publishing with an acknowledgement and a
/// `Nats-Msg-Id` the stream de-duplicates on, durable pull consumers, fetching, ack and nak.
public struct JetStream: Sendable {
    public let nats: NATSConnection
    public var timeout: Duration
    /// `$JS.API`, or `$JS.<domain>.API` to reach the JetStream of another domain — a hub's, from a client of a leaf
    /// node that links to it (the leaf forwards publishes to the hub's streams; the API needs the domain).
    public let api: String

    public init(_ nats: NATSConnection, domain: String? = nil, timeout: Duration = .seconds(5)) {
        self.nats = nats
        self.timeout = timeout
        self.api = domain.map { "$JS.\($0).API" } ?? "$JS.API"
    }

    public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
        public var code: Int
        public var errCode: Int
        public var text: String
        public var description: String { "JetStream \(code)/\(errCode): \(text)" }
    }

    /// Calls `$JS.API.<api>` with a JSON body; the answer's JSON, or its error thrown.
    public func call(_ api: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) } ?? Data()
        let m = try await nats.request(self.api + "." + api, payload: Array(payload), timeout: timeout)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(m.payload))) as? [String: Any] else {
            throw NATSProtocolError("JetStream answered \(api) with something that is not JSON")
        }
        if let e = object["error"] as? [String: Any] {
            throw APIError(code: e["code"] as? Int ?? 0, errCode: e["err_code"] as? Int ?? 0, text: e["description"] as? String ?? "")
        }
        return object
    }

    static func nanos(_ d: Duration) -> Int64 {
        let (s, a) = d.components
        return s * 1_000_000_000 + a / 1_000_000_000
    }

    /// Creates the stream, or brings an existing one to this configuration.
    public func addStream(_ name: String, subjects: [String], maxAge: Duration, duplicateWindow: Duration = .seconds(120)) async throws {
        let config: [String: Any] = [
            "name": name, "subjects": subjects, "retention": "limits", "storage": "file", "max_age": Self.nanos(maxAge),
            "duplicate_window": Self.nanos(duplicateWindow), "discard": "old",
        ]
        do { _ = try await call("STREAM.CREATE." + name, config) } catch let e as APIError where e.errCode == 10058 {
            _ = try await call("STREAM.UPDATE." + name, config)  // "stream name already in use"
        }
    }

    public func deleteStream(_ name: String) async throws { _ = try await call("STREAM.DELETE." + name) }

    /// The stream's message count and last sequence.
    public func streamState(_ name: String) async throws -> (messages: Int, lastSequence: Int) {
        let info = try await call("STREAM.INFO." + name)
        let state = info["state"] as? [String: Any] ?? [:]
        return (state["messages"] as? Int ?? 0, state["last_seq"] as? Int ?? 0)
    }

    public struct PubAck: Sendable, Equatable {
        public var stream: String
        public var sequence: Int
        /// The stream had this message id already (within its duplicate window): nothing was stored again.
        public var duplicate: Bool
    }

    public func publish(_ subject: String, payload: [UInt8], messageID: String? = nil, headers: [(String, String)] = []) async throws -> PubAck {
        var h = headers
        if let id = messageID { h.append(("Nats-Msg-Id", id)) }
        let m = try await nats.request(subject, payload: payload, headers: h, timeout: timeout)
        guard let o = (try? JSONSerialization.jsonObject(with: Data(m.payload))) as? [String: Any] else {
            throw NATSProtocolError("no publish acknowledgement on \(subject)")
        }
        if let e = o["error"] as? [String: Any] {
            throw APIError(code: e["code"] as? Int ?? 0, errCode: e["err_code"] as? Int ?? 0, text: e["description"] as? String ?? "")
        }
        return PubAck(stream: o["stream"] as? String ?? "", sequence: o["seq"] as? Int ?? 0, duplicate: o["duplicate"] as? Bool ?? false)
    }

    /// A durable pull consumer with explicit acks: what it has delivered and not had acknowledged comes again.
    public func addPullConsumer(stream: String, durable: String, filterSubject: String? = nil, ackWait: Duration = .seconds(30)) async throws {
        try await addPullConsumer(stream: stream, durable: durable, filterSubjects: filterSubject.map { [$0] } ?? [], ackWait: ackWait)
    }

    /// Several filters (`filter_subjects`, nats-server 2.10 and later); none: the whole stream.
    public func addPullConsumer(stream: String, durable: String, filterSubjects: [String], ackWait: Duration = .seconds(30)) async throws {
        var config: [String: Any] = ["durable_name": durable, "ack_policy": "explicit", "deliver_policy": "all", "ack_wait": Self.nanos(ackWait)]
        if filterSubjects.count == 1 {
            config["filter_subject"] = filterSubjects[0]
        } else if !filterSubjects.isEmpty {
            config["filter_subjects"] = filterSubjects
        }
        _ = try await call("CONSUMER.CREATE.\(stream).\(durable)", ["stream_name": stream, "config": config])
    }

    /// A message from a pull consumer, with what its reply subject says.
    public struct Message: Sendable {
        public var message: NATSMessage
        public var streamSequence: Int
        public var deliveries: Int
        public var payload: [UInt8] { message.payload }
        public func header(_ n: String) -> String? { message.header(n) }
    }

    /// Up to `batch` messages, waiting at most `expires` for them.
    public func fetch(stream: String, durable: String, batch: Int, expires: Duration = .seconds(1)) async throws -> [Message] {
        let inbox = await nats.newInbox()
        let (sid, messages) = try await nats.subscribe(inbox)
        let request: [String: Any] = ["batch": batch, "expires": Self.nanos(expires)]
        try await nats.publish(
            api + ".CONSUMER.MSG.NEXT.\(stream).\(durable)", payload: Array(try JSONSerialization.data(withJSONObject: request)), replyTo: inbox)
        let deadline = ContinuousClock.now + expires + .seconds(2)
        let collected: [Message] = try await withThrowingTaskGroup(of: [Message]?.self) { group in
            group.addTask {
                var got: [Message] = []
                for await m in messages {
                    if let status = m.status {
                        // 404 no messages, 408 the request expired, 409 the consumer is gone or full: the batch ends here.
                        if [404, 408, 409].contains(status) { break }
                        continue  // 100: an idle heartbeat
                    }
                    got.append(Self.message(m))
                    if got.count >= batch { break }
                }
                return got
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            var result: [Message] = []
            while let r = try await group.next() {
                if let r {
                    result = r
                    group.cancelAll()  // the timer is not needed any more
                } else {
                    try await nats.unsubscribe(sid)  // the timer: end the stream, the collector returns what it has
                }
            }
            return result
        }
        try await nats.unsubscribe(sid)
        return collected
    }

    static func message(_ m: NATSMessage) -> Message {
        // $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<timestamp>.<pending>, or the newer form with
        // <domain>.<account hash> after ACK (and a token at the end).
        let t = (m.replyTo ?? "").split(separator: ".").map(String.init)
        let at = t.count == 9 ? 4 : (t.count >= 11 ? 6 : -1)
        guard at >= 0 else { return Message(message: m, streamSequence: 0, deliveries: 1) }
        return Message(message: m, streamSequence: Int(t[at + 1]) ?? 0, deliveries: Int(t[at]) ?? 1)
    }

    /// Done with it: the consumer moves past it. Waits for the server to confirm (a double ack), so an ack lost
    /// with a broken link is known and the message simply comes again.
    public func ack(_ m: Message) async throws {
        guard let reply = m.message.replyTo else { return }
        _ = try await nats.request(reply, payload: Array("+ACK".utf8), timeout: timeout)
    }

    /// Acknowledges a batch: every ack sent, then one round trip (the server has read them all). An ack lost with the
    /// link means the message comes again, which the receiver applies idempotently.
    public func ackAll(_ messages: [Message]) async throws {
        for m in messages { if let reply = m.message.replyTo { try await nats.publish(reply, payload: Array("+ACK".utf8)) } }
        try await nats.flush(timeout: timeout)
    }

    /// Not now: delivered again (after `delay`, if given).
    public func nak(_ m: Message, delay: Duration? = nil) async throws {
        guard let reply = m.message.replyTo else { return }
        let body = delay.map { "-NAK {\"delay\": \(Self.nanos($0))}" } ?? "-NAK"
        try await nats.publish(reply, payload: Array(body.utf8))
        try await nats.flush()
    }
}

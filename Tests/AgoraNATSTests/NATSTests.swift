import AgoraTestSupport
import Foundation
import Testing

@testable import AgoraNATS

/// The protocol parser on every cut of its frames.
@Suite struct NATSParserTests {
    static let wire = Array(
        ("INFO {\"server_id\":\"x\",\"headers\":true}\r\nPING\r\nMSG agora.gh.incident 7 _INBOX.a.1 5\r\nhello\r\n"
            + "HMSG _INBOX.a.f2 3 54 54\r\nNATS/1.0 404 No Messages\r\nNats-Pending-Messages: 0\r\n\r\n\r\n"
            + "HMSG agora.ke.alert 9 29 32\r\nNATS/1.0\r\nNats-Msg-Id: e1\r\n\r\nabc\r\n+OK\r\n-ERR 'Permissions Violation'\r\n").utf8)

    static func frames(_ chunks: [ArraySlice<UInt8>]) throws -> [NATSFrame] {
        var p = NATSParser()
        var out: [NATSFrame] = []
        for c in chunks {
            p.append(c)
            while let f = try p.next() { out.append(f) }
        }
        return out
    }

    @Test func framesAreReadWhateverTheCuts() throws {
        let whole = try Self.frames([Self.wire[...]])
        #expect(whole.count == 7)
        #expect(whole[1] == .ping)
        guard case .msg(let m) = whole[2] else {
            Issue.record("MSG")
            return
        }
        #expect(m.subject == "agora.gh.incident" && m.sid == 7 && m.replyTo == "_INBOX.a.1" && m.payload == Array("hello".utf8))
        guard case .msg(let s) = whole[3] else {
            Issue.record("HMSG")
            return
        }
        #expect(s.status == 404 && s.statusText == "No Messages" && s.payload.isEmpty && s.header("nats-pending-messages") == "0")
        guard case .msg(let h) = whole[4] else {
            Issue.record("HMSG")
            return
        }
        #expect(h.header("Nats-Msg-Id") == "e1" && h.payload == Array("abc".utf8) && h.status == nil)
        #expect(whole[6] == .err("Permissions Violation"))
        // Byte by byte, and in every two-piece cut: the same frames.
        #expect(try Self.frames(Self.wire.indices.map { Self.wire[$0...$0] }) == whole)
        for cut in stride(from: 1, to: Self.wire.count, by: 7) {
            #expect(try Self.frames([Self.wire[..<cut], Self.wire[cut...]]) == whole)
        }
    }

    @Test func whatIsSentIsWellFormed() throws {
        let pub = NATSEncode.pub("agora.gh.alert.national", headers: [("Nats-Msg-Id", "01J")], payload: Array("{}".utf8))
        #expect(String(decoding: pub, as: UTF8.self) == "HPUB agora.gh.alert.national 30 32\r\nNATS/1.0\r\nNats-Msg-Id: 01J\r\n\r\n{}\r\n")
        #expect(!NATSEncode.valid("a b") && !NATSEncode.valid("a\r\nPUB x 1") && NATSEncode.valid("agora.*.>"))
        var p = NATSParser()
        p.append(Array("BOGUS x\r\n".utf8))
        #expect(throws: NATSProtocolError.self) { try p.next() }
    }
}

@Suite(.serialized) struct NATSServerTests {
    static func connected(_ server: NATSServerProcess) async throws -> NATSConnection {
        let c = NATSConnection(.init(port: server.port, reconnectWait: .milliseconds(100), connectTimeout: .seconds(30)))
        try await c.connect()
        return c
    }

    @Test func publishSubscribeAndRequest() async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        let a = try await Self.connected(server)
        let b = try await Self.connected(server)
        let (_, messages) = try await b.subscribe("agora.gh.>")
        try await b.flush()
        try await a.publish("agora.gh.incident.district", payload: Array("one".utf8), headers: [("Agora-Origin", "GH")])
        var it = messages.makeAsyncIterator()
        let got = await it.next()
        #expect(got?.payload == Array("one".utf8) && got?.header("Agora-Origin") == "GH" && got?.subject == "agora.gh.incident.district")

        // A responder on b answers a's request; nobody on another subject is said at once (no_responders).
        let (_, questions) = try await b.subscribe("agora.ping")
        Task {
            for await q in questions { try? await b.publish(q.replyTo!, payload: Array(q.payload.reversed())) }
        }
        try await b.flush()
        let answer = try await a.request("agora.ping", payload: Array("abc".utf8))
        #expect(answer.payload == Array("cba".utf8))
        await #expect(throws: NATSConnection.NoResponders.self) { try await a.request("agora.nobody", payload: []) }
        await a.close()
        await b.close()
    }

    /// Through the system account: the connections with their users, a reload, and a connection closed that comes back
    /// by itself (how a hub makes a connected leaf node take up a narrowed grant).
    @Test func theSystemAccountListsReloadsAndClosesConnections() async throws {
        let accounts = """
            accounts { A { users: [ { user: "gh", password: "pw" } ] }, SYS { users: [ { user: "_system", password: "sys" } ] } }
            system_account: SYS

            """
        guard let server = NATSServerProcess(config: accounts) else { return }
        try server.start()
        let gh = NATSConnection(.init(port: server.port, reconnectWait: .milliseconds(100), connectTimeout: .seconds(30), user: "gh", password: "pw"))
        try await gh.connect()
        let sys = NATSConnection(.init(port: server.port, connectTimeout: .seconds(30), user: "_system", password: "sys"))
        try await sys.connect()
        let admin = NATSServerAdmin(sys)
        let (id, list) = try await admin.connections()
        let mine = try #require(list.first { $0.user == "gh" })
        #expect(mine.kind == "Client" && list.contains { $0.user == "_system" })
        try await admin.reload(server: id)
        try await admin.kick(server: id, cid: mine.cid)
        for _ in 0..<50 where await gh.reconnects == 0 { try await Task.sleep(for: .milliseconds(100)) }
        #expect(await gh.reconnects == 1)
        try await gh.flush()
        #expect(try await admin.connections().connections.contains { $0.user == "gh" && $0.cid != mine.cid })
        // A configuration the server cannot read: refused, said.
        try Data("accounts { broken".utf8).write(to: server.configFile)
        await #expect(throws: NATSServerAdmin.Refused.self) { try await admin.reload(server: id) }
        await gh.close()
        await sys.close()
    }

    @Test func jetStreamStoresOnceDeliversAndRedelivers() async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        let c = try await Self.connected(server)
        let js = JetStream(c)
        try await js.addStream("AGORA_GH", subjects: ["agora.gh.>"], maxAge: .seconds(30 * 86_400))
        try await js.addStream("AGORA_GH", subjects: ["agora.gh.>"], maxAge: .seconds(30 * 86_400))  // again: updated, not an error
        let first = try await js.publish("agora.gh.incident.national", payload: Array("e1".utf8), messageID: "e1")
        let again = try await js.publish("agora.gh.incident.national", payload: Array("e1".utf8), messageID: "e1")
        #expect(first.sequence == 1 && !first.duplicate && again.duplicate && again.sequence == 1)
        for i in 2...5 { _ = try await js.publish("agora.gh.incident.national", payload: Array("e\(i)".utf8), messageID: "e\(i)") }
        #expect(try await js.streamState("AGORA_GH").messages == 5)

        try await js.addPullConsumer(stream: "AGORA_GH", durable: "hub", ackWait: .seconds(2))
        let batch = try await js.fetch(stream: "AGORA_GH", durable: "hub", batch: 3)
        #expect(batch.map { String(decoding: $0.payload, as: UTF8.self) } == ["e1", "e2", "e3"])
        #expect(batch.map(\.streamSequence) == [1, 2, 3] && batch[0].header("Nats-Msg-Id") == "e1")
        try await js.ack(batch[0])
        try await js.ack(batch[1])
        try await js.nak(batch[2])  // comes again, before what is new
        let next = try await js.fetch(stream: "AGORA_GH", durable: "hub", batch: 5)
        #expect(next.map { String(decoding: $0.payload, as: UTF8.self) } == ["e3", "e4", "e5"], "\(next.map(\.streamSequence))")
        #expect(next[0].deliveries == 2)
        for m in next { try await js.ack(m) }
        #expect(try await js.fetch(stream: "AGORA_GH", durable: "hub", batch: 5, expires: .milliseconds(300)).isEmpty)
        await #expect(throws: JetStream.APIError.self) { try await js.streamState("NO_SUCH_STREAM") }
        await c.close()
    }

    /// The server dies during the load and comes back on the same store: the client reconnects by itself, and the
    /// durable consumer hands over exactly what was published — none lost, none twice.
    @Test func aKilledServerComesBackAndNothingIsLostOrDoubled() async throws {
        guard let server = NATSServerProcess() else { return }
        try server.start()
        let c = try await Self.connected(server)
        let js = JetStream(c)
        try await js.addStream("AGORA_KE", subjects: ["agora.ke.>"], maxAge: .seconds(30 * 86_400))
        try await js.addPullConsumer(stream: "AGORA_KE", durable: "hub")
        var sent = Set<String>()
        // Publish until acknowledged: a publish lost with the link is sent again under the same id.
        func publish(_ id: String) async throws {
            while true {
                do {
                    _ = try await js.publish("agora.ke.alert.regional", payload: Array(id.utf8), messageID: id)
                    sent.insert(id)
                    return
                } catch { try await Task.sleep(for: .milliseconds(100)) }
            }
        }
        for i in 0..<50 { try await publish("k\(i)") }
        server.crash()
        try server.start()
        for i in 50..<100 { try await publish("k\(i)") }
        #expect(await c.reconnects >= 1)
        var received: [String] = []
        while received.count < 100 {
            let batch = try await js.fetch(stream: "AGORA_KE", durable: "hub", batch: 40)
            if batch.isEmpty { break }
            for m in batch {
                received.append(String(decoding: m.payload, as: UTF8.self))
                try await js.ack(m)
            }
        }
        #expect(received.count == 100 && Set(received) == sent, "\(received.count) received")
        #expect(try await js.streamState("AGORA_KE").messages == 100)
        await c.close()
    }
}

import Foundation

/// A server administered through its system account (`$SYS.REQ.SERVER.*`): reload its configuration, list its
/// connections with the user each authenticated as, close one. The connection must be a system account user's.
/// One server: in a cluster, each member would be asked on its own id.
public struct NATSServerAdmin: Sendable {
    public let nats: NATSConnection
    public var timeout: Duration

    public init(_ nats: NATSConnection, timeout: Duration = .seconds(5)) {
        self.nats = nats
        self.timeout = timeout
    }

    public struct Connection: Sendable, Equatable {
        public var cid: Int
        /// `Client` or `Leafnode`.
        public var kind: String
        public var user: String?
    }

    public struct Refused: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The server's id and its open client and leaf node connections.
    public func connections() async throws -> (server: String, connections: [Connection]) {
        let answer = try await call("$SYS.REQ.SERVER.PING.CONNZ", ["auth": true, "limit": 100_000])
        guard let server = (answer["server"] as? [String: Any])?["id"] as? String, let data = answer["data"] as? [String: Any] else {
            throw NATSProtocolError("CONNZ answered without the server's id")
        }
        let list = (data["connections"] as? [[String: Any]] ?? []).compactMap { c -> Connection? in
            guard let cid = c["cid"] as? Int else { return nil }
            return Connection(cid: cid, kind: c["kind"] as? String ?? "Client", user: c["authorized_user"] as? String)
        }
        return (server, list)
    }

    /// Reads the configuration again; returns when the server has (its answer comes after the reload).
    public func reload(server: String) async throws {
        _ = try await call("$SYS.REQ.SERVER.\(server).RELOAD", nil)
    }

    /// Closes one connection (a leaf node's too); a leaf node connects again by itself.
    public func kick(server: String, cid: Int) async throws {
        _ = try await call("$SYS.REQ.SERVER.\(server).KICK", ["cid": cid])
    }

    private func call(_ subject: String, _ body: [String: Any]?) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) } ?? Data()
        let m = try await nats.request(subject, payload: Array(payload), timeout: timeout)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(m.payload))) as? [String: Any] else {
            throw NATSProtocolError("the server answered \(subject) with something that is not JSON")
        }
        if let e = object["error"] as? [String: Any] {
            throw Refused(description: "\(subject): \(e["description"] as? String ?? "refused")")
        }
        return object
    }
}

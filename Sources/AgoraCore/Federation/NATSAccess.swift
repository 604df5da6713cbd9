/// The agreements compiled into the hub's NATS server: one user per installation, whose leaf node or client connection
/// may publish only the subjects its agreements in force carry for its own countries, and read only through its own
/// durable consumer. The server refuses anything else itself — a second wall behind Agora's own filter at the source.
public enum NATSAccess {
    public struct Grant: Sendable, Equatable {
        public var user: String
        public var publish: [String]
        public var subscribe: [String]
    }

    public static let stream = "AGORA"

    public static func durable(_ installation: String) -> String {
        "agora-" + installation.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// What each peer may do on the hub's server. `peers`: installation id → the countries it speaks for.
    public static func grants(hub: String, peers: [String: [String]], agreements: [SharingAgreement], on day: String, domain: String?) -> [Grant] {
        let api = domain.map { "$JS.\($0).API" } ?? "$JS.API"
        var out = [Grant(user: hub, publish: [">"], subscribe: [">"])]
        for (peer, countries) in peers.sorted(by: { $0.key < $1.key }) where peer != hub {
            let codes = countries.map { $0.lowercased().filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
            var subjects = Set<String>()
            for a in agreements where a.inForce(on: day) {
                // Its own records, under agreements it is the origin of; answers, against agreements it receives cases under.
                let types = a.origin == peer ? a.types : a.recipient == peer && a.types.contains(.case) ? [.case] : []
                for t in types { for c in codes { subjects.insert("agora.\(c).\(t.rawValue).>") } }
            }
            let own = durable(peer)
            let consumer = [
                "\(api).CONSUMER.INFO.\(stream).\(own)", "\(api).CONSUMER.MSG.NEXT.\(stream).\(own)", "$JS.ACK.\(stream).\(own).>",
                "$JS.ACK.*.*.\(stream).\(own).>",
            ]
            out.append(Grant(user: peer, publish: subjects.sorted() + consumer, subscribe: ["_INBOX.>"]))
        }
        return out
    }

    /// The hub's user in the server's system account: it reloads the configuration and closes the connections whose
    /// grant changed (`$SYS.REQ.SERVER.<id>.RELOAD`, `.KICK`). An underscore: no installation id can take the name.
    public static let systemUser = "_system"

    /// The `accounts` block of the hub server's configuration (nats-server syntax), one user per grant, and the system
    /// account the hub administers the server through.
    public static func accounts(_ grants: [Grant], password: (String) -> String) -> String {
        func list(_ s: [String]) -> String { "[" + s.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        var lines = ["accounts {", "  AGORA {", "    jetstream: enabled", "    users: ["]
        for g in grants {
            lines.append(
                "      { user: \"\(g.user)\", password: \"\(password(g.user))\", permissions: { publish: { allow: \(list(g.publish)) }, "
                    + "subscribe: { allow: \(list(g.subscribe)) } } }")
        }
        lines += [
            "    ]", "  }", "  SYS {", "    users: [", "      { user: \"\(systemUser)\", password: \"\(password(systemUser))\" }", "    ]", "  }",
            "}",
        ]
        lines.append("system_account: SYS")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The users whose grant differs between two compiled configurations (added, removed or changed). nats-server
    /// applies a reloaded grant to new connections only: a leaf node already connected keeps the old one until it is
    /// closed and connects again, so these are the connections to close.
    public static func changedUsers(before: String?, after: String) -> Set<String> {
        func byUser(_ text: String?) -> [String: Substring] {
            var out: [String: Substring] = [:]
            for line in (text ?? "").split(separator: "\n") {
                let t = line.drop { $0 == " " }
                guard t.hasPrefix("{ user: \""), let end = t.dropFirst(9).firstIndex(of: "\"") else { continue }
                out[String(t[t.index(t.startIndex, offsetBy: 9)..<end])] = t
            }
            return out
        }
        let (old, new) = (byUser(before), byUser(after))
        return Set(old.keys).union(new.keys).filter { old[$0] != new[$0] && $0 != systemUser }
    }
}

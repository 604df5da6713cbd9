import Foundation
import NIOCore
import NIOPosix

/// A small SMTP client (RFC 5321) for notifications: plain connection to a relay the installation
/// runs or trusts (a local MTA handles TLS and queueing onwards). One message per connection.
struct SMTPClient: Sendable {
    var host: String
    var port: Int
    var timeout: TimeAmount = .seconds(20)

    struct SMTPError: Error, CustomStringConvertible { var description: String }

    /// Sends one message; returns the server's final reply.
    func send(from: String, to: String, subject: String, body: String, messageID: String) async throws -> String {
        for addr in [from, to] where addr.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) {
            throw SMTPError(description: "refusing address with control characters: \(addr)")
        }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .connect(host: host, port: port) { ch in
                ch.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: ch) }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var it = inbound.makeAsyncIterator()
            var pending = ""
            // One reply: lines "NNN-…" continue, "NNN …" ends it.
            func reply(expect codes: Set<Int>) async throws -> String {
                while true {
                    while let nl = pending.range(of: "\r\n") ?? pending.range(of: "\n") {
                        let line = String(pending[..<nl.lowerBound])
                        pending.removeSubrange(..<nl.upperBound)
                        guard line.count >= 3, let code = Int(line.prefix(3)) else { continue }
                        if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
                        guard codes.contains(code) else { throw SMTPError(description: "SMTP: \(line)") }
                        return line
                    }
                    guard var buf = try await it.next() else { throw SMTPError(description: "SMTP server closed the connection") }
                    pending += buf.readString(length: buf.readableBytes) ?? ""
                }
            }
            func command(_ line: String, expect: Set<Int>) async throws -> String {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                return try await reply(expect: expect)
            }
            _ = try await reply(expect: [220])
            _ = try await command("EHLO agora.localhost", expect: [250])
            _ = try await command("MAIL FROM:<\(from)>", expect: [250])
            _ = try await command("RCPT TO:<\(to)>", expect: [250, 251])
            _ = try await command("DATA", expect: [354])
            let date = Date().formatted(
                .dateTime.weekday(.abbreviated).day().month(.abbreviated).year().hour(.twoDigits(amPM: .omitted)).minute().second().locale(
                    Locale(identifier: "en_US_POSIX")))
            let headers = [
                "From: Agora <\(from)>", "To: <\(to)>", "Subject: \(Self.header(subject))", "Date: \(date) +0000",
                "Message-ID: \(messageID)", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
            ]
            // Dot-stuffing: a line that starts with "." gets another, so it cannot end the message early.
            let text = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            let done = try await command(headers.joined(separator: "\r\n") + "\r\n\r\n" + text + "\r\n.", expect: [250])
            _ = try? await command("QUIT", expect: [221])
            return done
        }
    }

    /// Subjects may carry non-ASCII area names: RFC 2047 encoded-word when needed; no line breaks.
    static func header(_ s: String) -> String {
        let clean = s.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.allSatisfy({ $0.isASCII }) { return clean }
        return "=?UTF-8?B?" + Data(clean.utf8).base64EncodedString() + "?="
    }
}

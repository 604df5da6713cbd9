import Foundation
import SQLKit
import Vapor

/// Bcrypt off the event loop. Cost 12 by default (about a quarter of a second a guess on this
/// machine's kind); `AGORA_BCRYPT_COST` lowers it for tests only.
enum Passwords {
    static var cost: Int {
        ProcessInfo.processInfo.environment["AGORA_BCRYPT_COST"].flatMap(Int.init).map { max(4, min($0, 16)) } ?? 12
    }

    /// Compared against when the username is unknown, so that timing does not tell who has an account.
    static let decoy = "$2b$04$zXH7l3v3Qq0bJ6ZqkJ9N2eZbq3m2T1QyB2o0kF6x7c2w1p5r8u9K."

    static func hash(_ password: String, on app: Application) async throws -> String {
        let cost = Self.cost
        return try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, against hash: String, on app: Application) async throws -> Bool {
        try await app.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// A password to hand out once: 16 characters from an alphabet without look-alikes.
    static func generate() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet.randomElement(using: &rng)! })
    }
}

/// Checks a username and password, with lock-out after repeated failures. One path for the web form
/// and for API token requests, so both are equally hard to guess through.
enum SignIn {
    enum Outcome: Sendable {
        case success(PersonRecord)
        case wrong
        case locked(until: String)
    }

    static func check(username: String, password: String, via: String, req: Request) async throws -> Outcome {
        try await req.db.transaction { tx in
            let people = PeopleStore(sql: tx as! any SQLDatabase)
            guard let p = try await people.person(username: username), !p.disabled else {
                _ = try await Passwords.verify(password, against: Passwords.decoy, on: req.application)
                return .wrong
            }
            if let until = p.lockedUntil, until > Timestamp.now() { return .locked(until: until) }
            guard try await Passwords.verify(password, against: p.passwordHash, on: req.application) else {
                try await people.recordFailure(p)
                return .wrong
            }
            try await people.recordSuccess(p, via: via)
            return .success(p)
        }
    }
}

import Foundation
import SQLKit
import Vapor

/// Bcrypt off the event loop. Cost 12 by default (about a quarter of a second a guess on this
/// machine's kind); `AGORA_BCRYPT_COST` lowers it for tests only.
enum Passwords {
    static var cost: Int {
        ProcessInfo.processInfo.environment["AGORA_BCRYPT_COST"].flatMap(Int.init).map { max(4, min($0, 16)) } ?? 12
    }

    /// Compared against when the username is unknown or disabled, so that timing does not tell who has an
    /// account: made once per process at the configured cost, the same cost as every real hash.
    static let decoy: String = (try? Bcrypt.hash(Secrets.token(), cost: cost)) ?? "$2b$12$zXH7l3v3Qq0bJ6ZqkJ9N2eZbq3m2T1QyB2o0kF6x7c2w1p5r8u9K."

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
/// and for API token requests, so both are equally hard to guess through. Whoever asks pays one bcrypt
/// at the same cost, and an unknown, disabled or locked name gets the same answer as a wrong password:
/// neither the words nor the time tell which names exist.
enum SignIn {
    enum Outcome: Sendable {
        case success(PersonRecord)
        case wrong
    }

    static func check(username: String, password: String, via: String, req: Request) async throws -> Outcome {
        let found = try await PeopleStore(sql: req.sql).person(username: username).flatMap { $0.disabled ? nil : $0 }
        // bcrypt outside the write transaction: a quarter of a second must not hold the store's write lock.
        let matches = try await Passwords.verify(password, against: found?.passwordHash ?? Passwords.decoy, on: req.application)
        guard let found else { return .wrong }
        return try await req.write { tx in
            let people = PeopleStore(sql: tx)
            // Read again under the write lock: failures counted by concurrent attempts are not lost.
            guard let p = try await people.person(id: found.id), !p.disabled else { return .wrong }
            // A locked account answers like a wrong password; the attempt is not counted, so guessing cannot keep it locked for ever.
            if let until = p.lockedUntil, until > Timestamp.now() { return .wrong }
            guard matches, p.passwordHash == found.passwordHash else {
                try await people.recordFailure(p)
                return .wrong
            }
            try await people.recordSuccess(p, via: via)
            return .success(p)
        }
    }
}

extension SignIn {
    /// The one answer to every failed sign-in.
    static let wrongAnswer = "Wrong username or password, or the account is locked for a while after repeated failures."
    static let formExpired = "The form expired. Please sign in again."
    static let missingFields = "Enter your username and password."
}

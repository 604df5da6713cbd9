import AgoraCore
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

/// The engines every store test runs on: SQLite always, PostgreSQL when AGORA_TEST_POSTGRES_URL is set.
enum Engine: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var available: [Engine] {
        ProcessInfo.processInfo.environment["AGORA_TEST_POSTGRES_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }

    var testDescription: String { rawValue }
}

enum TestInstallation {
    static let adminToken = "test-admin-token"

    /// A fresh installation on the engine: a new SQLite file, or a new PostgreSQL schema dropped afterwards.
    static func run<T>(
        _ engine: Engine, demo: Bool = false, settings adjust: (inout AgoraSettings) -> Void = { _ in }, _ body: (Application) async throws -> T
    ) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agora-test-\(UUID().uuidString)")
        setenv("AGORA_BCRYPT_COST", "4", 1)  // bcrypt at its cheapest: tests sign in many times
        var settings = AgoraSettings.fromEnvironment(demo: demo)
        settings.demoActivity = false  // a quiet demo: tests import and walk what they check themselves (tests/test_demo.py: the lively one)
        settings.dataDirectory = dir
        settings.databaseURL = nil
        settings.databaseSchema = nil
        if engine == .postgres {
            settings.databaseURL = ProcessInfo.processInfo.environment["AGORA_TEST_POSTGRES_URL"]
            settings.databaseSchema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        }
        adjust(&settings)
        let setUp: (Application) async throws -> Void = { [settings] app in
            try configure(app, settings: settings)
            // The in-memory tester asks for the responder on every request and Vapor's default one builds the whole
            // router each time (a third of the access matrix's CPU); a served installation builds it once, so here too.
            let responder = app.responder.current
            app.responder.use { _ in responder }
            app.logger.logLevel = .warning  // thousands of matrix requests would otherwise fill CI's output
            // This installation's audit key for what the test does outside requests (several run in one process).
            try await AuditKeys.$bound.withValue(try app.vault.auditKey) {
                try await prepareStore(app)
                try await Migrator.migrate(app)
                try await makeAdmin(app)
            }
        }
        return try await withApp(configure: setUp) { app in
            defer { try? FileManager.default.removeItem(at: dir) }
            do {
                let result = try await AuditKeys.$bound.withValue(try app.vault.auditKey) { try await body(app) }
                try await cleanUp(app, engine: engine, settings: settings)
                return result
            } catch {
                try? await cleanUp(app, engine: engine, settings: settings)
                throw error
            }
        }
    }

    /// An installation administrator whose API token is `adminToken`, for tests that write.
    static func makeAdmin(_ app: Application) async throws {
        try await app.write { tx in
            let people = PeopleStore(sql: tx)
            let p = try await people.create(
                username: "test.admin", displayName: "Test administrator", passwordHash: Passwords.decoy,
                installationAdmin: true, actor: "test")
            try await (tx).insert(into: "api_tokens").columns("id", "person_id", "name", "token_hash", "created_at")
                .values(SQLBind("test-admin"), SQLBind(p.id), SQLBind("tests"), SQLBind(Secrets.digest(adminToken)), SQLBind(Timestamp.now())).run()
        }
    }

    /// A person with roles and an API token of their own; returns the token.
    @discardableResult
    static func person(_ app: Application, _ username: String, admin: Bool = false, roles: [RoleGrant] = []) async throws -> (
        id: String, token: String
    ) {
        let token = "tok-" + username
        let id = try await app.write { tx in
            let sql = tx
            let people = PeopleStore(sql: sql)
            let p = try await people.create(
                username: username, displayName: username, passwordHash: Passwords.decoy, installationAdmin: admin, actor: "test")
            for g in roles { try await people.grant(g, to: p.id, actor: "test") }
            try await sql.insert(into: "api_tokens").columns("id", "person_id", "name", "token_hash", "created_at")
                .values(SQLBind("t-" + username), SQLBind(p.id), SQLBind("tests"), SQLBind(Secrets.digest(token)), SQLBind(Timestamp.now())).run()
            return p.id
        }
        return (id, token)
    }

    /// The demo's areas (built-in set) and institutions, without people: what most store tests stand on.
    static func demoInstitutions(_ app: Application) async throws {
        var drafts = Country.all.map(AreaImport.countryDraft)
        drafts += try BoundaryProfiles.drafts(fromPcodeCSV: DemoData.builtInAreas, countries: [])
        _ = try await AreaImport.apply(drafts + DemoData.communities, on: app, actor: "test")
        try await app.write { tx in
            let b = BodyStore(sql: tx)
            try await b.upsert(DemoData.organisations, actor: "test")
            try await b.upsert(DemoData.bodies, actor: "test")
        }
    }

    private static func cleanUp(_ app: Application, engine: Engine, settings: AgoraSettings) async throws {
        if engine == .postgres, let schema = settings.databaseSchema {
            try await app.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
    }

    static var sharedData: URL? { AgoraSettings.fromEnvironment(demo: false).sharedData ?? besideRepo }

    private static var besideRepo: URL? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

extension HTTPHeaders {
    static var admin: HTTPHeaders { bearer(TestInstallation.adminToken) }

    static func bearer(_ token: String) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: token)
        h.contentType = .json
        return h
    }
}

/// A JSON body for a test request.
func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// Decodes a JSON answer loosely, to check fields without mirroring every type.
func object(_ res: TestingHTTPResponse) throws -> [String: Any] {
    let data = Data(buffer: res.body)
    guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw TestFailure("not a JSON object: \(res.body.string)")
    }
    return o
}

func array(_ res: TestingHTTPResponse) throws -> [[String: Any]] {
    guard let a = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [[String: Any]] else {
        throw TestFailure("not a JSON array: \(res.body.string)")
    }
    return a
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

@testable import App
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

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
    static func run<T>(_ engine: Engine, demo: Bool = false, _ body: (Application) async throws -> T) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agora-test-\(UUID().uuidString)")
        var settings = AgoraSettings.fromEnvironment(demo: demo)
        settings.dataDirectory = dir
        settings.adminToken = adminToken
        settings.databaseURL = nil
        settings.databaseSchema = nil
        if engine == .postgres {
            settings.databaseURL = ProcessInfo.processInfo.environment["AGORA_TEST_POSTGRES_URL"]
            settings.databaseSchema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        }
        return try await withApp(configure: { app in
            try configure(app, settings: settings)
            try await prepareStore(app)
            try await app.autoMigrate()
        }) { app in
            defer { try? FileManager.default.removeItem(at: dir) }
            do {
                let result = try await body(app)
                try await cleanUp(app, engine: engine, settings: settings)
                return result
            } catch {
                try? await cleanUp(app, engine: engine, settings: settings)
                throw error
            }
        }
    }

    private static func cleanUp(_ app: Application, engine: Engine, settings: AgoraSettings) async throws {
        if engine == .postgres, let schema = settings.databaseSchema {
            try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
    }

    static var sharedData: URL? { AgoraSettings.fromEnvironment(demo: false).sharedData ?? besideRepo }

    private static var besideRepo: URL? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}

extension Application {
    var sql: any SQLDatabase { db as! any SQLDatabase }
}

extension HTTPHeaders {
    static var admin: HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: TestInstallation.adminToken)
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

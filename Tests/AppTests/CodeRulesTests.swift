import Foundation
import Testing

/// Rules of the code base that a reader should be able to rely on, checked over the sources.
@Suite struct CodeRulesTests {
    static let sources: [(path: String, text: String)] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }.compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).map { (url.path.replacingOccurrences(of: root.path + "/", with: ""), $0) }
        }
    }()

    static func lines(matching pattern: String, except allowed: Set<String> = []) throws -> [String] {
        let re = try Regex(pattern)
        return sources.filter { !allowed.contains($0.path) }.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { !$0.element.trimmingCharacters(in: .whitespaces).hasPrefix("///") && $0.element.contains(re) }
                .map { "\(file.path):\($0.offset + 1): \($0.element.trimmingCharacters(in: .whitespaces))" }
        }
    }

    @Test func theStoreIsCastToSQLKitInOnePlace() throws {
        #expect(!Self.sources.isEmpty)
        let casts = try Self.lines(matching: #"as! any SQLDatabase"#, except: ["App/Core/Request+SQL.swift"])
        #expect(casts.isEmpty, "\(casts.joined(separator: "\n"))")
    }

    /// Pages link, post and redirect through `SiteURL`: a page path written as a string in a page goes stale unseen.
    @Test func pagesLinkThroughSiteURL() throws {
        let pages = Set(Self.sources.map(\.path).filter { $0.hasPrefix("App/Pages/") || $0 == "App/Web/Layout.swift" })
        let written = try Self.lines(
            matching:
                #""/(report|reports|receipt|how-to-report|statistics|bodies|queue|incidents|situation-reports|risk|alerts|cases|admin|sign-in|sign-out|feeds|static|api)\b"#,
            except: Set(Self.sources.map(\.path)).subtracting(pages))
        #expect(written.isEmpty, "\(written.joined(separator: "\n"))")
    }

    /// Pages split as SwiftPackageIndex-Server does: `X+Model.swift` loads through the stores and holds no markup;
    /// `X+View.swift` draws with Plot from the model alone (no request, no store, nothing awaited).
    @Test func pageModelsLoadAndPageViewsOnlyDraw() throws {
        let views = Set(Self.sources.map(\.path).filter { $0.hasSuffix("+View.swift") })
        let models = Set(Self.sources.map(\.path).filter { $0.hasSuffix("+Model.swift") })
        #expect(!views.isEmpty && !models.isEmpty)
        let inViews = try Self.lines(
            matching: #"\bRequest\b|\breq\b|\.sql\b|Store\(|\bawait\b|import Vapor"#, except: Set(Self.sources.map(\.path)).subtracting(views))
        #expect(inViews.isEmpty, "a view reaches past its model: \(inViews.joined(separator: "\n"))")
        let inModels = try Self.lines(matching: #"import Plot|Node<|\.raw\("#, except: Set(Self.sources.map(\.path)).subtracting(models))
        #expect(inModels.isEmpty, "a model draws: \(inModels.joined(separator: "\n"))")
    }

    /// A page calls the typed action the API calls; it never rewrites its request into JSON to reach an API handler.
    @Test func pagesCallActionsNotAPIHandlers() throws {
        let pages = Set(Self.sources.map(\.path).filter { $0.hasPrefix("App/Pages/") || $0.hasPrefix("App/Web/") })
        let rewritten = try Self.lines(matching: #"content\.encode\(|asJSON\("#, except: Set(Self.sources.map(\.path)).subtracting(pages))
        #expect(rewritten.isEmpty, "\(rewritten.joined(separator: "\n"))")
    }

    @Test func routeParametersAreRequiredNotForceUnwrapped() throws {
        let unwrapped = try Self.lines(matching: #"parameters\.get\([^)]*\)!"#)
        #expect(unwrapped.isEmpty, "\(unwrapped.joined(separator: "\n"))")
    }

    @Test func writeTransactionsGoThroughTheOneHelper() throws {
        // `db.transaction` would begin a deferred transaction on SQLite (SQLITE_BUSY under concurrent writes).
        let direct = try Self.lines(matching: #"\.transaction \{"#, except: ["App/Core/WriteTransaction.swift"])
        #expect(direct.isEmpty, "\(direct.joined(separator: "\n"))")
    }

    /// States and classifications are the core's enums once read: a misspelt literal would compile and never match.
    @Test func statesAreComparedAsTheCoresEnums() throws {
        let literal = try Self.lines(matching: #"\.(status|state|classification|msgType) *[!=]= *""#)
        #expect(literal.isEmpty, "\(literal.joined(separator: "\n"))")
        let stringly = try Self.lines(matching: #"var [^:]*\bclassification\b[^:]*: String\b"#, except: ["App/Commands/EventsCommand.swift"])
        #expect(stringly.isEmpty, "\(stringly.joined(separator: "\n"))")
    }

    /// SQL lives in `*Store` types and in the data layer's own machinery, nowhere else.
    @Test func sqlLivesInStores() throws {
        let dataLayer: Set<String> = [
            "App/Access/Scoping.swift", "App/Search/SearchIndex.swift",
            "App/Core/BulkWriter.swift", "App/Core/GroupCommit.swift", "App/Core/WriteTransaction.swift", "App/Core/StoreRevisions.swift",
            "App/Core/Idempotency.swift", "App/configure.swift",
        ]
        let sql = #"\.select\(\)|\.raw\(\"|\.raw\(SQLQueryString|\.update\(\"|\.insert\(into:|\.delete\(from:|\.select\([a-z.]*sql,"#
        // Migrations are the schema itself: its SQL is theirs.
        let found = try Self.lines(matching: sql).filter { !$0.hasPrefix("App/Web/") && !$0.hasPrefix("App/Migrations/") }
        let files = Set(found.map { String($0.prefix { $0 != ":" }) }).filter { !$0.hasSuffix("Store.swift") }
        let stray = files.subtracting(dataLayer)
        #expect(stray.isEmpty, "SQL outside a store: \(found.filter { l in stray.contains { l.hasPrefix($0 + ":") } }.joined(separator: "\n"))")
    }

    /// Classified records are read through their scope (`ScopedTable.select`) or, for the system's own reads, through
    /// `unscoped(_:because:)`, which names why: never by a bare select that a reader could mistake for either.
    @Test func classifiedTablesAreReadThroughTheirScope() throws {
        let tables = "reports|incidents|alerts|cases|documents|reporters|weapons|ammunition_lots|tracing_requests|ddr_participants"
        let bare = try Self.lines(matching: #"\.from\(\"(\#(tables))\"\)|join\(\"(\#(tables))\"|FROM (\#(tables))\b"#)
            .filter { !$0.hasPrefix("App/Migrations/") }
        #expect(bare.isEmpty, "\(bare.joined(separator: "\n"))")
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Agora",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "agora", targets: ["Run"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        // SQLite through GRDB (a pool of readers, one writer, cached statements); PostgreSQL through PostgresKit.
        // SQLKit builds the queries for both (docs/decisions/002-sqlite-through-grdb.md).
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        // `/metrics` in Prometheus's text format; Vapor's own request metrics reach it through swift-metrics.
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Sockets for the SMTP client (already a dependency of Vapor).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        // XLSX (Kobo exports, XLSForms) is a zip of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Property-based tests of the SMS grammar (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The rules of an infrastructure for peace as plain values: no Vapor, no Fluent.
        // Hashing (audit chain) and AES-GCM (source protection) come from swift-crypto.
        .target(name: "AgoraCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // A small NATS client (core protocol and JetStream) over SwiftNIO, for federation between installations.
        .target(
            name: "AgoraNATS", dependencies: [.product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio")]),
        // Storage, HTTP API, pages and commands around the core.
        .target(
            name: "App",
            dependencies: [
                "AgoraCore",
                "AgoraNATS",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The OpenAPI document, written by scripts/gen-openapi.py.
            resources: [.copy("OpenAPI/openapi.json")]
        ),
        .executableTarget(name: "Run", dependencies: ["App"]),
        .testTarget(
            name: "AgoraCoreTests",
            dependencies: [
                "AgoraCore", .product(name: "Crypto", package: "swift-crypto"), .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        // A real nats-server process for the tests that need one (AgoraNATSTests, AppTests).
        .target(name: "AgoraTestSupport", path: "Tests/AgoraTestSupport"),
        .testTarget(name: "AgoraNATSTests", dependencies: ["AgoraNATS", "AgoraTestSupport"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "AgoraNATS", "AgoraTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // A second connection to the store, as another process would hold it (StoreSetupTests).
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

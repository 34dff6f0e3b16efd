// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "netkb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "netkb", targets: ["NetKBCLI"]),
        .library(name: "NetKB", targets: ["NetKB"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // For the end-to-end tests' HTTP server only: netkb itself speaks HTTP through libcurl.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libcurl's headers from Debian's libcurl4-openssl-dev (scripts/install-deps), in the
        // compiler's default include path. Not linked, and so no pkgConfig (it would add
        // -lcurl): NetKBWeb opens libcurl with dlopen when the external check first needs it.
        .systemLibrary(name: "CCurl"),
        // sqlite3_config, which Swift cannot call (C variadic arguments); SQLite itself comes
        // through GRDB.
        .systemLibrary(name: "CSQLiteSettings"),
        // statfs, to tell the kernel's file systems (/proc, /sys) from those that hold notes.
        .systemLibrary(name: "CFileSystemKind"),
        // The pure core: notes, sections, links, tokens, queries. No C, no SQLite, no file system.
        .target(name: "NetKBCore"),
        // The only code that touches cmark-gfm.
        .target(
            name: "NetKBMarkdown",
            dependencies: ["NetKBCore", "CCmarkGFM", .product(name: "Yams", package: "Yams")]
        ),
        // The only code that touches GRDB and SQLite.
        .target(
            name: "NetKBStore",
            dependencies: ["NetKBCore", "CSQLiteSettings", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: [.define("SQLITE_ENABLE_FTS5")]
        ),
        // The only code that touches libcurl: one HTTP exchange per probe.
        .target(name: "NetKBWeb", dependencies: ["NetKBCore", "CCurl"]),
        // Use cases over the file system and the network: walking the notes folder, indexing,
        // searching, checking external links.
        .target(name: "NetKB", dependencies: ["CFileSystemKind", "NetKBCore", "NetKBMarkdown", "NetKBStore", "NetKBWeb"], exclude: ["Resources"]),
        // The thin command line.
        .executableTarget(
            name: "NetKBCLI",
            dependencies: ["NetKB", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What several test targets share: a seeded random generator, so a failure can be replayed.
        .target(name: "NetKBTestSupport", path: "Tests/NetKBTestSupport"),
        .testTarget(name: "NetKBCoreTests", dependencies: ["NetKBCore", "NetKBTestSupport"]),
        .testTarget(name: "NetKBMarkdownTests", dependencies: ["NetKBMarkdown", "NetKBTestSupport"]),
        .testTarget(name: "NetKBStoreTests", dependencies: ["NetKBStore", "NetKBTestSupport"]),
        .testTarget(name: "NetKBTests", dependencies: ["NetKB", "NetKBTestSupport"]),
        .testTarget(name: "NetKBWebTests", dependencies: ["NetKBWeb"]),
        // End to end: the built binary, against a real HTTP server on loopback (SwiftNIO).
        .testTarget(
            name: "NetKBCLITests",
            dependencies: [
                "NetKBCore",
                // For reading arguments in-process: both parsers of `search` must agree.
                "NetKBCLI",
                "NetKBTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
    ]
)

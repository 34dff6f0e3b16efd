import Foundation
import Testing

/// The built `netkb` executable, run as a user would run it.
enum NetKBBinary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output parsed as a JSON object.
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
                throw CocoaError(.coderReadCorrupt)
            }
            return object
        }
    }

    /// A run that ended in a way the test did not allow for: an error, a crash.
    struct Failure: Error, CustomStringConvertible {
        var run: Run
        var description: String { "netkb exited with status \(run.status): \(run.stderr)" }
    }

    /// The package's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle (`swift test` builds it), or `NETKB_BINARY`.
    static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["NETKB_BINARY"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("netkb")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/netkb")
    }()

    /// Runs netkb (or `executable`) with `arguments` in `directory`, with NO_COLOR and NETKB_*
    /// unset unless given; as `user` (a uid, through setpriv) when given.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], asUser user: String? = nil,
        executable: String? = nil
    ) throws -> Run {
        let process = Process()
        if let executable {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        for key in ["NO_COLOR", "NETKB_NOTES", "NETKB_INDEX"] { env[key] = nil }
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder holding a notes folder and an index path, removed at the end of the test.
final class Vault: @unchecked Sendable {
    let root: URL
    var notes: URL { root.appendingPathComponent("notes") }
    var index: URL { root.appendingPathComponent("index/netkb.sqlite") }

    init(copying source: URL? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let source {
            try FileManager.default.copyItem(at: source, to: notes)
        } else {
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes a note (creating folders), returning its URL.
    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, bytes: Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, bytes: Data) throws -> URL {
        let url = notes.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return url
    }

    /// Runs netkb on this vault from an async test, on a Dispatch thread rather than one of
    /// Swift concurrency's few cooperative threads, which a blocking wait would take away
    /// from the test's servers and timers.
    func netkbAsync(_ arguments: [String], environment: [String: String] = [:]) async throws -> NetKBBinary.Run {
        try await Self.runAsync { try self.netkb(arguments, environment: environment) }
    }

    /// `work` on a Dispatch thread, awaited.
    static func runAsync(_ work: @escaping @Sendable () throws -> NetKBBinary.Run) async throws -> NetKBBinary.Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs netkb on this vault.
    func netkb(_ arguments: [String], environment: [String: String] = [:], asUser user: String? = nil) throws -> NetKBBinary.Run {
        try NetKBBinary.run(arguments + ["--notes", notes.path, "--index", index.path], environment: environment, asUser: user)
    }

    /// The user to run netkb as so that file permissions apply: nobody (65534) when the tests
    /// run as root, who reads any file; then the vault's folders and index are opened to it.
    /// Nil (the current user) otherwise.
    func userWhoCannotReadEverything() throws -> String? {
        guard getuid() == 0 else { return nil }
        for url in [root, notes, index.deletingLastPathComponent()] {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: url.path)
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: index.path + suffix) {
            try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: index.path + suffix)
        }
        return "65534"
    }

    /// The headings of a JSON search's results, in order: none when the search found nothing
    /// (exit status 1). Any other failure (an error, a crash) throws, so that it cannot pass
    /// for an empty result.
    func searchHeadings(_ words: String...) throws -> [String] {
        let run = try netkb(["search"] + words + ["--format", "json"])
        guard run.status == 0 || run.status == 1 else { throw NetKBBinary.Failure(run: run) }
        let results = try #require(run.json()["results"] as? [[String: Any]], "no results array in \(run.stdout)")
        return results.map { $0["heading"] as? String ?? "" }
    }
}

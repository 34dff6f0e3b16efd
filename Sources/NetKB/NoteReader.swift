import Foundation
import NetKBCore
import NetKBMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// Reads, hashes and parses note files on a background thread, ahead of the writer.
///
/// Results come out in the files' order through ``next()``; at most ``capacity`` wait at once,
/// which bounds memory however many notes change.
final class NoteReader: @unchecked Sendable {
    enum Outcome: Sendable {
        case parsed(NoteFile, ParsedNote, LinkedNote, FileStamp, NoteTags?, [StoredSectionText])
        case sameContent(NoteFile, FileStamp)
        case vanished(NoteFile)
        case unreadable(NoteFile, reason: String)
    }

    static let capacity = 32

    /// The files to read; let go once read.
    private var files: [NoteFile]
    private let indexed: [String: FileStamp]
    private let condition = NSCondition()
    private var ready: [Outcome] = []
    private var finished = false
    private var cancelled = false

    /// Tags each parsed note on the reader's thread, beside the writer; nil for no tags.
    private let tagger: ConceptTagger?
    private let tokenizer = KoreanAwareTokenizer()

    init(files: [NoteFile], indexed: [String: FileStamp], tagger: ConceptTagger? = nil) {
        self.files = files
        self.indexed = indexed
        self.tagger = tagger
    }

    func start() {
        let thread = Thread { [self] in produce() }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// The next result, waiting for it; nil when every file has been handled.
    func next() -> Outcome? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let outcome = ready.removeFirst()
        condition.broadcast()
        return outcome
    }

    /// Stops reading; the writer gave up.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func produce() {
        let parser = MarkdownParser()
        for file in files {
            let outcome = load(file, parser: parser)
            condition.lock()
            while ready.count >= Self.capacity && !cancelled { condition.wait() }
            if cancelled { condition.unlock(); return }
            ready.append(outcome)
            condition.broadcast()
            condition.unlock()
        }
        files = []
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func load(_ file: NoteFile, parser: MarkdownParser) -> Outcome {
        let bytes: [UInt8]
        switch Self.contents(of: file.absolutePath) {
        case .success(let read): bytes = read
        case .failure(let error) where error.code == ENOENT: return .vanished(file)
        case .failure(let error) where error.code == Self.notRegular: return .unreadable(file, reason: "it is no longer a regular file")
        case .failure(let error): return .unreadable(file, reason: String(cString: strerror(error.code)))
        }
        let stamp = FileStamp(modified: file.modified, size: Int64(bytes.count), contentHash: ContentHash.of(bytes))
        if let old = indexed[file.path], old.contentHash == stamp.contentHash {
            return .sameContent(file, stamp)
        }
        let parsed = parser.parse(bytes, path: file.path)
        // The sections' stored texts and their full-text tokens are made here, beside the writer.
        let texts = StoredSectionText.of(parsed.note, tokenizer: tokenizer)
        return .parsed(file, parsed, LinkedNote(parsed.note), stamp, tagger?.tags(of: parsed.note, stored: texts), texts)
    }

    struct POSIXFailure: Error { var code: Int32 }

    /// Not an errno of the system's: the file is not a regular file.
    static let notRegular: Int32 = -1

    /// A file's bytes, read with POSIX calls so that errors keep their errno.
    /// The file is opened without blocking, so that a FIFO or device swapped in for a note
    /// answers at once, and read only if it is a regular file.
    static func contents(of path: [UInt8], limit: Int = Int.max) -> Result<[UInt8], POSIXFailure> {
        let descriptor = FileSystemPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(POSIXFailure(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(POSIXFailure(code: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(POSIXFailure(code: Self.notRegular)) }
        // Regular files never block; reading goes on in blocking mode.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(POSIXFailure(code: errno))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count >= limit { break }
        }
        return .success(bytes)
    }
}

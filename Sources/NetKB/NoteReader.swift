import Foundation
import NetKBCore
import NetKBMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// Reads, hashes and parses note files on background threads, ahead of the writer.
///
/// Each thread takes the next file not yet taken, and so does the writer when the result it
/// needs next is not ready yet; results come out in the files' order through ``next()``,
/// whichever thread made them, so a build gives its notes the same ids however many threads
/// read. At most ``capacity`` results are made ahead of the writer, which bounds memory however
/// many notes change.
final class NoteReader: @unchecked Sendable {
    enum Outcome: Sendable {
        case parsed(NoteFile, ParsedNote, LinkedNote, FileStamp, NoteTags?, [StoredSectionText])
        case sameContent(NoteFile, FileStamp)
        case vanished(NoteFile)
        case unreadable(NoteFile, reason: String)
    }

    static let capacity = 32

    /// How many threads read when nothing says otherwise: one for each core but the writer's,
    /// which reads too while it would wait. On two cores a second reader gained nothing (10,000
    /// notes, six alternated builds each: medians 9.10 s with two readers, 9.12 s with one);
    /// the writer reading while it would wait did (12 alternated builds: medians 8.20 s and 8.41 s).
    static var defaultThreadCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// The files to read; let go once every thread has stopped. Guarded by `condition`.
    private var files: [NoteFile]
    private let total: Int
    private let indexed: [String: FileStamp]
    private let threadCount: Int
    private let condition = NSCondition()
    /// Guarded by `condition`: the next file to take, the next result to hand out, the results
    /// made but not yet handed out (by file index), and the threads still reading.
    private var taken = 0
    private var handedOut = 0
    private var made: [Int: Outcome] = [:]
    private var running = 0
    private var cancelled = false

    /// Tags each parsed note on the thread that read it; nil for no tags.
    private let tagger: ConceptTagger?
    private let tokenizer = KoreanAwareTokenizer()
    /// Holds no state: every thread parses with it.
    private let parser = MarkdownParser()

    /// `threads` is clamped to 1 ... `capacity`, and to the number of files.
    init(files: [NoteFile], indexed: [String: FileStamp], tagger: ConceptTagger? = nil, threads: Int = 1) {
        self.files = files
        self.total = files.count
        self.indexed = indexed
        self.tagger = tagger
        self.threadCount = max(1, min(threads, Self.capacity, files.count))
    }

    func start() {
        condition.lock()
        running = threadCount
        condition.unlock()
        for _ in 0..<threadCount {
            let thread = Thread { [self] in produce() }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// The next result in the files' order; nil when every file has been handled. While it is
    /// not ready, the calling thread reads the next file not yet taken rather than wait, so that
    /// its core works while the readers are behind.
    func next() -> Outcome? {
        condition.lock()
        defer { condition.unlock() }
        while handedOut < total && made[handedOut] == nil && !cancelled {
            guard let (index, file) = claimNextFile() else {
                condition.wait()
                continue
            }
            condition.unlock()
            let outcome = load(file)
            condition.lock()
            made[index] = outcome
        }
        guard let outcome = made.removeValue(forKey: handedOut) else { return nil }
        handedOut += 1
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
        while let work = take() {
            let outcome = load(work.file)
            condition.lock()
            made[work.index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next file to read and its index, waiting while `capacity` results are ahead of the
    /// writer; nil when there is none left or reading was cancelled. The last thread to stop
    /// lets the file list go.
    private func take() -> (index: Int, file: NoteFile)? {
        condition.lock()
        defer { condition.unlock() }
        while taken - handedOut >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled, let next = claimNextFile() else {
            running -= 1
            if running == 0 { files = [] }
            condition.broadcast()
            return nil
        }
        return next
    }

    /// The next file not yet taken and its index, now taken; nil when none is left or
    /// `capacity` results are already ahead of the writer. The caller holds `condition`.
    private func claimNextFile() -> (index: Int, file: NoteFile)? {
        guard taken < total && taken - handedOut < Self.capacity else { return nil }
        taken += 1
        return (taken - 1, files[taken - 1])
    }

    private func load(_ file: NoteFile) -> Outcome {
        let bytes: [UInt8]
        switch Self.contents(of: file.absolutePath) {
        case .success(let read): bytes = read
        case .failure(let error) where error.code == ENOENT: return .vanished(file)
        case .failure(let error) where error.code == Self.notRegular: return .unreadable(file, reason: "it is no longer a regular file")
        case .failure(let error): return .unreadable(file, reason: String(cString: strerror(error.code)))
        }
        let stamp = FileStamp(changeStamp: file.changeStamp, size: Int64(bytes.count), contentHash: ContentHash.of(bytes))
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
    /// answers at once, and read only if it is a regular file. At most the size it had when it
    /// was opened is read (and at most `limit`): a file that grows as it is read, such as a log
    /// being written, is read as it was, and the next refresh sees its new size. Reading on to
    /// the end took 6.8 GB in 30 s of `yes > note.md`, and never ended.
    static func contents(of path: [UInt8], limit: Int = Int.max) -> Result<[UInt8], POSIXFailure> {
        let descriptor = FileSystemPath.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(POSIXFailure(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(POSIXFailure(code: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(POSIXFailure(code: Self.notRegular)) }
        // Regular files never block; reading goes on in blocking mode.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        // The size fstat gave is read straight into the array; a file that shrank since ends early.
        let expected = max(0, min(Int(info.st_size), limit))
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            while initialized < buffer.count, let base = buffer.baseAddress {
                let count = Glibc.read(descriptor, base + initialized, buffer.count - initialized)
                if count < 0 && errno == EINTR { continue }
                if count < 0 { failure = errno; return }
                if count == 0 { return }
                initialized += count
            }
        }
        guard failure == 0 else { return .failure(POSIXFailure(code: failure)) }
        return .success(bytes)
    }
}

import CCmarkGFM
import Foundation

/// The GFM syntax extensions netkb parses with, looked up once.
///
/// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe, so it runs once inside
/// this lazily initialised global; the extension objects are never changed afterwards.
private struct CmarkExtensions: @unchecked Sendable {
    let all: [OpaquePointer]
    let withoutTables: [OpaquePointer]

    static let shared: CmarkExtensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "autolink", "strikethrough", "tasklist"]
        return CmarkExtensions(
            all: names.compactMap { cmark_find_syntax_extension($0) },
            withoutTables: names.dropFirst().compactMap { cmark_find_syntax_extension($0) })
    }()
}

/// Runs cmark-gfm over a note and hands the document to a closure; frees everything afterwards.
///
/// cmark-gfm keeps the inline syntax extensions' special characters (`:` `w` `@` `~` `|`) in a
/// process-wide table that every parser adds to before parsing inlines and clears afterwards,
/// so two parsers at work at once make each other miss autolinks and strikethroughs. Feeding and
/// finishing (where inlines are parsed) therefore run one at a time; walking the finished
/// tree, most of the work, runs in parallel.
enum CmarkDocument {
    private static let parsingLock = NSLock()

    /// Parses `leadingBlankLines` empty lines followed by `body`, so that cmark's line numbers
    /// are the file's even when the front matter was cut off.
    /// `tables` false parses GFM tables as plain text: cmark-gfm's table extension takes time
    /// and memory that grow with the square of a row's columns.
    static func withDocument<Result>(
        leadingBlankLines: Int,
        body: UnsafeBufferPointer<UInt8>,
        tables: Bool = true,
        _ work: (OpaquePointer) -> Result
    ) -> Result {
        let extensions = CmarkExtensions.shared
        parsingLock.lock()
        var locked = true
        defer { if locked { parsingLock.unlock() } }
        // Obsidian strikes through with `~~` only; a single `~` is text ("1~3티어").
        guard let parser = cmark_parser_new(netkb_cmark_options() | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE) else {
            fatalError("cmark_parser_new failed: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in tables ? extensions.all : extensions.withoutTables {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        if leadingBlankLines > 0 {
            let blanks = [CChar](repeating: 0x0A, count: leadingBlankLines)
            blanks.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        if let base = body.baseAddress, body.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: body.count) { cmark_parser_feed(parser, $0, body.count) }
        }
        guard let document = cmark_parser_finish(parser) else {
            fatalError("cmark_parser_finish failed: out of memory")
        }
        parsingLock.unlock()
        locked = false
        defer { cmark_node_free(document) }
        return work(document)
    }
}

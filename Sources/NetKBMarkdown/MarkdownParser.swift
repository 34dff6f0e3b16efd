import NetKBCore

/// Parses one Markdown note (CommonMark with GitHub extensions, Obsidian wiki links and tags,
/// YAML front matter) into a ``NetKBCore/Note``.
///
/// Parsing never fails: what cannot be read is replaced or skipped and reported in
/// ``ParsedNote/warnings``. The parser holds no state and may be used from any thread; only
/// cmark-gfm's own parsing step runs one note at a time (its extensions share global state),
/// the rest of the work runs in parallel.
public struct MarkdownParser: Sendable {
    public init() {}

    /// Parses a note's bytes. `path` is the note's path relative to the notes root, NFC; it is
    /// stored in ``NetKBCore/Note/path`` as given and names the note in warnings.
    public func parse(_ bytes: [UInt8], path: String) -> ParsedNote {
        bytes.withUnsafeBytes { parse($0, path: path) }
    }

    /// Parses a note's bytes from any buffer, for example a memory-mapped file.
    public func parse(_ bytes: UnsafeRawBufferPointer, path: String) -> ParsedNote {
        let (source, decodingWarnings) = bytes.withMemoryRebound(to: UInt8.self) { SourceDecoder.decode($0) }
        return parse(source, decodingWarnings: decodingWarnings, path: path)
    }

    /// Parses a note's bytes and keeps its decoded text, for cutting out the lines of what the
    /// note holds (`netkb show`): the bytes are decoded once for both.
    public func parseKeepingLines(_ bytes: [UInt8], path: String) -> (parsed: ParsedNote, lines: MarkdownSourceLines) {
        let (source, decodingWarnings) = bytes.withUnsafeBufferPointer { SourceDecoder.decode($0) }
        return (parse(source, decodingWarnings: decodingWarnings, path: path), MarkdownSourceLines(source))
    }

    private func parse(_ source: SourceText, decodingWarnings: [LineWarning], path: String) -> ParsedNote {
        var warnings = decodingWarnings

        let frontMatter = FrontMatterReader.read(source)
        if let frontMatter { warnings.append(contentsOf: frontMatter.warnings) }
        let frontMatterLines = frontMatter?.lastLine ?? 0
        let firstLine = frontMatterLines + 1

        var assembler = NoteAssembler(source: source, firstLine: firstLine)
        source.bytes.withUnsafeBufferPointer { all in
            let bodyStart = source.byteRange(ofLine: firstLine).lowerBound
            let body = UnsafeBufferPointer(rebasing: all[bodyStart...])
            if let line = MarkdownSizeLimit.firstExcess(in: body) {
                warnings.append(LineWarning(line: frontMatterLines + line, message: "parsing this note would take cmark-gfm over \(MarkdownSizeLimit.maximumEstimatedBytes >> 20) MB by this line: it is read as plain text, without its Markdown headings, links and formatting (wiki links and tags are still read)"))
                PlainTextDocument.walk(leadingBlankLines: frontMatterLines, body: body) { event in
                    assembler.handle(event)
                }
            } else {
                let tooLarge = TableLimit.firstExcess(in: body)
                if let tooLarge {
                    warnings.append(LineWarning(line: frontMatterLines + tooLarge.line, message: "\(tooLarge.reason): this note's tables are read as plain text"))
                }
                CmarkDocument.walk(leadingBlankLines: frontMatterLines, body: body, tables: tooLarge == nil) { event in
                    assembler.handle(event)
                }
            }
            assembler.finishWalk()
        }
        let content = assembler.finish()

        let fields = frontMatter?.frontMatter ?? .empty
        let title = fields.title ?? content.firstLevel1Heading ?? String(NotePath.stem(of: path))
        var seenTags = Set<Tag>()
        let tags = (fields.tags.map { Tag(name: $0, line: 1) } + content.tags).filter { seenTags.insert($0).inserted }

        let note = Note(
            path: path, title: title, frontMatter: fields, sections: content.sections,
            links: content.links, references: content.references, tags: tags,
            anchorIDs: content.anchorIDs, blockIDs: content.blockIDs
        )
        return ParsedNote(
            note: note,
            warnings: warnings.map { NoteWarning(path: path, line: $0.line, message: $0.message) }
        )
    }
}

/// Walks a note's body as plain text, for a note too large to parse as Markdown (see
/// ``MarkdownSizeLimit``): each run of non-blank lines is a paragraph of its lines, as text
/// joined by soft breaks. No headings, links or formatting are read; wiki links and tags,
/// which netkb finds in text itself, still are. The events point into `body`, whose line
/// breaks ``SourceDecoder`` has made `\n` alone.
enum PlainTextDocument {
    /// Calls `visit` as ``CmarkDocument/walk(leadingBlankLines:body:tables:_:)`` would for a
    /// document of paragraphs; lines are numbered after `leadingBlankLines`.
    static func walk(leadingBlankLines: Int, body: UnsafeBufferPointer<UInt8>, _ visit: (MarkdownEvent) -> Void) {
        var document = MarkdownEvent(kind: .document, isEntering: true)
        document.startLine = 1
        visit(document)
        var lines: [(number: Int, text: UnsafeBufferPointer<UInt8>)] = []
        func flush() {
            guard let first = lines.first, let last = lines.last else { return }
            var paragraph = MarkdownEvent(kind: .paragraph, isEntering: true)
            paragraph.startLine = first.number
            paragraph.endLine = last.number
            paragraph.startColumn = 1
            visit(paragraph)
            for (index, line) in lines.enumerated() {
                if index > 0 {
                    var lineBreak = MarkdownEvent(kind: .softBreak, isEntering: true)
                    lineBreak.startLine = line.number
                    lineBreak.endLine = line.number
                    visit(lineBreak)
                }
                var text = MarkdownEvent(kind: .text, isEntering: true)
                text.startLine = line.number
                text.endLine = line.number
                text.startColumn = 1
                text.literal = line.text
                visit(text)
            }
            paragraph.isEntering = false
            visit(paragraph)
            lines.removeAll(keepingCapacity: true)
        }
        var number = leadingBlankLines
        var start = body.startIndex
        while start < body.endIndex {
            number += 1
            var end = start
            while end < body.endIndex, body[end] != 0x0A { end += 1 }
            let text = UnsafeBufferPointer(rebasing: body[start..<end])
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { flush() } else { lines.append((number, text)) }
            start = end + 1
        }
        flush()
        document.isEntering = false
        document.endLine = max(number, 1)
        visit(document)
    }
}

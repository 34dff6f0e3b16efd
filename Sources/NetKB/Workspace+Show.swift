import Foundation
import NetKBCore
import NetKBMarkdown

extension Workspace {
    /// The note at `path` (a note of the index, from the notes root), or the heading of it
    /// that `fragment` names with what is under it, read from the file as it is now.
    ///
    /// The fragment is matched the way `[[Note#Heading]]` is (Obsidian: letter case and
    /// punctuation ignored; `H1#H2` for a heading under another), else as a Markdown link's
    /// anchor (GitHub's slug, `{#id}`, percent-encoded or not). An empty fragment shows the
    /// whole note. The file is parsed again, so the lines shown are the file's even when the
    /// index is out of date.
    public func show(notePath path: String, fragment: String?) throws -> ShownNote {
        let bytes = try contents(ofNote: path)
        let (parsed, source) = MarkdownParser().parseKeepingLines(bytes, path: path)
        let note = parsed.note
        guard let fragment, !fragment.isEmpty else {
            let lines = 1...max(1, source.lineCount)
            return ShownNote(path: path, title: note.title, headingPath: [], startLine: lines.lowerBound,
                             endLine: lines.upperBound, text: source.text(ofLines: lines))
        }
        let resolver = LinkResolver(catalog: NoteCatalog(notes: [CatalogNote(note: note)]))
        let byText = resolver.resolve(LinkTarget(wiki: "#" + fragment), from: path)
        // An anchor has no spaces: in a Markdown link, a space would start the link's title.
        let byAnchor = fragment.contains(where: \.isWhitespace) ? nil : resolver.resolve(LinkTarget(markdown: "#" + fragment), from: path)
        guard let found = byText.resolved ?? byAnchor?.resolved else {
            let broken = [byText.broken, byAnchor?.broken].compactMap { $0 }.first { $0.suggestion != nil } ?? byText.broken
            throw ShowError.noHeading(reason: broken?.reason ?? "no heading '\(fragment)' in '\(path)'", suggestion: broken?.suggestion)
        }
        guard let index = found.sectionIndex, let lines = note.headingSpan(ofSection: index) else {
            throw ShowError.notAHeading(path: path, fragment: fragment)
        }
        return ShownNote(path: path, title: note.title, headingPath: note.sections[index].headingPath,
                         startLine: lines.lowerBound, endLine: lines.upperBound, text: source.text(ofLines: lines))
    }

    /// The bytes of the note at `path`. A note saved with a decomposed (NFD) name is found
    /// by walking the folder, the way the index found it.
    private func contents(ofNote path: String) throws -> [UInt8] {
        var absolute = Array((folder.root as NSString).appendingPathComponent(path).utf8)
        var result = NoteReader.contents(of: absolute)
        if case .failure(let failure) = result, failure.code == ENOENT || failure.code == ENOTDIR,
           let file = try folder.scan().files.first(where: { $0.path == path }) {
            absolute = file.absolutePath
            result = NoteReader.contents(of: absolute)
        }
        switch result {
        case .success(let bytes):
            return bytes
        case .failure(let failure):
            let reason = switch failure.code {
            case ENOENT, ENOTDIR: "it is gone since it was indexed"
            case NoteReader.notRegular: "it is not a regular file"
            default: String(cString: strerror(failure.code))
            }
            throw ShowError.unreadable(path: path, reason: reason)
        }
    }
}

extension LinkResolver {
    /// A Markdown link's path, relative to the linking note's folder or to the root.
    func resolvePath(_ path: String, anchor: String?, from notePath: String) -> LinkResolution {
        switch NotePath.resolve(path, from: notePath) {
        case .outsideRoot:
            return .broken(BrokenLink(kind: .outsideRoot, reason: "\(Self.quoted(path)) leads outside the notes folder"))
        case .inside(let resolved):
            return resolveFile(resolved, anchor: anchor)
        }
    }

    /// A path from the notes root that must name a file exactly; for a note, the anchor too.
    func resolveFile(_ path: String, anchor: String?) -> LinkResolution {
        if let note = catalog.note(at: path) { return resolveAnchor(anchor, in: note) }
        if catalog.files.contains(path) { return .resolved(ResolvedLink(path: path, destination: .file)) }
        return .broken(missingFile(path))
    }

    /// Why there is no file at `path`, with the file probably meant.
    func missingFile(_ path: String) -> BrokenLink {
        guard !path.isEmpty else {
            return BrokenLink(kind: .file, reason: "the link names the notes folder, not a file")
        }
        let quoted = Self.quoted(path)
        if let other = catalog.firstFile(withLowercasedPath: path.fastLowercased()) {
            return BrokenLink(
                kind: .file, reason: "no such file \(quoted); \(Self.quoted(other)) differs only in letter case",
                suggestion: other)
        }
        if catalog.files.contains(path + ".md") {
            return BrokenLink(kind: .file, reason: "no such file \(quoted)", suggestion: path + ".md")
        }
        if catalog.folders.contains(path) {
            let index = ["README.md", "index.md"].map { "\(path)/\($0)" }.first(where: catalog.files.contains)
            return BrokenLink(kind: .file, reason: "\(quoted) is a folder, not a file", suggestion: index)
        }
        let folder = String(NotePath.folder(of: path))
        let name = String(NotePath.fileName(of: path))
        if let near = catalog.fileNamesByFolder[folder]?.closest(to: name) {
            let suggestion = folder.isEmpty ? near : "\(folder)/\(near)"
            return BrokenLink(kind: .file, reason: "no such file \(quoted)", suggestion: suggestion)
        }
        if let elsewhere = catalog.files(withLowercasedName: name.fastLowercased()), elsewhere.count == 1 {
            return BrokenLink(
                kind: .file, reason: "no such file \(quoted)", suggestion: elsewhere[0])
        }
        return BrokenLink(kind: .file, reason: "no such file \(quoted)")
    }

    /// A Markdown anchor in a note: a GitHub slug, a `{#id}` or another explicit id; empty or
    /// nil is the note itself.
    func resolveAnchor(_ anchor: String?, in note: CatalogNote) -> LinkResolution {
        guard let anchor, !anchor.isEmpty else {
            return .resolved(ResolvedLink(path: note.path, destination: .note))
        }
        if let index = catalog.heading(withAnchor: anchor, in: note) {
            return .resolved(headingLink(index, in: note))
        }
        if note.anchorIDs.contains(anchor) {
            return .resolved(ResolvedLink(path: note.path, destination: .note))
        }
        let quoted = Self.quoted("#" + anchor)
        let place = Self.quoted(note.path)
        let table = catalog.anchorTable(for: note)
        if let other = table.anchor(lowercasedAs: anchor) {
            return .broken(BrokenLink(
                kind: .anchor, reason: "no anchor \(quoted) in \(place); \(Self.quoted("#" + other)) differs only in letter case",
                suggestion: other))
        }
        let slug = HeadingSlug.make(anchor)
        if slug != anchor, table.hasSlug(slug) {
            return .broken(BrokenLink(
                kind: .anchor, reason: "no anchor \(quoted) in \(place); the heading's anchor is \(Self.quoted("#" + slug))",
                suggestion: slug))
        }
        if let near = table.anchors.closest(to: anchor).map({ table.anchors.names[$0] }) {
            return .broken(BrokenLink(
                kind: .anchor, reason: "no anchor \(quoted) in \(place)", suggestion: "#" + near))
        }
        return .broken(BrokenLink(kind: .anchor, reason: "no heading or anchor \(quoted) in \(place)"))
    }

    /// A link to heading `index` of a note.
    func headingLink(_ index: Int, in note: CatalogNote) -> ResolvedLink {
        ResolvedLink(path: note.path, destination: .note, headingIndex: index, sectionIndex: note.outline.sectionIndex(index))
    }
}

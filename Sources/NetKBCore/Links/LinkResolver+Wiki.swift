extension LinkResolver {
    /// A wiki link or embed: the file its name finds, then its heading path or block.
    func resolveWiki(_ wiki: WikiTarget, from notePath: String) -> LinkResolution {
        let note: CatalogNote
        if wiki.isSameNote {
            note = self.note(at: notePath)
        } else {
            switch findWikiFile(wiki.name, from: notePath) {
            case .broken(let broken):
                return .broken(broken)
            case .found(let path):
                guard let found = catalog.note(at: path) else {
                    // Headings mean nothing in an image or PDF (`#page=3`); the file is enough.
                    return .resolved(ResolvedLink(path: path, destination: .file))
                }
                note = found
            }
        }
        if let blockID = wiki.blockID { return resolveBlock(blockID, in: note) }
        if !wiki.headings.isEmpty { return resolveHeadingPath(wiki.headings, in: note) }
        return .resolved(ResolvedLink(path: note.path, destination: .note))
    }

    /// The outcome of looking a wiki name up.
    enum WikiLookup {
        case found(String)
        case broken(BrokenLink)
    }

    /// The file a wiki name stands for; see ``resolve(_:from:)`` for the order of the steps.
    func findWikiFile(_ name: String, from notePath: String) -> WikiLookup {
        let spellings = NotePath.isMarkdown(name) ? [name] : [name + ".md", name]
        let isRelative = name.hasPrefix("./") || name.hasPrefix("../")
        // 1. The exact path: from the root, or from the note's folder for `./` and `../`.
        var normalized: [String] = []
        for spelling in spellings {
            switch NotePath.resolve(spelling, from: isRelative ? notePath : "") {
            case .outsideRoot:
                return .broken(BrokenLink(kind: .outsideRoot, reason: "\(Self.quoted(name)) leads outside the notes folder"))
            case .inside(let path):
                if catalog.files.contains(path) { return .found(path) }
                normalized.append(path)
            }
        }
        if isRelative {
            return .broken(BrokenLink(kind: .wiki, reason: "no note or file \(Self.quoted(name))"))
        }
        // 2. The linking note's folder.
        let folder = NotePath.folder(of: notePath)
        if !folder.isEmpty {
            for path in normalized where catalog.files.contains("\(folder)/\(path)") { return .found("\(folder)/\(path)") }
        }
        // 3. A file whose path ends with the name.
        for path in normalized where !path.isEmpty {
            let lowercased = path.fastLowercased()
            let candidates = (catalog.files(withLowercasedName: String(NotePath.fileName(of: lowercased))) ?? []).filter {
                NotePath.endsWithPath($0.fastLowercased(), lowercased)
            }
            guard !candidates.isEmpty else { continue }
            let sameCase = candidates.filter { NotePath.endsWithPath($0, path) }
            return choose(among: sameCase.isEmpty ? candidates : sameCase, for: name)
        }
        // 4. Aliases, then titles.
        if !name.contains("/") {
            let key = name.fastLowercased()
            if let indices = catalog.notes(withLowercasedAlias: key) ?? catalog.notes(withLowercasedTitle: key) {
                return choose(among: indices.map { catalog.notes[$0].path }, for: name)
            }
        }
        return .broken(unknownWikiName(name))
    }

    /// The one path among several that a wiki name means: the only one, or the single one with
    /// the fewest folders; otherwise the name is ambiguous.
    private func choose(among paths: [String], for name: String) -> WikiLookup {
        let depths = paths.map { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        let shallowest = depths.min() ?? 0
        let best = zip(paths, depths).filter { $0.1 == shallowest }.map(\.0).sorted()
        if best.count == 1 { return .found(best[0]) }
        let named = best.prefix(3).map { Self.quoted($0) }.joined(separator: ", ")
        let more = best.count > 3 ? " and \(best.count - 3) more" : ""
        return .broken(BrokenLink(
            kind: .ambiguous, reason: "\(Self.quoted(name)) could mean \(best.count) files: \(named)\(more)"))
    }

    /// A wiki name that matches nothing, with a near name if there is one.
    private func unknownWikiName(_ name: String) -> BrokenLink {
        let key = NotePath.isMarkdown(name) ? String(name.dropLast(3)).fastLowercased() : name.fastLowercased()
        let reason = "no note or file named \(Self.quoted(name))"
        guard let near = catalog.wikiNames.closest(to: key) else { return BrokenLink(kind: .wiki, reason: reason) }
        return BrokenLink(kind: .wiki, reason: "\(reason)", suggestion: near)
    }

    /// `#H1#H2`: the first heading whose key equals the last component and whose enclosing
    /// headings include the earlier components, in order.
    func resolveHeadingPath(_ headings: [String], in note: CatalogNote) -> LinkResolution {
        let keys = headings.map(ObsidianHeadingKey.make)
        let last = keys[keys.count - 1]
        let outer = keys.dropLast()
        let outline = note.outline
        let table = catalog.anchorTable(for: note)
        let headingKeys = table.headingKeys.names
        let parents = table.parents
        let matching = table.headings(withKey: last)
        if let index = matching.first(where: { isHeading($0, under: outer, keys: headingKeys, parents: parents) }) {
            return .resolved(headingLink(index, in: note))
        }
        let written = Self.quoted(headings.joined(separator: "#"))
        let place = Self.quoted(note.path)
        if let index = matching.first {
            let actual = ancestry(of: index, parents: parents).map { outline.text($0) }.joined(separator: "#")
            return .broken(BrokenLink(
                kind: .anchor, reason: "no heading \(written) in \(place); \(Self.quoted(outline.text(index))) is at \(Self.quoted(actual))",
                suggestion: actual))
        }
        let near = table.headingKeys.closest(to: last).map { outline.text($0) }
        guard let near else { return .broken(BrokenLink(kind: .anchor, reason: "no heading \(written) in \(place)")) }
        return .broken(BrokenLink(
            kind: .anchor, reason: "no heading \(written) in \(place)", suggestion: near))
    }

    /// Whether the headings enclosing heading `index` include `outer` keys, in order.
    private func isHeading(_ index: Int, under outer: ArraySlice<String>, keys: [String], parents: [Int?]) -> Bool {
        var remaining = outer
        var parent = parents[index]
        while let current = parent, let needed = remaining.last {
            if keys[current] == needed { remaining.removeLast() }
            parent = parents[current]
        }
        return remaining.isEmpty
    }

    /// Heading `index` and the headings enclosing it, outermost first.
    private func ancestry(of index: Int, parents: [Int?]) -> [Int] {
        var chain = [index]
        while let parent = parents[chain[chain.count - 1]] { chain.append(parent) }
        return chain.reversed()
    }

    /// `#^id`: a block id of the note, letter case ignored.
    func resolveBlock(_ id: String, in note: CatalogNote) -> LinkResolution {
        if note.blockIDs.contains(id) { return .resolved(ResolvedLink(path: note.path, destination: .note, blockID: id)) }
        let table = catalog.anchorTable(for: note)
        if table.hasBlock(lowercasedAs: id) {
            return .resolved(ResolvedLink(path: note.path, destination: .note, blockID: id))
        }
        let place = Self.quoted(note.path)
        let quoted = Self.quoted("^" + id)
        guard let near = table.blockIDs.closest(to: id).map({ table.blockIDs.names[$0] }) else {
            return .broken(BrokenLink(kind: .anchor, reason: "no block \(quoted) in \(place)"))
        }
        return .broken(BrokenLink(
            kind: .anchor, reason: "no block \(quoted) in \(place)", suggestion: "^" + near))
    }
}

/// Merges taxonomy files entry by entry and checks the result; ``Taxonomy`` is its only user.
struct TaxonomyBuilder {
    /// Where a value came from, for errors about it.
    private struct Origin {
        var file: String
        var line: Int

        func error(_ message: String) -> TaxonomyError {
            TaxonomyError(file: file, line: line, message: message)
        }
    }

    /// A concept being assembled from one or more entries.
    private struct Draft {
        var id: String
        var created: Origin
        var name: String?
        var koreanNames: [String] = []
        var abbreviations: [String] = []
        var aliases: [String] = []
        var osiLayers: [OSILayer] = []
        var tcpipLayers: [TCPIPLayer]?
        var kind: ConceptKind?
        var related: [String] = []
        var relatedOrigin: Origin
        var note: String?
        var excludes: [String] = []
        /// Where each spelling list was last written.
        var origins: [ConceptEntry.Field: Origin] = [:]
    }

    private var drafts: [Draft] = []
    private var indexByID: [String: Int] = [:]

    /// Adds one file's entries: new ids make concepts, known ids override the fields written.
    mutating func add(_ file: TaxonomyFile) throws(TaxonomyError) {
        var seen: [String: Int] = [:]
        for entry in file.entries {
            let origin = Origin(file: file.name, line: entry.line)
            guard Self.isValidID(entry.id) else {
                throw origin.error("concept id '\(entry.id)' must be lower-case letters, digits, '-', '.' or '+', starting with a letter or digit")
            }
            if let first = seen[entry.id] {
                throw origin.error("duplicate concept id '\(entry.id)' (first at line \(first))")
            }
            seen[entry.id] = entry.line
            try apply(entry, in: file.name)
        }
    }

    private mutating func apply(_ entry: ConceptEntry, in file: String) throws(TaxonomyError) {
        func origin(_ field: ConceptEntry.Field) -> Origin { Origin(file: file, line: entry.line(of: field)) }
        let index: Int
        if let known = indexByID[entry.id] {
            index = known
        } else {
            index = drafts.count
            let created = Origin(file: file, line: entry.line)
            drafts.append(Draft(id: entry.id, created: created, relatedOrigin: created))
            indexByID[entry.id] = index
        }
        var draft = drafts[index]
        if let name = entry.name {
            draft.name = try Self.text(name, field: .name, at: origin(.name))
        }
        if let names = entry.koreanNames {
            draft.koreanNames = try Self.texts(names, field: .korean, at: origin(.korean))
            draft.origins[.korean] = origin(.korean)
        }
        if let names = entry.abbreviations {
            draft.abbreviations = try Self.texts(names, field: .abbreviations, at: origin(.abbreviations))
            draft.origins[.abbreviations] = origin(.abbreviations)
        }
        if let names = entry.aliases {
            draft.aliases = try Self.texts(names, field: .aliases, at: origin(.aliases))
            draft.origins[.aliases] = origin(.aliases)
        }
        if let layers = entry.osiLayers {
            draft.osiLayers = try Self.osiLayers(layers, at: origin(.osi))
        }
        if let layers = entry.tcpipLayers {
            draft.tcpipLayers = try Self.tcpipLayers(layers, at: origin(.tcpip))
        }
        if let kind = entry.kind {
            guard let parsed = ConceptKind(parsing: kind) else {
                let known = ConceptKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw origin(.kind).error("unknown kind '\(kind)' (use one of: \(known))")
            }
            draft.kind = parsed
        }
        if let related = entry.related {
            draft.related = try Self.texts(related, field: .related, at: origin(.related))
            draft.relatedOrigin = origin(.related)
        }
        if let note = entry.note {
            let trimmed = Self.trimmed(note)
            draft.note = trimmed.isEmpty ? nil : trimmed
        }
        if let excludes = entry.excludes {
            draft.excludes = try Self.texts(excludes, field: .excludes, at: origin(.excludes))
            draft.origins[.excludes] = origin(.excludes)
        }
        drafts[index] = draft
    }

    /// The finished concepts, after the checks that need them all.
    func finish() throws(TaxonomyError) -> [Concept] {
        var concepts: [Concept] = []
        concepts.reserveCapacity(drafts.count)
        for draft in drafts {
            guard let name = draft.name else { throw draft.created.error("concept '\(draft.id)' has no name") }
            guard let kind = draft.kind else {
                throw draft.created.error("concept '\(draft.id)' has no kind")
            }
            concepts.append(Concept(
                id: draft.id, name: name, koreanNames: draft.koreanNames, abbreviations: draft.abbreviations,
                aliases: draft.aliases, osiLayers: draft.osiLayers, tcpipLayers: draft.tcpipLayers, kind: kind,
                related: draft.related, note: draft.note, excludes: draft.excludes
            ))
        }
        for draft in drafts {
            for id in draft.related {
                if id == draft.id { throw draft.relatedOrigin.error("concept '\(draft.id)' is related to itself") }
                if indexByID[id] == nil {
                    throw draft.relatedOrigin.error("concept '\(draft.id)' is related to unknown concept '\(id)'")
                }
            }
        }
        try checkClaims()
        return concepts
    }

    /// One spelling, one concept: no two concepts claim the same name (abbreviations compare
    /// with their case, everything else without), and no concept's excluded word is a name.
    private func checkClaims() throws(TaxonomyError) {
        struct Claim {
            var concept: String
            var spelling: String
            var exactCase: Bool
            var origin: Origin
        }
        var claims: [String: [Claim]] = [:]
        for draft in drafts {
            let nameOrigin = draft.created
            var spellings: [(String, Bool, Origin)] = []
            if let name = draft.name { spellings.append((name, false, nameOrigin)) }
            for name in draft.koreanNames { spellings.append((name, false, draft.origins[.korean] ?? nameOrigin)) }
            for name in draft.aliases { spellings.append((name, false, draft.origins[.aliases] ?? nameOrigin)) }
            for name in draft.abbreviations {
                spellings.append((name, true, draft.origins[.abbreviations] ?? nameOrigin))
            }
            for (spelling, exactCase, origin) in spellings {
                let key = ConceptSpelling.claimKey(spelling)
                guard !key.isEmpty else { throw origin.error("concept '\(draft.id)' has an empty name") }
                let normalized = ConceptSpelling.variants(of: ConceptSpelling.normalized(spelling)).last ?? ""
                for other in claims[key, default: []] where other.concept != draft.id {
                    let clash = !exactCase || !other.exactCase || other.spelling == normalized
                    if clash {
                        throw origin.error(
                            "'\(spelling)' of concept '\(draft.id)' is already a name of concept '\(other.concept)' (\(other.origin.file):\(other.origin.line))"
                        )
                    }
                }
                claims[key, default: []].append(Claim(
                    concept: draft.id, spelling: normalized, exactCase: exactCase, origin: origin
                ))
            }
        }
        for draft in drafts {
            for word in draft.excludes {
                let key = ConceptSpelling.claimKey(word)
                if let claim = claims[key]?.first {
                    let origin = draft.origins[.excludes] ?? draft.created
                    throw origin.error("'\(word)', excluded by concept '\(draft.id)', is a name of concept '\(claim.concept)'")
                }
            }
        }
    }

    // MARK: Field values

    private static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isIDScalar(first), first != "-", first != ".", first != "+" else {
            return false
        }
        return id.unicodeScalars.allSatisfy(isIDScalar)
    }

    private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "0"..."9", "-", ".", "+": true
        default: false
        }
    }

    private static func text(_ value: String, field: ConceptEntry.Field, at origin: Origin) throws(TaxonomyError) -> String {
        let trimmed = trimmed(value)
        guard !trimmed.isEmpty else { throw origin.error("'\(field.rawValue)' is empty") }
        return trimmed
    }

    /// Trimmed values without repeats; an empty one is an error.
    private static func texts(_ values: [String], field: ConceptEntry.Field, at origin: Origin) throws(TaxonomyError) -> [String] {
        var result: [String] = []
        for value in values {
            let trimmed = trimmed(value)
            guard !trimmed.isEmpty else { throw origin.error("'\(field.rawValue)' has an empty item") }
            if !result.contains(trimmed) { result.append(trimmed) }
        }
        return result
    }

    private static func osiLayers(_ values: [String], at origin: Origin) throws(TaxonomyError) -> [OSILayer] {
        var layers = Set<OSILayer>()
        for value in values {
            switch Layer(parsing: value) {
            case .osi(let layer)?:
                layers.insert(layer)
            case .tcpip(let layer)?:
                throw origin.error("'\(value)' is a TCP/IP layer (\(layer.name)); write it under 'tcpip', or give OSI layers 1–7 here")
            case nil:
                throw origin.error("unknown layer '\(value)' (use 1–7, L4, transport, Transport Layer, 전송 계층, …)")
            }
        }
        return layers.sorted()
    }

    private static func tcpipLayers(_ values: [String], at origin: Origin) throws(TaxonomyError) -> [TCPIPLayer] {
        var layers = Set<TCPIPLayer>()
        for value in values {
            guard let layer = TCPIPLayer(parsing: value) else {
                throw origin.error("unknown TCP/IP layer '\(value)' (use link, internet, transport or application)")
            }
            layers.insert(layer)
        }
        return layers.sorted()
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

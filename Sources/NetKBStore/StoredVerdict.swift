import NetKBCore

/// What the `links` table keeps of a ``LinkResolution``: no URL for an external link, no
/// heading or block for a resolved one. Held for every link of a chunk between resolving and
/// writing, so it is kept small.
enum StoredVerdict: Sendable {
    case external
    case ok(path: String, section: Int?)
    case broken(BrokenLink)

    init(_ resolution: LinkResolution) {
        switch resolution {
        case .external: self = .external
        case .resolved(let resolved): self = .ok(path: resolved.path, section: resolved.sectionIndex)
        case .broken(let broken): self = .broken(broken)
        }
    }
}

/// The name a link looks its target up by, and the names a note or file answers to, reduced to
/// one key (NFC, lower case, last path component, without `.md`), so that the store can find
/// the links a change may affect without resolving every link again.
///
/// ```swift
/// LinkLookupKey.of(LinkTarget(markdown: "../net/TCP.md#x")) // "tcp"
/// LinkLookupKey.of(LinkTarget(wiki: "TCP|전송 제어"))         // "tcp"
/// LinkLookupKey.ofFile("net/TCP.md")                      // "tcp"
/// ```
public enum LinkLookupKey {
    /// The key a link's target is looked up by; `""` for links into the linking note itself
    /// and for links that name nothing.
    public static func of(_ target: LinkTarget) -> String {
        switch target {
        case .path(let path, _): ofFile(path)
        case .wiki(let wiki): wiki.isSameNote ? "" : ofFile(wiki.name)
        // Percent-decoded as the resolver reads a repository URL's path: `%ED%95%9C.md` is `한`.
        case .external(let url):
            ofFile(PercentDecoding.decode(String(url[..<(url.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.endIndex)])))
        case .anchor, .invalid: ""
        }
    }

    /// The key of a file at `path`.
    public static func ofFile(_ path: String) -> String {
        var name = NFC.normalize(String(NotePath.fileName(of: path))).fastLowercased()
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }

    /// Every key a note answers to: its file name, title and aliases.
    public static func of(_ note: CatalogNote) -> Set<String> {
        var keys: Set<String> = [ofFile(note.path)]
        for name in [note.title] + note.aliases { keys.insert(ofFile(name)) }
        return keys
    }
}

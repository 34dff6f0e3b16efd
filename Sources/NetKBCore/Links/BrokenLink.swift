/// A link that leads nowhere: what kind of failure, a sentence for people, maybe a fix.
public struct BrokenLink: Hashable, Sendable {
    public var kind: BrokenLinkKind
    /// A short sentence such as `no such file 'net/tcp.md'; 'net/TCP.md' differs only in letter case`.
    public var reason: String
    /// What was probably meant: a path from the notes root, a note name, or an anchor.
    public var suggestion: String?

    public init(kind: BrokenLinkKind, reason: String, suggestion: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.suggestion = suggestion
    }
}

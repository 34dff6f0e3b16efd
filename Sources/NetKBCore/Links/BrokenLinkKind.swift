/// Why a link is broken, as the `kind` of `netkb check --format json` spells it.
public enum BrokenLinkKind: String, Hashable, Sendable, CaseIterable {
    /// No file at the path (also: an empty or unusable target, a folder).
    case file
    /// The file exists but has no such heading, anchor or block.
    case anchor
    /// A wiki link whose name matches no note, file or alias.
    case wiki
    /// A wiki link whose name matches two or more notes equally well.
    case ambiguous
    /// A path whose `..` climb above the notes root.
    case outsideRoot = "outside-root"
    /// An `http(s)` link that the external check (`check --external`) found dead.
    case external
}

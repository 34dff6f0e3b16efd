/// Finds YAML anchors (`&name`) and aliases (`*name`) in front matter before it is composed:
/// an alias of an alias of … expands exponentially, so front matter with any is not read.
///
/// An indicator counts where YAML reads one: at the start of a node, after indentation,
/// `- `, `: `, `? `, `[`, `{` or `,`, outside quoted strings. `a*b` and `"*x"` are text.
enum YAMLAliasScan {
    /// The 1-based line (within the YAML) of the first anchor or alias, or nil.
    static func firstAnchorOrAlias(in yaml: String) -> Int? {
        var line = 1
        var quote: UInt8?
        var previous: UInt8 = 0x0A
        var beforePrevious: UInt8 = 0x0A
        var inComment = false
        for byte in yaml.utf8 {
            defer {
                beforePrevious = previous
                previous = byte
            }
            if byte == 0x0A {
                line += 1
                inComment = false
                if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") { continue }
                quote = nil
                continue
            }
            if inComment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            let atNodeStart = previous == 0x0A || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                || previous == UInt8(ascii: ",")
                || (previous == 0x20 || previous == 0x09) && [0x0A, 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{")].contains(beforePrevious)
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                if atNodeStart { return line }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                if atNodeStart { quote = byte }
            case UInt8(ascii: "#"):
                if previous == 0x20 || previous == 0x09 || previous == 0x0A { inComment = true }
            default:
                break
            }
        }
        return nil
    }
}

/// Follows list items while a document is walked, so that the items nested under an item that
/// cites a link describe that link:
///
/// ```markdown
/// - https://www.youtube.com/watch?v=XFYRbeqGEtg
///     - "OSI 7계층은 사실 아무것도 해주지 않습니다"
/// ```
///
/// Only the first paragraphs of items nested directly under the citing item count, and only
/// those that cite no link of their own (a nested list of links is a list of references, not a
/// description).
struct NestedItemDescriptions {
    /// A nested item's text given to the links of the item above it.
    struct Assignment: Equatable {
        var reference: Int
        var nested: [String]
    }

    private struct Frame {
        var isNested: Bool
        /// References cited in the item's first paragraph, and whether each has its own description.
        var cited: [(reference: Int, described: Bool)] = []
        var nested: [String] = []
        var nestedBytes = 0
    }

    private var frames: [Frame] = []

    var depth: Int { frames.count }

    /// Enters a list item; `isNested` when its list stands directly in another item.
    mutating func enterItem(isNested: Bool) {
        frames.append(Frame(isNested: isNested))
    }

    /// The first paragraph of the current item ended, citing `cited` (reference indices, with
    /// whether the paragraph itself described each); `text` gives its cleaned text, asked for
    /// only when an item above cites a link (most items' text is never needed).
    mutating func leadParagraphEnded(cited: [(reference: Int, described: Bool)], text: () -> String?) {
        guard let current = frames.indices.last else { return }
        frames[current].cited = cited
        guard cited.isEmpty, frames[current].isNested, current > 0 else { return }
        let parent = current - 1
        guard !frames[parent].cited.isEmpty, frames[parent].nestedBytes < ReferenceDescription.maximumBytes,
              let text = text() else { return }
        frames[parent].nested.append(text)
        frames[parent].nestedBytes += text.utf8.count + 2
    }

    /// Leaves the current item, returning the references its nested items describe: its only
    /// cited link, or those of several that the paragraph left without a description.
    mutating func exitItem() -> [Assignment] {
        guard let frame = frames.popLast(), !frame.nested.isEmpty else { return [] }
        let targets = frame.cited.count == 1 ? frame.cited : frame.cited.filter { !$0.described }
        return targets.map { Assignment(reference: $0.reference, nested: frame.nested) }
    }
}

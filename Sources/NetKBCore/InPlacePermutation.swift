/// Puts elements in a new order where they are, cycle by cycle: each is moved (swapped), never
/// copied, so that arrays of large values (citations, references) are reordered without a
/// second array of them.
///
/// ```swift
/// var letters = ["a", "b", "c"]
/// InPlacePermutation.apply([2, 0, 1], to: &letters)   // ["c", "a", "b"]
/// ```
public enum InPlacePermutation {
    /// Reorders `elements` so that position i holds the element that was at `order[i]`;
    /// `order` is a permutation of the positions.
    public static func apply<Element>(_ order: [Int], to elements: inout [Element]) {
        precondition(order.count == elements.count, "a permutation of every position")
        var placed = [Bool](repeating: false, count: order.count)
        elements.withUnsafeMutableBufferPointer { elements in
            for start in order.indices where !placed[start] {
                var current = start
                while true {
                    placed[current] = true
                    let source = order[current]
                    if source == start { break }
                    elements.swapAt(current, source)
                    current = source
                }
            }
        }
    }
}

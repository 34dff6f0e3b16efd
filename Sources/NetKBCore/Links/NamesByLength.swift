/// Names grouped by their length in Unicode scalars, for "did you mean" over a list too long
/// to read whole for every miss: a name more scalars longer or shorter than the edits allowed
/// is never suggested, so only names of a near length are read, in list order.
///
/// ```swift
/// let names = NamesByLength(["s0", "s1", "s10", "s100"])
/// names.closest(to: "s1x") // 1 ("s1"); "s100" is never read
/// ```
///
/// What it suggests is what ``EditDistance/closest(to:among:maximumComparisons:)`` suggests
/// from the whole list, as long as no more names of a near length than that compares come
/// before the one found.
struct NamesByLength: Sendable {
    /// The names, in the order given.
    let names: [String]
    /// Length in scalars → the positions in ``names`` of the names that long, in order.
    private let positionsByLength: [Int: [Int32]]

    init(_ names: [String]) {
        self.names = names
        var positionsByLength: [Int: [Int32]] = [:]
        for (position, name) in names.enumerated() {
            positionsByLength[name.unicodeScalars.count, default: []].append(Int32(position))
        }
        self.positionsByLength = positionsByLength
    }

    /// The position of the name closest to `text` by ``EditDistance``, ties going to the
    /// earlier name; nil when none is near enough.
    func closest(to text: String) -> Int? {
        let length = text.unicodeScalars.count
        let limit = EditDistance.limit(forLength: length)
        guard limit > 0 else { return nil }
        return EditDistance.closestPosition(to: text, among: candidates(near: length, within: limit))?.position
    }

    /// The names `length ± limit` scalars long, in list order: the lists of each length,
    /// merged as they are read.
    func candidates(near length: Int, within limit: Int) -> some Sequence<(position: Int, name: String)> {
        let lists = (max(0, length - limit)...(length + limit)).compactMap { positionsByLength[$0]?[...] }
        return sequence(state: (lists: lists, names: names)) { state -> (position: Int, name: String)? in
            var lowest: Int?
            for list in state.lists.indices {
                guard let first = state.lists[list].first else { continue }
                if let current = lowest, state.lists[current].first! < first { continue }
                lowest = list
            }
            guard let lowest else { return nil }
            let position = Int(state.lists[lowest].removeFirst())
            return (position, state.names[position])
        }
    }
}

/// `?,?,…,?`: `count` SQL parameters for an `IN (…)` list.
///
/// GRDB's `databaseQuestionMarks(count:)` joins an array of strings with the generic
/// `joined(separator:)`, whose first use in a process looks up conformances at run time (about
/// 300,000 instructions); a search uses this on every run.
func sqlParameterList(count: Int) -> String {
    guard count > 0 else { return "" }
    var list = String(repeating: "?,", count: count)
    list.removeLast()
    return list
}

/// `items` in pieces of at most `size`, each small enough for one `IN (…)` list.
func sqlChunks<T>(_ items: [T], size: Int = 500) -> [ArraySlice<T>] {
    stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
}

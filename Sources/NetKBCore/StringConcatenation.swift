extension Array<String> {
    /// The strings with `separator` between them, as `joined(separator:)` makes them.
    ///
    /// The standard library's `joined` is not specialised for the caller: its first call in a
    /// process looks up Array's collection witnesses at run time, which scans every protocol
    /// conformance in the binary (about 290,000 instructions, and as much again for
    /// `ArraySlice`). A search pays that once per kind of collection it joins; this loop
    /// pays nothing.
    public func concatenated(separator: String) -> String {
        var result = ""
        for (position, element) in enumerated() {
            if position > 0 { result += separator }
            result += element
        }
        return result
    }
}

extension ArraySlice<String> {
    /// The strings with `separator` between them; see `Array.concatenated(separator:)`.
    public func concatenated(separator: String) -> String {
        var result = ""
        for position in indices {
            if position > startIndex { result += separator }
            result += self[position]
        }
        return result
    }
}

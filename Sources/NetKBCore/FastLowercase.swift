extension StringProtocol {
    /// `lowercased()`, with a fast path for ASCII text (most paths and names), which
    /// `lowercased()` handles through the full Unicode case mapping.
    public func fastLowercased() -> String {
        let utf8 = self.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return lowercased() }
        guard utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return String(self) }
        return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// The text cut to `limit` characters, the last of them `…` when anything was cut: for
    /// quoting what a user or a note wrote in a message, however long it is.
    public func shortened(toCharacters limit: Int = 80) -> String {
        count <= limit ? self : prefix(limit - 1) + "…"
    }
}

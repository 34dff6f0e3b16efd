/// Something indexing passed over or repaired, with the file and line it concerns.
public struct IndexWarning: Hashable, Sendable, CustomStringConvertible {
    /// The path relative to the notes root (or the folder's own path), if the warning concerns a file.
    public var path: String?
    public var line: Int?
    public var message: String

    public init(path: String?, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: warning: message`, as compilers write it.
    public var description: String {
        switch (path, line) {
        case let (path?, line?): "\(path):\(line): warning: \(message)"
        case let (path?, nil): "\(path): warning: \(message)"
        default: "warning: \(message)"
        }
    }
}

/// The response headers a probe reports, `Location` and `Retry-After`, picked out of the header
/// lines libcurl hands over one at a time. A status line starts a response afresh: interim
/// responses (`100 Continue`, `103 Early Hints`) come before the final one, whose headers alone
/// are kept. Names are compared without regard to case; the first of a repeated header wins.
struct ResponseHeaders: Hashable, Sendable {
    var location: String?
    var retryAfter: String?

    /// Reads one header line as received, its line ending included.
    mutating func add(line: UnsafeRawBufferPointer) {
        if line.starts(with: "HTTP/".utf8) {
            self = ResponseHeaders()
            return
        }
        if location == nil, let value = Self.value(of: "location", in: line) {
            location = value
        } else if retryAfter == nil, let value = Self.value(of: "retry-after", in: line) {
            retryAfter = value
        }
    }

    /// The value of `line` when it is the header `name` (lower-case ASCII), without the
    /// whitespace around it.
    static func value(of name: String, in line: UnsafeRawBufferPointer) -> String? {
        let name = name.utf8
        guard line.count > name.count, line[name.count] == UInt8(ascii: ":") else { return nil }
        for (byte, expected) in zip(line, name) {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if lower != expected { return nil }
        }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        var start = name.count + 1
        var end = line.count
        while start < end && isSpace(line[start]) { start += 1 }
        while end > start && isSpace(line[end - 1]) { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
    }
}

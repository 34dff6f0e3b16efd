/// A length of time as a user types it on the command line: `1d`, `12h`, `90m`, `30s`,
/// `500ms`, `1w`, `1h30m`, or a bare number of seconds (`20`, `0.5`).
///
/// ```swift
/// TimeSpan.seconds(parsing: "1d")     // 86400
/// TimeSpan.seconds(parsing: "1h30m")  // 5400
/// TimeSpan.seconds(parsing: "soon")   // nil
/// ```
public enum TimeSpan {
    static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800),
    ]

    /// The seconds `text` stands for; nil when it is not a time span.
    public static func seconds(parsing text: String) -> Double? {
        let text = text.trimmingSurroundingWhitespace().lowercased()
        guard !text.isEmpty, text.utf8.count <= 64 else { return nil }
        if let plain = Double(text), plain.isFinite, plain >= 0, text.first != "+" { return plain }
        var total = 0.0
        var rest = Substring(text)
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let unit = units.first(where: { $0.suffix == letters }) else { return nil }
            rest = rest.dropFirst(letters.count)
            total += value * unit.seconds
        }
        return total.isFinite ? total : nil
    }

    /// `86400` as `1d`, `5400` as `1h30m`, `0.5` as `500ms`: the shortest exact spelling.
    public static func text(_ seconds: Double) -> String {
        if seconds <= 0 { return "0s" }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        var rest = Int(seconds.rounded())
        var text = ""
        for (suffix, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            text += "\(rest / size)\(suffix)"
            rest %= size
        }
        return text
    }
}

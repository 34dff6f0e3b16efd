/// The `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
///
/// ```swift
/// RetryAfter.seconds("120", now: 0)                                  // 120
/// RetryAfter.seconds("Wed, 21 Oct 2015 07:28:00 GMT", now: 1445412470) // 10
/// RetryAfter.seconds("soon", now: 0)                                 // nil
/// ```
public enum RetryAfter {
    /// The seconds to wait from `now` (Unix seconds); a date in the past is 0; nil when the
    /// header is neither form.
    public static func seconds(_ header: String, now: Double) -> Double? {
        let text = header.trimmingSurroundingWhitespace()
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard text.utf8.count <= 9, let value = Int(text) else { return Double(Int32.max) }
            return Double(value)
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date - now)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Unix seconds of an HTTP date in any of its three forms: IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
    /// (`Sun Nov  6 08:49:37 1994`).
    public static func httpDate(_ text: String) -> Double? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map { $0.lowercased() }
        var day: Int?, month: Int?, year: Int?, time: (Int, Int, Int)?
        for token in tokens {
            if token.count == 3, let index = months.firstIndex(of: token) {
                month = index + 1
                continue
            }
            if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                time = (parts[0], parts[1], parts[2])
                continue
            }
            guard let number = Int(token) else { continue }
            if token.count <= 2 && day == nil {
                day = number
            } else if token.count == 4 || (token.count == 2 && day != nil) {
                year = token.count == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number
            }
        }
        guard let day, let month, let year, let (hour, minute, second) = time,
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return Double(daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

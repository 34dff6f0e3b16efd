/// One `name=value` pair of a URL's query, canonically encoded; `value` is nil for a bare `name`.
struct QueryParameter: Hashable {
    var name: String
    var value: String?

    /// The pairs of a query as written, in order, each canonically encoded. Empty pairs (`a=1&&b=2`)
    /// are left out.
    static func parse(_ query: ArraySlice<UInt8>) -> [QueryParameter] {
        query.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                return QueryParameter(
                    name: PercentEncoding.canonical(pair[..<equals], in: .query),
                    value: PercentEncoding.canonical(pair[(equals + 1)...], in: .query))
            }
            return QueryParameter(name: PercentEncoding.canonical(pair, in: .query), value: nil)
        }
    }

    /// `name=value`, or `name`.
    var text: String {
        value.map { "\(name)=\($0)" } ?? name
    }
}

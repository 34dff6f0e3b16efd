/// Some of the links to resolve: every link with an id from `first` to `last` (there are
/// `count`), or the links with these ids.
enum LinkBatch {
    case range(first: Int64, last: Int64, count: Int)
    case ids([Int64])

    var count: Int {
        switch self {
        case .range(_, _, let count): count
        case .ids(let ids): ids.count
        }
    }
}

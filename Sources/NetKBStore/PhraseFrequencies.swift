/// What FTS5's `bm25()` reads of the rows one query visits: for every row, which phrases it
/// holds (counted into each phrase's rows); for each row to rank, each phrase's instances
/// summed by column weight and the row's size in tokens; with the table's row and token
/// counts. Filled by ``PhraseFrequenciesFunction``, ranked by ``BM25``.
///
/// The current row's sums sit in a buffer of their own, reached by pointer: they change for
/// every instance of every row a search reads, and Swift would check exclusive access to an
/// array property of a class at each change (a tenth of a search's time).
final class PhraseFrequencies {
    /// How many phrases the expression has; -1 before the first row.
    private(set) var phraseCount = -1
    /// The table's rows and tokens (all columns), as FTS5 counts them.
    private(set) var tableRows: Int64 = 0
    private(set) var tableTokens: Int64 = 0
    /// How many of the rows read hold each phrase.
    var rowsHolding: [Int64] { Array(UnsafeBufferPointer(start: holding, count: max(phraseCount, 0))) }
    /// The size of a ranked row whose size is read later, by ``sizeReader``.
    static let sizeUnread = -1
    // `ranked` and `weighted` grow by one row at a time from FTS5's callback, never re-entrantly:
    // no run-time exclusivity checks.
    /// The rows to rank, in the order read: rowid, size in tokens (``sizeUnread`` when a
    /// ``sizeReader`` reads it later).
    @exclusivity(unchecked) private(set) var ranked: [(rowid: Int64, size: Int)] = []
    /// Ranked row after ranked row, `phraseCount` summed weights each.
    @exclusivity(unchecked) private(set) var weighted: [Double] = []

    /// Where ranked rows' sizes are read, after the rows, when not from FTS5 as they are read.
    var sizeReader: DocumentSizeReader?
    /// How many sizes ``sizeReader`` read: for tests to see that rows that cannot rank are skipped.
    var sizesRead = 0
    /// For each phrase, whether the rows that hold it are counted among the rows read, which
    /// are then all the rows that hold it (see ``NetKBCore/SearchQuery/phrasesMatchingAlone``);
    /// the others are counted by a query over the whole table, as `bm25()` counts them
    /// (``countRows(holding:_:)``). Without an entry for every phrase, every phrase is counted
    /// by query.
    var countedAmongRowsRead: [Bool] = []

    /// Column weights, by column; a column past the end weighs 1.
    private var weights: [Double] = []
    /// Per phrase: the current row's summed weights, whether it holds the phrase, and how
    /// many rows read so far hold it.
    private var current: UnsafeMutablePointer<Double>?
    private var holds: UnsafeMutablePointer<Bool>?
    private var holding: UnsafeMutablePointer<Int64>?

    deinit {
        current?.deallocate()
        holds?.deallocate()
        holding?.deallocate()
    }

    func start(phraseCount: Int, rows: Int64, tokens: Int64, weights: [Double]) {
        self.phraseCount = phraseCount
        tableRows = rows
        tableTokens = tokens
        self.weights = weights
        let count = max(phraseCount, 1)
        current = .allocate(capacity: count)
        holds = .allocate(capacity: count)
        holding = .allocate(capacity: count)
        current?.initialize(repeating: 0, count: count)
        holds?.initialize(repeating: false, count: count)
        holding?.initialize(repeating: 0, count: count)
    }

    /// Whether the rows that hold `phrase`, one of the ``phraseCount``, are counted among the
    /// rows read.
    private func isCountedAmongRowsRead(_ phrase: Int) -> Bool {
        countedAmongRowsRead.count == phraseCount && countedAmongRowsRead[phrase]
    }

    /// Whether the rows that hold `phrase` are counted by a query of their own
    /// (``countRows(holding:_:)``) rather than among the rows read.
    func isCountedByQuery(_ phrase: Int) -> Bool {
        guard phrase >= 0, phrase < phraseCount else { return true }
        return !isCountedAmongRowsRead(phrase)
    }

    func beginRow() {
        guard let current, let holds, phraseCount > 0 else { return }
        current.update(repeating: 0, count: phraseCount)
        holds.update(repeating: false, count: phraseCount)
    }

    /// Counts one instance of `phrase` in `column`, in the order FTS5 lists them.
    func addInstance(phrase: Int, column: Int) {
        guard let current, let holds, phrase >= 0, phrase < phraseCount else { return }
        current[phrase] += column >= 0 && column < weights.count ? weights[column] : 1.0
        holds[phrase] = true
    }

    /// Sets how many rows of the table hold `phrase`, counted by a query of its own.
    func countRows(holding phrase: Int, _ rows: Int64) {
        guard let holding, phrase >= 0, phrase < phraseCount else { return }
        holding[phrase] = rows
    }

    /// Ends the row: counts the phrases it holds (those not counted by query), and keeps it
    /// to rank when `ranked` is given.
    func endRow(ranked row: (rowid: Int64, size: Int)?) {
        guard let current, let holds, let holding else { return }
        for phrase in 0..<phraseCount where holds[phrase] && isCountedAmongRowsRead(phrase) { holding[phrase] += 1 }
        guard let row else { return }
        ranked.append(row)
        weighted.append(contentsOf: UnsafeBufferPointer(start: current, count: phraseCount))
    }
}

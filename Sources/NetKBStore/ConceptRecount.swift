/// How a transaction changed each concept's count of sections: the entries it wrote and
/// removed, counted as it goes, or "all" when it replaced the taxonomy or every entry. Adding
/// the changes spares a one-note refresh from counting every entry of the concepts it touched
/// (a common concept has tens of thousands).
final class ConceptRecount {
    /// Every concept must be counted anew.
    var all = false
    /// Entries written minus entries removed, by concept id, unless ``all``.
    var change: [String: Int] = [:]

    func add(_ concept: String, _ count: Int) {
        guard !all, count != 0 else { return }
        change[concept, default: 0] += count
    }
}

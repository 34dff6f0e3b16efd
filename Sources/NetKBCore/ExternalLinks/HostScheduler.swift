/// Which queued URL check starts next, so that at most `maxInFlight` run at once and at most
/// `maxPerHost` against one host, hosts taking turns: a slow host with 5,000 URLs never holds
/// up the others, and never gets more than its share.
///
/// ```swift
/// var scheduler = HostScheduler<Int>(maxInFlight: 32, maxPerHost: 4)
/// scheduler.add(0, host: "a.org"); scheduler.add(1, host: "b.org")
/// scheduler.nextToStart()            // (0, "a.org")
/// scheduler.finished(host: "a.org")  // when it is done
/// ```
public struct HostScheduler<Item> {
    public let maxInFlight: Int
    public let maxPerHost: Int
    /// Each host's queue, and how far into it checks have started.
    private var queues: [String: (items: [Item], next: Int)] = [:]
    /// Hosts with queued items, in the order they first came; `cursor` is whose turn it is.
    private var turns: [String] = []
    private var cursor = 0
    private var running: [String: Int] = [:]
    public private(set) var inFlight = 0
    public private(set) var queued = 0

    public init(maxInFlight: Int, maxPerHost: Int) {
        self.maxInFlight = max(1, maxInFlight)
        self.maxPerHost = max(1, maxPerHost)
    }

    /// Queues `item` for `host`.
    public mutating func add(_ item: Item, host: String) {
        if queues[host] == nil {
            queues[host] = ([], 0)
            turns.append(host)
        }
        queues[host]!.items.append(item)
        queued += 1
    }

    /// The next item allowed to start now, counted as in flight; nil when every queued item
    /// waits for a limit (or nothing is queued). `allowing` can hold a host back for now: it
    /// is asked with the host and how many of its items are in flight.
    public mutating func nextToStart(allowing: (_ host: String, _ inFlight: Int) -> Bool = { _, _ in true }) -> (item: Item, host: String)? {
        guard inFlight < maxInFlight, queued > 0 else { return nil }
        var looked = 0
        while looked < turns.count {
            if cursor >= turns.count { cursor = 0 }
            let host = turns[cursor]
            let queue = queues[host]!
            if queue.next >= queue.items.count {
                // Drained: the host leaves the turns (it comes back if more is added).
                queues[host] = nil
                turns.remove(at: cursor)
                continue
            }
            guard running[host, default: 0] < maxPerHost, allowing(host, running[host, default: 0]) else {
                cursor += 1
                looked += 1
                continue
            }
            let item = queue.items[queue.next]
            queues[host]!.next += 1
            running[host, default: 0] += 1
            inFlight += 1
            queued -= 1
            cursor += 1
            return (item, host)
        }
        return nil
    }

    /// Marks one item of `host` as done, freeing its place.
    public mutating func finished(host: String) {
        guard let count = running[host], count > 0 else { return }
        running[host] = count == 1 ? nil : count - 1
        inFlight -= 1
    }
}

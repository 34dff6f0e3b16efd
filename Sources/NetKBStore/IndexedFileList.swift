import Foundation
import NetKBCore

/// The notes an index holds with what it recorded of each, in byte order of their paths
/// (SQLite's `BINARY` collation): every path in one byte buffer, so that listing 100,000
/// notes on a refresh makes no string per note.
public struct IndexedFileList: Sendable {
    /// The paths, one after another.
    public private(set) var pathBytes: [UInt8] = []
    /// Where each path ends in ``pathBytes``; it starts where the one before ends.
    public private(set) var pathEnds: [Int] = []
    public private(set) var stamps: [FileStamp] = []

    public init() {}

    public var count: Int { stamps.count }

    public func pathRange(at index: Int) -> Range<Int> {
        (index == 0 ? 0 : pathEnds[index - 1])..<pathEnds[index]
    }

    public func path(at index: Int) -> String {
        String(decoding: pathBytes[pathRange(at: index)], as: UTF8.self)
    }

    public mutating func reserveCapacity(_ count: Int, pathBytes bytes: Int = 0) {
        pathEnds.reserveCapacity(count)
        stamps.reserveCapacity(count)
        pathBytes.reserveCapacity(bytes)
    }

    public mutating func append(path: UnsafeBufferPointer<UInt8>, stamp: FileStamp) {
        pathBytes.append(contentsOf: path)
        pathEnds.append(pathBytes.count)
        stamps.append(stamp)
    }

    public mutating func append(path: [UInt8], stamp: FileStamp) {
        path.withUnsafeBufferPointer { append(path: $0, stamp: stamp) }
    }

    /// Puts the paths in byte order, if they are not already (a full build writes them in
    /// order; notes added later come at the end), keeping the order of equal paths.
    mutating func sortByPath() {
        let unsorted = self
        let order: [Int] = unsorted.pathBytes.withUnsafeBufferPointer { bytes in
            func compare(_ i: Int, _ j: Int) -> Int {
                ByteOrder.compare(bytes, unsorted.pathRange(at: i), bytes, unsorted.pathRange(at: j))
            }
            guard (1..<max(1, unsorted.count)).contains(where: { compare($0 - 1, $0) > 0 }) else { return [] }
            return (0..<unsorted.count).sorted { i, j in
                let order = compare(i, j)
                return order != 0 ? order < 0 : i < j
            }
        }
        guard !order.isEmpty else { return }
        self = IndexedFileList()
        reserveCapacity(unsorted.count, pathBytes: unsorted.pathBytes.count)
        unsorted.pathBytes.withUnsafeBufferPointer { bytes in
            for index in order {
                append(path: UnsafeBufferPointer(rebasing: bytes[unsorted.pathRange(at: index)]), stamp: unsorted.stamps[index])
            }
        }
    }
}

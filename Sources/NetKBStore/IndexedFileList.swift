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

    /// Puts the paths in byte order, if they are not already.
    mutating func sortByPath() {
        let unsorted = self
        let order: [Int] = unsorted.pathBytes.withUnsafeBufferPointer { bytes in
            func precedes(_ i: Int, _ j: Int) -> Bool {
                let (a, b) = (unsorted.pathRange(at: i), unsorted.pathRange(at: j))
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
            var index = 1
            while index < unsorted.count, !precedes(index, index - 1) { index += 1 }
            guard index < unsorted.count else { return [] }
            // Rows are mostly in path order already (a full build writes them so): the merge
            // sort finds the runs.
            return Array(0..<unsorted.count).sorted(by: precedes)
        }
        guard !order.isEmpty else { return }
        self = IndexedFileList()
        reserveCapacity(unsorted.count, pathBytes: unsorted.pathBytes.count)
        for index in order { append(path: Array(unsorted.pathBytes[unsorted.pathRange(at: index)]), stamp: unsorted.stamps[index]) }
    }
}

/// Arrays read one after the other as one collection, never copied into one: a report's
/// findings and checked accounts, in the arrays the engine's units made them in. They are
/// most of the memory a lint holds, and joining the units' arrays into one held them twice at
/// the end of the run (the 2,000 x 50 fleet's peak went from 140 to 250 MiB in that copy). An
/// account's findings never span two parts (a unit holds whole stores), so `parts` also
/// serves reports that group findings by account.
public struct Joined<Element>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    public struct Index: Comparable, Hashable, Sendable {
        fileprivate var part: Int
        fileprivate var offset: Int

        public static func < (a: Index, b: Index) -> Bool { (a.part, a.offset) < (b.part, b.offset) }
    }

    /// Never an empty part, so `endIndex` is the one index past the last element.
    package private(set) var parts: [[Element]] = []
    /// Where each part starts in the whole list, for moving an index by a distance.
    private var starts: [Int] = []
    public private(set) var count = 0

    public init() {}

    public init(_ elements: [Element]) { append(part: elements) }

    public init(arrayLiteral elements: Element...) { self.init(elements) }

    /// Adds `elements` after the others, without copying them.
    package mutating func append(part elements: [Element]) {
        guard !elements.isEmpty else { return }
        starts.append(count)
        parts.append(elements)
        count += elements.count
    }

    public var startIndex: Index { Index(part: 0, offset: 0) }
    public var endIndex: Index { Index(part: parts.count, offset: 0) }

    // Borrowed and changed in place: a copy of each finding on every access made walking a
    // fleet's findings cost more than writing them.
    public subscript(position: Index) -> Element {
        _read { yield parts[position.part][position.offset] }
        _modify { yield &parts[position.part][position.offset] }
    }

    /// Whether no element sorts before the one ahead of it (elements are borrowed, not copied).
    package func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var previous: Index?
        for index in indices {
            if let previous, areInIncreasingOrder(self[index], self[previous]) { return false }
            previous = index
        }
        return true
    }

    public func index(after i: Index) -> Index {
        i.offset + 1 < parts[i.part].count
            ? Index(part: i.part, offset: i.offset + 1) : Index(part: i.part + 1, offset: 0)
    }

    public func index(before i: Index) -> Index {
        i.offset > 0
            ? Index(part: i.part, offset: i.offset - 1) : Index(part: i.part - 1, offset: parts[i.part - 1].count - 1)
    }

    public func index(_ i: Index, offsetBy distance: Int) -> Index { index(at: position(of: i) + distance) }

    public func distance(from start: Index, to end: Index) -> Int { position(of: end) - position(of: start) }

    private func position(of index: Index) -> Int {
        index.part == parts.count ? count : starts[index.part] + index.offset
    }

    /// The index of the element `position` elements from the start (binary search over the parts).
    private func index(at position: Int) -> Index {
        precondition(position >= 0 && position <= count, "index out of range")
        if position == count { return endIndex }
        var low = 0
        var high = parts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return Index(part: low, offset: position - starts[low])
    }
}

extension Joined: Equatable where Element: Equatable {
    public static func == (a: Joined, b: Joined) -> Bool { a.elementsEqual(b) }
}

extension Joined: Sendable where Element: Sendable {}

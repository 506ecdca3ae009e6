import Foundation

/// An input as the engine reads it: the name its locations carry, and a reader that hands
/// over its stores one at a time, in order (a streaming reader keeps only the store at hand).
package struct StoreSource {
    package var file: String
    package var read: ((Store) throws(ScopeLintError) -> Void) throws(ScopeLintError) -> Void

    package init(file: String, read: @escaping ((Store) throws(ScopeLintError) -> Void) throws(ScopeLintError) -> Void)
    {
        self.file = file
        self.read = read
    }

    /// An export already in memory (library callers, tests).
    package init(_ export: Export) {
        self.init(file: export.file) { (visit) throws(ScopeLintError) in
            for store in export.stores { try visit(store) }
        }
    }
}

/// How the engine uses the cores (through `OrderedWork`, the one way scopelint does). This
/// thread reads the inputs in order and cuts their stores into units (a few stores of one
/// input); every core evaluates units as they come.
/// Each unit folds its accounts into a result of its own; results come back in input order,
/// and when units or readers fail the error is the first one in input order. Nothing in the
/// output depends on which core finished first.
package struct Evaluation {
    /// Stores per unit: enough that handing a unit to a core costs little next to linting it,
    /// few enough that a small fleet still spreads over the cores.
    package var storesPerUnit = 16
    /// Units read ahead of the slowest core, which bounds the memory a large input holds.
    package var unitsInFlight = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)

    package init() {}

    /// One unit of work: consecutive stores of one input.
    package struct Unit: Sendable {
        package var file: String
        package var fileIndex: Int
        /// The first store's place in its input.
        package var firstStore: Int
        package var stores: [Store]
    }

    /// Reads `sources`, evaluates their units with `work` on every core, and returns the
    /// units' results in input order.
    package func run<Result: Sendable>(
        _ sources: [StoreSource], work: @escaping @Sendable (Unit) throws(ScopeLintError) -> Result
    ) throws(ScopeLintError) -> [Result] {
        let jobs = OrderedWork<Result>(inFlight: unitsInFlight)
        func submit(_ unit: Unit) { jobs.submit { () throws(ScopeLintError) in try work(unit) } }

        var readError: ScopeLintError?
        reading: for (fileIndex, source) in sources.enumerated() {
            var unit = Unit(file: source.file, fileIndex: fileIndex, firstStore: 0, stores: [])
            do throws(ScopeLintError) {
                try source.read { (store) throws(ScopeLintError) in
                    unit.stores.append(store)
                    guard unit.stores.count == storesPerUnit else { return }
                    submit(unit)
                    unit.firstStore += unit.stores.count
                    unit.stores.removeAll(keepingCapacity: true)
                    // A unit already failed: its error comes before anything read from here on.
                    if jobs.failed { throw .invalid(file: "", position: nil, message: "stopped") }
                }
            } catch {
                guard !jobs.failed else { break reading }
                // What was read before the error is evaluated first, as one thread would: an
                // error in those stores comes before the reader's.
                if !unit.stores.isEmpty { submit(unit) }
                readError = error
                break reading
            }
            // An input with no stores is still a unit: its result says it was read.
            if !unit.stores.isEmpty || unit.firstStore == 0 { submit(unit) }
        }
        let ordered = try jobs.results()
        if let readError { throw readError }
        return ordered
    }
}

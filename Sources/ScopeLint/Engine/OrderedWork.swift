import Dispatch
import Synchronization

/// The one way scopelint uses the cores: jobs run on every core as they are submitted, and
/// their results, or the first failing job's error, come back in the order they were
/// submitted, whatever finished first. At most `inFlight` jobs wait or run at once, so the
/// submitter (the reader) never runs far ahead of the cores.
package final class OrderedWork<Result: Sendable>: @unchecked Sendable {
    // @unchecked: every field is a lock, an atomic or a libdispatch object made to be shared.
    private let outcomes = Mutex<[Swift.Result<Result, ScopeLintError>?]>([])
    private let failure = Atomic<Bool>(false)
    private let group = DispatchGroup()
    private let queue = DispatchQueue(label: "scopelint.work", attributes: .concurrent)
    private let room = DispatchSemaphore(value: 0)

    package init(inFlight: Int) {
        // Created empty and signalled up: libdispatch traps when a semaphore is freed below
        // the value it was created with.
        for _ in 0..<max(1, inFlight) { room.signal() }
    }

    /// Whether a job has failed: its error will come before anything submitted from now on.
    package var failed: Bool { failure.load(ordering: .relaxed) }

    package func submit(_ job: @escaping @Sendable () throws(ScopeLintError) -> Result) {
        room.wait()
        let slot = outcomes.withLock { outcomes in
            outcomes.append(nil)
            return outcomes.count - 1
        }
        group.enter()
        queue.async { [self] in
            let outcome = Swift.Result { () throws(ScopeLintError) in try job() }
            if case .failure = outcome { failure.store(true, ordering: .relaxed) }
            outcomes.withLock { $0[slot] = outcome }
            room.signal()
            group.leave()
        }
    }

    /// Waits for every job and hands back their results in submission order.
    package func results() throws(ScopeLintError) -> [Result] {
        group.wait()
        let all = outcomes.withLock { outcomes in
            defer { outcomes.removeAll() }
            return outcomes
        }
        var ordered: [Result] = []
        ordered.reserveCapacity(all.count)
        for outcome in all { ordered.append(try outcome!.get()) }
        return ordered
    }
}

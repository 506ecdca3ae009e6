import Foundation
import Synchronization

/// Runs a producer on its own thread and hands what it makes, in order, to a consumer on
/// the calling thread: reading a large export and linting it then use two cores. Items go
/// across in batches (one handoff per batch, not per item), and at most `depth` batches wait,
/// so memory stays bounded however large the input.
enum Pipeline {
    static let batchSize = 8
    static let depth = 4

    static func run<Item: Sendable>(
        produce: @escaping @Sendable (_ send: (Item) -> Void) throws(ScopeLintError) -> Void,
        consume: (Item) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let channel = Channel<Item>(depth: depth)
        let producer = Thread {
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            do throws(ScopeLintError) {
                try produce { item in
                    batch.append(item)
                    if batch.count == batchSize {
                        channel.send(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { channel.send(batch) }
                channel.finish(nil)
            } catch {
                // Whatever was read before the error is linted first, as a single thread would.
                if !batch.isEmpty { channel.send(batch) }
                channel.finish(error)
            }
        }
        producer.stackSize = 8 << 20
        producer.start()
        do throws(ScopeLintError) {
            while let batch = try channel.receive() {
                for item in batch { try consume(item) }
            }
        } catch {
            // The producer may be waiting for room; let it run to its end without waiting.
            channel.cancel()
            throw error
        }
    }

    /// A bounded queue of batches between one producer and one consumer.
    private final class Channel<Item: Sendable>: Sendable {
        private struct State: Sendable {
            var batches: [[Item]] = []
            var finished = false
            var error: ScopeLintError?
            var cancelled = false
        }

        private let state = Mutex(State())
        private let filled = DispatchSemaphore(value: 0)
        private let room: DispatchSemaphore

        init(depth: Int) {
            // Created empty and then signalled: libdispatch traps when a semaphore is freed
            // below its starting value, which a cancelled run can leave `room` at (the
            // producer may take one slot after the consumer has stopped).
            room = DispatchSemaphore(value: 0)
            for _ in 0..<depth { room.signal() }
        }

        func send(_ batch: [Item]) {
            if state.withLock({ $0.cancelled }) { return }
            room.wait()
            state.withLock { state in
                if !state.cancelled { state.batches.append(batch) }
            }
            filled.signal()
        }

        func finish(_ error: ScopeLintError?) {
            state.withLock { state in
                state.finished = true
                state.error = error
            }
            filled.signal()
        }

        /// The next batch; nil when the producer is done; its error once every batch before it was taken.
        func receive() throws(ScopeLintError) -> [Item]? {
            filled.wait()
            let next: Result<[Item]?, ScopeLintError> = state.withLock { state in
                if !state.batches.isEmpty { return .success(state.batches.removeFirst()) }
                if let error = state.error { return .failure(error) }
                return .success(nil)
            }
            if case .success(.some) = next { room.signal() }
            return try next.get()
        }

        /// The consumer gave up: drop what comes and never make the producer wait.
        func cancel() {
            state.withLock { state in
                state.cancelled = true
                state.batches.removeAll()
            }
            for _ in 0..<Pipeline.depth { room.signal() }
        }
    }
}

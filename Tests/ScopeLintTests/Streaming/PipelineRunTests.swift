import Foundation
import Synchronization
import Testing

@testable import ScopeLint

/// `Pipeline.run`: a producer thread hands items in batches to the consumer on the calling
/// thread. Order, the producer's error after its items, the consumer's error without a
/// deadlock, and the bound on how far the producer runs ahead.
@Suite("Streaming: pipeline", .timeLimit(.minutes(2)))
struct StreamingPipelineTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        func add() { value.add(1, ordering: .sequentiallyConsistent) }
        var current: Int { value.load(ordering: .sequentiallyConsistent) }
    }

    final class Flag: Sendable {
        let value = Atomic<Bool>(false)
        func set() { value.store(true, ordering: .sequentiallyConsistent) }
        var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }

        /// Waits up to `seconds` for the flag; whether it was set.
        func wait(seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while !isSet && Date() < deadline { usleep(1000) }
            return isSet
        }
    }

    static let batch = Pipeline.batchSize
    static let queued = Pipeline.batchSize * Pipeline.depth

    /// Counts around every boundary: a batch, the queue, and well past both.
    static let counts = Array(
        Set([
            0, 1, 2, batch - 1, batch, batch + 1, queued - 1, queued, queued + 1, queued + batch + 1,
            2 * queued + 3, 10_000, 100_003,
        ])
    ).sorted()

    @Test("every item arrives, in order, once", arguments: counts)
    func order(_ count: Int) throws {
        var received: [Int] = []
        try Pipeline.run(produce: { send in for item in 0..<count { send(item) } }, consume: { received.append($0) })
        #expect(received.count == count)
        #expect(received == Array(0..<count))
    }

    @Test("10,000 items (more than batchSize × depth) arrive in order, with their payloads intact")
    func tenThousand() throws {
        #expect(10_000 > Pipeline.batchSize * Pipeline.depth)
        var received: [String] = []
        try Pipeline.run(
            produce: { send in
                for item in 0..<10_000 { send("item \(item) " + String(repeating: "x", count: item % 37)) }
            },
            consume: { received.append($0) })
        #expect(received == (0..<10_000).map { "item \($0) " + String(repeating: "x", count: $0 % 37) })
    }

    @Test(
        "a producer error after N items: those N are consumed, in order, then that error is thrown", arguments: counts)
    func producerError(_ count: Int) {
        var received: [Int] = []
        let failure = ScopeLintError.invalid(
            file: "producer.json", position: TextPosition(line: count + 1, column: 2), message: "after \(count)")
        let error = StreamingSupport.error { () throws(ScopeLintError) in
            try Pipeline.run(
                produce: { (send) throws(ScopeLintError) in
                    for item in 0..<count { send(item) }
                    throw failure
                }, consume: { received.append($0) })
        }
        #expect(received == Array(0..<count))
        #expect(error == failure)
    }

    @Test(
        "a consumer error stops the run promptly: the producer keeps making 1,000,000 items, is not left waiting, and the consumer's error is thrown",
        arguments: [0, 1, 50, Pipeline.batchSize * Pipeline.depth * 3 + 5])
    func consumerError(_ stopAt: Int) {
        let produced = Counter()
        let producerDone = Flag()
        var consumed: [Int] = []
        var calledAfterError = false
        let stop = ScopeLintError.invalid(file: "consumer", position: nil, message: "stop at \(stopAt)")
        let clock = ContinuousClock()
        let start = clock.now
        let error = StreamingSupport.error { () throws(ScopeLintError) in
            try Pipeline.run(
                produce: { (send) throws(ScopeLintError) in
                    for item in 0..<1_000_000 {
                        send(item)
                        produced.add()
                    }
                    producerDone.set()
                    // An error of its own after the consumer stopped must not replace the consumer's.
                    throw .invalid(file: "producer", position: nil, message: "late producer error")
                },
                consume: { (item: Int) throws(ScopeLintError) in
                    if consumed.count > stopAt { calledAfterError = true }
                    consumed.append(item)
                    if item == stopAt { throw stop }
                })
        }
        let elapsed = clock.now - start
        #expect(error == stop)
        #expect(consumed == Array(0...stopAt))
        #expect(!calledAfterError)
        #expect(elapsed < .seconds(10), "the run took \(elapsed) to return after its consumer failed")
        // The producer thread must not be left blocked on a full queue: it runs to its end.
        #expect(producerDone.wait(seconds: 30), "the producer is stuck after \(produced.current) items")
    }

    @Test("a consumer error while the producer waits on a full queue wakes the producer")
    func consumerErrorWithFullQueue() {
        let producerDone = Flag()
        let produced = Counter()
        let stop = ScopeLintError.invalid(file: "consumer", position: nil, message: "slow stop")
        let error = StreamingSupport.error { () throws(ScopeLintError) in
            try Pipeline.run(
                produce: { send in
                    for item in 0..<1_000_000 {
                        send(item)
                        produced.add()
                    }
                    producerDone.set()
                },
                consume: { (item: Int) throws(ScopeLintError) in
                    // Give the producer time to fill every slot and block.
                    usleep(100_000)
                    throw stop
                })
        }
        #expect(error == stop)
        #expect(producerDone.wait(seconds: 30), "the producer is stuck after \(produced.current) items")
    }

    @Test("many cancelled runs in a row: no crash, no stuck producer, always the consumer's error")
    func repeatedCancellation() {
        let done = Counter()
        for run in 0..<300 {
            let stop = ScopeLintError.invalid(file: "consumer", position: nil, message: "run \(run)")
            let error = StreamingSupport.error { () throws(ScopeLintError) in
                try Pipeline.run(
                    produce: { send in
                        for item in 0..<(run % 7) * 20 + 13 { send(item) }  // always past the stop (at most 12)
                        done.add()
                    },
                    consume: { (item: Int) throws(ScopeLintError) in
                        if item == run % 13 { throw stop }
                    })
            }
            #expect(error == stop)
        }
        let deadline = Date().addingTimeInterval(30)
        while done.current < 300 && Date() < deadline { usleep(1000) }
        #expect(done.current == 300)
    }

    @Test("the producer never runs more than the queue (depth batches) plus a batch on each side ahead of the consumer")
    func bounded() throws {
        let produced = Counter()
        var maximumLead = 0
        var consumed = 0
        try Pipeline.run(
            produce: { send in
                for item in 0..<20_000 {
                    produced.add()
                    send(item)
                }
            },
            consume: { (item: Int) in
                // Now and then the consumer dawdles, so the producer fills the queue.
                if item % 1000 == 0 { usleep(5000) }
                maximumLead = max(maximumLead, produced.current - consumed)
                consumed += 1
            })
        #expect(consumed == 20_000)
        #expect(maximumLead <= (Pipeline.depth + 2) * Pipeline.batchSize, "the producer ran \(maximumLead) items ahead")
        #expect(
            maximumLead >= Pipeline.depth * Pipeline.batchSize,
            "the queue never filled (lead \(maximumLead)); the test proves nothing")
    }
}

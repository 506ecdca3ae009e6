import Foundation
import Synchronization
import Testing

@testable import ScopeLint

/// The engine's one way to use the cores: units of stores run on every core, results and the
/// first error in input order, whatever finishes first.
@Suite("Evaluation: ordered units on every core")
struct EvaluationTests {
    /// A store whose hash names its input and place: "f1s3".
    static func store(_ file: Int, _ index: Int) -> Store {
        Store(hash: "f\(file)s\(index)", name: nil, position: .start, accounts: [])
    }

    /// Inputs of the given sizes, read store by store.
    static func sources(_ sizes: [Int]) -> [StoreSource] {
        sizes.enumerated().map { file, size in
            StoreSource(file: "input\(file)") { (visit) throws(ScopeLintError) in
                for index in 0..<size { try visit(store(file, index)) }
            }
        }
    }

    static func failure(_ message: String) -> ScopeLintError {
        .invalid(file: "f", position: nil, message: message)
    }

    @Test("units come back in input order with their stores' places, an empty input included", arguments: [1, 2, 5])
    func order(storesPerUnit: Int) throws {
        var evaluation = Evaluation()
        evaluation.storesPerUnit = storesPerUnit
        evaluation.unitsInFlight = 3
        let units = try evaluation.run(Self.sources([7, 0, 12, 1])) { unit in
            // Later units finish first: order must not follow completion.
            usleep(UInt32.random(in: 0..<300))
            return unit.stores.enumerated().map { offset, store in
                "\(unit.file) \(unit.fileIndex) \(unit.firstStore + offset) \(store.hash ?? "")"
            }
        }
        let expected = [7, 0, 12, 1].enumerated().flatMap { file, size in
            (0..<size).map { "input\(file) \(file) \($0) f\(file)s\($0)" }
        }
        #expect(units.flatMap { $0 } == expected)
        #expect(units.allSatisfy { $0.count <= storesPerUnit })
    }

    @Test("the first failing unit's error wins, even when a later unit fails sooner", .timeLimit(.minutes(1)))
    func firstErrorInOrder() {
        var evaluation = Evaluation()
        evaluation.storesPerUnit = 1
        for _ in 0..<20 {
            let error = TestSupport.error { () throws(ScopeLintError) in
                _ = try evaluation.run(Self.sources([10])) { (unit) throws(ScopeLintError) in
                    if unit.firstStore == 2 {
                        usleep(20_000)
                        throw Self.failure("unit 2")
                    }
                    if unit.firstStore == 6 { throw Self.failure("unit 6") }
                }
            }
            #expect(error == Self.failure("unit 2"))
        }
    }

    @Test("a reader's error comes after the stores read before it, and before nothing earlier")
    func readerError() {
        var evaluation = Evaluation()
        evaluation.storesPerUnit = 4
        let broken = StoreSource(file: "broken") { (visit) throws(ScopeLintError) in
            for index in 0..<6 { try visit(Self.store(1, index)) }
            throw Self.failure("syntax")
        }
        // The reader fails after stores 0-5: store 5, read before the error, fails first.
        let evaluated = Mutex<[String]>([])
        let error = TestSupport.error { () throws(ScopeLintError) in
            _ = try evaluation.run(Self.sources([3]) + [broken]) { (unit) throws(ScopeLintError) in
                for store in unit.stores {
                    evaluated.withLock { $0.append(store.hash ?? "") }
                    if store.hash == "f1s5" { throw Self.failure("store 5") }
                }
            }
        }
        #expect(error == Self.failure("store 5"))
        #expect(
            evaluated.withLock { $0.sorted() } == [
                "f0s0", "f0s1", "f0s2", "f1s0", "f1s1", "f1s2", "f1s3", "f1s4", "f1s5",
            ])
        // When nothing read fails, the reader's own error is the run's.
        let readOnly = TestSupport.error { () throws(ScopeLintError) in
            _ = try evaluation.run(Self.sources([3]) + [broken]) { _ in }
        }
        #expect(readOnly == Self.failure("syntax"))
    }

    @Test("a fleet lints to the same report however it is cut into units", arguments: [1, 3, 1000])
    func unitsDoNotChangeTheReport(storesPerUnit: Int) throws {
        let paths = ["fleet/agency.json5", "stone-edge/over-privileged.json", "modern-retail/conforming.json"]
            .map { packageRoot.appendingPathComponent("Fixtures/exports/\($0)").path }
        let exports = try paths.map { try ExportReader.read(try InputFile.read($0), file: $0) }
        let engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [])
        var evaluation = Evaluation()
        evaluation.storesPerUnit = storesPerUnit
        let report = try engine.lint(exports.map(StoreSource.init), evaluation: evaluation)
        // Every store of every input, in order: the reference is one unit per input.
        var whole = Evaluation()
        whole.storesPerUnit = .max
        let reference = try engine.lint(exports.map(StoreSource.init), evaluation: whole)
        #expect(report.summary == reference.summary)
        #expect(report.findings == reference.findings)
        #expect(report.summary.stores == exports.map(\.stores.count).reduce(0, +))
        #expect(report.findings.map(\.order) == report.findings.map(\.order).sorted())
        // Reports that group findings by account walk the units' parts (`Joined.parts`).
        for reporter in Reporters.all {
            #expect(
                reporter.render(report, options: ReportOptions())
                    == reporter.render(reference, options: ReportOptions()), "\(reporter.identifier)")
        }
    }

    @Test("which unknown names get a suggestion depends on input order alone, not on the cores")
    func suggestionsInInputOrder() throws {
        // Ten stores, one per unit, each naming misspellings of Orders; a budget of two names.
        let names = ["Ordrs", "Oders", "Orderz", "Ordes"]
        let stores = (0..<10).map { index in
            #"{ store_hash: "s\#(index)", accounts: [{ name: "A", scopes: { "\#(names[index % 4])": "read-only" } }] }"#
        }
        let export = try ExportReader.read(
            Array(("{ stores: [" + stores.joined(separator: ",") + "] }").utf8), file: "typos.json5")
        var engine = try LintEngine(library: try PolicyLibrary.bundled(), policyIDs: [])
        engine.suggestionBudget = 2
        var evaluation = Evaluation()
        evaluation.storesPerUnit = 1
        var seen: Set<[String]> = []
        for _ in 0..<20 {
            let report = try engine.lint([StoreSource(export)], evaluation: evaluation)
            let hinted = report.findings.filter { $0.rule == .unknownScope }.map {
                "\($0.scope ?? "") \($0.message.contains("did you mean") ? "hint" : "none")"
            }
            seen.insert(hinted)
        }
        #expect(seen.count == 1)
        #expect(
            seen.first?.prefix(4) == ["Ordrs hint", "Oders hint", "Orderz none", "Ordes none"],
            "the first two distinct names in input order, and only they")
    }
}

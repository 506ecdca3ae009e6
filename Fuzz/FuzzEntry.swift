// libFuzzer entry point, compiled together with Sources/ScopeLint by Scripts/fuzz (not part
// of the Swift package). SCOPELINT_FUZZ_TARGET picks what the input feeds: a reader by its
// --from name, "detect" (automatic detection), or "policy" (the policy loader and resolver).
// Whatever parses is also linted and rendered in every format, so the engine and the
// reporters see hostile data too.
import Foundation

let fuzzTarget = ProcessInfo.processInfo.environment["SCOPELINT_FUZZ_TARGET"] ?? "detect"
let fuzzLibrary = try! PolicyLibrary.bundled()
let fuzzEngine = try! LintEngine(library: fuzzLibrary, policyIDs: [])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if fuzzTarget == "policy" {
        guard let policy = try? PolicyLoader.load(bytes, file: "fuzz.json5") else { return 0 }
        var library = fuzzLibrary
        library.add(policy)
        if let resolved = try? library.resolve(policy.id) {
            _ = try? Plan.make([resolved], catalog: library.catalog)
            _ = PolicyComparison.compare(resolved, try! library.resolve("modern-retail"), catalog: library.catalog)
        }
        return 0
    }
    let from: String? = fuzzTarget == "detect" ? nil : fuzzTarget
    guard let export = try? InputFormat.read(bytes, file: "fuzz", from: from) else { return 0 }
    if let report = try? fuzzEngine.lint([export]) {
        for reporter in Reporters.all { _ = reporter.render(report, options: ReportOptions()) }
        _ = Baseline.render(report, reason: "fuzz")
    }
    if let survey = try? ExportWriter.survey([StoreSource(export)]) {
        try? ExportWriter.write([StoreSource(export)], survey: survey, keepClientID: true, to: ByteStream())
    }
    return 0
}

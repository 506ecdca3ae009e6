// libFuzzer entry point, compiled together with Sources/ScopeLint by Scripts/fuzz (not part
// of the Swift package). SCOPELINT_FUZZ_TARGET picks what the input feeds: a reader by its
// --from name, "detect" (automatic detection), "policy" (the policy loader and resolver), or
// "usage" / "usage-FORMAT" (the usage readers of `policies generate`, detected or forced).
// Whatever parses is also linted and rendered in every format, so the engine and the
// reporters see hostile data too.
import Foundation

let fuzzTarget = ProcessInfo.processInfo.environment["SCOPELINT_FUZZ_TARGET"] ?? "detect"
let fuzzLibrary = try! PolicyLibrary.bundled()
let fuzzEngine = try! LintEngine(library: fuzzLibrary, policyIDs: [])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if fuzzTarget.hasPrefix("usage") {
        fuzzUsage(bytes)
        return 0
    }
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

/// The usage readers on hostile bytes, cut into chunks of a size the input's first byte picks
/// (1 to 256), so lines and escapes split across chunk boundaries too. Records must have what
/// the generator relies on: an upper-case method, a path that starts with `/`.
func fuzzUsage(_ bytes: [UInt8]) {
    let forced = UsageFormat(rawValue: String(fuzzTarget.dropFirst("usage-".count)))
    let chunkSize = Int(bytes.first ?? 0) + 1
    let limits = Limits(inputSize: 1 << 20, stringLength: 4096)
    let input: InputFile.StandardInput = { _ in InputBytes(copying: bytes) }
    var usage = UsageSummary()
    usage.read(file: "fuzz\u{202E}.log")
    _ = try? UsageInput.read("-", from: forced, limits: limits, standardInput: input, chunkSize: chunkSize) { record in
        if case .call(let call) = record {
            precondition(call.path.hasPrefix("/") && call.method == call.method.uppercased())
        }
        usage.add(record)
    }
    // Whatever was read generates a policy that loads and resolves: the generator's output is
    // an input the user will check in.
    guard usage.mappedCalls > 0 else { return }
    let risks = try! fuzzLibrary.resolve(LintEngine.fallbackPolicyID)
    let stream = ByteStream()
    PolicyGenerator.write(
        usage, needs: usage.needs(risks: risks), header: .init(), risks: risks, catalog: fuzzLibrary.catalog,
        to: stream)
    let policy = try! PolicyLoader.load(Array(stream.text.utf8), file: "generated.json5")
    var library = fuzzLibrary
    library.add(policy)
    _ = try! library.resolve(policy.id)
}

import Foundation
import Testing

@testable import ScopeLint

/// Reading usage inputs in tests: from bytes handed as standard input, or from a file.
enum Usage {
    struct Read {
        var format: UsageFormat
        var records: [UsageRecord]

        var calls: [APICall] {
            records.compactMap {
                if case .call(let call) = $0 { return call }
                return nil
            }
        }

        /// `METHOD host-or-API path` of each call: what the generator maps.
        var shapes: [String] { calls.map { "\($0.method) \($0.host ?? "API") \($0.path)" } }
    }

    static func read(
        _ text: String, from format: UsageFormat? = nil, limits: Limits = .standard, chunkSize: Int = 1 << 20
    ) throws(ScopeLintError) -> Read {
        try read(bytes: Array(text.utf8), from: format, limits: limits, chunkSize: chunkSize)
    }

    static func read(
        bytes: [UInt8], from format: UsageFormat? = nil, limits: Limits = .standard, chunkSize: Int = 1 << 20
    ) throws(ScopeLintError) -> Read {
        var records: [UsageRecord] = []
        let input: InputFile.StandardInput = { _ in InputBytes(copying: bytes) }
        let format = try UsageInput.read("-", from: format, limits: limits, standardInput: input, chunkSize: chunkSize)
        {
            records.append($0)
        }
        return Read(format: format, records: records)
    }

    static func read(
        file path: String, from format: UsageFormat? = nil, limits: Limits = .standard, chunkSize: Int = 1 << 20
    ) throws(ScopeLintError) -> Read {
        var records: [UsageRecord] = []
        // Files stream from their descriptor: standard input is never asked for.
        let format = try UsageInput.read(path, from: format, limits: limits, chunkSize: chunkSize) {
            records.append($0)
        }
        return Read(format: format, records: records)
    }

    /// The error reading gives, as it prints.
    static func error(
        _ text: String, from format: UsageFormat? = nil, limits: Limits = .standard, chunkSize: Int = 1 << 20
    ) -> String? {
        do {
            _ = try read(text, from: format, limits: limits, chunkSize: chunkSize)
            return nil
        } catch {
            return error.description
        }
    }

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures/usage/\(name)").path
    }

    /// A temporary file holding `bytes`, removed by the caller.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".log") -> String {
        let path = NSTemporaryDirectory() + "scopelint-usage-\(UUID().uuidString)\(suffix)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

extension UsageRecord {
    /// Everything a record could show: what the secrets tests search.
    var allText: String {
        switch self {
        case .call(let call): "\(call.method) \(call.host ?? "") \(call.path) \(call.location.description)"
        case .unreadable(let location, let what): "\(location.description) \(what)"
        }
    }
}

import Foundation

/// Reads the bytes of an input named on the command line; `-` is standard input.
package enum InputFile {
    /// How standard input is named in locations and messages.
    package static let standardInputName = "<stdin>"

    package static func displayName(for path: String) -> String {
        path == "-" ? standardInputName : path
    }

    /// The bytes of `path`, refused when larger than `limit` (`Limits.inputSize`).
    package static func read(
        _ path: String, limit: Int = Limits.standard.inputSize, standardInput: () -> [UInt8] = readStandardInput
    ) throws(ScopeLintError) -> [UInt8] {
        if path == "-" {
            let bytes = standardInput()
            if bytes.count > limit { throw tooLarge(standardInputName, limit: limit) }
            return bytes
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a directory, expected a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw tooLarge(path, limit: limit)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or not a regular file")
        }
        return [UInt8](data)
    }

    /// Opens an input for reading: regular files are mapped, anything else (standard input,
    /// pipes, devices) is read whole, with the same checks and messages as `read`.
    package static func open(
        _ path: String, limit: Int = Limits.standard.inputSize, standardInput: () -> [UInt8] = readStandardInput
    ) throws(ScopeLintError) -> InputBytes {
        func readWhole() throws(ScopeLintError) -> InputBytes {
            InputBytes(copying: try read(path, limit: limit, standardInput: standardInput))
        }
        guard path != "-" else { return try readWhole() }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { return try readWhole() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return try readWhole()
        }
        let size = Int(status.st_size)
        if size > limit { throw tooLarge(path, limit: limit) }
        if let mapped = InputBytes(mapping: descriptor, size: size) { return mapped }
        return try readWhole()
    }

    static func tooLarge(_ file: String, limit: Int) -> ScopeLintError {
        .invalid(
            file: file, position: nil,
            message:
                "the input is larger than \(Limits.describe(limit)), the most scopelint reads; split the export by store"
        )
    }

    package static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}

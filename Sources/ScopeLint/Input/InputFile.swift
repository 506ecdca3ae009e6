import Foundation

/// Reads the bytes of an input named on the command line; `-` is standard input.
public enum InputFile {
    /// How standard input is named in locations and messages.
    public static let standardInputName = "<stdin>"

    public static func displayName(for path: String) -> String {
        path == "-" ? standardInputName : path
    }

    /// The largest input scopelint reads: several times the largest real fleet export, small
    /// enough that a runaway file cannot exhaust a CI machine's memory.
    public static let maximumSize = 512 << 20

    public static func read(_ path: String, standardInput: () -> [UInt8] = readStandardInput) throws(ScopeLintError)
        -> [UInt8]
    {
        if path == "-" {
            let bytes = standardInput()
            if bytes.count > maximumSize { throw tooLarge(standardInputName) }
            return bytes
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a directory, expected a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumSize {
            throw tooLarge(path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or not a regular file")
        }
        return [UInt8](data)
    }

    /// Opens an input for reading: regular files are mapped, anything else (standard input,
    /// pipes, devices) is read whole, with the same checks and messages as `read`.
    public static func open(_ path: String, standardInput: () -> [UInt8] = readStandardInput) throws(ScopeLintError)
        -> InputBytes
    {
        guard path != "-" else { return InputBytes(copying: try read(path, standardInput: standardInput)) }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else { return InputBytes(copying: try read(path, standardInput: standardInput)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return InputBytes(copying: try read(path, standardInput: standardInput))
        }
        let size = Int(status.st_size)
        if size > maximumSize { throw tooLarge(path) }
        if let mapped = InputBytes(mapping: descriptor, size: size) { return mapped }
        return InputBytes(copying: try read(path, standardInput: standardInput))
    }

    static func tooLarge(_ file: String) -> ScopeLintError {
        .invalid(
            file: file, position: nil,
            message:
                "the input is larger than \(maximumSize >> 20) MiB, the most scopelint reads; split the export by store"
        )
    }

    public static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}

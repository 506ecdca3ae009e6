import Foundation

/// Reads the bytes of an input named on the command line; `-` is standard input.
public enum InputFile {
    /// How standard input is named in locations and messages.
    public static let standardInputName = "<stdin>"

    public static func displayName(for path: String) -> String {
        path == "-" ? standardInputName : path
    }

    public static func read(_ path: String, standardInput: () -> [UInt8] = readStandardInput) throws(ScopeLintError) -> [UInt8] {
        if path == "-" { return standardInput() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a directory, expected a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "permission denied or not a regular file")
        }
        return [UInt8](data)
    }

    public static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}

/// The sizes past which scopelint refuses to read. One value, handed from the command line to
/// every reader, so tests prove each limit on kilobytes instead of building megabytes.
public struct Limits: Sendable, Equatable {
    /// The largest input: several times the largest real fleet export, small enough that a
    /// runaway file cannot exhaust a CI machine's memory.
    package var inputSize: Int
    /// The longest string in a JSON input: no scope, level, name or hash is anywhere near it.
    package var stringLength: Int

    package init(inputSize: Int = 512 << 20, stringLength: Int = 1 << 20) {
        self.inputSize = inputSize
        self.stringLength = stringLength
    }

    public static let standard = Limits()

    /// "512 MiB", "1 KiB", "300 bytes": a limit as its messages state it.
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where reports go: one buffer, written to a file descriptor in large blocks, or kept in
/// memory (tests, small outputs). A 100 MB report never exists as one `String`.
public final class ByteStream {
    private let descriptor: Int32?
    private var pending: [UInt8] = []
    private var kept: [UInt8] = []
    /// Set when a write to the descriptor fails (a closed pipe, a full disk).
    public private(set) var failed = false

    static let blockSize = 256 << 10

    /// A stream kept in memory; `text` reads it back.
    public init() {
        descriptor = nil
    }

    /// A stream written to `descriptor`, which the caller opens and closes.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(Self.blockSize)
    }

    deinit { flush() }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard descriptor != nil else {
            kept.append(contentsOf: bytes)
            return
        }
        // A large block goes out as it is, after what is pending, rather than through the buffer.
        if bytes.count >= Self.blockSize / 4 {
            flush()
            writeAll(bytes)
            return
        }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.blockSize { flush() }
    }

    public func write(byte: UInt8) {
        guard descriptor != nil else {
            kept.append(byte)
            return
        }
        pending.append(byte)
        if pending.count >= Self.blockSize { flush() }
    }

    /// Everything written so far, for a stream kept in memory.
    public var text: String { String(decoding: kept, as: UTF8.self) }
    var bytes: [UInt8] { kept }

    public func flush() {
        guard descriptor != nil, !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { writeAll($0) }
        pending.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let descriptor, let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, !failed {
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failed = true
            } else {
                offset += written
            }
        }
    }
}

/// The C `write`, which the stream's own `write` methods hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}

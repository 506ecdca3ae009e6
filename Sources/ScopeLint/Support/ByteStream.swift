#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where every report goes: one buffer, written to a file descriptor in large blocks, or kept
/// in memory (tests, small outputs). Reporters append to it as they go, escaping with the
/// modes in `Escaping.swift`, so a 100 MB report never exists as one `String`.
///
/// The buffer is raw memory with no copy-on-write, and its fields skip exclusivity checks:
/// reporters append a few bytes at a time, hundreds of millions of times for a fleet, and
/// the stream is only ever used from one thread.
public final class ByteStream {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var count = 0
    private let descriptor: Int32?
    /// Set when a write to the descriptor fails (a closed pipe, a full disk).
    public private(set) var failed = false
    /// Whether the bytes already flushed end inside a line that holds only spaces and tabs.
    private var flushedLineIsBlank = true

    /// A descriptor's buffer: large enough that writes are few, small enough to stay in cache.
    static let blockSize = 256 << 10

    /// A stream kept in memory; `text` reads it back.
    public init() {
        descriptor = nil
        capacity = 4096
        base = .allocate(capacity: capacity)
    }

    /// A stream written to `descriptor`, which the caller opens and closes.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        capacity = Self.blockSize
        base = .allocate(capacity: capacity)
    }

    deinit {
        flush()
        base.deallocate()
    }

    /// Everything written so far, for a stream kept in memory.
    public var text: String {
        descriptor == nil ? String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) : ""
    }

    var bytes: [UInt8] { descriptor == nil ? Array(UnsafeBufferPointer(start: base, count: count)) : [] }

    /// Writes what is buffered to the descriptor (nothing to do in memory).
    public func flush() {
        guard descriptor != nil, count > 0 else { return }
        flushedLineIsBlank = lineIsBlank
        writeAll(UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    /// Whether the current line holds only spaces and tabs so far: CI runners trim those and
    /// read a line that then starts with `::` as a command (see `Escape.terminal`).
    var lineIsBlank: Bool {
        var index = count - 1
        while index >= 0 {
            switch base[index] {
            case 0x0A: return true
            case 0x20, 0x09: index -= 1
            default: return false
            }
        }
        return flushedLineIsBlank
    }

    /// Room for `extra` more bytes at the returned address; `advance` then counts them.
    @inline(__always)
    func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if count &+ extra > capacity { makeRoom(extra) }
        return base + count
    }

    @inline(__always)
    func advance(_ written: Int) { count &+= written }

    /// A descriptor's buffer is emptied when full; one in memory grows.
    private func makeRoom(_ extra: Int) {
        if descriptor != nil {
            flush()
            if extra <= capacity { return }
        }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = grown
    }

    // MARK: Writing bytes as they are

    /// Text scopelint made itself (a number, a command it prints), written as it is. Text that
    /// came from an input or a policy goes through `write(_:_:)` with its medium's escape, or
    /// as an interpolation of `StreamText`, which escapes it.
    package func write(trusted text: String) {
        withUTF8(text) { write($0) }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    package func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        // A large block goes out as it is, after what is buffered, rather than through the buffer.
        if descriptor != nil && bytes.count >= Self.blockSize / 4 {
            flush()
            writeAll(bytes)
            return
        }
        let target = reserve(bytes.count)
        target.update(from: source, count: bytes.count)
        advance(bytes.count)
    }

    @inline(__always)
    package func write(byte: UInt8) {
        reserve(1).pointee = byte
        advance(1)
    }

    @inline(__always)
    func write(byte: UInt8, repeating times: Int) {
        guard times > 0 else { return }
        reserve(times).initialize(repeating: byte, count: times)
        advance(times)
    }

    /// A literal: no `String` is made for it.
    @inline(__always)
    package func write(_ literal: StaticString) {
        write(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// `value` in decimal, straight into the buffer.
    func write(_ value: Int) {
        if value >= 0 && value < 10 {
            write(byte: UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        var magnitude = value.magnitude
        var length = value < 0 ? 1 : 0
        var probe = magnitude
        repeat {
            length += 1
            probe /= 10
        } while probe > 0
        let target = reserve(length)
        var index = length
        repeat {
            index -= 1
            target[index] = UInt8(ascii: "0") &+ UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if value < 0 { target[0] = UInt8(ascii: "-") }
        advance(length)
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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one input, in memory the input owns: never a mapping of the file, since a
/// mapped file truncated while it is read kills the process with SIGBUS. A reader that
/// streams through bytes read once hands back the pages behind it (`release(before:)`), so
/// linting a 100 MB export does not keep 100 MB resident.
package final class InputBytes: @unchecked Sendable {
    // @unchecked: the bytes are immutable once made; only `released` changes, and a buffer
    // is read by one reader at a time (parallel lints open one per file).
    package let buffer: UnsafeBufferPointer<UInt8>
    private var released = 0

    /// Whether the pages behind a streaming reader may be handed back: only for bytes read
    /// once, since they read as zeros afterwards. Standard input, read twice by `convert`,
    /// keeps them.
    package var releasesBehind = false

    /// Hands back in steps this large: each `madvise` call costs a system call. Tests lower it
    /// (before reading) to prove the release on kilobytes.
    var releaseStep = 8 << 20

    /// Takes over `count` bytes at `base`, which `malloc` or `realloc` gave.
    init(taking base: UnsafeMutableRawPointer?, count: Int) {
        buffer = UnsafeBufferPointer(start: base?.assumingMemoryBound(to: UInt8.self), count: count)
    }

    package convenience init(copying bytes: [UInt8]) {
        let base = malloc(max(bytes.count, 1))
        bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(start: base, count: $0.count).copyMemory(from: $0) }
        self.init(taking: base, count: bytes.count)
    }

    deinit { free(UnsafeMutableRawPointer(mutating: buffer.baseAddress)) }

    package var count: Int { buffer.count }

    /// The bytes as an array, for readers that work on whole small inputs.
    package var array: [UInt8] { Array(buffer) }

    /// Tells the system the bytes before `offset` will not be read again; the whole pages
    /// among them are freed (and would read as zeros).
    func release(before offset: Int) {
        guard releasesBehind, let base = buffer.baseAddress, offset - released >= releaseStep else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let start = (address + released + page - 1) / page * page
        let end = (address + min(offset, count)) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED)
        released = end - address
    }
}

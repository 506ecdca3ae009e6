#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one input. A regular file is mapped rather than copied, and a reader that
/// streams through it hands back the pages behind it (`release(before:)`), so linting a
/// 100 MB export does not keep 100 MB resident.
package final class InputBytes: @unchecked Sendable {
    // @unchecked: the bytes are immutable once made; only `released` changes, and a buffer
    // is read by one reader at a time (parallel lints open one per file).
    package let buffer: UnsafeBufferPointer<UInt8>
    private let isMapped: Bool
    private var released = 0

    /// Hands back in steps this large: each `madvise` call costs a system call. Tests lower it
    /// (before reading) to prove the release on kilobytes.
    var releaseStep = 8 << 20

    package init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: storage[0..<bytes.count])
        isMapped = false
    }

    /// Maps the open file `descriptor` of `size` bytes; nil when the system will not map it.
    init?(mapping descriptor: Int32, size: Int) {
        guard size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED
        else { return nil }
        #if canImport(Glibc)
            _ = madvise(address, size, MADV_SEQUENTIAL)
        #endif
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
        isMapped = true
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }

    package var count: Int { buffer.count }

    /// The bytes as an array, for readers that work on whole small inputs.
    package var array: [UInt8] { Array(buffer) }

    /// Tells the system the bytes before `offset` will not be read again (a mapped file's
    /// pages are dropped and would be read back from the file if they were).
    func release(before offset: Int) {
        guard isMapped, let base = buffer.baseAddress, offset - released >= releaseStep else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = offset / page * page
        guard end > released else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }
}

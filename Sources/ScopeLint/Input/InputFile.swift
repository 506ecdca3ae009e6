import Foundation

/// Reads the bytes of an input named on the command line; `-` is standard input.
///
/// Every kind of input (regular file, pipe, FIFO, device, standard input) goes through one
/// loop of read(2) into one buffer, which stops one byte past the size limit: no input can
/// grow the process past it, and none is mapped (see `InputBytes`).
package enum InputFile {
    /// How standard input is named in locations and messages.
    package static let standardInputName = "<stdin>"

    /// Reads standard input, at most `limit` + 1 bytes (one byte more proves it too large).
    /// The executable reads descriptor 0 (`readStandardInput`); tests hand over bytes.
    package typealias StandardInput = (_ limit: Int) throws(ScopeLintError) -> InputBytes

    package static func displayName(for path: String) -> String {
        path == "-" ? standardInputName : path
    }

    /// The bytes of `path`, refused when larger than `limit` (`Limits.inputSize`).
    package static func read(
        _ path: String, limit: Int = Limits.standard.inputSize, standardInput: StandardInput = readStandardInput
    ) throws(ScopeLintError) -> [UInt8] {
        try open(path, limit: limit, standardInput: standardInput).array
    }

    /// The bytes of `path` as one buffer the streaming readers work on.
    package static func open(
        _ path: String, limit: Int = Limits.standard.inputSize, standardInput: StandardInput = readStandardInput
    ) throws(ScopeLintError) -> InputBytes {
        if path == "-" {
            let input = try standardInput(limit)
            if input.count > limit { throw tooLarge(standardInputName, limit: limit) }
            return input
        }
        return try withDescriptor(path) { (descriptor) throws(ScopeLintError) in
            try read(descriptor: descriptor, file: path, limit: limit)
        }
    }

    /// Opens `path` for reading and hands its descriptor to `body`, closed afterwards: the one
    /// place a named input is opened, for whole reads and chunked ones alike.
    private static func withDescriptor<T>(_ path: String, _ body: (Int32) throws(ScopeLintError) -> T)
        throws(ScopeLintError) -> T
    {
        // Opening a FIFO blocks until a writer opens it, forever if none does: open without
        // waiting, then read as usual. A FIFO nobody writes to reads as empty.
        let descriptor = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, errno: errno) }
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try body(descriptor)
    }

    /// Reads `path` in chunks of at most `chunkSize` bytes, each handed to `each` and then
    /// reused: memory stays one chunk whatever the input's size, so no size limit applies.
    /// For inputs read line by line (access logs, call lists), which may be gigabytes.
    ///
    /// `-` streams from `standardInputDescriptor` when given (the executable's descriptor 0);
    /// otherwise standard input comes whole from `standardInput`, bounded by `limit`, and is
    /// handed over in the same chunks (tests hand bytes that way).
    package static func stream(
        _ path: String, chunkSize: Int = 1 << 20, limit: Int = Limits.standard.inputSize,
        standardInput: StandardInput = readStandardInput, standardInputDescriptor: Int32? = nil,
        each: (UnsafeBufferPointer<UInt8>) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let size = max(1, chunkSize)
        if path == "-" {
            if let descriptor = standardInputDescriptor {
                return try stream(descriptor: descriptor, file: standardInputName, chunkSize: size, each: each)
            }
            let input = try standardInput(limit)
            if input.count > limit { throw tooLarge(standardInputName, limit: limit) }
            try withExtendedLifetime(input) { () throws(ScopeLintError) in
                var start = 0
                while start < input.count {
                    let end = min(input.count, start + size)
                    try each(UnsafeBufferPointer(rebasing: input.buffer[start..<end]))
                    start = end
                }
            }
            return
        }
        try withDescriptor(path) { (descriptor) throws(ScopeLintError) in
            try stream(descriptor: descriptor, file: path, chunkSize: size, each: each)
        }
    }

    /// Everything `descriptor` gives until end of file, one chunk at a time.
    package static func stream(
        descriptor: Int32, file: String, chunkSize: Int,
        each: (UnsafeBufferPointer<UInt8>) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(file, errno: errno) }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw .unreadable(file: file, reason: "it is a directory, expected a file")
        }
        let capacity = max(1, chunkSize)
        guard let base = malloc(capacity) else { throw unreadable(file, errno: ENOMEM) }
        defer { free(base) }
        while true {
            let got = Foundation.read(descriptor, base, capacity)
            if got > 0 {
                try each(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: got))
            } else if got == 0 {
                return
            } else if errno == EAGAIN {
                var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&wait, 1, -1)
            } else if errno != EINTR {
                throw unreadable(file, errno: errno)
            }
        }
    }

    /// Everything `descriptor` gives until end of file, refused as soon as it passes `limit`.
    /// A regular file's buffer is sized by its length (one allocation, no copy); anything
    /// else, or a file still growing, doubles it up to `limit` + 1.
    package static func read(descriptor: Int32, file: String, limit: Int) throws(ScopeLintError) -> InputBytes {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(file, errno: errno) }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw .unreadable(file: file, reason: "it is a directory, expected a file") }
        let size = kind == S_IFREG ? Int(status.st_size) : 0
        if size > limit { throw tooLarge(file, limit: limit) }
        // One byte more than a regular file's length, so its end is seen without growing.
        var capacity = min(limit + 1, kind == S_IFREG ? size + 1 : 64 << 10)
        guard var base = malloc(capacity) else { throw unreadable(file, errno: ENOMEM) }
        var count = 0
        while true {
            if count == capacity {
                guard capacity <= limit, let grown = realloc(base, min(limit + 1, capacity * 2)) else {
                    free(base)
                    throw capacity > limit ? tooLarge(file, limit: limit) : unreadable(file, errno: ENOMEM)
                }
                base = grown
                capacity = min(limit + 1, capacity * 2)
            }
            let got = Foundation.read(descriptor, base + count, capacity - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno == EAGAIN {
                // Standard input may have been left non-blocking by whoever set it up.
                var wait = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&wait, 1, -1)
            } else if errno != EINTR {
                let failure = errno
                free(base)
                throw unreadable(file, errno: failure)
            }
        }
        return InputBytes(taking: base, count: count)
    }

    /// Standard input of the process, bounded as every input is.
    package static func readStandardInput(limit: Int) throws(ScopeLintError) -> InputBytes {
        try read(descriptor: STDIN_FILENO, file: standardInputName, limit: limit)
    }

    static func tooLarge(_ file: String, limit: Int) -> ScopeLintError {
        .invalid(
            file: file, position: nil,
            message:
                "the input is larger than \(Limits.describe(limit)), the most scopelint reads; split the export by store"
        )
    }

    static func unreadable(_ file: String, errno code: Int32) -> ScopeLintError {
        switch code {
        case ENOENT, ENOTDIR: return .unreadable(file: file, reason: "no such file")
        case EACCES, EPERM: return .unreadable(file: file, reason: "permission denied")
        case EISDIR: return .unreadable(file: file, reason: "it is a directory, expected a file")
        default: return .unreadable(file: file, reason: String(cString: strerror(code)))
        }
    }
}

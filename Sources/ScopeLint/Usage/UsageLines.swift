#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts chunks of bytes into lines as they arrive, for the readers that stream (call lists and
/// access logs). A line ends at LF; CR LF and a lone CR end one too, as in `TextLines`. Only a
/// line that spans two chunks is copied (into `carry`), and no line may be longer than
/// `maxLength`, so memory stays one chunk plus one line whatever the input's size.
struct UsageLines {
    let file: String
    let maxLength: Int
    private var carry: [UInt8] = []
    /// The number of the last line handed over.
    private(set) var number = 0

    init(file: String, maxLength: Int) {
        self.file = file
        self.maxLength = maxLength
    }

    typealias Handler = (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws(ScopeLintError) -> Void

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ handle: Handler) throws(ScopeLintError) {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        var start = 0
        while start < chunk.count {
            guard let found = memchr(base + start, 0x0A, chunk.count - start) else { break }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let piece = UnsafeBufferPointer(rebasing: chunk[start..<end])
            if carry.isEmpty {
                try checkLength(piece.count)
                try split(piece, handle)
            } else {
                try checkLength(carry.count + piece.count)
                carry.append(contentsOf: piece)
                let line = carry
                carry.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in try split(buffer, handle) }
            }
            start = end + 1
        }
        if start < chunk.count {
            try checkLength(carry.count + chunk.count - start)
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start...]))
        }
    }

    /// Hands over the last line, when the input does not end with a line break.
    mutating func finish(_ handle: Handler) throws(ScopeLintError) {
        guard !carry.isEmpty else { return }
        let line = carry
        carry = []
        try line.withUnsafeBufferPointer { (buffer) throws(ScopeLintError) in try split(buffer, handle) }
    }

    private func checkLength(_ count: Int) throws(ScopeLintError) {
        guard count > maxLength else { return }
        throw .invalid(
            file: file, position: TextPosition(line: number + 1, column: 1),
            message:
                "the line is longer than \(Limits.describe(maxLength)), the longest line scopelint reads; is this a usage input?"
        )
    }

    /// One LF-ended piece: a CR ends a line too (CR LF is one break, a lone CR another).
    private mutating func split(_ piece: UnsafeBufferPointer<UInt8>, _ handle: Handler) throws(ScopeLintError) {
        guard let base = piece.baseAddress else {
            number += 1
            return try handle(piece, number)
        }
        var start = 0
        while let found = memchr(base + start, 0x0D, piece.count - start) {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            try emit(UnsafeBufferPointer(rebasing: piece[start..<end]), handle)
            start = end + 1
            if start == piece.count { return }
        }
        try emit(UnsafeBufferPointer(rebasing: piece[start...]), handle)
    }

    private mutating func emit(_ line: UnsafeBufferPointer<UInt8>, _ handle: Handler) throws(ScopeLintError) {
        number += 1
        // A byte order mark before the first line is not part of it.
        if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try handle(UnsafeBufferPointer(rebasing: line[3...]), number)
        }
        try handle(line, number)
    }

    /// The 1-based column of `offset` in `line`, in Unicode scalars (bytes that are not UTF-8
    /// count one each): every scalar has one byte that is not a continuation byte.
    static func column(of offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 1
        for index in 0..<min(offset, line.count) where line[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether the line is blank (spaces and tabs) or a `#` comment.
    static func isBlankOrComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return true }
        return line[first] == UInt8(ascii: "#")
    }
}

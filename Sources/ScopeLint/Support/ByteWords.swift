/// Eight bytes at a time: the scans over JSON text (reading strings, skipping indentation,
/// counting lines, escaping output) test a word of eight bytes at once and step byte by byte
/// only near what they look for. Each test sets the high bit of every byte it matches, and
/// only those: no carry crosses from one byte into the next.
enum ByteWords {
    static let high: UInt64 = 0x8080_8080_8080_8080
    static let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The eight bytes at `offset`, first byte lowest (little-endian).
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: (base + offset).loadUnaligned(as: UInt64.self))
    }

    /// The bytes equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((x & low) &+ low) | x | low)
    }

    /// The ASCII control bytes (below 0x20); a non-ASCII byte may be marked too, so callers
    /// test `nonASCII` alongside.
    @inline(__always)
    static func control(_ word: UInt64) -> UInt64 {
        ~((word & low) &+ 0x6060_6060_6060_6060) & high
    }

    /// The bytes of 0x80 and above.
    @inline(__always)
    static func nonASCII(_ word: UInt64) -> UInt64 { word & high }

    /// How many bytes come before the first marked one (8 when none is marked).
    @inline(__always)
    static func leadingUnmarked(_ marks: UInt64) -> Int { marks.trailingZeroBitCount / 8 }
}

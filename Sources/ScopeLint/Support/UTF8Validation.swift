/// Where UTF-8 goes wrong, so every reader can point its error at the offending byte.
enum UTF8Validation {
    /// The offset of the first byte in `range` that does not start or continue valid UTF-8;
    /// `range.upperBound` when there is none.
    static func firstInvalidByte<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, in range: Range<Int>) -> Int
    where Bytes.Index == Int {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let byte = bytes[offset]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : byte >> 3 == 0x1E ? 4 : 0
            if length == 0 || offset + length > range.upperBound
                || String(validating: bytes[offset..<offset + length], as: UTF8.self) == nil
            {
                return offset
            }
            offset += length
        }
        return range.upperBound
    }
}

/// The ASCII classes the byte-level readers (JSON, access logs) test, defined once.
extension UInt8 {
    /// `0`...`9`.
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// The value of a hexadecimal digit (`0`...`9`, `a`...`f`, `A`...`F`), else nil.
    var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

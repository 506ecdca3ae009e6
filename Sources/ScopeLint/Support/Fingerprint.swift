/// A 64-bit FNV-1a hash over fields joined by a unit separator, as 16 hex digits. Not a
/// security measure: it only has to be stable across runs, machines and versions.
enum Fingerprint {
    static func hex(_ fields: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, field) in fields.enumerated() {
            if index > 0 { mix(0x1F, into: &hash) }
            for byte in field.utf8 { mix(byte, into: &hash) }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func mix(_ byte: UInt8, into hash: inout UInt64) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
}

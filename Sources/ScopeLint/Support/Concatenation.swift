extension String {
    /// The text `write` puts, in one allocation of the exact size, with no array of pieces:
    /// `write` runs twice, once to count the bytes and once to copy them. Findings render
    /// their messages this way when a report is written, a fleet's worth of them, and
    /// interpolation would regrow its buffer and append through generic paths (several times
    /// the cost). `write` must put the same pieces both times.
    init(writing write: (_ put: (String) -> Void) -> Void) {
        var count = 0
        write { count += $0.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            write { piece in
                var piece = piece
                // One memcpy per piece (withUTF8 makes a bridged string contiguous first).
                piece.withUTF8 { bytes in
                    precondition(end + bytes.count <= buffer.count, "String(writing:) put different pieces")
                    if let source = bytes.baseAddress {
                        (buffer.baseAddress! + end).initialize(from: source, count: bytes.count)
                    }
                    end += bytes.count
                }
            }
            return end
        }
    }
}

import Foundation

/// Golden-file comparison: a readable line diff on mismatch, and an explicit record mode
/// (`SCOPELINT_RECORD=1`) that rewrites the expected file and still fails, so a recording
/// is never mistaken for a pass.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["SCOPELINT_RECORD"] == "1" }

    /// nil when `actual` matches the file; otherwise a description of the difference.
    static func compare(_ actual: String, with file: URL) -> String? {
        let expected = (try? String(contentsOf: file, encoding: .utf8))
        if expected == actual { return nil }
        if recording {
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return "recorded \(file.lastPathComponent); rerun without SCOPELINT_RECORD=1"
        }
        guard let expected else { return "missing golden file \(file.path) (record it with SCOPELINT_RECORD=1)" }
        return "\(file.lastPathComponent) differs (- expected, + actual):\n" + diff(expected, actual)
    }

    /// A unified-style line diff with two lines of context around each change.
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table; goldens are small enough for O(n*m).
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append((" ", a[i]))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                lines.append(("+", b[j]))
                j += 1
            } else {
                lines.append(("-", a[i]))
                i += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].0 != " " }
        var shown = Set<Int>()
        for index in changed { for k in max(0, index - 2)...min(lines.count - 1, index + 2) { shown.insert(k) } }
        var out = ""
        var previous = -1
        for index in shown.sorted() {
            if previous >= 0, index > previous + 1 { out += "   ...\n" }
            out += "\(lines[index].0) \(lines[index].1)\n"
            previous = index
        }
        return out
    }
}

import Foundation

/// Writes a file so that readers see the old contents or the new, never half of either: the
/// text goes to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(ScopeLintError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).scopelint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            throw .unwritable(file: path, reason: "the folder is missing or not writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: "cannot replace the file")
        }
    }

    /// The path with `.`/`..` and symbolic links resolved, to tell whether two names are one file.
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

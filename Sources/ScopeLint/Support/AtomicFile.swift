import Foundation

/// Writes a file so that readers see the old contents or the new, never half of either: the
/// text goes to a temporary file in the same folder, which is then renamed over the target.
package enum AtomicFile {
    package static func write(_ text: String, to path: String) throws(ScopeLintError) {
        try write(to: path) { $0.write(trusted: text) }
    }

    /// Streams `body`'s output into the temporary file, then renames it over `path`; when `body`
    /// fails, the file is left as it was.
    package static func write(to path: String, _ body: (ByteStream) throws(ScopeLintError) -> Void)
        throws(ScopeLintError)
    {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).scopelint-\(ProcessInfo.processInfo.processIdentifier).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw .unwritable(file: path, reason: "the folder is missing or not writable") }
        let stream = ByteStream(descriptor: descriptor)
        do throws(ScopeLintError) {
            try body(stream)
        } catch {
            close(descriptor)
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        stream.flush()
        let closed = close(descriptor) == 0
        guard !stream.failed, closed else {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: "the disk is full or the file could not be written")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: "cannot replace the file")
        }
    }

    /// The path with `.`/`..` and symbolic links resolved, to tell whether two names are one file.
    package static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

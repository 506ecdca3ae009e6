import Foundation

/// Writes a file so that readers see the old contents or the new, never half of either: the
/// text goes to a temporary file in the same folder, which is then renamed over the target,
/// with the mode of the file it replaces. What exists and is not a regular file (a device, a
/// FIFO), and any path under /dev or /proc (/dev/stdout, /dev/fd/N), is written directly:
/// renaming over it would replace the device, or the system's name for a descriptor.
package enum AtomicFile {
    /// An output written to its temporary file and not yet renamed over its target (nothing
    /// to rename when it was written directly).
    package struct Pending {
        let temporary: String?
        let target: String
    }

    package static func write(_ text: String, to path: String) throws(ScopeLintError) {
        try write(to: path) { $0.write(trusted: text) }
    }

    /// Streams `body`'s output into the temporary file, then renames it over `path`; when `body`
    /// fails, the file is left as it was.
    package static func write(to path: String, _ body: (ByteStream) throws(ScopeLintError) -> Void)
        throws(ScopeLintError)
    {
        try commit([try stage(to: path, body)])
    }

    /// Writes `body`'s output for `path` without replacing anything yet: `commit` renames it
    /// over `path` once every output of the run is written, `discard` drops it. When `body` or
    /// the writing fails, nothing is left behind.
    package static func stage(to path: String, _ body: (ByteStream) throws(ScopeLintError) -> Void)
        throws(ScopeLintError) -> Pending
    {
        var status = stat()
        let exists = stat(path, &status) == 0
        let kind = status.st_mode & S_IFMT
        if exists && kind == S_IFDIR { throw .unwritable(file: path, reason: "it is a directory") }
        if exists && kind == S_IFBLK { throw .unwritable(file: path, reason: "it is a block device") }
        let system = URL(fileURLWithPath: path).standardizedFileURL.path
        if exists && (kind != S_IFREG || system.hasPrefix("/dev/") || system.hasPrefix("/proc/")) {
            // O_NONBLOCK: a FIFO nobody reads fails at once instead of waiting for a reader.
            let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw .unwritable(
                    file: path, reason: errno == ENXIO ? "nothing reads it" : String(cString: strerror(errno)))
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            try write(descriptor, path: path, body)
            return Pending(temporary: nil, target: path)
        }
        let url = URL(fileURLWithPath: path)
        let prefix = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).scopelint-").path
        // A random name, created exclusively: a stale temporary file (from a killed run with
        // the same process id, PID 1 in every container) cannot block the write.
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 where descriptor < 0 {
            temporary = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
            // A file being replaced keeps its mode; the temporary is private until it has it.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
            if descriptor < 0 && errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw .unwritable(file: path, reason: "the folder is missing or not writable") }
        if exists {
            _ = fchown(descriptor, status.st_uid, status.st_gid)
            _ = fchmod(descriptor, status.st_mode & 0o777)
        }
        do throws(ScopeLintError) {
            try write(descriptor, path: path, body)
        } catch {
            unlink(temporary)
            throw error
        }
        return Pending(temporary: temporary, target: path)
    }

    /// Renames every staged output over its target, in order; when one cannot be, the rest
    /// are dropped (the outputs renamed before it stay written).
    package static func commit(_ pending: [Pending]) throws(ScopeLintError) {
        for (index, output) in pending.enumerated() {
            guard let temporary = output.temporary else { continue }
            guard rename(temporary, output.target) == 0 else {
                discard(Array(pending[index...]))
                throw .unwritable(file: output.target, reason: "cannot replace the file")
            }
        }
    }

    /// Removes the temporary files of outputs that will not be renamed.
    package static func discard(_ pending: [Pending]) {
        for output in pending { if let temporary = output.temporary { unlink(temporary) } }
    }

    /// Streams `body` into the open `descriptor` and closes it.
    private static func write(
        _ descriptor: Int32, path: String, _ body: (ByteStream) throws(ScopeLintError) -> Void
    ) throws(ScopeLintError) {
        let stream = ByteStream(descriptor: descriptor)
        do throws(ScopeLintError) {
            try body(stream)
        } catch {
            close(descriptor)
            throw error
        }
        stream.flush()
        let closed = close(descriptor) == 0
        guard !stream.failed, closed else {
            throw .unwritable(file: path, reason: "the disk is full or the file could not be written")
        }
    }

    /// The path with `.`/`..` and symbolic links resolved, to tell whether two names are one file.
    package static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether two paths name one file: the same device and inode when both exist (whatever
    /// links, `..` or hard links name them), else the same canonical path.
    package static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        if stat(a, &first) == 0, stat(b, &second) == 0 {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        return canonical(a) == canonical(b)
    }
}

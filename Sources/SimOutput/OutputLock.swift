import Foundation
import SimExperiment

/// The lock a run holds on its output folder: a file `.NAME.lock` beside it, created exclusively
/// (`O_CREAT | O_EXCL`, atomic on local and NFS file systems alike, where `flock` may not hold
/// across machines), holding the process id and host of the run that owns it. A second run
/// stops with a message naming the first; a lock whose process is gone (same host) is taken
/// over, with a note.
public final class OutputLock {
    public let file: URL
    public let target: URL
    private var held = false

    public init(target: URL) {
        self.target = target
        file = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).lock")
    }

    public static var host: String { ProcessInfo.processInfo.hostName }

    /// Takes the lock, once per run.
    ///
    /// - Throws: exit 73 when another running simulate holds it.
    public func acquire() throws(CommandError) {
        guard !held else { return }
        let me = ProcessInfo.processInfo.processIdentifier
        for _ in 0..<2 {
            let fd = open(file.path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
            if fd >= 0 {
                let text = "\(me) \(Self.host)\n"
                _ = text.withCString { write(fd, $0, strlen($0)) }
                close(fd)
                held = true
                Cleanup.shared.register(lock: self)
                return
            }
            guard errno == EEXIST else { throw .cannotWrite("cannot create the lock \(file.path): \(String(cString: strerror(errno)))") }
            let owner = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            let parts = owner.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            let pid = parts.first.flatMap { Int32($0) }
            let host = parts.count > 1 ? parts[1] : ""
            if let pid, host == Self.host, pid != me, kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: file)
                FileHandle.standardError.write(
                    Data("simulate: note: removed \(file.path), the lock of an earlier run (process \(pid)) that was stopped\n".utf8))
                continue
            }
            if let pid, host == Self.host, pid == me {
                held = true
                return
            }
            let who = pid.map { "process \($0)" + (host.isEmpty ? "" : " on \(host)") } ?? "another run"
            throw .cannotWrite(
                "another simulate (\(who)) is writing to \(target.path); wait for it to finish or choose another --out (if that run is no longer running, delete \(file.path))"
            )
        }
        throw .cannotWrite("cannot take the lock \(file.path)")
    }

    /// Gives the lock up (at the end of a run, or when it is stopped).
    public func release() {
        guard held else { return }
        held = false
        unlink(file.path)
        Cleanup.shared.unregister(lock: self)
    }
}

/// What a run must undo if it is stopped (SIGINT, SIGTERM) or fails: its staging folders and its
/// locks. The one piece of process-wide state in the tool, behind a lock; the signal handlers
/// run on a dispatch queue, not in signal context.
public final class Cleanup: @unchecked Sendable {
    public static let shared = Cleanup()
    private let mutex = NSLock()
    private var folders: [URL] = []
    private var locks: [OutputLock] = []
    private var sources: [DispatchSourceSignal] = []

    public func register(_ folder: URL) { mutex.withLock { folders.append(folder) } }
    public func unregister(_ folder: URL) { mutex.withLock { folders.removeAll { $0 == folder } } }
    public func register(lock: OutputLock) { mutex.withLock { locks.append(lock) } }
    public func unregister(lock: OutputLock) { mutex.withLock { locks.removeAll { $0 === lock } } }

    /// Removes every staging folder registered and releases every lock.
    public func run() {
        let (folders, locks) = mutex.withLock { (self.folders, self.locks) }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        for lock in locks { lock.release() }
    }

    /// On SIGINT or SIGTERM: clean up, say so, and exit 128 + the signal.
    public func installSignalHandlers() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                run()
                FileHandle.standardError.write(
                    Data("simulate: stopped; no results were written (any earlier results are as they were)\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            mutex.withLock { sources.append(source) }
        }
    }
}

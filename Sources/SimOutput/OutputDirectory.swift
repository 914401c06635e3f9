import Foundation
import SimCore
import SimExperiment
import SimShard

/// Writes a results folder without ever losing a file the planner put there.
///
/// - Every folder the tool writes gets `SHA256SUMS`, the list of the files it wrote with their
///   SHA-256 (the format `sha256sum -c` reads). A file of the target is the tool's own only when
///   that list names it and it is unchanged; everything else (notes, an annotated copy, a
///   scenario) is the planner's.
/// - A target holding anything of the planner's stops the run with exit 73, naming the file.
///   With `force` the run goes on: it replaces its own files and leaves every other file where it
///   is. A file of the tool's that was changed since (an edited `summary.csv`) is never
///   overwritten, even with `force`.
/// - The files are written into a staging folder beside the target. A target that holds only
///   the tool's files is swapped with it in one atomic step (`renameat2(RENAME_EXCHANGE)` on
///   Linux); otherwise each file is renamed into place (each rename atomic) and `SHA256SUMS` last.
/// - A lock file beside the target (`.NAME.lock`, holding the process id and host, which works on
///   a cluster's shared file system where `flock` may not) keeps a second run off the same folder.
/// - Every start clears what an earlier killed run left (its lock, its staging) and says so.
public struct OutputDirectory {
    public let target: URL
    public let force: Bool
    /// Files and folders the command reads: the target may not be one of them, hold one, or sit in one.
    public var inputs: [String] = []
    private let lock: OutputLock

    public static let marker = "\"generator\": \"kompeten-simulate\""
    public static let sumsName = "SHA256SUMS"
    /// The files whose content carries the tool's marker: one of them, listed and unchanged, makes
    /// a `SHA256SUMS` the tool's own.
    public static let markedFiles = ["run.json", "partial.json", "sensitivity-partial.json"]

    public init(target: URL, force: Bool, inputs: [String] = []) {
        self.target = target.standardizedFileURL
        self.force = force
        self.inputs = inputs
        lock = OutputLock(target: self.target)
    }

    public var parent: URL { target.deletingLastPathComponent() }
    public var name: String { target.lastPathComponent }
    public var stagingPrefix: String { ".\(name).partial-" }

    /// Checks, before anything runs, that the target may be written, and takes the lock on it.
    public func checkWritable() throws(CommandError) {
        guard !name.isEmpty, name != "/", name != ".", name != ".." else { throw .usage("--out needs a folder name, got '\(target.path)'") }
        try refuseOverlapWithInputs()
        let manager = FileManager.default
        var ancestor = parent
        var isFolder: ObjCBool = false
        while !manager.fileExists(atPath: ancestor.path, isDirectory: &isFolder) && ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isFolder.boolValue else { throw .cannotWrite("cannot write \(target.path): \(ancestor.path) is not a folder") }
        guard manager.isWritableFile(atPath: ancestor.path) else {
            throw .cannotWrite("cannot write \(target.path): \(ancestor.path) is not writable; choose another --out")
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) && !isDirectory.boolValue {
            throw .cannotWrite("\(target.path) exists and is not a folder; choose another --out")
        }
        if manager.fileExists(atPath: parent.path) { try lock.acquire() }
        _ = try ownership()
    }

    /// The target is none of the inputs, holds none, and is inside none.
    public func refuseOverlapWithInputs() throws(CommandError) {
        let out = target.resolvingSymlinksInPath().path
        for input in inputs {
            let path = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if path == out || path.hasPrefix(out + "/") || out.hasPrefix(path + "/") {
                throw .usage(
                    "--out \(target.path) \(path == out ? "is" : path.hasPrefix(out + "/") ? "holds" : "is inside") the input \(input); write the results somewhere else"
                )
            }
        }
    }

    /// What the target holds: the tool's own unchanged files (by name), and the planner's files.
    ///
    /// - Throws: exit 73 naming the first files that are not the tool's (unless `force`), or a
    ///   file of the tool's changed since it was written (even with `force`).
    public func ownership() throws(CommandError) -> (own: Set<String>, others: [String]) {
        let manager = FileManager.default
        guard let contents = try? manager.contentsOfDirectory(atPath: target.path) else { return ([], []) }
        // Name → the digests the tool wrote it with: the target's list, and the list of a staging
        // folder a run killed while renaming its files into place left (its run.json may
        // already be in the target).
        var listed: [String: Set<String>] = [:]
        let lists =
            [Self.listing(in: target, vouchedBy: [target])]
            + leftovers().map { leftover in
                let folder = parent.appendingPathComponent(leftover)
                return Self.listing(in: folder, vouchedBy: [folder, target])
            }
        for list in lists { for (name, sum) in list { listed[name, default: []].insert(sum.lowercased()) } }
        var own: Set<String> = []
        var changed: [String] = []
        var others: [String] = []
        for entry in contents.sorted() where entry != Self.sumsName {
            guard let sums = listed[entry] else {
                others.append(entry)
                continue
            }
            if let found = try? Self.digest(of: target.appendingPathComponent(entry)), sums.contains(found) {
                own.insert(entry)
            } else {
                changed.append(entry)
            }
        }
        if contents.contains(Self.sumsName) && listed.isEmpty { others.append(Self.sumsName) }
        if !changed.isEmpty {
            throw .cannotWrite(
                "\(target.path) holds \(Self.names(changed)), changed since simulate wrote \(changed.count == 1 ? "it" : "them"); simulate never overwrites your edits, even with --force: move or rename \(changed.count == 1 ? "it" : "them"), or choose another --out"
            )
        }
        if !others.isEmpty && !force {
            let legacy =
                Self.markedFiles.contains { name in
                    (try? String(contentsOf: target.appendingPathComponent(name), encoding: .utf8))?.contains(Self.marker) == true
                } && listed.isEmpty
            let why =
                legacy
                ? "it was written by an older simulate that kept no list of its files, so its files cannot be told from yours; move the folder away or choose another --out"
                : "simulate did not write \(others.count == 1 ? "it" : "them"); choose another --out, or pass --force to write beside \(others.count == 1 ? "it" : "them") (nothing of yours is replaced or deleted)"
            throw .cannotWrite("\(target.path) holds \(Self.names(others)): \(why)")
        }
        return (own, others)
    }

    public static func names(_ files: [String]) -> String {
        let shown = files.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return files.count > 5 ? "\(shown) and \(files.count - 5) more" : shown
    }

    /// The files a folder's `SHA256SUMS` lists, when it is the tool's (a file it lists that
    /// carries the marker is unchanged in one of `vouchers`): name → SHA-256.
    public static func listing(in folder: URL, vouchedBy vouchers: [URL]) -> [String: String] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(sumsName), encoding: .utf8) else { return [:] }
        var listed: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].count == 64 else { return [:] }
            listed[String(parts[1].trimmingCharacters(in: .whitespaces))] = String(parts[0])
        }
        // The list is the tool's only if a file it lists that carries the marker is unchanged.
        let vouched = markedFiles.contains { name in
            guard let sum = listed[name] else { return false }
            return vouchers.contains { voucher in
                guard let data = try? Data(contentsOf: voucher.appendingPathComponent(name)) else { return false }
                return SHA256.hex(of: data) == sum.lowercased() && String(decoding: data, as: UTF8.self).contains(marker)
            }
        }
        return vouched ? listed : [:]
    }

    public static func digest(of url: URL) throws -> String { try ShardChecksums.digest(of: url) }

    /// Staging folders of earlier runs of this target (only a run holding the lock writes one).
    public func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.hasPrefix(stagingPrefix) || $0.hasPrefix(".\(name).previous-") }.sorted()
    }

    /// Writes `files` (name → text) and puts them in place.
    public func write(_ files: [(name: String, contents: String)]) throws(CommandError) {
        try write(files.map { ($0.name, Array($0.contents.utf8)) })
    }

    /// Writes `files` (name → bytes) and puts them in place.
    public func write(_ files: [(name: String, bytes: [UInt8])]) throws(CommandError) {
        try write { staging in
            for file in files { try Data(file.bytes).write(to: Self.child(staging, file.name)) }
        }
    }

    /// A file of the staging directory; names are made by this tool, never paths out of it.
    public static func child(_ directory: URL, _ name: String) -> URL {
        precondition(!name.contains("/") && name != ".." && name != "." && !name.isEmpty, "bad output name \(name)")
        return directory.appendingPathComponent(name)
    }

    /// Lets `produce` fill a staging folder, lists its files in `SHA256SUMS`, then puts them in place.
    public func write(_ produce: (URL) throws -> Void) throws(CommandError) {
        let manager = FileManager.default
        do { try manager.createDirectory(at: parent, withIntermediateDirectories: true) } catch {
            throw .cannotWrite("cannot create \(parent.path): \(error.localizedDescription)")
        }
        try checkWritable()
        let (own, others) = try ownership()
        clearLeftovers()
        let staging = parent.appendingPathComponent("\(stagingPrefix)\(ProcessInfo.processInfo.processIdentifier)")
        // Until its files start moving into the target, the staging folder is only a draft: a
        // stop removes it. From then on it is the record of what is the tool's, kept if a move fails.
        Cleanup.shared.register(staging)
        var keep = false
        defer {
            if !keep { try? manager.removeItem(at: staging) }
            Cleanup.shared.unregister(staging)
        }
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try produce(staging)
            let written = try manager.contentsOfDirectory(atPath: staging.path).filter { $0 != Self.sumsName }.sorted()
            let sums = try written.map { "\(try Self.digest(of: staging.appendingPathComponent($0)))  \($0)\n" }.joined()
            try Data(sums.utf8).write(to: staging.appendingPathComponent(Self.sumsName))
            if !manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: staging, to: target)
            } else if others.isEmpty && Swap.exchange(staging, target) {
                // One atomic step: the target now holds the new files, the staging path the old.
            } else {
                let clashes = written.filter { manager.fileExists(atPath: target.appendingPathComponent($0).path) && !own.contains($0) }
                guard clashes.isEmpty else {
                    throw CommandError.cannotWrite(
                        "\(target.path) holds \(Self.names(clashes)), which simulate did not write and would have to replace; move \(clashes.count == 1 ? "it" : "them") away or choose another --out"
                    )
                }
                Cleanup.shared.unregister(staging)
                keep = true
                try moveIntoPlace(from: staging, files: written, replacing: own)
                keep = false
            }
        } catch let error as CommandError {
            throw error
        } catch {
            throw .cannotWrite("cannot write \(target.path): \(error.localizedDescription)")
        }
        lock.release()
    }

    /// Renames each new file into the target (each rename is atomic), removes the tool's old files
    /// the run no longer writes, then puts the files that carry the marker (run.json) and
    /// `SHA256SUMS` in place last. A kill part-way leaves the staging folder, whose list the next
    /// start reads (``ownership()``); until run.json moves, the target's old list still holds for
    /// the old files (its run.json is unchanged), and after it, the staging folder's list holds
    /// for every file. Nothing moves unless every file can: a file of the planner's with a name
    /// the tool writes stops the run first.
    public func moveIntoPlace(from staging: URL, files: [String], replacing own: Set<String>) throws {
        let manager = FileManager.default
        let ordered = files.filter { !Self.markedFiles.contains($0) } + files.filter { Self.markedFiles.contains($0) }
        /// rename(2): replaces the destination in one step, or fails leaving both as they were.
        func move(_ name: String) throws {
            let destination = target.appendingPathComponent(name)
            guard rename(staging.appendingPathComponent(name).path, destination.path) == 0 else {
                throw CommandError.cannotWrite("cannot put \(name) into \(target.path): \(String(cString: strerror(errno)))")
            }
        }
        for file in ordered where !Self.markedFiles.contains(file) { try move(file) }
        for stale in own.subtracting(files) { try manager.removeItem(at: target.appendingPathComponent(stale)) }
        for file in ordered where Self.markedFiles.contains(file) { try move(file) }
        try move(Self.sumsName)
    }

    /// Removes what earlier killed runs of this target left, saying so on stderr; a results
    /// folder an old version was swapping when it was killed is put back first.
    public func clearLeftovers() {
        let manager = FileManager.default
        for leftover in leftovers() {
            let url = parent.appendingPathComponent(leftover)
            if leftover.hasPrefix(".\(name).previous-") && !manager.fileExists(atPath: target.path) {
                try? manager.moveItem(at: url, to: target)
                note("put back \(target.path), which an earlier run was replacing when it was stopped")
                continue
            }
            try? manager.removeItem(at: url)
            note("removed \(url.path), left by an earlier run that was stopped while writing")
        }
    }

    public func note(_ text: String) { FileHandle.standardError.write(Data("simulate: note: \(text)\n".utf8)) }
}

/// The atomic exchange of two folders where the platform has one (Linux's `renameat2` with
/// `RENAME_EXCHANGE`, found at run time: the Glibc module does not declare it).
public enum Swap {
    public typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    public static let renameExchange: UInt32 = 2

    /// Exchanges `a` and `b` in one step; `false` when the platform or the file system cannot.
    public static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
            let rename = unsafeBitCast(symbol, to: RenameAt2.self)
            return rename(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
        #else
            return false
        #endif
    }
}

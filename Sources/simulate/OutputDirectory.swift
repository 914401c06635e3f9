import Foundation

/// Writes a results directory all at once: files go into a temporary directory beside the
/// target, which replaces the target by rename only when everything is written, so an
/// interrupted or failed run leaves the previous results untouched and no partial files.
///
/// A non-empty target is replaced only when it is a previous results directory (it holds this
/// tool's `run.json` or a shard's `partial.json`) or when `force` is set.
struct OutputDirectory {
    let target: URL
    let force: Bool

    static let marker = "\"generator\": \"kompeten-simulate\""

    /// Checks, before anything runs, that the target may be written: the nearest folder that
    /// exists above it must be a folder we can write in (the results are staged beside the
    /// target and renamed into place), and a target that exists must be replaceable.
    func checkWritable() throws(CLIError) {
        let manager = FileManager.default
        var ancestor = target.deletingLastPathComponent().standardizedFileURL
        var isFolder: ObjCBool = false
        while !manager.fileExists(atPath: ancestor.path, isDirectory: &isFolder) && ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isFolder.boolValue else { throw .cannotWrite("cannot write \(target.path): \(ancestor.path) is not a folder") }
        guard manager.isWritableFile(atPath: ancestor.path) else {
            throw .cannotWrite("cannot write \(target.path): \(ancestor.path) is not writable; choose another --out")
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .cannotWrite("\(target.path) exists and is not a directory") }
        let contents = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        if contents.isEmpty || force { return }
        for name in ["run.json", "partial.json"] {
            if let text = try? String(contentsOf: target.appendingPathComponent(name), encoding: .utf8), text.contains(Self.marker) { return }
        }
        throw .cannotWrite("\(target.path) is not empty and is not a previous results directory; choose another --out or pass --force to replace it")
    }

    /// Writes `files` (name → text) and swaps them in.
    func write(_ files: [(name: String, contents: String)]) throws(CLIError) {
        try write(files.map { ($0.name, Array($0.contents.utf8)) })
    }

    /// Writes `files` (name → bytes) and swaps them in.
    func write(_ files: [(name: String, bytes: [UInt8])]) throws(CLIError) {
        try write { staging in
            for file in files { try Data(file.bytes).write(to: Self.child(staging, file.name)) }
        }
    }

    /// A file of the staging directory; names are made by this tool, never paths out of it.
    static func child(_ directory: URL, _ name: String) -> URL {
        precondition(!name.contains("/") && name != ".." && name != "." && !name.isEmpty, "bad output name \(name)")
        return directory.appendingPathComponent(name)
    }

    /// Lets `produce` fill a staging directory, then swaps it in for the target.
    func write(_ produce: (URL) throws -> Void) throws(CLIError) {
        try checkWritable()
        let manager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(stamp)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).previous-\(stamp)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            // Staging left by a run that was killed is never results: clear it.
            for name in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
            where name.hasPrefix(".\(target.lastPathComponent).partial-") || name.hasPrefix(".\(target.lastPathComponent).previous-") {
                if name.hasPrefix(".\(target.lastPathComponent).previous-") && !manager.fileExists(atPath: target.path) {
                    try? manager.moveItem(at: parent.appendingPathComponent(name), to: target)  // a swap was cut short
                } else {
                    try? manager.removeItem(at: parent.appendingPathComponent(name))
                }
            }
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try produce(staging)
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: retired)
                try manager.moveItem(at: staging, to: target)
                try manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch let error as CLIError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: target.path) && manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            throw .cannotWrite("cannot write \(target.path): \(error.localizedDescription)")
        }
    }
}

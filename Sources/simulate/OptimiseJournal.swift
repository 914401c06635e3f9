import Foundation
import SimCore

/// What `simulate optimise` has measured so far, one line per (plan, replication), appended as it
/// goes so that an interrupted search resumes where it stopped.
///
/// The search and the selection are deterministic for their seed, so a resumed run asks for the
/// same plans in the same order; the journal answers those already measured, and the run goes
/// on to the same result as one never interrupted. Numbers are written in Swift's shortest
/// round-trip form, so they read back bit for bit. A line cut short by a kill is ignored.
final class OptimiseJournal {
    static let magic = "kompeten-optimise-journal 1"
    let url: URL
    let fingerprint: String
    /// Per plan key, per replication, the measures.
    private(set) var measured: [String: [Int: [Double]]] = [:]
    private var handle: FileHandle?

    /// Opens the journal at `url`, reading what it holds when it was written for the same
    /// problem; refuses one written for another unless `restart` is set.
    init(url: URL, fingerprint: String, restart: Bool) throws(CLIError) {
        self.url = url
        self.fingerprint = fingerprint
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw .cannotWrite("cannot read the journal \(url.path); delete it to start over")
            }
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
            let header = lines.popFirst().map(String.init) ?? ""
            guard header.hasPrefix(Self.magic) else {
                throw .cannotWrite("\(url.path) is not a journal of simulate optimise; move it away or choose another --out")
            }
            if header == "\(Self.magic)\t\(fingerprint)" {
                // Only whole lines count: a kill mid-line may leave a number cut short but still readable.
                if !text.hasSuffix("\n") { lines = lines.dropLast() }
                for line in lines { read(line) }
            } else if !restart {
                throw .usage("\(url.path) was written for another problem (the scenario, its objective, constraints, --set or seed differ); pass --restart to discard it and start over")
            }
            if header != "\(Self.magic)\t\(fingerprint)" { try? manager.removeItem(at: url) }
        }
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: Data("\(Self.magic)\t\(fingerprint)\n".utf8)) else {
                throw .cannotWrite("cannot write the journal \(url.path); choose another --out")
            }
        } else if let data = try? Data(contentsOf: url), data.last != UInt8(ascii: "\n") {
            // A line cut short by a kill: end it, so the next line starts clean (it is ignored on reading).
            try? appendRaw(Data("\n".utf8))
        }
        handle = try? FileHandle(forWritingTo: url)
        _ = try? handle?.seekToEnd()
    }

    var count: Int { measured.values.reduce(0) { $0 + $1.count } }

    func values(_ key: String, replication: Int) -> [Double]? { measured[key]?[replication] }

    /// Records measures and appends them to the file at once.
    func record(_ key: String, replication: Int, values: [Double]) throws(CLIError) {
        measured[key, default: [:]][replication] = values
        let line = "\(replication)\t\(key)\t\(values.map { "\($0)" }.joined(separator: " "))\n"
        do { try handle?.write(contentsOf: Data(line.utf8)) } catch {
            throw .cannotWrite("cannot append to the journal \(url.path): \(error.localizedDescription)")
        }
    }

    /// Removes the journal once the results it served are written.
    func remove() {
        try? handle?.close()
        handle = nil
        try? FileManager.default.removeItem(at: url)
    }

    private func appendRaw(_ data: Data) throws {
        let h = try FileHandle(forWritingTo: url)
        try h.seekToEnd()
        try h.write(contentsOf: data)
        try h.close()
    }

    private func read(_ line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3, let replication = Int(fields[0]) else { return }
        let numbers = fields[2].split(separator: " ").map { Double(String($0)) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return }
        measured[String(fields[1]), default: [:]][replication] = numbers.map { $0! }
    }
}

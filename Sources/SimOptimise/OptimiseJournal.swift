import Foundation
import SimCore

/// What `simulate optimise` has measured so far, one line per (plan, replication), appended as it
/// goes so that an interrupted search resumes where it stopped.
///
/// The search and the selection are deterministic for their seed, so a resumed run asks for the
/// same plans in the same order; the journal answers those already measured, and the run goes
/// on to the same result as one never interrupted. Numbers are written in Swift's shortest
/// round-trip form, so they read back bit for bit. Each line ends with a checksum of itself (the
/// first 16 hex digits of its SHA-256), so a line changed by hand or by a damaged disk is refused
/// with its number, never taken as measured; so are a line with the wrong count of numbers and
/// a line that contradicts an earlier one. Only a last line cut short by a kill (no line end) is
/// ignored. CRLF line ends (a journal opened and saved on Windows) read like LF.
public final class OptimiseJournal {
    public static let magic = "kompeten-optimise-journal 2"
    public let url: URL
    public let fingerprint: String
    /// The numbers each line holds.
    public let measures: Int
    /// Per plan key, per replication, the measures and the line they came from.
    private(set) var measured: [String: [Int: [Double]]] = [:]
    private var lineOf: [String: [Int: Int]] = [:]
    private var handle: FileHandle?

    /// Why a journal cannot be used, each with what to do.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The file is not a journal of simulate optimise (exit 73: it is not ours to replace).
        case notAJournal(file: String)
        /// Written for another problem or by an older simulate (exit 64: `--restart` discards it).
        case otherProblem(file: String, olderVersion: Bool)
        /// A line changed or damaged after it was written (exit 64: `--restart` starts afresh).
        case damaged(file: String, line: Int, why: String)
        case cannotRead(file: String)
        case cannotWrite(file: String, why: String)

        public var description: String {
            switch self {
            case .notAJournal(let file): return "\(file) is not a journal of simulate optimise; move it away or choose another --out"
            case .otherProblem(let file, let older):
                return
                    "\(file) was written \(older ? "by an older simulate" : "for another problem (the scenario, its objective, constraints, --set or seed differ)"); pass --restart to discard it and start over"
            case .damaged(let file, let line, let why):
                return
                    "\(file):\(line): \(why); the journal was changed or damaged after simulate wrote it. Pass --restart to start afresh (the plans are measured again)"
            case .cannotRead(let file): return "cannot read the journal \(file) as text; pass --restart to start afresh"
            case .cannotWrite(let file, let why): return "cannot write the journal \(file): \(why); choose another --out"
            }
        }
    }

    /// Opens the journal at `url`, reading what it holds when it was written for the same
    /// problem; refuses one written for another problem, or a damaged one, unless `restart` is set.
    public init(url: URL, fingerprint: String, measures: Int, restart: Bool) throws(Problem) {
        self.url = url
        self.fingerprint = fingerprint
        self.measures = measures
        let manager = FileManager.default
        let header = "\(Self.magic)\t\(fingerprint)\t\(measures)"
        if manager.fileExists(atPath: url.path) && restart {
            try? manager.removeItem(at: url)
        } else if manager.fileExists(atPath: url.path) {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw .cannotRead(file: url.path) }
            // "\r\n" is one Character in Swift: split on either line end.
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })[...]
            let first = lines.popFirst().map(String.init) ?? ""
            guard first.hasPrefix("kompeten-optimise-journal ") else { throw .notAJournal(file: url.path) }
            guard first == header else { throw .otherProblem(file: url.path, olderVersion: !first.hasPrefix(Self.magic + "\t")) }
            // Only whole lines count: a kill mid-line leaves the last one without its line end.
            if text.utf8.last != UInt8(ascii: "\n") { lines = lines.dropLast() }
            for (offset, line) in lines.enumerated() where !line.isEmpty { try read(line, number: offset + 2) }
        }
        if !manager.fileExists(atPath: url.path) {
            guard manager.createFile(atPath: url.path, contents: Data("\(header)\n".utf8)) else {
                throw .cannotWrite(file: url.path, why: "the file cannot be created")
            }
        } else if let data = try? Data(contentsOf: url), data.last != UInt8(ascii: "\n") {
            // A line cut short by a kill: end it, so the next line starts clean (it is refused as damaged only if it is not last).
            try? appendRaw(Data("\n".utf8))
        }
        handle = try? FileHandle(forWritingTo: url)
        _ = try? handle?.seekToEnd()
    }

    public var count: Int { measured.values.reduce(0) { $0 + $1.count } }

    public func values(_ key: String, replication: Int) -> [Double]? { measured[key]?[replication] }

    static func checksum(_ body: Substring) -> String { String(SHA256.hex(of: Array(body.utf8)).prefix(16)) }

    /// Records measures and appends them to the file at once.
    public func record(_ key: String, replication: Int, values: [Double]) throws(Problem) {
        measured[key, default: [:]][replication] = values
        let body = "\(replication)\t\(key)\t\(values.map { "\($0)" }.joined(separator: " "))"
        let line = "\(body)\t\(Self.checksum(body[...]))\n"
        do { try handle?.write(contentsOf: Data(line.utf8)) } catch {
            throw .cannotWrite(file: url.path, why: error.localizedDescription)
        }
    }

    /// Removes the journal once the results it served are written.
    public func remove() {
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

    private func read(_ line: Substring, number: Int) throws(Problem) {
        func damaged(_ why: String) -> Problem { .damaged(file: url.path, line: number, why: why) }
        guard let tab = line.lastIndex(of: "\t") else { throw damaged("no checksum") }
        let body = line[..<tab]
        let sum = line[line.index(after: tab)...]
        guard Self.checksum(body) == sum else { throw damaged("the line does not match its checksum") }
        let fields = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3, let replication = Int(fields[0]), replication >= 0 else {
            throw damaged("expected a replication, a plan and its numbers")
        }
        let numbers = fields[2].split(separator: " ").map { Double(String($0)) }
        guard numbers.count == measures, numbers.allSatisfy({ $0 != nil }) else { throw damaged("expected \(measures) numbers") }
        let key = String(fields[1])
        let values = numbers.map { $0! }
        if let earlier = measured[key]?[replication] {
            guard earlier.map(\.bitPattern) == values.map(\.bitPattern) else {
                throw damaged("it gives other numbers for the same plan and replication than line \(lineOf[key]?[replication] ?? 0)")
            }
            return
        }
        measured[key, default: [:]][replication] = values
        lineOf[key, default: [:]][replication] = number
    }
}

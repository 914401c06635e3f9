import Foundation

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The `simulate` binary built beside the test bundle.
let simulateBinary: URL = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("simulate")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    for configuration in ["release", "debug"] {
        let candidate = packageRoot.appendingPathComponent(".build/\(configuration)/simulate")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/release/simulate")
}()

struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `simulate` with `arguments` in the package root and waits for it.
@discardableResult
func simulate(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
    let process = Process()
    process.executableURL = simulateBinary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var env = ProcessInfo.processInfo.environment
    for key in env.keys where key.hasPrefix("SLURM_") || key == "JOB_COMPLETION_INDEX" { env[key] = nil }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// A fresh directory for one test's outputs.
func scratchDirectory(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kompeten-tests-\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

/// RFC 4180 fields of CSV text (CRLF or LF rows), with `separator`.
func parseCSV(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
        if let p = pending {
            pending = nil
            return p
        }
        return iterator.next()
    }
    while let c = next() {
        if quoted {
            if c == "\"" {
                if let following = next() {
                    if following == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    quoted = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == separator {
            row.append(field)
            field = ""
        } else if c == "\r" {
            continue
        } else if c == "\n" || c == "\r\n" {  // CRLF is one Character in Swift
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

/// The files of a results directory except run.json, which holds wall time and the command line,
/// and SHA256SUMS, which lists run.json's checksum with the others'.
func reproducibleFiles(_ directory: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name != "run.json" && name != "SHA256SUMS" {
        files[name] = try read(directory.appendingPathComponent(name))
    }
    return files
}

/// The values found in any of the texts, by a plain byte search: Foundation's `contains` on
/// long texts costs seconds over the hundreds of values a privacy search needs.
func valuesFound(_ values: [String], in texts: [String]) -> [String] {
    let haystacks = texts.map { Array($0.utf8) }
    func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        // Raw buffers: a few billion byte comparisons per privacy test, without bounds checks.
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
    return values.filter { value in haystacks.contains { occurs(Array(value.utf8), in: $0) } }
}

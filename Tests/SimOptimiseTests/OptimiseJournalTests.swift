import Foundation
import SimOptimise
import Testing

/// The optimise journal (issue 33, item 11): a line changed by hand or by a damaged disk is
/// refused with its number, never taken as measured; only a last line cut short by a kill is
/// ignored; CRLF line ends read like LF.
@Suite struct OptimiseJournalTests {
    static func reopen(_ url: URL, text: Data) throws(OptimiseJournal.Problem) -> OptimiseJournal {
        try? text.write(to: url)
        return try OptimiseJournal(url: url, fingerprint: "abc", measures: 4, restart: false)
    }

    @Test func damagedLinesAreRefusedWithTheirNumber() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Written, read back before removal: the whole text.
        let url = dir.appendingPathComponent("out.journal")
        let journal = try OptimiseJournal(url: url, fingerprint: "abc", measures: 4, restart: false)
        for i in 0..<20 { try journal.record("plan\(i % 7)", replication: i, values: [Double(i), i == 3 ? .nan : 1, .infinity, 2]) }
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        func refused(_ changed: [String], line: Int) {
            do {
                _ = try Self.reopen(url, text: Data((changed.joined(separator: "\n") + "\n").utf8))
                Issue.record("accepted: \(changed[line - 1])")
            } catch {
                if case .damaged(_, let found, _) = error { #expect(found == line, "\(error)") } else { Issue.record("\(error)") }
            }
        }
        // A changed value, a NaN or an infinity typed in, a line with too few numbers, a
        // conflicting duplicate: each refused at its line.
        var changed = lines
        changed[5] = changed[5].replacingOccurrences(of: "\t4.0 ", with: "\t5.0 ")
        refused(changed, line: 6)
        changed = lines
        changed[2] = changed[2].replacingOccurrences(of: "\t1.0 1.0 ", with: "\tnan 1.0 ")
        refused(changed, line: 3)
        changed = lines
        changed[8] = changed[8].replacingOccurrences(of: " inf", with: " 1e308")
        refused(changed, line: 9)
        let fields = lines[4].split(separator: "\t")
        let short = "\(fields[0])\t\(fields[1])\t1.0 2.0"
        changed = lines
        changed[4] = short + "\t" + String(checksum(short))
        refused(changed, line: 5)
        let body = lines[6].split(separator: "\t").dropLast().joined(separator: "\t").replacingOccurrences(of: "\t5.0 ", with: "\t6.5 ")
        changed = lines
        changed.append(body + "\t" + checksum(body))
        refused(changed, line: 22)
        // CRLF reads; a last line cut short is ignored; a duplicate with the same numbers is fine.
        let crlf = lines.joined(separator: "\r\n") + "\r\n"
        let read = try Self.reopen(url, text: Data(crlf.utf8))
        #expect(
            read.count == 20 && read.values("plan3", replication: 3)?[1].isNaN == true
                && read.values("plan4", replication: 4)?[2] == .infinity)
        lines.append(lines[3])
        #expect(try Self.reopen(url, text: Data((lines.joined(separator: "\n") + "\n" + "7\tplan0\t1.0 2").utf8)).count == 20)
        // --restart discards a damaged journal.
        try Data((lines.joined(separator: "\n") + "\nrubbish\tline\n").utf8).write(to: url)
        #expect(try OptimiseJournal(url: url, fingerprint: "abc", measures: 4, restart: true).count == 0)
    }

    func checksum(_ body: String) -> String {
        // The journal's rule, restated: the first 16 hex digits of the line's SHA-256.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(body.utf8))
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(16))
    }

    /// 1,000 seeded mutations of a journal: each opens or is refused, never traps, and what it
    /// reads is exactly what was written (a mutation is never taken as measured).
    @Test func mutatedJournalsNeverGiveNumbersThatWereNotWritten() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journal-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.journal")
        let journal = try OptimiseJournal(url: url, fingerprint: "abc", measures: 4, restart: false)
        var written: [String: [Int: [Double]]] = [:]
        for i in 0..<20 {
            let values = [Double(i) * 0.125, -Double(i), 1e-3 * Double(i), 7]
            try journal.record("plan\(i % 6)", replication: i, values: values)
            written["plan\(i % 6)", default: [:]][i] = values
        }
        let original = [UInt8](try Data(contentsOf: url))
        var state: UInt64 = 3
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            return z ^ (z >> 27)
        }
        var opened = 0
        var refused = 0
        for _ in 0..<1_000 {
            var bytes = original
            let at = Int(next() % UInt64(bytes.count))
            switch next() % 5 {
            case 0: bytes[at] ^= UInt8(1 << (next() % 8))
            case 1: bytes = Array(bytes.prefix(at))
            case 2: bytes.insert(UInt8(ascii: "\t"), at: at)
            case 3: bytes.insert(UInt8(ascii: "\n"), at: at)
            default: bytes.remove(at: at)
            }
            do {
                let read = try Self.reopen(url, text: Data(bytes))
                opened += 1
                for (key, replications) in written {
                    for (replication, values) in replications {
                        if let found = read.values(key, replication: replication) { #expect(found == values) }
                    }
                }
            } catch {
                refused += 1
            }
        }
        #expect(opened > 20 && refused > 500, "\(opened) opened, \(refused) refused")
    }
}

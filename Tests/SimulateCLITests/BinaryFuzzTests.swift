import Foundation
import Testing

/// Thirty seeded mutations of a roster and of a booked-session file through the built binary
/// (issue 33): every run exits 0 (a result) or 65/66 (an error), never by a signal, and a run that
/// fails writes nothing.
@Suite struct BinaryFuzzTests {
    @Test func mutatedFilesThroughTheBinaryExitCleanlyAndWriteNothingOnError() throws {
        let dir = scratchDirectory("binary-fuzz")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rosters = packageRoot.appendingPathComponent("Tests/SimScenarioTests/BrokenRosters")
        var state: UInt64 = 11
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            return z ^ (z >> 27)
        }
        var statuses: [Int32: Int] = [:]
        for (key, base) in [("regions.town.roster", "fuzz-base.csv"), ("regions.town.startState.bookedSessions", "fuzz-booked.csv")] {
            let original = [UInt8](try Data(contentsOf: rosters.appendingPathComponent(base)))
            for number in 0..<15 {
                var bytes = original
                for _ in 0...(next() % 3) {
                    let at = Int(next() % UInt64(bytes.count))
                    switch next() % 4 {
                    case 0: bytes[at] ^= UInt8(1 << (next() % 8))
                    case 1: bytes.insert(UInt8(ascii: "\""), at: at)
                    case 2: bytes.insert(UInt8(ascii: ";"), at: at)
                    default: bytes = Array(bytes.prefix(max(1, at)))
                    }
                }
                let file = dir.appendingPathComponent("\(base)-\(number).csv")
                let out = dir.appendingPathComponent("out-\(base)-\(number)")
                try Data(bytes).write(to: file)
                let outcome = try simulate([
                    rosters.appendingPathComponent("town.json").path, "--set", "\(key)=\(file.path)",
                    "--replications", "1", "--out", out.path, "--quiet",
                ])
                statuses[outcome.status, default: 0] += 1
                #expect([0, 65, 66].contains(outcome.status), "\(base) mutation \(number): exit \(outcome.status) \(outcome.stderr)")
                if outcome.status == 0 {
                    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("SHA256SUMS").path))
                } else {
                    #expect(!FileManager.default.fileExists(atPath: out.path), "\(base) mutation \(number) failed but wrote \(out.path)")
                }
            }
        }
        #expect(statuses[0, default: 0] > 0 && statuses[65, default: 0] > 0, "\(statuses)")
    }
}

import Foundation
import SimScenario
import Testing

/// A seeded generator of mutations (SplitMix64): the same seed, the same 1,000 files.
struct Mutator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// One to three of: a flipped bit, a byte set to anything, a truncation, an inserted quote,
    /// separator or line end, a deleted byte, a duplicated run of bytes.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0...below(3) {
            guard !out.isEmpty else { break }
            let at = below(out.count)
            switch below(8) {
            case 0: out[at] ^= UInt8(1 << below(8))
            case 1: out[at] = UInt8(truncatingIfNeeded: next())
            case 2: out = Array(out.prefix(at))
            case 3: out.insert(UInt8(ascii: "\""), at: at)
            case 4: out.insert([UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")][below(3)], at: at)
            case 5: out.insert([UInt8(ascii: "\n"), UInt8(ascii: "\r")][below(2)], at: at)
            case 6: out.remove(at: at)
            default:
                let length = min(out.count - at, 1 + below(40))
                out.insert(contentsOf: out[at..<(at + length)], at: at)
            }
        }
        return out
    }
}

/// 1,000 seeded mutations each of a roster and of a booked-session file go through the readers
/// (issue 33): each gives a result or errors, never a trap (a trap would end this process), and
/// no message quotes a cell of the file. A cell is any run of the mutated file between
/// separators, quotes and line ends that could be personal: eight characters or more with a
/// digit (a NIP, a date), or holding a name of the original. What the scenario itself names
/// (unit and programme ids) is not a cell of the file.
@Suite struct ReaderFuzzTests {
    static let town = brokenRosters.appendingPathComponent("town.json").path
    static let names = [
        "Ani", "Budi", "Citra", "Dedi", "Eka", "Fitri", "Gilang", "Hana", "Wijaya", "Hartono", "Dewi", "Kurniawan",
        "Saputra", "Handayani", "Ramadhan", "Lestari",
    ]

    /// The runs of the file that could be personal data.
    static func cells(_ bytes: [UInt8]) -> Set<String> {
        var cells: Set<String> = []
        var current: [UInt8] = []
        func flush() {
            let text = String(decoding: current, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            current.removeAll()
            let digits = text.contains { $0.isNumber }
            if (text.count >= 8 && digits) || names.contains(where: { text.contains($0) && text.count >= 5 }) { cells.insert(text) }
        }
        for byte in bytes {
            if [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")]
                .contains(byte)
            {
                flush()
            } else {
                current.append(byte)
            }
        }
        flush()
        return cells
    }

    /// Loads the town with `key` set to a file of `bytes`; the messages (errors and notes) it gives.
    static func messages(_ key: String, _ bytes: [UInt8], in dir: URL, number: Int) throws -> (loaded: Bool, texts: [String]) {
        let file = dir.appendingPathComponent("m\(number).csv")
        try Data(bytes).write(to: file)
        do {
            let scenario = try ScenarioLoader.load(town, overrides: [Override("\(key)=\(file.path)")!])
            return (true, scenario.notes)
        } catch {
            return (false, error.diagnostics.map(\.description))
        }
    }

    @Test(arguments: [
        ("regions.town.roster", "fuzz-base.csv", UInt64(1)), ("regions.town.startState.bookedSessions", "fuzz-booked.csv", UInt64(2)),
    ])
    func mutatedFilesGiveAResultOrAnErrorAndNoCell(key: String, base: String, seed: UInt64) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = [UInt8](try Data(contentsOf: brokenRosters.appendingPathComponent(base)))
        let scenarioText = try String(contentsOfFile: Self.town, encoding: .utf8)
        var mutator = Mutator(state: seed)
        var loaded = 0
        var refused = 0
        for number in 0..<1_000 {
            let bytes = mutator.mutate(original)
            let (ok, texts) = try Self.messages(key, bytes, in: dir, number: number)
            if ok { loaded += 1 } else { refused += 1 }
            #expect(ok || !texts.isEmpty, "mutation \(number): refused without a message")
            let cells = Self.cells(bytes).filter { !scenarioText.contains($0) }
            for text in texts {
                // Only what follows the location: the file's own path holds no cell.
                let message = text.components(separatedBy: ": error: ").dropFirst().joined()
                for cell in cells where message.contains(cell) {
                    Issue.record("mutation \(number): a message quotes '\(cell)': \(message)")
                }
            }
        }
        #expect(loaded > 20 && refused > 200, "\(loaded) loaded, \(refused) refused: the mutations reach both outcomes")
    }
}

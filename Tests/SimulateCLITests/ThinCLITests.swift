import Foundation
import Testing

/// The command-line tool stays a thin layer over the libraries: parsing, I/O, progress and the
/// one error printer. Study logic goes into the libraries, where it is tested without the binary.
@Suite struct ThinCLITests {
    static let lineBudget = 800

    @Test func theToolFitsItsLineBudget() throws {
        let folder = packageRoot.appendingPathComponent("Sources/simulate")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let lines = try files.reduce(0) { sum, file in
            sum + (try read(folder.appendingPathComponent(file))).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        }
        #expect(files.count >= 10, "Sources/simulate was not found where the test looks")
        #expect(lines <= Self.lineBudget, "Sources/simulate has \(lines) lines; move study logic into the libraries")
    }

    /// Every option a command reads must be one it declares (reading another traps): a roster
    /// template drawn from a scenario reads the scenario's overrides, which once read --years.
    @Test func rosterTemplateFromAScenarioRuns() throws {
        let headers = try simulate(["roster-template", "scenarios/baseline.json", "--lang", "en"])
        #expect(headers.status == 0, "\(headers.stderr)")
        #expect(headers.stdout.hasPrefix("NIP,"))
        let synthetic = try simulate(["roster-template", "scenarios/baseline.json", "--synthetic", "sawahlunto", "--seed", "3",
                                      "--set", "regions.sawahlunto.headcount=40"])
        #expect(synthetic.status == 0, "\(synthetic.stderr)")
        #expect(synthetic.stdout.split(separator: "\r\n").count == 41)
    }
}

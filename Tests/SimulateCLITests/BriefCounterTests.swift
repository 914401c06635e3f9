import Foundation
import Testing

/// The brief's counter section shows visits turned away and the share who gave up when a counter
/// of the run has an office's day or patience (issue 38 item 7), with figures from services.csv,
/// and keeps its four columns for a run of textbook counters.
@Suite struct BriefCounterTests {
    let tiny = fixtures.appendingPathComponent("tiny.json").path
    let tinyMore = fixtures.appendingPathComponent("tiny-more.json").path

    @Test func turnedAwayAndGaveUpShowWhereACounterTurnsCitizensAway() throws {
        let dir = scratchDirectory("brief-office")
        defer { try? FileManager.default.removeItem(at: dir) }
        let office = fixtures.appendingPathComponent("tiny-office.json").path
        let outcome = try simulate([
            tiny, office, "--baseline", "tiny", "--lang", "en", "--replications", "4", "--out", dir.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let brief = try read(dir.appendingPathComponent("brief.md"))
        let header = brief.split(separator: "\n").first { $0.hasPrefix("| ") && $0.contains("Δ Wait (minutes)") }
        #expect(header?.contains("Δ Turned away (quota gone or closed)") == true, "\(header ?? "no counter table")")
        #expect(header?.contains("Δ Share who gave up") == true)
        #expect(brief.contains("and visits turned away"))
        // Its figure is services.csv's: the what-if's turned-away total against none.
        let services = parseCSV(try read(dir.appendingPathComponent("services.csv")))
        let row = try #require(services.first { $0[0] == "tiny-office" && $0[3] == "turned_away" })
        let turnedAway = try #require(Double(row[6]))
        #expect(turnedAway > 100 && row[10] == row[6], "turned away \(row[6]), Δ \(row[10])")

        let plain = scratchDirectory("brief-plain")
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(try simulate([tiny, tinyMore, "--baseline", "tiny", "--lang", "en", "--out", plain.path, "--quiet"]).status == 0)
        #expect(!(try read(plain.appendingPathComponent("brief.md"))).contains("Turned away"))
    }
}

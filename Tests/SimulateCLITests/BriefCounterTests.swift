import Foundation
import Testing

/// The brief's counter section shows visits turned away and the share who gave up when a counter
/// of the run has an office's day or patience (issue 38 item 7), with figures from services.csv,
/// and keeps its four columns for a run of textbook counters.
@Suite struct BriefCounterTests {
    let tiny = fixtures.appendingPathComponent("tiny.json").path
    let tinyMore = fixtures.appendingPathComponent("tiny-more.json").path

    /// The tiny town against its counter as an office (the baseline: tiny), in English, 4
    /// replications: the run's folder and its brief.
    func tinyAgainstAnOffice(_ name: String) throws -> (URL, String) {
        let dir = scratchDirectory(name)
        let office = fixtures.appendingPathComponent("tiny-office.json").path
        let outcome = try simulate([
            tiny, office, "--baseline", "tiny", "--lang", "en", "--replications", "4", "--out", dir.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return (dir, try read(dir.appendingPathComponent("brief.md")))
    }

    @Test func turnedAwayAndGaveUpShowWhereACounterTurnsCitizensAway() throws {
        let (dir, brief) = try tinyAgainstAnOffice("brief-office")
        defer { try? FileManager.default.removeItem(at: dir) }
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

    /// The counter section says, for each office counter of the baseline, the last year's mean
    /// and p90 wait by hour of arrival: the rows of services-hourly.csv, rounded. With a baseline
    /// whose counter is continuous (the office only in the what-if) it says nothing by hour, and
    /// the what-if's hours are not put under the baseline's name.
    @Test func theBaselinesOfficeCountersWaitsByHourAreInTheBrief() throws {
        let office = fixtures.appendingPathComponent("tiny-office.json").path
        let dir = scratchDirectory("brief-hours")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([
            office, tiny, "--baseline", "tiny-office", "--lang", "en", "--replications", "4", "--out", dir.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let brief = try read(dir.appendingPathComponent("brief.md"))
        let line = try #require(brief.split(separator: "\n").first { $0.contains("by hour of arrival") }.map(String.init))
        let hourly = parseCSV(try read(dir.appendingPathComponent("services-hourly.csv")))
        let lastYear = hourly.dropFirst().compactMap { Int($0[6]) }.max()
        func value(_ hour: String, _ measure: String) -> Double? {
            hourly.first { $0[0] == "tiny-office" && $0[3] == hour && $0[4] == measure && Int($0[6]) == lastYear }.flatMap { Double($0[7]) }
        }
        var hours = 0
        for hour in 7...11 {
            guard let mean = value(String(hour), "wait_minutes.mean"), let p90 = value(String(hour), "wait_minutes.p90") else { continue }
            let clock = hour < 10 ? "0\(hour):00" : "\(hour):00"
            #expect(line.contains("\(clock) \(Int(mean.rounded())) (\(Int(p90.rounded())))"), "\(clock): \(mean), \(p90) in \(line)")
            hours += 1
        }
        #expect(hours >= 4 && line.contains("under “Tiny town, its counter an office with a quota”"), "\(line)")

        let swapped = scratchDirectory("brief-hours-swapped")
        defer { try? FileManager.default.removeItem(at: swapped) }
        #expect(
            try simulate([tiny, office, "--baseline", "tiny", "--lang", "en", "--replications", "4", "--out", swapped.path, "--quiet"])
                .status == 0)
        #expect(!(try read(swapped.appendingPathComponent("brief.md"))).contains("by hour of arrival"))
    }

    /// The counter section says, for each counter of the baseline (continuous or an office), the
    /// last year's score of each SKM element the model computes, as services.csv has it rounded to
    /// one decimal, and names the lowest; a what-if's scores are not put under the baseline's name.
    @Test func theBaselinesSKMElementsAreInTheBrief() throws {
        let (dir, brief) = try tinyAgainstAnOffice("brief-skm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = try #require(brief.split(separator: "\n").first { $0.contains("the SKM elements the model computes") }.map(String.init))
        let services = parseCSV(try read(dir.appendingPathComponent("services.csv")))
        let lastYear = try #require(services.dropFirst().compactMap { Int($0[5]) }.max())
        let rows = services.filter { $0[0] == "tiny" && $0[3].hasPrefix("skm.") && Int($0[5]) == lastYear }
        #expect(rows.count == 5, "\(rows)")
        var lowest = (name: "", score: Double.infinity)
        for row in rows {
            let score = try #require(Double(row[6]))
            let code = row[3].dropFirst("skm.".count).prefix(2).uppercased()
            let shown = String(format: "%.1f", score)
            // "U3 completion time 2.1": the element's own piece of the list ends with its score.
            let after = line.components(separatedBy: "\(code) ").dropFirst().first ?? ""
            let piece = after.components(separatedBy: "; ").first?.components(separatedBy: ". ").first
            #expect(piece?.hasSuffix(" \(shown)") == true, "\(row[3]) \(shown) in \(line)")
            if score < lowest.score { lowest = (code, score) }
        }
        #expect(line.hasSuffix(".") && line.components(separatedBy: "The lowest: ").last?.hasPrefix(lowest.name) == true, "\(line)")
        #expect(line.contains("under “") && !brief.contains("under “Tiny town, its counter an office with a quota”, the SKM"))
    }
}

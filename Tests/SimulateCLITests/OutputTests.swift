import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite(.serialized) struct OutputTests {
    let tiny = fixtures.appendingPathComponent("tiny.json").path
    let tinyMore = fixtures.appendingPathComponent("tiny-more.json").path

    /// yearly.csv over two years: each year's difference is the difference of that year's paired
    /// values (so the mean difference equals the difference of the means, to the 6 digits
    /// printed), and the last year reads like summary.csv: the same value for end-of-year and mean
    /// metrics, and the years of a total add up to the horizon's total.
    @Test func yearlyDifferencesArePairedYearByYear() throws {
        let dir = scratchDirectory("yearly")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lean = fixtures.appendingPathComponent("tiny-lean.json").path
        #expect(try simulate([tiny, lean, "--baseline", "tiny", "--years", "2", "--out", dir.path, "--force", "--quiet"]).status == 0)
        let yearly = parseCSV(try read(dir.appendingPathComponent("yearly.csv"))).dropFirst()
        let summary = parseCSV(try read(dir.appendingPathComponent("summary.csv"))).dropFirst()
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 2e-5 * max(abs(a), abs(b), 1e-3) }
        var checked = 0
        var nonzero = 0
        for row in yearly where row[0] == "tiny-lean" {
            guard let base = yearly.first(where: { $0[0] == "tiny" && $0[1] == row[1] && $0[2] == row[2] && $0[4] == row[4] }),
                let mean = Double(row[6]), let baseMean = Double(base[6]), let delta = Double(row[10])
            else { continue }
            // Each printed value carries 6 significant digits, so the check allows their rounding.
            let rounding = 1e-5 * (max(abs(mean), abs(baseMean)) + abs(delta))
            #expect(abs(delta - (mean - baseMean)) <= rounding, "\(row[2]) \(row[4]): Δ \(delta) against \(mean) − \(baseMean)")
            #expect(base[10] == "0", "the baseline's own difference is 0")
            checked += 1
            if delta != 0 { nonzero += 1 }
        }
        #expect(checked > 50)
        #expect(nonzero > 20, "the lean budget binds, so many differences are not 0")
        for horizon in summary {
            let years = yearly.filter { $0[0] == horizon[0] && $0[1] == horizon[1] && $0[2] == horizon[2] }
            guard years.count == 2, let last = years.last else { continue }
            if last[5] == "total" {
                let sum = years.compactMap { Double($0[6]) }.reduce(0, +)
                if let total = Double(horizon[4]) { #expect(close(sum, total), "\(horizon[2]): years add up to \(sum), horizon \(total)") }
            } else {
                #expect(last[6] == horizon[4], "\(horizon[0]) \(horizon[2]): last year \(last[6]), horizon \(horizon[4])")
            }
        }
    }

    /// A sweep compares each point with the scenario as written, on the same replications: at the
    /// file's own value (60 million) every difference is exactly 0; at a budget that binds (4
    /// million) competency is lower, its interval below zero.
    @Test func aSweepComparesEachPointWithTheUnchangedScenario() throws {
        let dir = scratchDirectory("sweep-delta")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([
            "sweep", tiny, "--vary", "regions.town.budget.rupiahPerYear=4000000:60000000:3", "--replications", "4",
            "--out", dir.path, "--force", "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let rows = parseCSV(try read(dir.appendingPathComponent("sweep.csv")))
        #expect(Array(rows[0].suffix(3)) == ["delta_vs_unchanged", "delta_ci_low", "delta_ci_high"])
        let unchanged = rows.dropFirst().filter { $0[1] == "60000000" }
        #expect(unchanged.count > 40)
        #expect(unchanged.allSatisfy { $0[9] == "0" && $0[10] == "0" && $0[11] == "0" }, "\(unchanged.filter { $0[9] != "0" }.prefix(3))")
        let lean = rows.dropFirst().first { $0[1] == "4000000" && $0[3] == "competency.mean" }
        #expect((lean.flatMap { Double($0[11]) } ?? 0) < 0, "competency at 4 million minus as written: \(lean ?? [])")
    }

    /// Golden files of every CSV (run and sweep) for a tiny scenario pair. RECORD_GOLDEN=1 rewrites them and fails
    /// on purpose, so a recording is never mistaken for a pass.
    @Test func csvOutputsMatchTheGoldenFiles() throws {
        let dir = scratchDirectory("golden")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([tiny, tinyMore, "--baseline", "tiny", "--out", dir.path, "--force", "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        for name in [
            "summary.csv", "timeseries.csv", "decisions.csv", "programmes.csv", "services.csv", "services-monthly.csv",
            "services-hourly.csv",
            "yearly.csv",
        ] {
            let produced = try read(dir.appendingPathComponent(name))
            if recording {
                try produced.write(to: golden.appendingPathComponent(name), atomically: true, encoding: .utf8)
            } else {
                #expect(
                    produced == (try read(golden.appendingPathComponent(name))),
                    "\(name) differs from Golden/\(name); re-record with RECORD_GOLDEN=1 if the change is intended")
            }
        }
        let sweepDirectory = dir.appendingPathComponent("sweep")
        let sweep = try simulate([
            "sweep", tiny, "--vary", "regions.town.budget.rupiahPerYear=30000000:90000000:3", "--replications", "2",
            "--out", sweepDirectory.path, "--quiet",
        ])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let producedSweep = try read(sweepDirectory.appendingPathComponent("sweep.csv"))
        if recording {
            try producedSweep.write(to: golden.appendingPathComponent("sweep.csv"), atomically: true, encoding: .utf8)
        } else {
            #expect(producedSweep == (try read(golden.appendingPathComponent("sweep.csv"))), "sweep.csv differs from Golden/sweep.csv")
        }
        #expect(!recording, "golden files recorded; run again without RECORD_GOLDEN to test")
    }

    /// brief.html parses as well-formed XML, and every plotted value equals its CSV row.
    @Test func theBriefIsWellFormedAndEveryChartValueMatchesTheCSV() throws {
        let dir = scratchDirectory("brief")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try simulate([tiny, tinyMore, "--baseline", "tiny", "--out", dir.path, "--force", "--quiet", "--lang", "en"]).status == 0)
        let html = try Data(contentsOf: dir.appendingPathComponent("brief.html"))
        let collector = PlottedValues()
        let parser = XMLParser(data: html)
        parser.delegate = collector
        #expect(parser.parse(), "brief.html is not well-formed: \(String(describing: parser.parserError))")
        #expect(collector.sawSVG)
        let series = parseCSV(try read(dir.appendingPathComponent("timeseries.csv"))).dropFirst()
        let summary = parseCSV(try read(dir.appendingPathComponent("summary.csv"))).dropFirst()
        var checked = 0
        for point in collector.points where point["class"] != "fig" {
            if let period = point["data-period"] {
                // Small multiples: a what-if's value each December, as in timeseries.csv.
                let row = series.first {
                    $0[0] == point["data-scenario"] && $0[1] == point["data-region"] && $0[2] == point["data-metric"] && $0[4] == period
                }
                #expect(row?[5] == point["data-value"], "\(point)")
                #expect(row?[6] == point["data-ci-low"] && row?[7] == point["data-ci-high"])
            } else {
                // Forest plots and cost-effect: paired differences, as in summary.csv.
                let row = summary.first {
                    $0[0] == point["data-scenario"] && $0[1] == point["data-region"] && $0[2] == point["data-metric"]
                }
                #expect(row?[8] == point["data-delta"], "\(point)")
                if let low = point["data-ci-low"] { #expect(row?[9] == low && row?[10] == point["data-ci-high"]) }
                if let deltaMetric = point["data-delta-metric"] {
                    let effectRow = summary.first {
                        $0[0] == point["data-scenario"] && $0[1] == point["data-region"] && $0[2] == deltaMetric
                    }
                    #expect(effectRow?[8] == point["data-effect"])
                }
            }
            checked += 1
        }
        // ASN at standard, 20 JP share, IKM, wait and spending (mean competency stays in the CSVs).
        #expect(checked >= 5 + 1, "a forest plot per headline metric and the cost-effect chart plot the what-if")
        let markdown = try read(dir.appendingPathComponent("brief.md"))
        #expect(markdown.contains("Policy Brief") && markdown.contains("Does the output stay byte-for-byte the same?"))
        #expect(try simulate([tiny, "--out", dir.path, "--force", "--quiet"]).status == 0)
        #expect(try read(dir.appendingPathComponent("brief.md")).contains("Ringkasan Kebijakan"), "Bahasa Indonesia by default")
    }

    @Test func indonesianLocaleReadsBackToTheSameNumbers() throws {
        let dir = scratchDirectory("locale")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try simulate([tiny, "--out", dir.appendingPathComponent("en").path, "--quiet"]).status == 0)
        #expect(try simulate([tiny, "--out", dir.appendingPathComponent("id").path, "--quiet", "--csv-locale", "id"]).status == 0)
        for name in ["summary.csv", "timeseries.csv"] {
            let en = parseCSV(try read(dir.appendingPathComponent("en/\(name)")))
            let id = parseCSV(try read(dir.appendingPathComponent("id/\(name)")), separator: ";")
            #expect(en.count == id.count && en.count > 10)
            for (a, b) in zip(en, id) {
                #expect(a.count == b.count)
                for (x, y) in zip(a, b) {
                    if let number = Double(x) {
                        #expect(Double(y.replacingOccurrences(of: ",", with: ".")) == number, "\(x) vs \(y)")
                        #expect(!y.contains("."))
                    } else {
                        #expect(x == y)
                    }
                }
            }
        }
    }

    @Test func aFormulaInAScenarioNameComesOutInert() throws {
        let dir = scratchDirectory("formula")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = fixtures.appendingPathComponent("formula-\(UUID().uuidString).json")
        try #"{ "schemaVersion": 1, "extends": "tiny.json", "id": "=HYPERLINK(\"http://example.invalid\",\"click\")", "name": "+1-2" }"#
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try simulate([file.path, "--out", dir.path, "--force", "--quiet"]).status == 0)
        for name in [
            "summary.csv", "timeseries.csv", "decisions.csv", "programmes.csv", "services.csv", "services-monthly.csv",
            "services-hourly.csv",
            "yearly.csv",
        ] {
            for row in parseCSV(try read(dir.appendingPathComponent(name))) {
                for field in row {
                    #expect(!["=", "+", "@", "\t", "\r"].contains(field.first ?? " "), "\(name): \(field)")
                    if field.first == "-" { #expect(Double(field) != nil, "only numbers may start with '-': \(field)") }
                }
            }
        }
        #expect(try read(dir.appendingPathComponent("summary.csv")).contains("'=HYPERLINK("))
    }

    @Test func aNonEmptyForeignDirectoryIsNeverOverwrittenWithoutForce() throws {
        let dir = scratchDirectory("foreign")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "my notes".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try simulate([tiny, "--out", dir.path, "--quiet"])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("--force"))
        #expect(try read(dir.appendingPathComponent("notes.txt")) == "my notes")
        #expect(try simulate([tiny, "--out", dir.path, "--quiet", "--force"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("summary.csv").path))
    }

    /// A run killed midway leaves the previous results untouched and no partial files behind.
    @Test func killingARunLeavesThePreviousResultsUntouched() throws {
        let dir = scratchDirectory("kill")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("results")
        #expect(try simulate([tiny, "--out", out.path, "--quiet"]).status == 0)
        let before = try reproducibleFiles(out)
        let runJSON = try read(out.appendingPathComponent("run.json"))
        let process = Process()
        process.executableURL = simulateBinary
        process.arguments = ["scenarios/baseline.json", "--replications", "200", "--out", out.path, "--quiet"]
        process.currentDirectoryURL = packageRoot
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try reproducibleFiles(out) == before)
        #expect(try read(out.appendingPathComponent("run.json")) == runJSON)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [
                "SHA256SUMS", "brief.html", "brief.md", "decisions.csv", "programmes.csv", "run.json", "services-hourly.csv",
                "services-monthly.csv", "services.csv",
                "summary.csv",
                "timeseries.csv", "yearly.csv",
            ])
    }
}

/// Collects every element carrying `data-value` and notes whether an SVG was seen.
final class PlottedValues: NSObject, XMLParserDelegate {
    var points: [[String: String]] = []
    var sawSVG = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == "svg" { sawSVG = true }
        if attributes["data-value"] != nil || attributes["data-delta"] != nil { points.append(attributes) }
    }
}

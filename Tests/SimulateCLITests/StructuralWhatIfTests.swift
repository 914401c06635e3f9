import Foundation
import Testing

/// What-ifs that change the shape of a scenario but not its behaviour: an idle programme, a unit
/// with no staff and no counter, a counter with no demand, a region removed (either one). Every
/// difference the outputs report must be exactly 0, or empty where the baseline has no such
/// series; nothing may be compared with another programme, counter or city. On the code before
/// results were keyed (36357ba), the idle programme gave Δ wait −78 minutes at Dukcapil and
/// removing Sawahlunto compared Sorong with Sawahlunto (headcount Δ −1,380).
@Suite struct StructuralWhatIfTests {
    static let whatIfs = ["idle-programme", "unit-without-counter", "counter-without-demand", "without-sorong", "without-sawahlunto"]

    /// One run of the baseline and every structural what-if (1 year, 2 replications), at a fidelity.
    static func run(fidelity: String) throws -> (directory: URL, outcome: Outcome) {
        let dir = scratchDirectory("structural-\(fidelity)")
        let files = whatIfs.map { fixtures.appendingPathComponent("structural/\($0).json").path }
        let outcome = try simulate(
            ["scenarios/baseline.json"] + files + [
                "--years", "1", "--replications", "2", "--xlsx", "--quiet", "--fixed-inputs",
                "--set", "simulation.serviceFidelity=\(fidelity)", "--out", dir.path,
            ])
        return (dir, outcome)
    }

    /// The rows of a CSV as dictionaries by header.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let table = parseCSV(try read(url))
        guard let header = table.first else { return [] }
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test(arguments: ["perRequest", "analytic"])
    func structuralWhatIfsDifferByExactlyZero(fidelity: String) throws {
        let (dir, outcome) = try Self.run(fidelity: fidelity)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for table in ["summary", "yearly", "services"] {
            let rows = try Self.rows(dir.appendingPathComponent("\(table).csv"))
            let baseline = rows.filter { $0["scenario"] == "baseline" }
            let key = table == "services" ? ["region", "counter", "measure", "year"] : ["region", "metric", "year"]
            func id(_ row: [String: String]) -> String { key.map { row[$0] ?? "" }.joined(separator: "|") }
            let baseIDs = Set(baseline.map(id))
            for row in rows where row["scenario"] != "baseline" {
                let delta = row["delta_vs_baseline"] ?? "?"
                if baseIDs.contains(id(row)) {
                    #expect(delta == "0" || (delta.isEmpty && row["mean"] == ""), "\(table): \(row["scenario"]!) \(id(row)) Δ \(delta)")
                } else {
                    #expect(delta.isEmpty, "\(table): \(row["scenario"]!) \(id(row)) has no baseline row but Δ \(delta)")
                }
            }
            // A removed region has no rows at all.
            #expect(!rows.contains { $0["scenario"] == "without-sorong" && $0["region"] == "sorong" })
            #expect(!rows.contains { $0["scenario"] == "without-sawahlunto" && $0["region"] == "sawahlunto" })
        }
        // New series are reported, with no difference.
        let services = try Self.rows(dir.appendingPathComponent("services.csv"))
        let kecamatan = services.filter { $0["scenario"] == "counter-without-demand" && $0["counter"] == "kecamatan" }
        #expect(!kecamatan.isEmpty && kecamatan.allSatisfy { $0["delta_vs_baseline"] == "" })
        #expect(kecamatan.first { $0["measure"] == "requests" }?["mean"] == "0")
        // programmes.csv and decisions.csv carry no difference: each what-if's rows equal the baseline's.
        for table in ["programmes", "decisions"] {
            let rows = try Self.rows(dir.appendingPathComponent("\(table).csv"))
            func body(_ row: [String: String]) -> String {
                row.filter { $0.key != "scenario" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
            }
            let baseline = Set(rows.filter { $0["scenario"] == "baseline" }.map(body))
            for row in rows where row["scenario"] != "baseline" && row["programme"] != "senior-coaching" {
                #expect(baseline.contains(body(row)), "\(table): \(row)")
            }
            for whatIf in ["idle-programme", "unit-without-counter", "counter-without-demand"] {
                #expect(
                    rows.filter { $0["scenario"] == whatIf && $0["programme"] != "senior-coaching" }.count == baseline.count,
                    "\(table): \(whatIf)")
            }
        }
        // The workbook: every difference column of each region's summary sheet is 0 or empty.
        let entries = try WorkbookTests.unzip(Array(try Data(contentsOf: dir.appendingPathComponent("results.xlsx"))))
        for sheetNumber in [1, 2] {
            let sheet = WorkbookTests.sheet(entries["xl/worksheets/sheet\(sheetNumber).xml"])
            let header = sheet.first?.map(\.text) ?? []
            let deltas = header.indices.filter { header[$0].hasPrefix("Selisih") }
            #expect(!deltas.isEmpty)
            for row in sheet.dropFirst() {
                for column in deltas where column < row.count {
                    #expect(
                        row[column].text == "0" || row[column].text.isEmpty,
                        "sheet \(sheetNumber) \(row[0].text) \(header[column]): \(row[column].text)")
                }
            }
        }
    }

    /// services-monthly.csv is keyed like services.csv: each what-if's month of a counter the
    /// baseline has equals the baseline's (these what-ifs change nothing), a new counter has rows
    /// of its own, a removed region none; and the baseline's months add up to its year in
    /// services.csv (requests summed, the mean wait averaged; to the 6 digits written).
    @Test func servicesByMonthAreKeyedAndAddUpToTheYear() throws {
        let (dir, outcome) = try Self.run(fidelity: "analytic")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let monthly = try Self.rows(dir.appendingPathComponent("services-monthly.csv"))
        func key(_ row: [String: String]) -> String {
            ["region", "counter", "measure", "period"].map { row[$0] ?? "" }.joined(separator: "|")
        }
        func values(_ row: [String: String]) -> [String] { ["mean", "ci_low", "ci_high"].map { row[$0] ?? "?" } }
        let baseline = Dictionary(uniqueKeysWithValues: monthly.filter { $0["scenario"] == "baseline" }.map { (key($0), values($0)) })
        #expect(baseline.count > 12 * 14 * 4, "baseline rows: \(baseline.count)")
        for row in monthly where row["scenario"] != "baseline" {
            if let base = baseline[key(row)] {
                #expect(values(row) == base, "\(row["scenario"]!) \(key(row))")
            } else {
                #expect(row["counter"] == "kecamatan", "a row the baseline lacks: \(row["scenario"]!) \(key(row))")
            }
        }
        #expect(monthly.contains { $0["scenario"] == "counter-without-demand" && $0["counter"] == "kecamatan" })
        #expect(!monthly.contains { $0["scenario"] == "without-sorong" && $0["region"] == "sorong" })
        #expect(!monthly.contains { $0["scenario"] == "without-sawahlunto" && $0["region"] == "sawahlunto" })
        let yearly = try Self.rows(dir.appendingPathComponent("services.csv")).filter { $0["scenario"] == "baseline" }
        for year in yearly where ["requests", "wait_minutes.mean"].contains(year["measure"]) {
            let months = monthly.filter {
                $0["scenario"] == "baseline" && $0["region"] == year["region"] && $0["counter"] == year["counter"]
                    && $0["measure"] == year["measure"] && $0["period"]?.hasPrefix("\(year["year"]!)-") == true
            }.compactMap { Double($0["mean"] ?? "") }
            #expect(months.count == 12)
            let sum = months.reduce(0, +)
            let expected = try #require(Double(year["mean"] ?? ""))
            let fromMonths = year["measure"] == "requests" ? sum : sum / 12
            #expect(
                abs(fromMonths - expected) <= 1e-4 * max(abs(expected), 1),
                "\(year["region"]!) \(year["counter"]!) \(year["measure"]!): \(fromMonths) vs \(expected)")
        }
    }

    /// The brief shows no counter difference for these what-ifs, and says in words what only a
    /// what-if has and where it lacks a region.
    @Test func theBriefSaysWhatIsNewAndComparesNothingElse() throws {
        let (dir, outcome) = try Self.run(fidelity: "perRequest")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let brief = try read(dir.appendingPathComponent("brief.md"))
        // The counters' section may say when the baseline's office counters wait (by hour), but it
        // has no table of differences: no what-if changes a counter.
        let counters = brief.components(separatedBy: "## Loket pelayanan").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        #expect(!counters.split(separator: "\n").contains { $0.hasPrefix("|") }, "no counter table: no what-if changes a counter")
        #expect(brief.contains("Program baru, tidak ada di pembanding: Coaching oleh pegawai senior"))
        #expect(brief.contains("Loket baru di Kota Sorong, tidak ada di pembanding: kecamatan"))
        #expect(brief.contains("Kota Sorong: tidak termasuk dalam skenario ini, jadi tidak dibandingkan."))
        #expect(brief.contains("Kota Sawahlunto: tidak termasuk dalam skenario ini, jadi tidak dibandingkan."))
        for line in brief.split(separator: "\n") where line.hasPrefix("| ") {
            #expect(!line.contains("**"), "a bold difference in a table: \(line)")
        }
    }

    /// Removing a region drops what the baseline says about it (uncertainty), with a note, instead
    /// of failing with errors that point into a file the planner did not write.
    @Test func removingARegionDropsItsInheritedEntriesWithANote() throws {
        let dir = scratchDirectory("without-sorong")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate(["validate", fixtures.appendingPathComponent("structural/without-sorong.json").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let run = try simulate([
            fixtures.appendingPathComponent("structural/without-sorong.json").path, "--years", "1", "--replications", "1",
            "--uncertain", "--out", dir.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("without-sorong.json: removes region 'sorong', so 7 inherited uncertainty entries on it are dropped"),
            "\(run.stderr)")
    }
}

import Foundation
import Testing

/// `simulate history` writes a replication's records and `simulate history-check` reads them back
/// (issue 39, items 5–7): what the records say must be what the replication produced, measure by
/// measure, both cities, within the rounding of the files.
@Suite struct HistoryCommandTests {
    /// The records of `scenario`'s regions written from one replication over 2025–2026 (the queue
    /// logs of the first `months` months of each year), into a scratch folder.
    static func write(
        _ name: String, scenario: String = "scenarios/baseline.json", months: Int = 2, extra: [String] = []
    ) throws -> (folder: URL, outcome: Outcome) {
        let folder = scratchDirectory(name)
        let outcome = try simulate(
            [
                "history", scenario, "--from", "2025", "--to", "2026", "--months", "\(months)", "--seed", "11", "--out", folder.path,
                "--quiet",
            ]
                + extra)
        return (folder, outcome)
    }

    static func historyOverrides(_ folder: URL, regions: [String] = ["sawahlunto", "sorong"]) -> [String] {
        regions.flatMap { ["--set", "regions.\($0).history=[\"\(folder.appendingPathComponent($0).path)\"]"] }
    }

    /// history-check of `scenario` with the records in `folder`, at the writer's seed and one
    /// replication: its outcome and the rows of history-check.csv.
    static func check(_ scenario: String, _ folder: URL, regions: [String] = ["sawahlunto", "sorong"]) throws -> (Outcome, [[String]]) {
        let out = scratchDirectory("roundtrip-check")
        defer { try? FileManager.default.removeItem(at: out) }
        let check = try simulate(
            ["history-check", scenario, "--replications", "1", "--seed", "11", "--out", out.path, "--quiet"]
                + historyOverrides(folder, regions: regions))
        let csv = (try? read(out.appendingPathComponent("history-check.csv"))) ?? ""
        return (check, csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
    }

    /// The rows whose record differs from the model by more than the files' rounding: nothing for
    /// counts and shares of counts, two decimals of the SKM index, whole seconds of a wait.
    static func mismatches(_ lines: [[String]]) -> [[String]] {
        lines.dropFirst().filter { row in
            let (measure, recorded, model) = (row[0], Double(row[4])!, Double(row[5]) ?? .nan)
            guard !model.isNaN else { return false }
            let tolerance =
                measure.hasSuffix(".ikm") ? 0.005 : measure.hasSuffix("wait_minutes.mean") ? 1.0 / 120 : 1e-6 * max(1, abs(model))
            return abs(recorded - model) > tolerance
        }
    }

    /// A whole year of a counter's log is compared as a year too: its numbers, and the mean of
    /// its months' waits (the model's rule for a year), on the test town.
    @Test func aFullYearOfQueueLogReadsBackAsAYear() throws {
        let town = "Tests/SimScenarioTests/History/town.json"
        let (folder, written) = try Self.write("roundtrip-town", scenario: town, months: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(written.status == 0, "\(written.stderr)")
        let (check, lines) = try Self.check(town, folder, regions: ["town"])
        #expect(check.status == 0 && lines.count > 50, "\(check.stderr)")
        #expect(Self.mismatches(lines).isEmpty, "\(Self.mismatches(lines))")
        let yearly = lines.filter { $0[0].hasPrefix("counter.dukcapil.") && $0[3].isEmpty }.map { "\($0[0]) \($0[2])" }
        #expect(
            yearly == [
                "counter.dukcapil.ikm 2025", "counter.dukcapil.ikm 2026", "counter.dukcapil.requests 2025",
                "counter.dukcapil.wait_minutes.mean 2025", "counter.dukcapil.requests 2026", "counter.dukcapil.wait_minutes.mean 2026",
            ], "\(yearly)")
    }

    /// history-check at the writer's seed and one replication runs the same replication, so each
    /// record must equal the model's value: exactly for counts and shares of counts, within the
    /// files' rounding for the SKM index (two decimals) and waits (whole seconds). Breaking the
    /// writer or the reader anywhere (a band, a month's index, a weighting) breaks this.
    @Test func recordsReadBackAreTheReplicationsOwn() throws {
        let (folder, written) = try Self.write("roundtrip")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(written.status == 0, "\(written.stderr)")
        let (check, lines) = try Self.check("scenarios/baseline.json", folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("The model from 2025 to 2026") && check.stdout.contains("0 of "), "\(check.stdout)")
        #expect(lines.first == ["measure", "region", "year", "month", "recorded", "model_mean", "model_low", "model_high", "outside"])
        #expect(Self.mismatches(lines).isEmpty, "\(Self.mismatches(lines))")
        let measures = Set(
            lines.dropFirst().map { row in
                row[0].hasPrefix("counter.") ? "counter.*." + row[0].split(separator: ".").dropFirst(2).joined(separator: ".") : row[0]
            })
        #expect(
            measures.isSuperset(of: [
                "jp.share_reaching_20", "jp.share_with_none", "latsar.completed", "budget.spent_rupiah", "budget.absorption",
                "workforce.headcount",
                "workforce.pns", "workforce.retirements", "workforce.other_exits", "workforce.hires", "counter.*.ikm", "counter.*.requests",
                "counter.*.wait_minutes.mean",
            ]), "\(measures)")
        // Both cities, both years, and the queue's two months of each year.
        #expect(lines.contains { $0[0] == "latsar.completed" && $0[1] == "sorong" && $0[2] == "2026" && Double($0[4])! > 0 })
        #expect(lines.filter { $0[0] == "counter.dukcapil.requests" && $0[1] == "sawahlunto" }.map { $0[3] } == ["1", "2", "1", "2"])
        // Nothing of a record's rows leaves history-check: no NIP, no ticket.
        for text in [check.stdout, check.stderr, lines.map { $0.joined(separator: ",") }.joined(separator: "\n")] {
            #expect(!text.contains("90000000000") && !text.contains("SINTETIS"))
        }
    }

    /// Every file is marked synthetic in its name and in every row, every NIP starts with 9, and
    /// the same seed writes the same bytes whatever the worker count.
    @Test func syntheticRecordsAreMarkedAndReproducible() throws {
        let (a, first) = try Self.write("marked", extra: ["--jobs", "1"])
        let (b, second) = try Self.write("marked-again", extra: ["--jobs", "2"])
        defer { for folder in [a, b] { try? FileManager.default.removeItem(at: folder) } }
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        for region in ["sawahlunto", "sorong"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: a.appendingPathComponent(region).path).filter {
                $0.hasSuffix(".csv")
            }.sorted()
            #expect(
                files == [
                    "antrian-SYNTHETIC.csv", "pegawai-SYNTHETIC.csv", "realisasi-SYNTHETIC.csv", "riwayat-kursus-SYNTHETIC.csv",
                    "skm-SYNTHETIC.csv",
                ])
            for file in files {
                let text = try read(a.appendingPathComponent(region).appendingPathComponent(file))
                #expect(
                    text == (try read(b.appendingPathComponent(region).appendingPathComponent(file))), "\(region)/\(file) differs by --jobs"
                )
                let rows = text.split(separator: "\r\n")
                #expect(rows.first?.hasSuffix(",sintetis") == true && rows.dropFirst().allSatisfy { $0.hasSuffix(",SINTETIS") }, "\(file)")
                if file.hasPrefix("riwayat") {
                    #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",")[1].hasPrefix("9") })
                }
            }
        }
    }

    /// A broken record stops history-check with its row and column (65), nothing run; a record
    /// that is not there is 66; a scenario with no records, or history without its years, is a
    /// usage error (64).
    @Test func historyCheckExitsByWhatItCanRead() throws {
        let town = "Tests/SimScenarioTests/History/town.json"
        let broken = try simulate(["history-check", town, "--set", #"regions.town.history=["broken/queue.csv"]"#, "--quiet"])
        #expect(
            broken.status == 65 && broken.stderr.contains("broken/queue.csv:2:4: error: waktu panggil:") && broken.stdout.isEmpty,
            "\(broken)")
        let gone = try simulate(["history-check", town, "--set", #"regions.town.history=["gone.csv"]"#, "--quiet"])
        #expect(gone.status == 66, "\(gone)")
        let none = try simulate(["history-check", "scenarios/baseline.json", "--quiet"])
        #expect(none.status == 64 && none.stderr.contains("names no records"), "\(none)")
        let noYears = try simulate(["history", "scenarios/baseline.json", "--out", scratchDirectory("never").path])
        #expect(noYears.status == 64 && noYears.stderr.contains("--from"), "\(noYears)")
        let good = try simulate(["history-check", town, "--replications", "2", "--quiet"])
        #expect(good.status == 0 && good.stdout.contains("counter.dukcapil.wait_minutes.mean · town · 2023-01: 39 ·"), "\(good)")
        // No NIP and no other cell of the town's records is printed.
        for cell in [
            "197703172005011002", "198801012019032001", "1977031720", "Pelayanan prima", "Orientasi PPPK", "Kantor Camat", "07:31",
        ] {
            #expect(!good.stdout.contains(cell) && !good.stderr.contains(cell), "\(cell)")
        }
        // The files read are named by kind, rows and SHA-256, never by path.
        #expect(good.stdout.contains("read skm: 3 rows, sha256 ") && !good.stdout.contains("records/"), "\(good.stdout)")
    }
}

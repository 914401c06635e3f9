import Foundation
import Testing

@testable import SimScenario

let historyFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("History")

/// The town's records (or `files` in place of them) read through the scenario, or the problems.
func townHistory(_ files: [String]? = nil) -> Result<RegionHistory, ScenarioError> {
    do {
        let list = files.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        let scenario = try ScenarioLoader.load(
            historyFixtures.appendingPathComponent("town.json").path,
            overrides: list.map { [Override("regions.town.history=\($0)")!] } ?? [])
        let histories = try HistoryLoader.read(scenario)
        return .success(histories[0])
    } catch {
        return .failure(error)
    }
}

@Suite struct HistoryReaderTests {
    /// The folder's five files, each recognised by its columns (SIASN's camelCase, Indonesian
    /// headers, semicolons and commas), give exactly the aggregates worked out by hand from them;
    /// the folder's README.txt is not read.
    @Test func aFolderOfRecordsGivesItsAggregates() throws {
        let history = try townHistory().get()
        #expect(Set(history.files.map(\.kind)) == Set(HistoryKind.allCases) && history.files.count == 5)
        // Data rows of the five files: courses 6, SKM 3, queue 4, budget 3, headcount 5.
        let rows: Int = history.files.map(\.rows).reduce(0, +)
        #expect(rows == 21)
        // Courses: the 2023 person has 12 + 8 + 4 JP (the last course ends on 2 January 2023, so
        // it counts in 2023), the CPNS 1,141 JP of Latsar; 2022 has a webinar of 2 JP and a
        // course of exactly 20 JP (the band's edge: 20 JP is the obligation met).
        #expect(
            history.courses[2023]
                == RegionHistory.CourseYear(people1To19: 0, people20Plus: 2, jpTotal: 1_165, courses: 4, latsarCompleted: 1))
        #expect(
            history.courses[2022] == RegionHistory.CourseYear(people1To19: 1, people20Plus: 1, jpTotal: 22, courses: 2, latsarCompleted: 0))
        // SKM: two semesters of 2022 weighted by respondents (78.5 × 400 + 80.1 × 100) / 500, the
        // full name through rosterMapping.units; the kantor's row through a pattern, weight 1.
        let dukcapil = try #require(history.skm[.init(unit: "dukcapil", year: 2022)])
        #expect(abs(dukcapil.index - 78.82) < 1e-9 && dukcapil.periods == 2)
        #expect(abs(dukcapil.elementSums[2] / dukcapil.elementWeights[2] - 3.0) < 1e-9)
        #expect(history.skm[.init(unit: "kantor", year: 2023)]?.index == 82)
        // Queue: January has a served ticket (39 minutes) and a cancelled one; February two served
        // (20 and 30 minutes; the unit's name, hh.mm times and date-and-time cells read alike).
        let january = try #require(history.queue[.init(unit: "dukcapil", year: 2023, month: 1)])
        #expect(january == RegionHistory.QueueTally(issued: 2, served: 1, waitMinutesTotal: 39, notServed: 1))
        let february = try #require(history.queue[.init(unit: "dukcapil", year: 2023, month: 2)])
        #expect(february.issued == 2 && february.served == 2 && abs(february.meanWaitMinutes - 25) < 1e-9)
        let year = try #require(history.queueYear("dukcapil", 2023))
        #expect(year.issued == 4 && abs(year.meanWaitMinutes - 89.0 / 3) < 1e-9 && year.notServedShare == 0.25)
        let hours = try #require(history.queueByHour[.init(unit: "dukcapil", year: 2023)])
        #expect(hours[7].issued == 2 && hours[9].issued == 1 && hours[10].issued == 1 && hours.map(\.issued).reduce(0, +) == 4)
        // Budget: Rupiah as Indonesian spreadsheets write them, two activities summed.
        #expect(history.budget[2022] == RegionHistory.Budget(ceilingRupiah: 2_000_000, realisedRupiah: 1_700_000))
        #expect(history.budget[2023]?.realisedRupiah == 1_350_000.5 && history.budget[2022]?.absorption == 0.85)
        // Headcount by status; the 20 JP obligation counts PNS and CPNS.
        let workforce = try #require(history.workforce[2023])
        #expect(
            workforce.total == 42 && workforce.pns == 32 && workforce.retirements == 1 && workforce.otherExits == 1
                && workforce.hires == nil)
        #expect(history.workforce[2022]?.total == 38 && history.workforce[2022]?.retirements == 2)
        #expect(history.years == [2022, 2023])
    }

    /// Each broken file gives exactly its diagnostics, `FILE:ROW:COL: error: COLUMN: message`, all
    /// at once, and nothing is read from it.
    @Test(arguments: [
        (
            "courses.csv",
            [
                "courses.csv:2:1: error: nipBaru: Excel stored this NIP as a number and lost its last digits",
                "courses.csv:3:1: error: nipBaru: expected 18 digits", "courses.csv:4:3: error: jumlahJam: expected lesson hours (JP)",
                "courses.csv:5:4: error: tanggalSelesaiKursus: expected a date", "courses.csv:6:4: error: year: no date and no year",
            ]
        ),
        (
            "skm.csv",
            [
                "skm.csv:2:1: error: unit: not one of the region's units (dukcapil, kantor)",
                "skm.csv:3:2: error: periode: expected a year",
                "skm.csv:4:3: error: ikm: expected the index from 25 to 100", "skm.csv:5:3: error: ikm: empty",
            ]
        ),
        (
            "queue.csv",
            [
                "queue.csv:2:4: error: waktu panggil: before the number was taken",
                "queue.csv:3:3: error: waktu ambil: expected a time of day",
                "queue.csv:4:5: error: status: expected served",
                "queue.csv:5:4: error: waktu panggil: empty on a ticket whose status says served",
                "queue.csv:6:2: error: tanggal: expected a date",
            ]
        ),
        (
            "budget.csv",
            [
                "budget.csv:2:2: error: pagu: expected the ceiling in Rupiah", "budget.csv:3:1: error: tahun: expected a year",
                "budget.csv:4:3: error: realisasi: expected the Rupiah realised",
            ]
        ),
        (
            "headcount.csv",
            [
                "headcount.csv:2:2: error: status: expected PNS, CPNS, PPPK or Jumlah",
                "headcount.csv:4:2: error: status: a second headcount for this year",
                "headcount.csv:5:3: error: jumlah: expected a whole number of people",
            ]
        ),
        ("unknown-kind.csv", ["unknown-kind.csv:1:1: error: history: the header is none of the record kinds"]),
        (
            "unterminated.csv",
            ["unterminated.csv:2:1: error: history: a quoted field opened in this row (line 2 of the file) is never closed"]
        ),
        ("empty.csv", ["empty.csv:1:1: error: history: the file is empty"]),
        ("header-only.csv", ["header-only.csv:2:1: error: history: the file has a header but no rows"]),
    ])
    func eachBrokenFileGetsItsDiagnostics(file: String, expected: [String]) {
        guard case .failure(let error) = townHistory(["broken/" + file]) else {
            Issue.record("\(file) was read")
            return
        }
        let found = error.diagnostics.map(\.description)
        #expect(found.count == expected.count, "\(found)")
        for (line, fragment) in zip(found, expected) { #expect(line.contains("History/broken/" + fragment), "\(line)") }
    }

    /// No message quotes a cell of a broken file: NIPs, names, dates, times and words a planner
    /// or a citizen wrote.
    @Test func noDiagnosticQuotesACell() throws {
        let cells = [
            "1.97703E+17", "19770317200501100", "197703172005011002", "delapan", "31-02-2023", "Dinas Pariwisata", "Semester I", "120",
            "25:00", "08:30", "hilang", "2023-13-02", "dua ribu", "1.2.3,4,5", "honorer", "Ani Wijaya", "Merdeka", "-5", "-3",
        ]
        let files = try FileManager.default.contentsOfDirectory(atPath: historyFixtures.appendingPathComponent("broken").path)
        #expect(files.count == 9)
        for file in files {
            guard case .failure(let error) = townHistory(["broken/" + file]) else { continue }
            for line in error.diagnostics.map(\.description) {
                for cell in cells { #expect(!line.contains(cell), "\(file) quotes '\(cell)': \(line)") }
            }
        }
    }

    /// A path that is not there stops the scenario at loading (exit 66), whatever command reads it.
    @Test func aMissingRecordFileIsAnUnreadableInput() {
        do {
            _ = try ScenarioLoader.load(
                historyFixtures.appendingPathComponent("town.json").path, overrides: [Override(#"regions.town.history=["gone.csv"]"#)!])
            Issue.record("loaded")
        } catch {
            #expect(error.isUnreadableInput && error.description.contains("regions.town.history[0]: cannot read 'gone.csv'"), "\(error)")
        }
    }

    /// Numbers as Indonesian and English spreadsheets write them.
    @Test(arguments: [
        ("1500000", 1_500_000.0), ("Rp 1.500.000", 1_500_000), ("1,500,000", 1_500_000), ("1.350.000,50", 1_350_000.5),
        ("1,350,000.50", 1_350_000.5), ("12,5", 12.5), ("12.5", 12.5), ("0.125", 0.125), ("500.000", 500_000), ("80", 80),
    ])
    func numbersReadAsWritten(text: String, value: Double) {
        #expect(HistoryReader.number(text) == value)
    }

    @Test(arguments: ["", "abc", "1.2.3,4,5", "1e400", "12-5", "--3"])
    func notNumbers(text: String) {
        #expect(HistoryReader.number(text) == nil)
    }

    /// A file recognised by its columns whatever their case, order or spelling, and a header that
    /// holds two kinds' columns is the kind it matches more of.
    @Test func kindsAreRecognisedByTheirColumns() {
        #expect(HistoryKind.recognise(["NIP_BARU", "JUMLAH_JAM"])?.kind == .courses)
        #expect(HistoryKind.recognise(["Tahun", "Pagu", "Realisasi", "Jumlah"])?.kind == .budget)
        #expect(HistoryKind.recognise(["tahun", "jumlah", "status", "pensiun"])?.kind == .headcount)
        #expect(HistoryKind.recognise(["unit", "tahun", "ikm"])?.kind == .skm)
        #expect(HistoryKind.recognise(["nama", "nip"]) == nil)
    }
}

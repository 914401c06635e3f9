import Foundation
import SimWorkforce
import Testing

@testable import SimScenario

/// Input that used to be cut short, misread or refused without a word (issue 33, items 7–9 and
/// 12–13): each is now read as meant or refused with where and what to do, never a trap.
@Suite struct SilentInputTests {
    static let town = brokenRosters.appendingPathComponent("town.json").path
    static let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Broken")

    func load(_ overrides: String...) throws -> Scenario {
        try ScenarioLoader.load(Self.town, overrides: overrides.compactMap(Override.init))
    }

    func problems(_ overrides: String...) -> [Diagnostic] {
        do {
            _ = try ScenarioLoader.load(Self.town, overrides: overrides.compactMap(Override.init))
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A quote opened in a column the tool does not even read (the name) and never closed used
    /// to swallow the rest of the file: 10 of 40 rows lost, exit 0. It is an error at the row
    /// where the quote opened.
    @Test func anUnterminatedQuoteIsAnErrorAtItsRow() {
        let found = problems("regions.town.roster=unterminated-quote.csv")
        #expect(found.count == 1)
        #expect(found.first?.location?.line == 30 && found.first?.message.contains("never closed") == true, "\(found)")
    }

    /// A quoted field that spans lines and closes is one cell (RFC 4180), said with a note.
    @Test func aClosedQuoteAcrossLinesIsOneCellWithANote() throws {
        let scenario = try load("regions.town.roster=multiline-name.csv")
        #expect(scenario.parameters.regions[0].roster?.count == 6)
        #expect(
            scenario.notes.contains {
                $0.hasSuffix(
                    "multiline-name.csv:4: a quoted field of this row spans 2 lines (from line 4); check that the row is one employee")
            },
            "\(scenario.notes)")
        #expect(scenario.notes.contains { $0.hasSuffix("multiline-name.csv: read 6 employee rows (the roster of town)") })
    }

    /// Line ends of old Macs (CR alone) and UTF-16 exports read as the same roster as UTF-8 with LF.
    @Test(arguments: ["cr-only.csv", "utf16.csv"])
    func otherLineEndsAndEncodingsReadTheSame(file: String) throws {
        let reference = try load("regions.town.roster=cr-only.csv").parameters.regions[0].roster
        let lf = FileManager.default.temporaryDirectory.appendingPathComponent("lf-\(UUID().uuidString).csv")
        let text = try String(contentsOf: brokenRosters.appendingPathComponent("cr-only.csv"), encoding: .utf8).replacingOccurrences(
            of: "\r", with: "\n")
        try text.write(to: lf, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: lf) }
        let plain = try load("regions.town.roster=\(lf.path)").parameters.regions[0].roster
        let read = try load("regions.town.roster=\(file)").parameters.regions[0].roster
        #expect(read?.count == 6)
        #expect(
            read?.unit == plain?.unit && read?.ageYears == plain?.ageYears && read?.jobLevel == plain?.jobLevel
                && reference?.unit == plain?.unit)
    }

    /// `0x1p4` is 16 to Swift's `Double`, not a JP count a spreadsheet writes: refused.
    @Test func aHexadecimalNumberIsRefused() {
        let found = problems("regions.town.roster=hex-jp.csv")
        #expect(found.map(\.path) == ["JP Tahun Ini"] && found.first?.message.contains("in decimal digits") == true, "\(found)")
        for text in ["0x1p4", "1e3", "inf", "nan", "1.000,5", "--1", "1."] { #expect(RosterReader.decimal(text) == nil, "\(text)") }
        for (text, value) in [("12", 12.0), ("3,5", 3.5), ("3.5", 3.5), ("-2", -2.0)] { #expect(RosterReader.decimal(text) == value) }
    }

    /// A booked session that ends before it starts is reported; it used to be reported and then
    /// still built into a range (`lowerBound <= upperBound`, exit 132).
    @Test func aSessionEndingBeforeItStartsIsAnErrorNotACrash() {
        let found = problems("regions.town.startState.bookedSessions=booked-end-before-start.csv")
        #expect(found.count == 1 && found.first?.message.hasPrefix("ends before it starts") == true, "\(found)")
    }

    /// A roster says who owes Latsar, so a count beside it is refused at its path; a dated intake
    /// outside the simulated months is refused at its own.
    @Test func startAndIntakeKeysThatCannotHoldAreRefused() {
        let owing = problems("regions.town.startState.cpnsOwingLatsar=5")
        #expect(
            owing.contains {
                $0.path == "regions.town.startState.cpnsOwingLatsar" && $0.message.contains("the roster says who owes Latsar")
            },
            "\(owing)")
        let early = problems(#"regions.town.intake=[{"month": "2000-01", "people": 5, "status": "cpns"}]"#)
        #expect(
            early.contains { $0.path == "regions.town.intake[0].month" && $0.message.contains("outside the simulated horizon") }, "\(early)"
        )
    }

    /// A session booked to start on Saturday 9 October 2027 starts on Monday the 11th, said with
    /// a note that does not quote the date; the row that starts on the Monday gets none.
    @Test func aSessionBookedOnAWeekendStartsOnTheNextWorkingDayWithANote() throws {
        let scenario = try load("regions.town.startState.bookedSessions=booked-weekend.csv")
        let notes = scenario.notes.filter { $0.contains("weekend or holiday") }
        #expect(notes.count == 1 && notes.first?.contains("booked-weekend.csv:2: ") == true, "\(scenario.notes)")
        #expect(!notes.contains { $0.contains("2027") || $0.contains("09-10") })
        let clock = WorkingClock(scenario.parameters.simulation)
        #expect(clock.time(of: CivilDate(2027, 10, 9)) == clock.time(of: CivilDate(2027, 10, 11)))
        #expect(!clock.isWorkingDay(CivilDate(2027, 10, 9)) && clock.isWorkingDay(CivilDate(2027, 10, 11)))
    }

    @Test func anEmptyBookedSessionFileIsRefused() {
        let found = problems("regions.town.startState.bookedSessions=booked-empty.csv")
        #expect(found.first?.message.hasPrefix("the file is empty") == true, "\(found)")
    }

    /// Scenario files: UTF-16 with a byte-order mark reads; invalid UTF-8 is refused at its line
    /// and column; `extends` to a device or a folder names the file that extends.
    @Test func scenarioFilesInOtherEncodingsAndOtherThingsToExtend() throws {
        _ = try ScenarioLoader.load(Self.broken.appendingPathComponent("utf16.json").path)
        func diagnostics(_ name: String) -> ScenarioError? {
            do {
                _ = try ScenarioLoader.load(Self.broken.appendingPathComponent(name).path)
                return nil
            } catch { return error }
        }
        let invalid = try #require(diagnostics("invalid-utf8.json"))
        #expect(
            !invalid.isUnreadableInput && invalid.diagnostics.first?.location?.line == 4
                && invalid.diagnostics.first?.location?.column == 15)
        #expect(invalid.description.contains("not UTF-8 text"))
        let device = try #require(diagnostics("extends-device.json"))
        #expect(
            device.isUnreadableInput
                && device.description.contains(
                    "extends-device.json:3:14: error: extends: cannot read '/dev/zero': it is not a regular file")
        )
        let folder = try #require(diagnostics("extends-folder.json"))
        #expect(folder.description.contains("extends-folder.json:3:14: error: extends: cannot read '.': it is a folder"))
        let empty = try #require(diagnostics("empty-id.json"))
        #expect(empty.description.contains("id: an empty scenario id"))
    }

    /// Past the documented limits a scenario is refused with a message, not a crashed stack:
    /// an `extends` chain of 40 files, a `--set` path of 40,000 parts.
    @Test func chainsAndPathsPastTheLimitsAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try String(contentsOfFile: Self.town, encoding: .utf8).replacingOccurrences(
            of: "\"good.csv\"", with: "\"\(brokenRosters.appendingPathComponent("good.csv").path)\""
        )
        .write(to: dir.appendingPathComponent("f0.json"), atomically: true, encoding: .utf8)
        for i in 1...40 {
            try #"{"schemaVersion": 1, "extends": "f\#(i - 1).json"}"#.write(
                to: dir.appendingPathComponent("f\(i).json"), atomically: true, encoding: .utf8)
        }
        _ = try ScenarioLoader.load(dir.appendingPathComponent("f30.json").path)
        do {
            _ = try ScenarioLoader.load(dir.appendingPathComponent("f40.json").path)
            Issue.record("a chain of 41 files loaded")
        } catch {
            #expect(error.description.contains("a chain of more than 32 files extending each other"))
        }
        let deep = Array(repeating: "a", count: 40_000).joined(separator: ".") + "=1"
        #expect(Override(deep) == nil)
        #expect(Override(Array(repeating: "a", count: 64).joined(separator: ".") + "=1") != nil)
    }

    /// A roster with a bad unit in each of 5,000 rows lists the first 100 problems and counts
    /// the rest; a 10-MB header cell is not echoed and gets no edit distances.
    @Test func aHostileRosterIsCappedAndNotEchoed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var rows = ["NIP;Nama;Unit Kerja;Jenis Jabatan;Status"]
        for i in 0..<5_000 { rows.append("\(198_001_012_005_011_001 + i);Ani Wijaya \(i);nowhere\(i);Pelaksana;PNS") }
        let bad = dir.appendingPathComponent("bad.csv")
        try rows.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        let found = problems("regions.town.roster=\(bad.path)")
        #expect(found.count == 101)
        #expect(
            found.last?.isSummary == true && found.last?.message.hasPrefix("and 4900 more problems") == true,
            "\(String(describing: found.last))")
        let long = dir.appendingPathComponent("long.csv")
        try
            ("NIP;" + String(repeating: "U", count: 10_000_000)
            + ";Unit Kerja;Jenis Jabatan;Status\n198001012005011001;x;dukcapil;Pelaksana;PNS\n")
            .write(to: long, atomically: true, encoding: .utf8)
        let scenario = try load("regions.town.roster=\(long.path)")
        #expect(scenario.parameters.regions[0].roster?.count == 1)
        let header = String(repeating: "Unti Kerjaa", count: 2)
        let near = dir.appendingPathComponent("near.csv")
        try "NIP;Unit Kerja;Jenis Jabatan;Status;\(header)\n198001012005011001;dukcapil;Pelaksana;PNS;x\n".write(
            to: near, atomically: true, encoding: .utf8)
        #expect(problems("regions.town.roster=\(near.path)").allSatisfy { !$0.description.contains(header) })
    }
}

import Foundation
import SimWorkforce
import Testing

@testable import SimScenario

/// `roster-check` on a SIASN export as it comes (issue 39 item 3): `siasn-city.csv` has 69 invented
/// people in a six-unit city (`city.json`, the bundled cities' units), full unit names, P/C status
/// codes, PPPK rows with an empty status, five rows "PNS Daerah", fourteen "S1 Kependidikan", a
/// NIP with a leading apostrophe, two NIPs Excel damaged, dd-mm-yyyy and dd/mm/yyyy dates, three
/// small puskesmas and two small schools, a person's name shifted into the unit column, and one
/// rare unit. The file was written by a short script from that design; the expectations below are
/// the design, not the program's output.
@Suite struct RosterCheckTests {
    static let scenario = brokenRosters.appendingPathComponent("city.json").path
    static let roster = brokenRosters.appendingPathComponent("siasn-city.csv")

    func check(_ roster: URL = Self.roster, overrides: [String] = []) throws -> RosterCheck {
        let loaded = try ScenarioLoader.load(Self.scenario, overrides: overrides.compactMap(Override.init))
        return try RosterCheck.reading(roster.path, parameters: loaded.parameters, region: "city", scenarioFile: loaded.file)
    }

    @Test func theCheckSaysWhatTheExportNeeds() throws {
        let check = try check()
        #expect(check.employees == 69)
        #expect(
            check.recognised.map(\.key) == [
                "nip", "name", "birthDate", "employeeKind", "status", "tmt", "post", "eselon", "education", "unit",
            ])
        #expect(check.unused.map(\.header) == ["PNS_ID", "AGAMA_NAMA"] && check.unknownColumns == [13])
        #expect(check.missingColumns.isEmpty && check.excelNIPRows == 2)
        let units = Dictionary(uniqueKeysWithValues: (check.suggestions["unit"] ?? []).map { ($0.key, $0) })
        let expected: [(String, Int, String?)] = [
            ("Dinas Kependudukan dan Pencatatan Sipil", 20, "dukcapil"),
            ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 8, "dpmptsp"), ("Puskesmas *", 8, "health"),
            ("Dinas Pendidikan dan Kebudayaan", 6, "education"), ("SMP Negeri 1 Contoh", 6, "education"),
            ("Badan Keuangan dan Aset Daerah", 5, "administration"), ("Dinas Pekerjaan Umum dan Penataan Ruang", 5, "technical"),
            ("Dinas Sosial", 5, nil),
        ]
        #expect(units.count == expected.count, "\(units.keys.sorted())")
        for (key, rows, target) in expected {
            #expect(units[key]?.rows == rows && units[key]?.target == target, "\(key): \(String(describing: units[key]))")
        }
        #expect(units["Puskesmas *"]?.values == 3)
        // Two schools of 2 rows each, the shifted name and the rare unit: counted, never shown.
        #expect(check.hidden["unit"] == RosterCheck.Hidden(values: 4, rows: 6))
        #expect(check.suggestions["status"] == [.init(key: "PNS Daerah", values: 1, rows: 5, target: "pns")])
        #expect(check.suggestions["education"] == [.init(key: "S1 Kependidikan", values: 1, rows: 14, target: "s1")])
        #expect(check.suggestions["post"] == nil && check.hidden["status"] == nil)
        // Dinas Sosial, the four hidden values and the two damaged NIPs still stop it.
        #expect(!check.loads)
        #expect(check.remaining.filter { $0.path == "UNOR_NAMA" }.count == 5 + 6)
    }

    /// No cell but a unit, status, post or education value held by at least five rows ever reaches
    /// the report or the diagnostics: every other cell of the file is searched for.
    @Test func theReportQuotesNoPersonalData() throws {
        let check = try check()
        let said = check.report() + check.remaining.map { "\($0.path) \($0.message)" }.joined(separator: "\n")
        let rows = try String(contentsOf: Self.roster, encoding: .utf8).split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        }
        var unitRows: [String: Int] = [:]
        for row in rows { unitRows[row[10], default: 0] += 1 }
        for row in rows {
            for (k, cell) in row.enumerated() where ![4, 5, 7, 8, 9, 10].contains(k) && cell.count >= 4 {
                #expect(!said.contains(cell), "column \(k + 1) is quoted")
            }
            if unitRows[row[10], default: 0] < RosterCheck.shownMinimumRows { #expect(!said.contains(row[10]), "a rare unit is quoted") }
            #expect(!said.contains(String(row[1].filter(\.isNumber).prefix(8))), "part of a NIP is quoted")
        }
        #expect(said.contains("\"Puskesmas *\"") && !said.contains("Remu"))
    }

    /// The planner's path: paste the suggested block, map what had no suggestion by hand, fix the
    /// two NIPs in Excel and the shifted row; the roster then loads, and its people by unit, level
    /// and status are those of the file, counted here independently of the reader.
    @Test func withThePastedMappingTheRosterLoadsWithItsCounts() throws {
        let report = try check().report()
        let start = try #require(report.range(of: "\"rosterMapping\": ")?.upperBound)
        let block = String(report[start...])
        let pasted = try JSONParser.parse(String(block[..<(try #require(block.range(of: "\n  }\n")?.upperBound))]), file: "pasted")
        var units = try #require(pasted["units"]?.members).map { ($0.key, $0.value.string ?? "") }
        units += [("Dinas Sosial", "administration"), ("SD Negeri *", "education"), ("Kantor Rahasia Contoh", "administration")]
        let mapping =
            "{\"units\": {\(units.map { "\"\($0.0)\": \"\($0.1)\"" }.joined(separator: ", "))}, \"status\": {\"PNS Daerah\": \"pns\"}, \"education\": {\"S1 Kependidikan\": \"s1\"}}"
        let lines = try String(contentsOf: Self.roster, encoding: .utf8).split(separator: "\r\n").map(String.init)
        let fixed = lines.enumerated().compactMap { k, line -> String? in
            if line.contains("Contoh Sintetis Bergeser") { return nil }
            guard line.contains("E+17") else { return line }
            var cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            cells[1] = "1980010120050110\(k)"
            return cells.joined(separator: ";")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fixed.csv")
        try (fixed.joined(separator: "\r\n") + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        let overrides = ["regions.city.rosterMapping=\(mapping)"]
        #expect(try check(file, overrides: overrides).loads)
        let loaded = try ScenarioLoader.load(
            Self.scenario, overrides: (overrides + ["regions.city.roster=\(file.path)"]).compactMap(Override.init))
        let roster = try #require(loaded.parameters.regions[0].roster)
        let unitIDs = loaded.parameters.regions[0].units.map(\.id)
        var read: [String: Int] = [:]
        for k in 0..<roster.count { read["\(unitIDs[roster.unit[k]]) \(roster.jobLevel[k].id) \(roster.status[k].id)", default: 0] += 1 }
        #expect(read == Self.expectedCounts(fixed.dropFirst(), units: Dictionary(uniqueKeysWithValues: units)))
    }

    /// Unit × level × status of each row, by the export's meaning (SIASN's codes, the Eselon of a
    /// structural post), written apart from the reader.
    static func expectedCounts(_ lines: ArraySlice<String>, units: [String: String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in lines {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let unit = units[cells[10]] ?? units.first { $0.key.hasSuffix(" *") && cells[10].hasPrefix($0.key.dropLast(2)) }!.value
            let status = cells[4] == "PPPK" ? "pppk" : cells[5] == "C" ? "cpns" : "pns"
            let level =
                switch cells[7] {
                case "Jabatan Fungsional Tertentu": "fungsional"
                case "Jabatan Struktural": cells[8].hasPrefix("III") ? "administrator" : "pengawas"
                default: "pelaksana"
                }
            counts["\(unit) \(level) \(status)", default: 0] += 1
        }
        return counts
    }

    /// A status, post or education is suggested from the reader's own spellings, the longest run
    /// of words first (so "calon pegawai negeri sipil" is a CPNS, not the PNS its tail spells) and
    /// never a lone letter inside a longer value.
    @Test(
        arguments: [
            ("status", "calon pegawai negeri sipil", "cpns"), ("status", "pns daerah", "pns"), ("status", "kelas c", nil),
            ("post", "jabatan fungsional guru", "fungsional"), ("education", "s1 kependidikan", "s1"), ("education", "lainnya", nil),
        ] as [(String, String, String?)])
    func aSuggestionReadsTheLongestKnownRun(column: String, value: String, expected: String?) {
        #expect(RosterCheck.target(column, normalised: value, units: []) == expected)
    }

    /// A region the scenario lacks, or a file that is not there, is refused by name.
    @Test func aWrongRegionOrFileIsNamed() throws {
        let loaded = try ScenarioLoader.load(Self.scenario)
        #expect(throws: ScenarioError.self) {
            try RosterCheck.reading(Self.roster.path, parameters: loaded.parameters, region: "sorong", scenarioFile: loaded.file)
        }
        do {
            _ = try RosterCheck.reading("/nowhere/roster.csv", parameters: loaded.parameters, region: "city", scenarioFile: loaded.file)
            Issue.record("a missing file was read")
        } catch {
            #expect(error.isUnreadableInput && error.diagnostics.first?.file == "/nowhere/roster.csv")
        }
    }
}

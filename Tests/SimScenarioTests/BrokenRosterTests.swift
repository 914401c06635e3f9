import Foundation
import SimScenario
import Testing

let brokenRosters = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BrokenRosters")

/// The diagnostics of the corpus scenario read with `roster` set to `file`.
func rosterDiagnostics(_ file: String) -> [String] {
    do {
        _ = try ScenarioLoader.load(
            brokenRosters.appendingPathComponent("town.json").path,
            overrides: [Override("regions.town.roster=\(file)")!])
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite struct BrokenRosterTests {
    /// Each broken roster gives exactly its expected diagnostics, `FILE:ROW:COL: error: COLUMN:
    /// message`, all at once (the last file has eight problems in one row).
    @Test(arguments: [
        ("good.csv", [String]()),
        // An export's own columns (No, Agama, Golongan) are not read; a trailing separator is fine;
        // a near miss of a known header is not ignored silently.
        ("extra-columns.csv", ["extra-columns.csv:1:9: error: column 9: unknown column header; did you mean 'pendidikan'?"]),
        (
            "unknown-unit.csv",
            [
                "unknown-unit.csv:2:3: error: Unit Kerja: not a value this column takes (the value is not shown: a roster cell may be personal data); expected one of the region's units (dukcapil, kantor) or a name the scenario maps to one in rosterMapping.units; did you mean 'dukcapil'?"
            ]
        ),
        ("impossible-date.csv", ["impossible-date.csv:2:7: error: Tanggal Lahir: not a real date"]),
        ("duplicate-nip.csv", ["duplicate-nip.csv:4:1: error: NIP: duplicate NIP: the same as row 2"]),
        // NIPs Excel kept as numbers (1,98001E+17 in an Indonesian locale, 1.97703E+17 in an
        // English one): said as such, with the count first (issue 39).
        (
            "excel-nip.csv",
            [
                "excel-nip.csv:1:1: error: NIP: 2 rows hold a NIP that Excel stored as a number, losing its last digits",
                "excel-nip.csv:2:1: error: NIP: Excel stored this NIP as a number and lost its last digits",
                "excel-nip.csv:4:1: error: NIP: Excel stored this NIP as a number and lost its last digits",
            ]
        ),
        ("level-outside.csv", ["level-outside.csv:2:12: error: Kompetensi digital: expected a level from 1 to 5; this number is above it"]),
        ("pppk-latsar.csv", ["pppk-latsar.csv:2:11: error: Belum Latsar: a PPPK does not owe Latsar"]),
        ("missing-unit-column.csv", ["missing-unit-column.csv:1:1: error: unit: no unit column; expected a header 'Unit Kerja' or 'Unit'"]),
        (
            "many-problems.csv",
            [
                "many-problems.csv:2:1: error: NIP: expected 18 digits",
                "many-problems.csv:2:4: error: Jenis Jabatan: not a value this column takes",
                "many-problems.csv:2:6: error: Status: not a value this column takes",
                "many-problems.csv:2:7: error: Tanggal Lahir: already at or past the retirement age (65) on the start date 2027-01-01",
                "many-problems.csv:2:8: error: TMT: after the start date 2027-01-01",
                "many-problems.csv:2:9: error: Pendidikan: not a value this column takes",
                "many-problems.csv:2:10: error: JP Tahun Ini: expected JP from 0 to 2000; this number is below it",
                "many-problems.csv:2:11: error: Belum Latsar: not a value this column takes",
            ]
        ),
    ])
    func eachBrokenRosterGetsItsDiagnostics(file: String, expected: [String]) {
        let found = rosterDiagnostics(file)
        #expect(found.count == expected.count, "\(found)")
        for (line, fragment) in zip(found, expected) {
            #expect(line.contains("BrokenRosters/" + fragment), "\(line)")
        }
    }

    /// No message quotes a NIP, a name or a birth date from the file, in any of its spellings.
    @Test func noDiagnosticQuotesPersonalData() {
        let personal = [
            "198001012005011001", "199505052022032002", "12345", "Ani Wijaya", "Budi Hartono", "Citra Dewi", "98001", "97703",
            "01-01-1980", "31-02-1980", "05-05-1995", "01-01-1960", "1980-01-01",
        ]
        let files = [
            "unknown-unit.csv", "impossible-date.csv", "duplicate-nip.csv", "level-outside.csv", "pppk-latsar.csv", "many-problems.csv",
            "excel-nip.csv",
        ]
        for file in files {
            for line in rosterDiagnostics(file) {
                for value in personal { #expect(!line.contains(value), "\(file): \(line)") }
            }
        }
    }

    /// A roster that is not there is a file that cannot be read (exit 66), named with where it was looked for.
    @Test func aMissingRosterCannotBeRead() {
        do {
            _ = try ScenarioLoader.load(
                brokenRosters.appendingPathComponent("town.json").path, overrides: [Override("regions.town.roster=nowhere.csv")!])
            Issue.record("expected an error")
        } catch {
            #expect(error.isUnreadableInput)
            #expect(error.description.contains("regions.town.roster: cannot read 'nowhere.csv'"))
        }
    }
}

import Foundation
import Testing

/// `--baseline X` compares every scenario with X, and every heading that says what is compared
/// names X by its own name; the scenario with id `baseline` is then a what-if like any other.
@Suite struct ChosenComparisonTests {
    @Test func theChosenComparisonIsNamedInEveryHeading() throws {
        let dir = scratchDirectory("chosen")
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try simulate([
            "scenarios/baseline.json", "scenarios/budget-cut-30.json", "scenarios/budget-plus-50.json",
            "--baseline", "budget-cut-30", "--uncertain", "--years", "1", "--replications", "3", "--xlsx",
            "--quiet", "--out", dir.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let name = "Pemotongan anggaran 30% (refocusing) mulai Juli 2027"
        let markdown = try read(dir.appendingPathComponent("brief.md"))
        let html = try read(dir.appendingPathComponent("brief.html"))
        #expect(markdown.contains("Pembanding: \(name)"))
        #expect(markdown.contains("Setiap skenario dibandingkan dengan “\(name)”"))
        #expect(markdown.contains("## Seberapa yakin? Peluang mengungguli “\(name)”"))
        #expect(markdown.contains("### Baseline: praktik saat ini"), "the scenario with id baseline is answered like any what-if")
        #expect(html.contains("selisih terhadap “\(name)”"))
        // No heading or sentence of the brief calls the comparison "the baseline" (a missed fact names
        // the scenario by its id).
        for line in markdown.split(separator: "\n") where line.contains("baseline") && !line.contains("(MODEL.md §11)") {
            #expect(line.contains("Baseline: praktik saat ini") || line.contains("baseline.json"), "still says baseline: \(line)")
        }
        let entries = try WorkbookTests.unzip(Array(try Data(contentsOf: dir.appendingPathComponent("results.xlsx"))))
        let wide = WorkbookTests.sheet(entries["xl/worksheets/sheet1.xml"]).first?.map(\.text) ?? []
        #expect(wide.contains("Selisih thd budget-cut-30"), "\(wide)")
        let yearly = WorkbookTests.sheet(entries["xl/worksheets/sheet3.xml"]).first?.map(\.text) ?? []
        #expect(yearly.contains("Selisih thd budget-cut-30"), "\(yearly)")
    }
}

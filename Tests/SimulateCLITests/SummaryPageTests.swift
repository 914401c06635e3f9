import Foundation
import Testing

/// Page 1 of the brief, as a Sekda reads it: per city an answer in Rupiah, people and a chance,
/// a table of the options ranked by the outcome, at most 250 words beside its tables, and plain
/// words when no option beats the comparison. Runs are BriefTests' (every bundled scenario, 4
/// replications, 2 years) unless a test says otherwise.
@Suite(.serialized) struct SummaryPageTests {
    static func summary(_ html: String) -> String? {
        guard let start = html.range(of: "<section id=\"summary\">"),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The words a reader reads outside the tables: tags and tables dropped, entities kept as one word.
    static func words(outsideTables section: String) -> [Substring] {
        var text = section
        while let table = text.range(of: "<table"), let end = text.range(of: "</table>", range: table.upperBound..<text.endIndex) {
            text.removeSubrange(table.lowerBound..<end.upperBound)
        }
        while let tag = text.range(of: "<"), let end = text.range(of: ">", range: tag.upperBound..<text.endIndex) {
            text.replaceSubrange(tag.lowerBound..<end.upperBound, with: " ")
        }
        return text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
    }

    @Test(arguments: ["id", "en"])
    func pageOneAnswersInRupiahPeopleAndAChance(language: String) throws {
        let html = try BriefTests.page(language, "brief.html")
        let section = try #require(Self.summary(html), "brief.html has <section id=\"summary\">")
        #expect(html.range(of: "<section id=\"summary\">")!.lowerBound < html.range(of: "class=\"read\"")!.lowerBound, "it comes first")
        #expect(section.contains("Rp "), "Rupiah")
        #expect(
            section.contains("data-metric=\"jp.pns_reaching_20\"") && section.contains("data-metric=\"competency.staff_at_standard\""),
            "people counted by the count metrics")
        #expect(section.contains(language == "id" ? "PNS mencapai 20 JP" : "PNS reaching 20 JP"))
        #expect(section.contains(language == "id" ? "peluang lebih baik " : "chance of doing better "))
        #expect(section.components(separatedBy: "<table class=\"options\"").count - 1 == 2, "a ranking table per city")
        let count = Self.words(outsideTables: section).count
        #expect(count <= 250, "page 1 has \(count) words outside its tables")
        #expect(count >= 60, "page 1 says something (\(count) words)")
        let markdown = try BriefTests.page(language, "brief.md")
        let heading = language == "id" ? "## Ringkasan untuk pimpinan" : "## Summary for decision makers"
        #expect(markdown.components(separatedBy: "\n## ").dropFirst().first.map { "## " + $0 }?.hasPrefix(heading) == true)
    }

    /// Each table's rows are in order of the outcome (PNS reaching 20 JP by default), best first,
    /// and each row's people are the count metric's own paired difference (checked against
    /// summary.csv by BriefTests.firstPageFiguresAreTheCSVValuesRounded).
    @Test(arguments: ["id", "en"])
    func theOptionsAreRankedByTheOutcome(language: String) throws {
        let section = try #require(Self.summary(try BriefTests.page(language, "brief.html")))
        let tables = section.components(separatedBy: "<table class=\"options\"").dropFirst()
        #expect(!tables.isEmpty)
        for table in tables {
            let body = "<table class=\"options\"" + (table.components(separatedBy: "</table>").first ?? "") + "</table>"
            // The what-ifs about what the region does not choose follow, unranked (PageOneAtDefaultTests).
            let context = Set(PageOneAtDefaultTests.context.map(\.id))
            let outcomes = try FigureSpans.parse(body)
                .filter { $0.attributes["data-metric"] == "jp.pns_reaching_20" && !context.contains($0.attributes["data-scenario"] ?? "") }
                .compactMap { Double($0.attributes["data-value"] ?? "") }
            #expect(outcomes.count >= 9, "a row per option that changes the city")
            #expect(outcomes == outcomes.sorted(by: >), "ranked best first: \(outcomes)")
        }
        let markdown = try BriefTests.page(language, "brief.md")
        #expect(
            markdown.contains(
                language == "id" ? "Urutan: PNS yang mencapai 20 JP (bawaan)." : "Ranked by PNS reaching 20 JP (the default)."))
    }

    /// A scenario may name the outcome; the page ranks by it and says it was chosen.
    @Test func aScenarioChoosesTheOutcome() throws {
        let dir = scratchDirectory("summary-outcome")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = packageRoot.appendingPathComponent("scenarios")
        let outcome = try simulate([
            scenarios.appendingPathComponent("baseline.json").path, scenarios.appendingPathComponent("budget-plus-50.json").path,
            scenarios.appendingPathComponent("equal-hours.json").path, "--set", "brief.outcome=service.ikm",
            "--years", "1", "--replications", "3", "--out", dir.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let markdown = try read(dir.appendingPathComponent("brief.md"))
        #expect(markdown.contains("Urutan: IKM (dipilih lewat brief.outcome)"))
        #expect(markdown.contains("| Opsi | Δ Anggaran terpakai | Δ PNS ≥ 20 JP (orang) | Δ ASN memenuhi standar (orang) | Δ IKM |"))
        let bad = try simulate([
            scenarios.appendingPathComponent("baseline.json").path, "--set", "brief.outcome=jp.share_reching_20", "--out",
            scratchDirectory("summary-bad").path, "--quiet",
        ])
        #expect(bad.status == 65 && bad.stderr.contains("brief.outcome") && bad.stderr.contains("jp.share_reaching_20"), "\(bad.stderr)")
    }

    /// When no option differs from the comparison, the page says so instead of ranking noise.
    @Test func noOptionBetterIsSaidPlainly() throws {
        let dir = scratchDirectory("summary-none")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = packageRoot.appendingPathComponent("scenarios")
        // The periodic evaluation first acts after the first year: in year 1 the two runs are the same.
        let outcome = try simulate([
            scenarios.appendingPathComponent("baseline.json").path, scenarios.appendingPathComponent("no-evaluation.json").path,
            "--region", "sorong", "--years", "1", "--replications", "3", "--out", dir.path, "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let markdown = try read(dir.appendingPathComponent("brief.md"))
        #expect(markdown.contains("Kota Sorong: tidak ada opsi yang lebih baik secara nyata daripada"), "\(markdown.prefix(1500))")
        #expect(!markdown.contains("paling baik:"))
        // A one-city brief speaks of one city (a quoted source may mention another, as Sorong's budget's does).
        for line in markdown.split(separator: "\n") where line.contains("Sawahlunto") {
            #expect(line.hasPrefix("- Masukan berupa perkiraan atau asumsi: `regions.sorong."), "\(line)")
        }
    }

    /// "Where the money moved": each programme's change in spending is the what-if's total over
    /// the years in programmes.csv minus the baseline's (the mean of a paired difference is the
    /// difference of the means), and a budget cut moves money out of programmes.
    @Test(arguments: ["id", "en"])
    func whereTheMoneyWentIsProgrammesCSV(language: String) throws {
        let table = parseCSV(try BriefTests.page(language, "programmes.csv"))
        let rows = table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(table[0], $0)) }
        func total(_ scenario: String, _ region: String, _ programme: String) -> Double {
            rows.filter { $0["scenario"] == scenario && $0["region"] == region && $0["programme"] == programme }
                .reduce(0) { $0 + (Double($1["spent_rupiah"] ?? "") ?? 0) }
        }
        var checked = 0
        for figure in try FigureSpans.parse(BriefTests.page(language, "brief.html"))
        where figure.attributes["data-metric"]?.hasPrefix("programme.") == true {
            let a = figure.attributes
            let programme = String(a["data-metric"]!.dropFirst("programme.".count).dropLast(".spent_rupiah".count))
            let scenario = a["data-scenario"]!
            let region = a["data-region"]!
            let expected = total(scenario, region, programme) - total("baseline", region, programme)
            let value = figure.number("data-value")
            #expect(abs(value - expected) <= 1e-5 * max(abs(expected), total("baseline", region, programme)) + 1, "\(a): \(expected)")
            checked += 1
        }
        #expect(checked >= 10)
        let markdown = try BriefTests.page(language, "brief.md")
        let cut = markdown.components(separatedBy: "\n### ").first {
            $0.contains(language == "id" ? "Pemotongan anggaran 30%" : "30% refocusing")
        }
        #expect(cut?.contains(language == "id" ? "Ke mana uang bergeser di Kota Sorong" : "Where the money moved in Kota Sorong") == true)
        #expect(cut?.contains(language == "id" ? " dari " : " from ") == true, "a cut takes money from programmes")
    }

    /// What-ifs that drop a region, and a comparison without one: page 1 says the region is not
    /// compared, or that no option changes it, and never "no option is better" for a region with
    /// nothing to compare.
    @Test func aRegionWithNothingToCompareIsSaidSo() throws {
        let dir = scratchDirectory("summary-regions")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = packageRoot.appendingPathComponent("scenarios").path
        let dropSorong = dir.appendingPathComponent("plus50-no-sorong.json")
        try
            #"{ "schemaVersion": 1, "extends": "\#(scenarios)/budget-plus-50.json", "id": "plus50-no-sorong", "regions": { "sorong": null } }"#
            .write(to: dropSorong, atomically: true, encoding: .utf8)
        let onlySorong = dir.appendingPathComponent("baseline-sorong.json")
        try #"{ "schemaVersion": 1, "extends": "\#(scenarios)/baseline.json", "id": "baseline", "regions": { "sawahlunto": null } }"#
            .write(to: onlySorong, atomically: true, encoding: .utf8)
        let common = ["--fixed-inputs", "--years", "1", "--replications", "3", "--quiet"]
        let dropped = try simulate(
            [scenarios + "/baseline.json", dropSorong.path] + common + ["--out", dir.appendingPathComponent("a").path])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        let a = try read(dir.appendingPathComponent("a/brief.md"))
        #expect(a.contains("- Kota Sorong: tidak ada opsi yang mengubah wilayah ini."), "\(a.prefix(1200))")
        #expect(a.contains("- Kota Sawahlunto: “plus50-no-sorong” paling baik:"))
        let added = try simulate(
            [onlySorong.path, scenarios + "/budget-plus-50.json"] + common + ["--out", dir.appendingPathComponent("b").path])
        #expect(added.status == 0, "\(added.stderr)")
        let b = try read(dir.appendingPathComponent("b/brief.md"))
        #expect(b.contains("- Kota Sawahlunto: tidak ada di “baseline”, jadi opsi di wilayah ini tidak dibandingkan."), "\(b.prefix(1200))")
        #expect(!b.contains("tidak ada opsi yang lebih baik secara nyata"))
    }
}

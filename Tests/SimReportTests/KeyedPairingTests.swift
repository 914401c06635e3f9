import Foundation
import SimCore
import SimExperiment
import SimReport
import SimScenario
import SimWorkforce
import Testing

/// Results are paired by key, never by position: every difference the tables report is the
/// paired difference of the same region and series recomputed here from the replications, and
/// shuffling the slots a replication writes its values in changes no output byte.
@Suite struct KeyedPairingTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every bundled what-if and the baseline, two years (the pandemic starts in the second).
    static func bundled() throws -> [Scenario] {
        let directory = packageRoot.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted()
        let loaded = try files.map {
            try ScenarioLoader.load(directory.appendingPathComponent($0).path, overrides: [Override("simulation.years=2")!])
        }
        let kept = loaded.filter { $0.optimisation == nil }
        return kept.filter { $0.id == "baseline" } + kept.filter { $0.id != "baseline" }
    }

    static func labels(_ scenario: Scenario) -> ScenarioLabels {
        let p = scenario.parameters
        return ScenarioLabels(
            id: scenario.id, name: scenario.name, question: scenario.question, catalogues: p.catalogues,
            regionNames: p.regions.map(\.name), programmeIDs: p.programmes.map(\.id), startYear: p.startYear,
            programmeModes: p.programmes.map(\.mode.id), programmeNames: p.programmes.map(\.name))
    }

    static func run(_ scenarios: [Scenario], replications: Int, shuffle: UInt64? = nil) -> ExperimentResult {
        var runner = ExperimentRunner(
            scenarios: scenarios.map { ExperimentScenario(id: $0.id, parameters: $0.parameters) },
            seed: 2027, baseline: 0, jobs: 2)
        runner.layoutShuffle = shuffle
        var result = runner.emptyResult()
        runner.run(replications: Array(0..<replications), into: &result)
        return result
    }

    /// A series over the months by its own rule, written here from the definition of each rule
    /// (the last month; the total of the months measured; the mean of the last 12 measured).
    static func summarise(_ values: [Double], _ summary: HorizonSummary) -> Double {
        let measured = values.suffix(summary == .lastYearMean ? 12 : values.count).filter { !$0.isNaN }
        switch summary {
        case .lastMonth: return values.last ?? .nan
        case .total: return measured.isEmpty ? .nan : measured.reduce(0, +)
        case .lastYearMean: return measured.isEmpty ? .nan : measured.reduce(0, +) / Double(measured.count)
        }
    }

    /// A series' place and period: region id, key, and year (`nil`: the whole run).
    struct Cell: Hashable {
        var region: String
        var key: MetricKey
        var year: Int?
    }

    /// Each series of one replication of a scenario, summarised over the run and over each year.
    static func summaries(_ parameters: ModelParameters, replication: Int) -> [Cell: Double] {
        let result = runReplication(parameters, seed: 2027, replication: replication)
        var values: [Cell: Double] = [:]
        for (r, region) in result.regions.enumerated() {
            for metric in RegionCatalogue(parameters, region: r).metrics {
                let series = (0..<region.months).map { region[metric.key, $0]! }
                values[Cell(region: region.region, key: metric.key, year: nil)] = summarise(series, metric.summary)
                for year in 0..<(region.months / 12) {
                    values[Cell(region: region.region, key: metric.key, year: year)] = summarise(
                        Array(series[(year * 12)..<(year * 12 + 12)]), metric.summary)
                }
            }
        }
        return values
    }

    static func number(_ field: CSVField) -> Double? {
        switch field {
        case .number(let x): return x
        case .integer(let n): return Double(n)
        default: return nil
        }
    }

    static func text(_ field: CSVField) -> String {
        switch field {
        case .identifier(let s), .userText(let s): return s
        case .number(let x): return "\(x)"
        case .integer(let n): return "\(n)"
        }
    }

    /// For every bundled what-if, the summary's and the services table's differences equal the
    /// mean over replications of (what-if − baseline) for the same region and key, recomputed
    /// here; where the baseline lacks the region or key, the difference is empty.
    @Test func everyReportedDifferenceIsThePairedDifferenceOfTheSameKey() throws {
        let scenarios = try Self.bundled()
        let replications = 3
        let result = Self.run(scenarios, replications: replications)
        let labels = scenarios.map(Self.labels)
        var recomputed: [String: [Cell: RunningStatistics]] = [:]
        for k in 0..<replications {
            let base = Self.summaries(scenarios[0].parameters, replication: k)
            for scenario in scenarios.dropFirst() {
                // In replication order, as the run folds them: the same additions, the same bits.
                for (cell, value) in Self.summaries(scenario.parameters, replication: k) {
                    guard let b = base[cell] else { continue }
                    recomputed[scenario.id, default: [:]][cell, default: RunningStatistics()].add(value - b)
                }
            }
        }
        let startYear = scenarios[0].parameters.startYear
        func check(_ table: ResultTable, key: ([CSVField]) -> (scenario: String, cell: Cell?), delta column: Int) -> Int {
            var checked = 0
            for row in table.rows.dropFirst() {
                let (scenario, cell) = key(row)
                guard scenario != "baseline", let cell else { continue }
                let (region, metric) = (cell.region, cell.key)
                let expected = recomputed[scenario]?[cell]
                let reported = Self.number(row[column])
                guard let expected else {
                    #expect(
                        reported?.isNaN ?? true,
                        "\(scenario) \(region) \(metric.id): no baseline series, yet Δ \(String(describing: reported))")
                    continue
                }
                guard let reported else {
                    Issue.record("\(scenario) \(region) \(metric.id): no Δ")
                    continue
                }
                if expected.mean.isNaN {
                    #expect(reported.isNaN, "\(scenario) \(region) \(metric.id): Δ \(reported), recomputed NaN")
                } else {
                    #expect(
                        abs(reported - expected.mean) <= 1e-9 * max(1, abs(expected.mean)),
                        "\(scenario) \(region) \(metric.id): Δ \(reported), recomputed \(expected.mean)")
                }
                checked += 1
            }
            return checked
        }
        let domains = scenarios[0].parameters.domains.map(\.id)
        let summaryRows = check(
            ResultTables.summary(result, labels: labels),
            key: { row in
                (
                    Self.text(row[0]),
                    MetricKey.regionLevel(id: Self.text(row[2]), domains: domains).map {
                        Cell(region: Self.text(row[1]), key: $0, year: nil)
                    }
                )
            }, delta: 8)
        let serviceRows = check(
            ResultTables.services(result, labels: labels),
            key: { row in
                let measure = CounterMeasure.allCases.first { $0.name == Self.text(row[3]) }
                let year = Int(Self.number(row[5]) ?? 0) - startYear
                return (
                    Self.text(row[0]),
                    measure.map { Cell(region: Self.text(row[1]), key: .counter($0, unit: Self.text(row[2])), year: year) }
                )
            }, delta: 10)
        #expect(summaryRows > 1000 && serviceRows > 500, "checked \(summaryRows) summary and \(serviceRows) service rows")
    }

    /// The model may write its series in any slot order: with every region's slots shuffled (a
    /// test-only hook), every table, the brief and the workbook are byte-identical.
    @Test func shufflingTheSlotsChangesNoOutput() throws {
        let scenarios = try Self.bundled()
        let labels = scenarios.map(Self.labels)
        func outputs(_ result: ExperimentResult) -> [String: [UInt8]] {
            let brief = PolicyBrief(result: result, labels: labels, baseline: 0, language: .id, replications: 2, seed: 2027)
            return [
                "summary": Array(ResultTables.summary(result, labels: labels).csv(.standard).utf8),
                "yearly": Array(ResultTables.yearly(result, labels: labels).csv(.standard).utf8),
                "timeseries": Array(ResultTables.timeseries(result, labels: labels).csv(.standard).utf8),
                "services": Array(ResultTables.services(result, labels: labels).csv(.standard).utf8),
                "programmes": Array(ResultTables.programmes(result, labels: labels).csv(.standard).utf8),
                "decisions": Array(ResultTables.decisions(result, labels: labels).csv(.standard).utf8),
                "brief.md": Array(brief.markdown().utf8), "brief.html": Array(brief.html().utf8),
                "workbook": Workbook.make(result, labels: labels, baseline: 0, language: .en),
            ]
        }
        let plain = outputs(Self.run(scenarios, replications: 2))
        let shuffled = outputs(Self.run(scenarios, replications: 2, shuffle: 0x5EED_CAFE))
        #expect(plain.keys.sorted() == shuffled.keys.sorted())
        for name in plain.keys.sorted() { #expect(plain[name] == shuffled[name], "\(name) changed when the slots were shuffled") }
        // The hook does shuffle: a replication's first slot is not competency.mean.
        let model = scenarios[0].parameters
        var simulation = RegionSimulation(model: model, regionIndex: 0, seed: 1, replication: 0, layoutShuffle: 0x5EED_CAFE)
        #expect(simulation.runToHorizon().layout.keys != RegionCatalogue(model, region: 0).keys)
    }
}

import SimCore
import SimExperiment
import SimWorkforce

/// `YYYY-MM` of month `index` after January of `startYear`.
public func periodLabel(startYear: Int, month index: Int) -> String { monthText(startYear * 12 + index) }

/// The tidy tables of docs/outputs.md, as CSV text.
public enum ResultTables {
    /// The columns of an estimate and its paired difference to the baseline.
    static let withDifferenceHeader = ["mean", "ci_low", "ci_high", "replications", "delta_vs_baseline", "delta_ci_low", "delta_ci_high"]

    /// An estimate's mean, interval and replications, then its paired difference's mean and
    /// interval, left empty when there is nothing to compare with (`nil`: no baseline, or a
    /// series the baseline does not have).
    static func withDifference(_ estimate: Estimate, _ delta: RunningStatistics?) -> [CSVField] {
        let delta = delta.map(Estimate.init)
        return [
            .number(estimate.mean), .number(estimate.low), .number(estimate.high), .integer(estimate.replications),
            .number(delta?.mean ?? .nan), .number(delta?.low ?? .nan), .number(delta?.high ?? .nan),
        ]
    }

    /// The scenarios a table reports: all but a baseline given only to compare with.
    static func reported(_ labels: [ScenarioLabels]) -> [(offset: Int, element: ScenarioLabels)] {
        labels.enumerated().filter { $0.element.isReported }.map { ($0.offset, $0.element) }
    }

    /// Each region-level series of scenario `s`: (region index, region id, metric position, definition).
    static func regionLevel(_ result: ExperimentResult, _ s: Int) -> [(r: Int, region: String, m: Int, metric: MetricDefinition)] {
        result.catalogues[s].enumerated().flatMap { r, catalogue in
            catalogue.metrics.enumerated().filter { $0.element.isRegionLevel }.map { (r, catalogue.region, $0.offset, $0.element) }
        }
    }

    /// One row per scenario × region × metric at the horizon, with the paired delta to the baseline.
    public static func summary(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row((["scenario", "region", "metric", "unit"] + withDifferenceHeader).map(CSVField.identifier))
        for (s, label) in reported(labels) {
            for (r, region, m, metric) in regionLevel(result, s) {
                csv.row(
                    [.userText(label.id), .userText(region), .identifier(metric.id), .identifier(metric.unit)]
                        + withDifference(Estimate(result.horizon[s][r][m]), result.horizonDifference(s, r, m)))
            }
        }
        return csv
    }

    /// One row per scenario × region × metric × calendar year: the year's value by the metric's
    /// own rule (`summary`: `end_of_year` for stocks, `total` or `mean` for flows) with its
    /// interval, and the paired difference to the baseline in that year with its interval.
    public static func yearly(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row((["scenario", "region", "metric", "unit", "year", "summary"] + withDifferenceHeader).map(CSVField.identifier))
        let years = result.years
        for (s, label) in reported(labels) {
            for (r, region, m, metric) in regionLevel(result, s) {
                for year in 0..<years {
                    csv.row(
                        [
                            .userText(label.id), .userText(region), .identifier(metric.id), .identifier(metric.unit),
                            .integer(label.startYear + year), .identifier(yearRule(metric.summary)),
                        ]
                            + withDifference(Estimate(result.yearly[s][r][m * years + year]), result.yearDifference(s, r, m, year: year)))
                }
            }
        }
        return csv
    }

    /// How a metric's year is read from its months, in yearly.csv's words.
    static func yearRule(_ summary: HorizonSummary) -> String {
        switch summary {
        case .lastMonth: return "end_of_year"
        case .total: return "total"
        case .lastYearMean: return "mean"
        }
    }

    /// One row per scenario × region × metric × month.
    public static func timeseries(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row(["scenario", "region", "metric", "unit", "period", "mean", "ci_low", "ci_high"].map(CSVField.identifier))
        for (s, label) in reported(labels) {
            for (r, region, m, metric) in regionLevel(result, s) {
                for month in 0..<result.months {
                    let estimate = Estimate(result.series[s][r][m * result.months + month])
                    csv.row([
                        .userText(label.id), .userText(region), .identifier(metric.id), .identifier(metric.unit),
                        .identifier(periodLabel(startYear: label.startYear, month: month)),
                        .number(estimate.mean), .number(estimate.low), .number(estimate.high),
                    ])
                }
            }
        }
        return csv
    }

    /// What each programme did, per scenario × region × programme × fiscal year: means over
    /// replications of invitations, completions, JP, spending and gap closed, and what the
    /// evaluation did to it that year (with the share of replications that did it).
    public static func programmes(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row(
            (["scenario", "region", "programme", "year"] + ProgrammeMeasure.allCases.map(\.name) + ["evaluation"]).map(CSVField.identifier))
        let months = result.months
        for (s, label) in reported(labels) {
            for (r, catalogue) in result.catalogues[s].enumerated() {
                for (p, id) in label.programmeIDs.enumerated() {
                    let positions = ProgrammeMeasure.allCases.compactMap { catalogue.position(of: .programme($0, programme: id)) }
                    guard positions.count == ProgrammeMeasure.allCases.count else { continue }
                    for year in 0..<result.years {
                        let span = (year * 12)..<min(months, year * 12 + 12)
                        let sums = positions.map { m in span.reduce(0.0) { $0 + result.series[s][r][m * months + $1].mean } }
                        csv.row(
                            [.userText(label.id), .userText(catalogue.region), .userText(id), .integer(label.startYear + year)]
                                + sums.map(CSVField.number)
                                + [.userText(evaluation(result, scenario: s, region: r, programme: p, months: span, label: label))])
                    }
                }
            }
        }
        return csv
    }

    /// Service results per counter: one row per scenario × region × counter × measure × year, with
    /// the year's value (total or mean, as for the region) and the paired difference to the
    /// baseline's same counter in the same region that year (empty where the baseline has no such
    /// counter). A region has rows only for its own counters.
    public static func services(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row((["scenario", "region", "counter", "measure", "unit", "year"] + withDifferenceHeader).map(CSVField.identifier))
        let years = result.years
        for (s, label) in reported(labels) {
            for (r, catalogue) in result.catalogues[s].enumerated() {
                for unit in catalogue.counters {
                    for measure in CounterMeasure.allCases {
                        guard let m = catalogue.position(of: .counter(measure, unit: unit)) else { continue }
                        for year in 0..<years {
                            csv.row(
                                [
                                    .userText(label.id), .userText(catalogue.region), .userText(unit), .identifier(measure.name),
                                    .identifier(catalogue.metrics[m].unit), .integer(label.startYear + year),
                                ]
                                    + withDifference(
                                        Estimate(result.yearly[s][r][m * years + year]), result.yearDifference(s, r, m, year: year)))
                        }
                    }
                }
            }
        }
        return csv
    }

    /// Each counter by month (YYYY-MM): the measures of services.csv with their 95% intervals over
    /// replications, so a Lebaran month or a course's month can be read on its own. Monthly
    /// paired differences are not kept (services.csv has each year's); a measure undefined in a
    /// month (a Lebaran wait outside Lebaran) is empty.
    public static func servicesMonthly(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row(["scenario", "region", "counter", "measure", "unit", "period", "mean", "ci_low", "ci_high"].map(CSVField.identifier))
        let months = result.months
        for (s, label) in reported(labels) {
            for (r, catalogue) in result.catalogues[s].enumerated() {
                for unit in catalogue.counters {
                    for measure in CounterMeasure.allCases {
                        guard let m = catalogue.position(of: .counter(measure, unit: unit)) else { continue }
                        for month in 0..<months {
                            let estimate = Estimate(result.series[s][r][m * months + month])
                            csv.row([
                                .userText(label.id), .userText(catalogue.region), .userText(unit), .identifier(measure.name),
                                .identifier(catalogue.metrics[m].unit), .identifier(periodLabel(startYear: label.startYear, month: month)),
                                .number(estimate.mean), .number(estimate.low), .number(estimate.high),
                            ])
                        }
                    }
                }
            }
        }
        return csv
    }

    /// Each office counter by clock hour of arrival and year: the queue numbers taken (the year's
    /// total) and the served's mean wait (the mean of the year's months). Continuous counters
    /// have no hours, so a run without an office counter writes the header only.
    public static func servicesHourly(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row((["scenario", "region", "counter", "hour", "measure", "unit", "year"] + withDifferenceHeader).map(CSVField.identifier))
        let years = result.years
        for (s, label) in reported(labels) {
            for (r, catalogue) in result.catalogues[s].enumerated() {
                for (m, metric) in catalogue.metrics.enumerated() {
                    guard case .counterHour(let measure, let unit, let hour) = metric.key else { continue }
                    for year in 0..<years {
                        csv.row(
                            [
                                .userText(label.id), .userText(catalogue.region), .userText(unit), .integer(hour),
                                .identifier(measure.name),
                                .identifier(metric.unit), .integer(label.startYear + year),
                            ]
                                + withDifference(
                                    Estimate(result.yearly[s][r][m * years + year]), result.yearDifference(s, r, m, year: year)))
                    }
                }
            }
        }
        return csv
    }

    /// The evaluation's decisions on one programme in some months, in words.
    static func evaluation(
        _ result: ExperimentResult, scenario s: Int, region r: Int, programme: Int, months: Range<Int>,
        label: ScenarioLabels
    ) -> String {
        let replications = max(result.replicationsDone, 1)
        return result.decisions[s].keys.sorted()
            .filter { $0.region == r && $0.programme == programme && months.contains($0.month) }
            .map { key in
                "\(key.action) \(periodLabel(startYear: label.startYear, month: key.month)) (\(result.decisions[s][key]?.count ?? 0) of \(replications))"
            }
            .joined(separator: "; ")
    }

    /// The adaptive policy's decisions, aggregated over replications, in time order.
    public static func decisions(_ result: ExperimentResult, labels: [ScenarioLabels]) -> ResultTable {
        var csv = ResultTable()
        csv.row(
            [
                "scenario", "period", "region", "programme", "action", "replications", "share_of_replications",
                "mean_gap_closed_per_attendee_levels", "reason",
            ].map(CSVField.identifier))
        for (s, label) in reported(labels) {
            for key in result.decisions[s].keys.sorted() {
                guard let summary = result.decisions[s][key] else { continue }
                csv.row([
                    .userText(label.id), .identifier(periodLabel(startYear: label.startYear, month: key.month)),
                    .userText(label.regionIDs[key.region]), .userText(label.programmeIDs[key.programme]),
                    .identifier(key.action), .integer(summary.count),
                    .number(Double(summary.count) / Double(max(result.replicationsDone, 1))),
                    .number(summary.effect.mean), .userText(summary.reason),
                ])
            }
        }
        return csv
    }
}

import SimExperiment
import SimWorkforce

/// The files of a sweep: sweep.csv (every row) and sweep.html (the outcome curves against the
/// first varied path).
public enum SweepFiles {
    /// The outcome curves sweep.html draws.
    public static let chartMetrics: [Metric] = [
        .competencyMean, .competencyShareAtStandard, .jpShareReaching20, .serviceIKM, .serviceWaitMean,
    ]

    public static func make(
        _ study: SweepStudy, rows: [SweepStudy.Row], plan: RunPlan, locale: CSVLocale, language: Language,
        metadata: String
    ) -> [(name: String, contents: String)] {
        var csv = CSVWriter(locale: locale)
        csv.row(
            (["scenario"] + study.axes.map(\.path) + [
                "region", "metric", "unit", "mean", "ci_low", "ci_high", "replications",
                "delta_vs_unchanged", "delta_ci_low", "delta_ci_high",
            ]).map(CSVField.identifier))
        var curves: [String: [SweepPoint]] = [:]
        for row in rows {
            let e = row.estimate
            let d = row.difference
            csv.row(
                [.userText(row.scenario)] + row.values.map(CSVField.number)
                    + [
                        .userText(row.region), .identifier(row.metric.id), .identifier(row.metric.unit),
                        .number(e.mean), .number(e.low), .number(e.high), .integer(e.replications),
                        .number(d?.mean ?? .nan), .number(d?.low ?? .nan), .number(d?.high ?? .nan),
                    ])
            guard chartMetrics.contains(where: { row.metric.key == .region($0) }) else { continue }
            curves["\(row.metric.id)|\(row.region)", default: []].append(
                SweepPoint(scenario: row.scenario, name: row.name, x: row.values[0], mean: e.mean, low: e.low, high: e.high))
        }
        let first = plan.labels.first
        let charts = chartMetrics.flatMap { metric in
            (first?.regionIDs ?? []).enumerated().map { index, region in
                SweepChart(
                    regionID: region, regionName: first?.regionName(index) ?? region, metric: metric.id,
                    summary: metric.definition.summary, points: curves["\(metric.id)|\(region)"] ?? [])
            }
        }
        let horizonYear = (first?.startYear ?? 0) + ((study.loaded.first?.parameters.months ?? 12) + 11) / 12 - 1
        let page = SweepReport.html(language: language, axis: study.axes[0].path, horizonYear: horizonYear, charts: charts)
        return [("sweep.csv", csv.text), ("sweep.html", page), ("run.json", metadata)]
    }
}

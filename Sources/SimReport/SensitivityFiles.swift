import Foundation
import SimCore
import SimExperiment
import SimScenario
import SimSensitivity
import SimWorkforce

extension SensitivityOutcome {
    /// What run.json adds for a sensitivity run.
    public var metadata: [(String, JSONValue)] {
        [
            (
                "sensitivity",
                .object([
                    ("method", JSONNode(.string(method.rawValue))), ("samples", JSONNode(.number(Double(samples)))),
                    ("bootstrap", JSONNode(.number(Double(bootstrap)))), ("designPoints", JSONNode(.number(Double(totalPoints)))),
                    ("factors", JSONNode(.object(studies.map { ($0.id, JSONNode(.array($0.factors.map { JSONNode(.string($0)) }))) }))),
                ])
            )
        ]
    }
}

/// The files of a sensitivity study.
public enum SensitivityFiles {
    /// sensitivity.csv, sensitivity.html and run.json.
    public static func make(_ outcome: SensitivityOutcome, locale: CSVLocale, language: Language, metadata: String) -> [(
        name: String, contents: String
    )] {
        var csv = CSVWriter(locale: locale)
        csv.row(["scenario", "region", "metric", "unit", "parameter", "index", "value", "ci_low", "ci_high"].map(CSVField.identifier))
        let rows = outcome.rows()
        var charts: [SensitivityChart] = []
        let ranking = outcome.method == .morris ? "mu_star" : "ST"
        let inner = outcome.method == .morris ? nil : "S1" as String?
        for row in rows {
            let study = outcome.studies[row.study]
            let metric = study.metrics[row.metric]
            csv.row([
                .userText(study.id), .userText(study.regionIDs[row.region]), .identifier(metric.id), .identifier(metric.unit),
                .userText(study.factors[row.factor]), .identifier(row.name),
                .number(row.value.value), .number(row.value.low), .number(row.value.high),
            ])
        }
        for (s, study) in outcome.studies.enumerated() {
            for region in study.regionIDs.indices {
                for (m, metric) in study.metrics.enumerated()
                where SensitivityReport.headlineMetrics.contains(where: { metric.key == .region($0) }) {
                    let mine = rows.filter { $0.study == s && $0.region == region && $0.metric == m }
                    let bars = study.factors.indices.map { factor in
                        SensitivityBar(
                            parameter: study.factors[factor],
                            index: mine.first { $0.factor == factor && $0.name == ranking }?.value
                                ?? SensitivityIndex(value: .nan, low: .nan, high: .nan),
                            inner: inner.flatMap { name in mine.first { $0.factor == factor && $0.name == name }?.value })
                    }
                    charts.append(
                        SensitivityChart(
                            scenario: study.id, scenarioName: study.name, regionID: study.regionIDs[region],
                            regionName: study.regionNames[region], metric: metric.id, unit: metric.unit,
                            horizonYear: study.horizonYear, bars: bars))
                }
            }
        }
        let page = SensitivityReport.html(
            language: language, method: outcome.method.rawValue, samples: outcome.samples,
            replications: outcome.replications, charts: charts)
        return [("sensitivity.csv", csv.text), ("sensitivity.html", page), ("run.json", metadata)]
    }

    /// run.json of a merge: the run's settings from the shards, and which folders it merged.
    public static func mergedMetadata(_ merged: SensitivityOutcome, directories: [String], seconds: Double) -> String {
        JSONWriter.render(
            .object(
                [
                    ("generator", JSONNode(.string("kompeten-simulate"))), ("version", JSONNode(.string(KompetenVersion.current))),
                    ("commandLine", JSONNode(.array(CommandLine.arguments.map { JSONNode(.string($0)) }))),
                    ("seed", JSONNode(.number(Double(merged.seed)))), ("replications", JSONNode(.number(Double(merged.replications)))),
                    (
                        "scenarios",
                        JSONNode(
                            .array(
                                merged.studies.map {
                                    JSONNode(
                                        .object([
                                            ("id", JSONNode(.string($0.id))), ("file", JSONNode(.string($0.file))),
                                            ("sha256", JSONNode(.string($0.sha256))),
                                        ]))
                                }))
                    ),
                ] + merged.metadata.map { ($0.0, JSONNode($0.1)) } + [
                    ("mergedFrom", JSONNode(.array(directories.map { JSONNode(.string($0)) }))),
                    ("wallSeconds", JSONNode(.number((seconds * 1000).rounded() / 1000))),
                ]), indent: 0) + "\n"
    }
}
